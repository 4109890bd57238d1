package validate

import (
	"bytes"
	"encoding/hex"
	"strings"
	"testing"

	"golang.org/x/crypto/sha3"
)

// This file checks Bech32 and EIP55 against reference implementations
// written here from BIP-173, BIP-350 and EIP-55, deliberately in a different
// style from the validators: the bech32 checksum is a polynomial remainder
// computed coefficient by coefficient in GF(32), the 5/8-bit regrouping goes
// through an explicit bit list, and the EIP-55 checksum is read from the hex
// text of the hash.

// gf32Mul multiplies two elements of GF(32) = GF(2)[a]/(a^5 + a^3 + 1), the
// field BIP-173 defines its BCH code over, by shift-and-add.
func gf32Mul(x, y byte) byte {
	var p byte
	for i := 0; i < 5; i++ {
		if y&(1<<i) != 0 {
			p ^= x
		}
		x <<= 1
		if x&0x20 != 0 {
			x ^= 0x29 // a^5 = a^3 + 1
		}
	}
	return p
}

// refBech32Gen holds the coefficients of x^5 .. x^0 of BIP-173's monic
// generator g(x) = x^6 + 29x^5 + 22x^4 + 20x^3 + 21x^2 + 29x + 18.
var refBech32Gen = [6]byte{29, 22, 20, 21, 29, 18}

// refBech32Rem returns the remainder modulo g(x) of the polynomial whose
// coefficients, highest degree first, are 1 followed by vals; rem[0] is the
// coefficient of x^5 and rem[5] that of x^0.
func refBech32Rem(vals []byte) [6]byte {
	rem := [6]byte{0, 0, 0, 0, 0, 1}
	for _, v := range vals {
		// Multiply by x and add v; the x^6 term t is then cancelled by
		// subtracting (in characteristic 2, adding) t*g(x).
		t := rem[0]
		copy(rem[:5], rem[1:])
		rem[5] = v
		for j := range rem {
			rem[j] ^= gf32Mul(t, refBech32Gen[j])
		}
	}
	return rem
}

// refBech32Consts are the remainders BIP-173 (bech32) and BIP-350 (bech32m)
// require, as coefficients of x^5 .. x^0.
var refBech32Consts = [2][6]byte{
	{0, 0, 0, 0, 0, 1},
	{0x2bc830a3 >> 25 & 31, 0x2bc830a3 >> 20 & 31, 0x2bc830a3 >> 15 & 31, 0x2bc830a3 >> 10 & 31, 0x2bc830a3 >> 5 & 31, 0x2bc830a3 & 31},
}

// refHRPExpand is BIP-173's hrp expansion: high three bits of each
// character, a zero, then the low five bits of each character.
func refHRPExpand(hrp string) []byte {
	var out []byte
	for i := 0; i < len(hrp); i++ {
		out = append(out, hrp[i]>>5)
	}
	out = append(out, 0)
	for i := 0; i < len(hrp); i++ {
		out = append(out, hrp[i]&31)
	}
	return out
}

// refRegroup converts groups of from bits into groups of to bits through an
// explicit list of bits, most significant first. With pad, a final partial
// group is zero-filled; without it, leftover bits must number fewer than
// from and all be zero.
func refRegroup(in []byte, from, to int, pad bool) ([]byte, bool) {
	var bits []bool
	for _, v := range in {
		for i := from - 1; i >= 0; i-- {
			bits = append(bits, v>>i&1 == 1)
		}
	}
	var out []byte
	for len(bits) >= to {
		var v byte
		for _, b := range bits[:to] {
			v <<= 1
			if b {
				v |= 1
			}
		}
		out = append(out, v)
		bits = bits[to:]
	}
	if pad {
		if len(bits) > 0 {
			var v byte
			for i := 0; i < to; i++ {
				v <<= 1
				if i < len(bits) && bits[i] {
					v |= 1
				}
			}
			out = append(out, v)
		}
		return out, true
	}
	if len(bits) >= from {
		return nil, false
	}
	for _, b := range bits {
		if b {
			return nil, false
		}
	}
	return out, true
}

// refBech32Decode decodes a bech32 or bech32m string per BIP-173/BIP-350. It
// returns the lowercase hrp, the data values without the checksum, and the
// encoding (0 bech32, 1 bech32m).
func refBech32Decode(s string) (hrp string, data []byte, enc int, ok bool) {
	if len(s) > 90 {
		return "", nil, 0, false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 33 || s[i] > 126 {
			return "", nil, 0, false
		}
	}
	if strings.ToLower(s) != s && strings.ToUpper(s) != s {
		return "", nil, 0, false
	}
	s = strings.ToLower(s)
	pos := strings.LastIndexByte(s, '1')
	if pos < 1 || pos+7 > len(s) {
		return "", nil, 0, false
	}
	hrp = s[:pos]
	vals := refHRPExpand(hrp)
	for i := pos + 1; i < len(s); i++ {
		v := strings.IndexByte(bech32Charset, s[i])
		if v < 0 {
			return "", nil, 0, false
		}
		vals = append(vals, byte(v))
	}
	rem := refBech32Rem(vals)
	for enc = range refBech32Consts {
		if rem == refBech32Consts[enc] {
			n := len(s) - pos - 1
			return hrp, vals[len(vals)-n : len(vals)-6], enc, true
		}
	}
	return "", nil, 0, false
}

// refSegwit reports whether s is a mainnet or testnet segwit address: a
// valid bech32(m) string with hrp "bc" or "tb", a witness version of 0-16,
// bech32 for version 0 and bech32m otherwise, and a witness program of
// 2-40 bytes (20 or 32 for version 0).
func refSegwit(s string) bool {
	hrp, data, enc, ok := refBech32Decode(s)
	if !ok || (hrp != "bc" && hrp != "tb") || len(data) < 1 {
		return false
	}
	version := data[0]
	if version > 16 {
		return false
	}
	if (version == 0) != (enc == 0) {
		return false
	}
	prog, ok := refRegroup(data[1:], 5, 8, false)
	if !ok || len(prog) < 2 || len(prog) > 40 {
		return false
	}
	return version != 0 || len(prog) == 20 || len(prog) == 32
}

// refBech32Encode builds the bech32 (enc 0) or bech32m (enc 1) string for
// hrp and 5-bit data values.
func refBech32Encode(hrp string, data []byte, enc int) string {
	vals := append(refHRPExpand(hrp), data...)
	rem := refBech32Rem(append(vals, 0, 0, 0, 0, 0, 0))
	var sb strings.Builder
	sb.WriteString(hrp)
	sb.WriteByte('1')
	for _, v := range data {
		sb.WriteByte(bech32Charset[v])
	}
	for i, r := range rem {
		sb.WriteByte(bech32Charset[r^refBech32Consts[enc][i]])
	}
	return sb.String()
}

// TestRefBech32Vectors checks the reference itself on the BIP-173 and
// BIP-350 vectors, so that a fuzz agreement means something.
func TestRefBech32Vectors(t *testing.T) {
	for _, tt := range []struct {
		s    string
		want bool
	}{
		{"BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4", true},
		{"tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7", true},
		{"bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y", true},
		{"BC1SW50QGDZ25J", true},
		{"bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs", true},
		{"bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0", true},
		{"bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5", false},
		{"bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd", false},
		{"bc1qfysxzmfq2phhyarvv9hxgtjgfazycwjypqqqfm706a", false},
		{"bc1zw508d6qejxtdg4y5r3zarvaryvqyzf3du", false},
		{"bc1gmk9yu", false},
	} {
		if got := refSegwit(tt.s); got != tt.want {
			t.Errorf("refSegwit(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
	// The generic bech32 and bech32m vectors with other hrps must decode
	// (with the right encoding) even though they are not segwit addresses.
	for _, tt := range []struct {
		s   string
		enc int
	}{
		{"A12UEL5L", 0},
		{"abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw", 0},
		{"?1ezyfcl", 0},
		{"A1LQFN3A", 1},
		{"abcdef1l7aum6echk45nj3s0wdvt2fg8x9yrzpqzd3ryx", 1},
		{"?1v759aa", 1},
	} {
		if _, _, enc, ok := refBech32Decode(tt.s); !ok || enc != tt.enc {
			t.Errorf("refBech32Decode(%q) = enc %d, ok %v; want enc %d, ok true", tt.s, enc, ok, tt.enc)
		}
	}
	if got := refBech32Encode("bc", append([]byte{0}, mustRegroup(t, "751e76e8199196d454941c45d1b3a323f1433bd6")...), 0); got != "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4" {
		t.Errorf("refBech32Encode = %q, want the BIP-173 P2WPKH vector", got)
	}
}

func mustRegroup(t *testing.T, hexProg string) []byte {
	t.Helper()
	prog, err := hex.DecodeString(hexProg)
	if err != nil {
		t.Fatal(err)
	}
	v, _ := refRegroup(prog, 8, 5, true)
	return v
}

// FuzzBech32 checks Bech32 against refSegwit on two inputs per run: the
// fuzzed string s as it is, and an address encoded by refBech32Encode from
// structured parameters (hrp choice, witness version, program bytes, and
// whether to use the wrong checksum variant), optionally with one character
// substituted at mut-1 by the value sub. For the encoded address it also
// checks the expected verdict: valid exactly when the parameters are, and
// never valid after a substitution inside the data part.
func FuzzBech32(f *testing.F) {
	f.Fuzz(func(t *testing.T, s string, sel uint8, version uint8, prog []byte, mut uint16, sub uint8) {
		if got, want := Bech32([]byte(s)), refSegwit(s); got != want {
			t.Fatalf("Bech32(%q) = %v, reference says %v", s, got, want)
		}

		hrp := "bc"
		if sel&1 != 0 {
			hrp = "tb"
		}
		version %= 32
		if len(prog) > 42 {
			prog = prog[:42]
		}
		enc := 0
		if version != 0 {
			enc = 1
		}
		wrongEnc := sel&2 != 0
		if wrongEnc {
			enc ^= 1
		}
		data, _ := refRegroup(prog, 8, 5, true)
		addr := []byte(refBech32Encode(hrp, append([]byte{version}, data...), enc))
		upper := sel&4 != 0
		if upper {
			addr = bytes.ToUpper(addr)
		}
		wantValid := len(addr) <= 90 && version <= 16 && !wrongEnc && len(prog) >= 2 && len(prog) <= 40 &&
			(version != 0 || len(prog) == 20 || len(prog) == 32)
		if mut != 0 {
			i := int(mut-1) % len(addr)
			orig := addr[i]
			repl := sub // an arbitrary byte
			if sub < 128 {
				// Mostly, a different character from the alphabet in the
				// address's case.
				repl = bech32Charset[(strings.IndexByte(bech32Charset, lower(orig))+1+int(sub)%31)%32]
				if upper {
					repl = bytes.ToUpper([]byte{repl})[0]
				}
			}
			addr[i] = repl
			if i > 2 && repl != orig {
				// BIP-173's code detects any single substitution in the data
				// part, and an arbitrary byte is at worst not in the alphabet.
				wantValid = false
			}
			if i <= 2 && repl != orig {
				wantValid = false // a changed hrp or separator
			}
		}
		got, ref := Bech32(addr), refSegwit(string(addr))
		if got != ref {
			t.Fatalf("Bech32(%q) = %v, reference says %v", addr, got, ref)
		}
		if got != wantValid {
			t.Fatalf("Bech32(%q) = %v, want %v (hrp %s, version %d, %d-byte program, wrong variant %v, mutation %d)",
				addr, got, wantValid, hrp, version, len(prog), wrongEnc, mut)
		}
	})
}

// refEIP55Checksum returns the EIP-55 checksummed form of a 40-digit hex
// address: lowercase it, hash the ASCII text with Keccak-256, and uppercase
// each letter whose hash hex digit at the same position is 8-f.
func refEIP55Checksum(addr string) string {
	low := strings.ToLower(addr)
	h := sha3.NewLegacyKeccak256()
	h.Write([]byte(low))
	hashHex := hex.EncodeToString(h.Sum(nil))
	out := []byte(low)
	for i := range out {
		if strings.IndexByte("abcdef", out[i]) >= 0 && strings.IndexByte("89abcdef", hashHex[i]) >= 0 {
			out[i] = strings.ToUpper(string(out[i]))[0]
		}
	}
	return string(out)
}

// refEIP55 decides an address candidate from EIP-55's definition: 40 hex
// digits that are all one case, or exactly the checksummed form.
func refEIP55(b []byte) bool {
	if len(b) != 40 {
		return false
	}
	if _, err := hex.DecodeString(string(b)); err != nil {
		return false
	}
	s := string(b)
	if s == strings.ToLower(s) || s == strings.ToUpper(s) {
		return true
	}
	return s == refEIP55Checksum(s)
}

func TestRefEIP55Vectors(t *testing.T) {
	for _, s := range eip55Vectors[4:] {
		if got := refEIP55Checksum(s); got != s {
			t.Errorf("refEIP55Checksum(%s) = %s, want the vector itself", s, got)
		}
	}
	for _, s := range eip55Vectors {
		if !refEIP55([]byte(s)) {
			t.Errorf("refEIP55(%s) = false, want true", s)
		}
	}
	if refEIP55([]byte("5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD")) {
		t.Error("refEIP55 accepted a one-letter case flip of an EIP-55 vector")
	}
}

// FuzzEIP55 checks EIP55 against refEIP55 on two inputs per run: the fuzzed
// bytes b as they are, and the checksummed form of the 20-byte address raw
// (zero-padded or truncated) with the case of letter i flipped wherever bit
// i of flips is set. For the latter it also checks the expected verdict:
// valid exactly when no letter was flipped or the result is all one case.
func FuzzEIP55(f *testing.F) {
	f.Fuzz(func(t *testing.T, b []byte, raw []byte, flips uint64) {
		if got, want := EIP55(b), refEIP55(b); got != want {
			t.Fatalf("EIP55(%q) = %v, reference says %v", b, got, want)
		}

		var addr [20]byte
		copy(addr[:], raw)
		cand := []byte(refEIP55Checksum(hex.EncodeToString(addr[:])))
		flipped := false
		for i, c := range cand {
			if c > '9' && flips&(1<<i) != 0 {
				cand[i] = c ^ 0x20
				flipped = true
			}
		}
		s := string(cand)
		want := !flipped || s == strings.ToLower(s) || s == strings.ToUpper(s)
		got, ref := EIP55(cand), refEIP55(cand)
		if got != ref {
			t.Fatalf("EIP55(%s) = %v, reference says %v", cand, got, ref)
		}
		if got != want {
			t.Fatalf("EIP55(%s) = %v, want %v (flips %#x)", cand, got, want, flips)
		}
	})
}
