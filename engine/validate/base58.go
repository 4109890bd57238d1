package validate

import "crypto/sha256"

const base58Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"

// base58Value maps an ASCII byte to its Base58 digit value, or -1.
var base58Value = func() (t [256]int8) {
	for i := range t {
		t[i] = -1
	}
	for i := 0; i < len(base58Alphabet); i++ {
		t[base58Alphabet[i]] = int8(i)
	}
	return t
}()

// LooksBase58 reports whether b is in the Bitcoin Base58 alphabet (ASCII
// letters and digits except 0, O, I and l).
func LooksBase58(b byte) bool { return base58Value[b] >= 0 }

// Bitcoin Base58Check version bytes accepted by Base58Check.
const (
	versionP2PKH = 0x00 // pay-to-pubkey-hash, addresses starting with '1'
	versionP2SH  = 0x05 // pay-to-script-hash, addresses starting with '3'
)

// base58AddrLen is the decoded size of a Bitcoin Base58Check address: one
// version byte, a 20-byte hash and a 4-byte checksum.
const base58AddrLen = 25

// Base58Check reports whether s is a Bitcoin mainnet Base58Check address:
// its Base58 decoding is exactly 25 bytes (version, 20-byte hash, checksum),
// the version byte is 0x00 (P2PKH) or 0x05 (P2SH), and the last four bytes
// equal the first four bytes of SHA-256(SHA-256(version ‖ hash)). It decodes
// into a stack buffer and does not allocate.
func Base58Check(s []byte) bool {
	if len(s) < 26 || len(s) > 35 {
		return false
	}
	var buf [base58AddrLen]byte
	if !base58DecodeExact(buf[:], s) {
		return false
	}
	if buf[0] != versionP2PKH && buf[0] != versionP2SH {
		return false
	}
	first := sha256.Sum256(buf[:base58AddrLen-4])
	second := sha256.Sum256(first[:])
	return [4]byte(second[:4]) == [4]byte(buf[base58AddrLen-4:])
}

// base58DecodeExact decodes the Base58 text s into dst and reports whether
// its decoding has exactly len(dst) bytes: the leading '1's give leading zero
// bytes and the rest is the big-endian value, with no further leading zeros.
func base58DecodeExact(dst, s []byte) bool {
	clear(dst)
	zeros := 0
	for zeros < len(s) && s[zeros] == '1' {
		zeros++
	}
	for _, c := range s {
		v := base58Value[c]
		if v < 0 {
			return false
		}
		carry := int(v)
		for j := len(dst) - 1; j >= 0; j-- {
			carry += int(dst[j]) * 58
			dst[j] = byte(carry & 0xff)
			carry >>= 8
		}
		if carry != 0 {
			return false // the value needs more than len(dst) bytes
		}
	}
	lead := 0
	for lead < len(dst) && dst[lead] == 0 {
		lead++
	}
	return lead == zeros
}
