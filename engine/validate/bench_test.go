package validate

import "testing"

// benchValidator runs f over in and reports throughput in input bytes.
func benchValidator(b *testing.B, in []byte, f func([]byte) bool) {
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		if !f(in) {
			b.Fatal("validator rejected its benchmark input")
		}
	}
}

func BenchmarkLuhn(b *testing.B)    { benchValidator(b, []byte("4111111111111111"), Luhn) }
func BenchmarkIBAN(b *testing.B)    { benchValidator(b, []byte("GB82WEST12345698765432"), IBAN) }
func BenchmarkABA(b *testing.B)     { benchValidator(b, []byte("021000021"), ABARouting) }
func BenchmarkAadhaar(b *testing.B) { benchValidator(b, []byte("234123412346"), Aadhaar) }
func BenchmarkE164(b *testing.B)    { benchValidator(b, []byte("442071838750"), E164) }
func BenchmarkTLD(b *testing.B)     { benchValidator(b, []byte("COM"), TLD) }
func BenchmarkIPv4(b *testing.B)    { benchValidator(b, []byte("192.168.100.200"), IPv4) }
func BenchmarkIPv6(b *testing.B)    { benchValidator(b, []byte("2001:db8::8a2e:370:7334"), IPv6) }
func BenchmarkBase58Check(b *testing.B) {
	benchValidator(b, []byte("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2"), Base58Check)
}
func BenchmarkBech32(b *testing.B) {
	benchValidator(b, []byte("bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0"), Bech32)
}
func BenchmarkEIP55(b *testing.B) {
	benchValidator(b, []byte("5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"), EIP55)
}
func BenchmarkJWTHeader(b *testing.B) {
	benchValidator(b, []byte("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"), JWTHeader)
}
func BenchmarkCardBrand(b *testing.B) {
	benchValidator(b, []byte("4111111111111111"), func(s []byte) bool { _, ok := CardBrand(s); return ok })
}
func BenchmarkEntropy(b *testing.B) {
	benchValidator(b, []byte("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"), func(s []byte) bool { return Entropy(s) > 4 })
}
