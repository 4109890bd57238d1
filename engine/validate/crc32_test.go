package validate

import (
	"encoding/binary"
	"encoding/hex"
	"math/big"
	"strings"
	"testing"
)

func TestCRC32Base62(t *testing.T) {
	tests := []struct {
		data, sum string
		want      bool
	}{
		// Bodies and checksums of GitHub-format tokens (the first from a
		// published implementation's test, the third from this repository's
		// GitHubToken example).
		{"fIkRGaBu5PeKsznMzXQOg3kETH1Sgx", "2oIfSC", true},
		{"qkJaB6MffYVzZXWqmcoF49yrUxP3wf", "0LsakP", true}, // a leading '0' pad
		// The same value in a 0-9a-zA-Z alphabet, which some scanners use
		// by mistake: not GitHub's encoding.
		{"qkJaB6MffYVzZXWqmcoF49yrUxP3wf", "0lSAKp", false},
		{"wWPw5k4aXcaT4fNP0UcnZwJUVFk6LO", "0pINUx", true},
		{"fIkRGaBu5PeKsznMzXQOg3kETH1Sgx", "2oIfSD", false},
		{"fIkRGaBu5PeKsznMzXQOg3kETH1Sgy", "2oIfSC", false},
		{"fIkRGaBu5PeKsznMzXQOg3kETH1Sgx", "2OIfSC", false}, // case matters
		{"fIkRGaBu5PeKsznMzXQOg3kETH1Sgx", "2oIfS", false},
		{"fIkRGaBu5PeKsznMzXQOg3kETH1Sgx", "02oIfSC", false},
		{"fIkRGaBu5PeKsznMzXQOg3kETH1Sgx", "2oIf-C", false},
		{"", "000000", true}, // CRC-32 of nothing is 0
	}
	for _, tt := range tests {
		if got := CRC32Base62([]byte(tt.data), []byte(tt.sum)); got != tt.want {
			t.Errorf("CRC32Base62(%q, %q) = %v, want %v", tt.data, tt.sum, got, tt.want)
		}
	}
}

func TestCRC32Base36(t *testing.T) {
	tests := []struct {
		data, sum string
		want      bool
	}{
		// The routable token example of GitLab's secret-detection rules.
		{"glpat-bzox79Of-KE9FD2LjoXXF4CvyxA.0r", "03gxo7s", true},
		{"glpat-bzox79Of-KE9FD2LjoXXF4CvyxA.0r", "03gxo7t", false},
		{"glpat-bzox79Of-KE9FD2LjoXXF4CvyxA.0s", "03gxo7s", false},
		{"glpat-bzox79Of-KE9FD2LjoXXF4CvyxA.0r", "03GXO7S", false},
		{"glpat-bzox79Of-KE9FD2LjoXXF4CvyxA.0r", "3gxo7s", false},
	}
	for _, tt := range tests {
		if got := CRC32Base36([]byte(tt.data), []byte(tt.sum)); got != tt.want {
			t.Errorf("CRC32Base36(%q, %q) = %v, want %v", tt.data, tt.sum, got, tt.want)
		}
	}
}

func TestCRC32HexUpper(t *testing.T) {
	tests := []struct {
		data, sum string
		want      bool
	}{
		// Fabricated Bitbucket app passwords: ATBB, 24 characters, the
		// CRC-32 of those 28.
		{"ATBBq7Lm2XvR9sKd4WfT8yHn3cJp", "54C006F8", true},
		{"ATBBZt5wQe8RkLx2Vb7NmC4yHs9P", "C6A6D53A", true},
		{"ATBBZt5wQe8RkLx2Vb7NmC4yHs9P", "c6a6d53a", false},
		{"ATBBZt5wQe8RkLx2Vb7NmC4yHs9P", "C6A6D53B", false},
		{"ATBBZt5wQe8RkLx2Vb7NmC4yHs9Q", "C6A6D53A", false},
	}
	for _, tt := range tests {
		if got := CRC32HexUpper([]byte(tt.data), []byte(tt.sum)); got != tt.want {
			t.Errorf("CRC32HexUpper(%q, %q) = %v, want %v", tt.data, tt.sum, got, tt.want)
		}
	}
}

// refCRC32 is CRC-32/IEEE transcribed bit by bit from its definition
// (reflected polynomial 0xEDB88320, initial value and final XOR all ones),
// independent of hash/crc32's tables.
func refCRC32(data []byte) uint32 {
	crc := ^uint32(0)
	for _, b := range data {
		crc ^= uint32(b)
		for k := 0; k < 8; k++ {
			if crc&1 != 0 {
				crc = crc>>1 ^ 0xEDB88320
			} else {
				crc >>= 1
			}
		}
	}
	return ^crc
}

// refEncode writes n in the given alphabet's base with math/big,
// left-padded with the alphabet's zero digit to width.
func refEncode(n uint32, alphabet string, width int) string {
	s := new(big.Int).SetUint64(uint64(n)).Text(len(alphabet))
	// big.Int.Text uses 0-9a-z then A-Z; map its digits to alphabet's.
	const bigDigits = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	var b strings.Builder
	for i := len(s); i < width; i++ {
		b.WriteByte(alphabet[0])
	}
	for i := 0; i < len(s); i++ {
		b.WriteByte(alphabet[strings.IndexByte(bigDigits, s[i])])
	}
	return b.String()
}

// FuzzCRC32Checksums checks the four checksum encodings against refCRC32
// and refEncode: the reference checksum of data is accepted, and an
// arbitrary candidate sum is accepted exactly when it equals the
// reference.
func FuzzCRC32Checksums(f *testing.F) {
	f.Add([]byte("fIkRGaBu5PeKsznMzXQOg3kETH1Sgx"), "2oIfSC")
	f.Add([]byte("glpat-bzox79Of-KE9FD2LjoXXF4CvyxA.0r"), "03gxo7s")
	f.Add([]byte("ATBBZt5wQe8RkLx2Vb7NmC4yHs9P"), "C6A6D53A")
	f.Add([]byte{}, "000000")
	encodings := []struct {
		name     string
		check    func(data, sum []byte) bool
		alphabet string
		width    int
	}{
		{"base62", CRC32Base62, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", 6},
		{"base36", CRC32Base36, "0123456789abcdefghijklmnopqrstuvwxyz", 7},
		{"hex", CRC32HexUpper, "0123456789ABCDEF", 8},
	}
	f.Fuzz(func(t *testing.T, data []byte, sum string) {
		crc := refCRC32(data)
		for _, enc := range encodings {
			want := refEncode(crc, enc.alphabet, enc.width)
			if len(want) != enc.width {
				t.Fatalf("%s: reference %q is not %d digits", enc.name, want, enc.width)
			}
			if !enc.check(data, []byte(want)) {
				t.Errorf("%s: rejects the reference checksum %q of %q", enc.name, want, data)
			}
			if got := enc.check(data, []byte(sum)); got != (sum == want) {
				t.Errorf("%s(%q, %q) = %v, reference %q", enc.name, data, sum, got, want)
			}
		}
		var le [4]byte
		binary.LittleEndian.PutUint32(le[:], crc)
		want := hex.EncodeToString(le[:])
		if !CRC32HexLE(data, []byte(want)) {
			t.Errorf("hex-le: rejects the reference checksum %q of %q", want, data)
		}
		if got := CRC32HexLE(data, []byte(sum)); got != (sum == want) {
			t.Errorf("hex-le(%q, %q) = %v, reference %q", data, sum, got, want)
		}
	})
}

// TestCRC32HexLE checks Grafana's checksum encoding on a fabricated
// service account token: the right checksum, a wrong digit, upper-case
// digits, a short and a long checksum.
func TestCRC32HexLE(t *testing.T) {
	data := []byte("glsa_yvok56yK5SsJry2UWKaXpQ1bC8jjUukq")
	var le [4]byte
	binary.LittleEndian.PutUint32(le[:], refCRC32(data))
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
