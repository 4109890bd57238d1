package validate

const bech32Charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"

// bech32Value maps a lowercase or uppercase ASCII byte to its 5-bit bech32
// value, or -1.
var bech32Value = func() (t [256]int8) {
	for i := range t {
		t[i] = -1
	}
	for i := 0; i < len(bech32Charset); i++ {
		c := bech32Charset[i]
		t[c] = int8(i)
		if c >= 'a' && c <= 'z' {
			t[c-'a'+'A'] = int8(i)
		}
	}
	return t
}()

// Checksum constants: BIP-173 bech32 and BIP-350 bech32m.
const (
	bech32Const  = 1
	bech32mConst = 0x2bc830a3
)

// bech32Polymod steps the BCH checksum generator of BIP-173 with one 5-bit
// value.
func bech32Polymod(chk uint32, v byte) uint32 {
	b := chk >> 25
	chk = (chk&0x1ffffff)<<5 ^ uint32(v)
	if b&1 != 0 {
		chk ^= 0x3b6a57b2
	}
	if b&2 != 0 {
		chk ^= 0x26508e6d
	}
	if b&4 != 0 {
		chk ^= 0x1ea119fa
	}
	if b&8 != 0 {
		chk ^= 0x3d4233dd
	}
	if b&16 != 0 {
		chk ^= 0x2a1462b3
	}
	return chk
}

// Bech32 reports whether s is a Bitcoin segregated-witness address for
// mainnet ("bc") or testnet ("tb"): at most 90 characters, all one case,
// human-readable part, separator '1' and at least six data characters; a
// BIP-173 bech32 checksum for witness version 0 or a BIP-350 bech32m
// checksum for versions 1-16; and a witness program of 2-40 bytes (20 or 32
// for version 0) whose 5-to-8-bit regrouping leaves at most four zero bits
// of padding.
func Bech32(s []byte) bool {
	if len(s) < 8 || len(s) > 90 {
		return false
	}
	hasLower, hasUpper := false, false
	sep := -1
	for i, c := range s {
		switch {
		case c < 33 || c > 126:
			return false
		case c >= 'a' && c <= 'z':
			hasLower = true
		case c >= 'A' && c <= 'Z':
			hasUpper = true
		case c == '1':
			sep = i
		}
	}
	if hasLower && hasUpper {
		return false
	}
	if sep != 2 || len(s)-sep-1 < 7 { // hrp "bc"/"tb"; version + 6 checksum chars at least
		return false
	}
	h0, h1 := lower(s[0]), lower(s[1])
	if !(h0 == 'b' && h1 == 'c') && !(h0 == 't' && h1 == 'b') {
		return false
	}
	chk := uint32(1)
	chk = bech32Polymod(chk, h0>>5)
	chk = bech32Polymod(chk, h1>>5)
	chk = bech32Polymod(chk, 0)
	chk = bech32Polymod(chk, h0&31)
	chk = bech32Polymod(chk, h1&31)
	data := s[sep+1:]
	for _, c := range data {
		v := bech32Value[c]
		if v < 0 {
			return false
		}
		chk = bech32Polymod(chk, byte(v))
	}
	version := bech32Value[data[0]]
	switch {
	case version > 16:
		return false
	case version == 0 && chk != bech32Const:
		return false
	case version != 0 && chk != bech32mConst:
		return false
	}
	// Regroup the program's 5-bit values into bytes, counting them.
	acc, bits, n := uint32(0), uint(0), 0
	for _, c := range data[1 : len(data)-6] {
		acc = acc<<5 | uint32(bech32Value[c]&31) // every value was checked non-negative above
		bits += 5
		if bits >= 8 {
			bits -= 8
			n++
		}
	}
	if bits >= 5 || acc&(1<<bits-1) != 0 {
		return false // more than four bits of padding, or non-zero padding
	}
	if n < 2 || n > 40 {
		return false
	}
	return version != 0 || n == 20 || n == 32
}

// BitcoinAddress reports whether s is a Bitcoin mainnet Base58Check address
// (P2PKH or P2SH) or a bech32/bech32m segwit address (see Bech32).
func BitcoinAddress(s []byte) bool {
	return Base58Check(s) || Bech32(s)
}
