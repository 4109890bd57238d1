package validate

import "testing"

// The vectors below are the BIP-173 and BIP-350 segwit address test vectors
// (mainnet and testnet), as also used by Bitcoin Core's validateaddress test.
func TestBech32Valid(t *testing.T) {
	for _, s := range []string{
		"BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4",
		"bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
		"tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7",
		"bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3",
		"bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y",
		"BC1SW50QGDZ25J",
		"bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs",
		"tb1qqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesrxh6hy",
		"bc1qqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvses5wp4dt",
		"tb1pqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesf3hn0c",
		"bc1pqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvses7epu4h",
		"bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0",
		"bc1pfeessrawgf", // pay-to-anchor, a 2-byte v1 program
	} {
		if !Bech32([]byte(s)) {
			t.Errorf("Bech32(%q) = false, want true", s)
		}
		if !BitcoinAddress([]byte(s)) {
			t.Errorf("BitcoinAddress(%q) = false, want true", s)
		}
		// Changing any one data character must break the checksum.
		b := []byte(s)
		for i := 3; i < len(b); i++ {
			orig := b[i]
			v := bech32Value[orig]
			repl := bech32Charset[(int(v)+1)%32]
			if orig >= 'A' && orig <= 'Z' && repl >= 'a' {
				repl -= 'a' - 'A'
			}
			b[i] = repl
			if Bech32(b) {
				t.Errorf("Bech32(%s) = true after changing position %d of %s", b, i, s)
			}
			b[i] = orig
		}
	}
}

func TestBech32Invalid(t *testing.T) {
	for _, s := range []string{
		// BIP-173
		"tc1qw508d6qejxtdg4y5r3zarvary0c5xw7kg3g4ty", // invalid hrp
		"bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5", // invalid checksum
		"BC13W508D6QEJXTDG4Y5R3ZARVARY0C5XW7KN40WF2", // v3 with bech32
		"bc1rw5uspcuh", // v3 with bech32
		"bc10w508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kw5rljs90", // bech32 for v1+
		"BC1QR508D6QEJXTDG4Y5R3ZARVARYV98GJ9P",                                         // v0 program of 16 bytes
		"tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sL5k7",               // mixed case
		"BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3t4",                                   // mixed case
		"bc1zw508d6qejxtdg4y5r3zarvaryvqyzf3du",                                        // wrong padding
		"bc1qfysxzmfq2phhyarvv9hxgtjgdajxcw3fpkpph893lw",                               // non-zero padding
		"bc1gmk9yu", // empty data section
		// BIP-350
		"tc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq5zuyut", // invalid hrp
		"bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd", // bech32 for v1
		"BC1PFYSXZMFQ2PHHYARVV9HXGTJGFAZYCWJYPQQQF9ZLQ6",                 // bech32 for v1
		"bc1qfysxzmfq2phhyarvv9hxgtjgfazycwjypqqqfm706a",                 // bech32m for v0
		"BC130XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ7ZWS8R", // witness version 17
		"bc1pw5dgrnzv", // 1-byte program
		"bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v8n0nx0muaewav253zgeav", // 41-byte program
		"bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v07qwwzcrf",             // more than 4 padding bits
		"bc1p38j9r5y49hruaue7wxjce0updqjuyyx0kh56v8s25huc6995vvpql3jow4",               // 'o' is not bech32
		// Not segwit at all.
		"a12uel5l", // valid bech32 string, but hrp "a"
		"Address is not valid Base58 or Bech32 ",
		"",
	} {
		if Bech32([]byte(s)) {
			t.Errorf("Bech32(%q) = true, want false", s)
		}
	}
}

func TestBitcoinAddress(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", true},
		{"3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", true},
		{"bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", true},
		{"1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3", false},
		{"bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5", false},
	}
	for _, tt := range tests {
		if got := BitcoinAddress([]byte(tt.in)); got != tt.want {
			t.Errorf("BitcoinAddress(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
