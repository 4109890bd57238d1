package validate

import (
	"bytes"
	"crypto/sha256"
	"math/big"
	"strings"
	"testing"
)

func TestBase58Check(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", true}, // P2PKH example from the Bitcoin wiki
		{"3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", true}, // P2SH example from the Bitcoin wiki
		{"1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", true}, // the genesis block address
		{"1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3", false},
		{"1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVM2", false},
		{"3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLz", false},
		{"1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb", false},
		{"mipcBbFg9gMiCh81Kj8tqqdgoZub1ZJRfn", false},                  // testnet, version 0x6f
		{"5HueCGU8rMjxEXxiPuD5BDku4MkFqeZyd4dZ1jvhTVqvbTLvyTJ", false}, // WIF private key
		{"1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN0", false},                  // '0' is not Base58
		{"11BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", false},                 // extra leading zero byte
		{"", false},
	}
	for _, tt := range tests {
		if got := Base58Check([]byte(tt.in)); got != tt.want {
			t.Errorf("Base58Check(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestLooksBase58(t *testing.T) {
	for c := 0; c < 256; c++ {
		want := strings.IndexByte(base58Alphabet, byte(c)) >= 0
		if got := LooksBase58(byte(c)); got != want {
			t.Errorf("LooksBase58(%q) = %v, want %v", byte(c), got, want)
		}
	}
	for _, c := range []byte("0OIl+/") {
		if LooksBase58(c) {
			t.Errorf("LooksBase58(%q) = true", c)
		}
	}
}

// refBase58Decode decodes Base58 with math/big: the value is Σ digit·58^k,
// and each leading '1' stands for one leading zero byte.
func refBase58Decode(s string) ([]byte, bool) {
	n := new(big.Int)
	for _, r := range s {
		i := strings.IndexRune(base58Alphabet, r)
		if i < 0 {
			return nil, false
		}
		n.Mul(n, big.NewInt(58))
		n.Add(n, big.NewInt(int64(i)))
	}
	zeros := len(s) - len(strings.TrimLeft(s, "1"))
	return append(make([]byte, zeros), n.Bytes()...), true
}

func refBase58Check(s string) bool {
	if len(s) < 26 || len(s) > 35 {
		return false
	}
	b, ok := refBase58Decode(s)
	if !ok || len(b) != 25 || (b[0] != 0x00 && b[0] != 0x05) {
		return false
	}
	h1 := sha256.Sum256(b[:21])
	h2 := sha256.Sum256(h1[:])
	return bytes.Equal(h2[:4], b[21:])
}

func FuzzBase58Check(f *testing.F) {
	for _, s := range []string{"1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy",
		"1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3", "mipcBbFg9gMiCh81Kj8tqqdgoZub1ZJRfn", "1111111111111111111111111111"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Base58Check([]byte(s)), refBase58Check(s); got != want {
			t.Fatalf("Base58Check(%q) = %v, math/big reference says %v", s, got, want)
		}
	})
}
