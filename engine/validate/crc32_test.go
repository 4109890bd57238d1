package validate

import (
	"encoding/binary"
	"encoding/hex"
	"hash/crc32"
	"testing"
)

// TestCRC32 checks the CRC-32 check value of the standard test string
// ("123456789" gives 0xCBF43926, the catalogue value for CRC-32/ISO-HDLC)
// and the empty string.
func TestCRC32(t *testing.T) {
	if got := CRC32([]byte("123456789")); got != 0xCBF43926 {
		t.Errorf("CRC32(123456789) = %#x, want 0xcbf43926", got)
	}
	if got := CRC32(nil); got != 0 {
		t.Errorf("CRC32(empty) = %#x, want 0", got)
	}
}

// TestCRC32HexLE checks Grafana's checksum encoding on fabricated service
// account tokens: the right checksum, a wrong digit, upper-case digits and
// a short checksum.
func TestCRC32HexLE(t *testing.T) {
	data := []byte("glsa_yvok56yK5SsJry2UWKaXpQ1bC8jjUukq")
	var le [4]byte
	binary.LittleEndian.PutUint32(le[:], crc32.ChecksumIEEE(data))
	good := hex.EncodeToString(le[:])
	if !CRC32HexLE(data, []byte(good)) {
		t.Fatalf("CRC32HexLE(%s, %s) = false, want true", data, good)
	}
	bad := []byte(good)
	bad[3] ^= 1
	for _, sum := range []string{string(bad), "ABCDEF01", good[:7], good + "0"} {
		if CRC32HexLE(data, []byte(sum)) {
			t.Errorf("CRC32HexLE(%s, %s) = true, want false", data, sum)
		}
	}
}

// refCRC32 is a bit-at-a-time transcription of the CRC-32 definition:
// the message's bits, least significant first, shifted through the
// reflected register with the polynomial 0xEDB88320, no table.
func refCRC32(b []byte) uint32 {
	reg := uint32(0xFFFFFFFF)
	for _, x := range b {
		for bit := 0; bit < 8; bit++ {
			in := uint32(x>>bit) & 1
			out := reg & 1
			reg >>= 1
			if in^out == 1 {
				reg ^= 0xEDB88320
			}
		}
	}
	return reg ^ 0xFFFFFFFF
}

// FuzzCRC32 compares CRC32 with the standard library's table-driven
// hash/crc32 and with the bitwise transcription, and CRC32HexLE with
// the hexadecimal text of the little-endian checksum.
func FuzzCRC32(f *testing.F) {
	f.Add([]byte("123456789"))
	f.Add([]byte("glsa_yvok56yK5SsJry2UWKaXpQ1bC8jjUukq"))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		got := CRC32(b)
		if want := crc32.ChecksumIEEE(b); got != want {
			t.Fatalf("CRC32(%x) = %#x, hash/crc32 %#x", b, got, want)
		}
		if ref := refCRC32(b); got != ref {
			t.Fatalf("CRC32(%x) = %#x, bitwise reference %#x", b, got, ref)
		}
		var le [4]byte
		binary.LittleEndian.PutUint32(le[:], got)
		if !CRC32HexLE(b, []byte(hex.EncodeToString(le[:]))) {
			t.Fatalf("CRC32HexLE(%x) rejects its own checksum", b)
		}
	})
}
