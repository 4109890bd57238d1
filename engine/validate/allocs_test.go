//go:build !race

package validate

import "testing"

// TestZeroAllocs pins that the hot-path validators allocate nothing, for
// both accepted and rejected input.
func TestZeroAllocs(t *testing.T) {
	var (
		card    = []byte("4111111111111111")
		iban    = []byte("GB82WEST12345698765432")
		aba     = []byte("021000021")
		nhs     = []byte("9434765919")
		aadhaar = []byte("234123412346")
		npi     = []byte("1234567893")
		sin     = []byte("046454286")
		area    = []byte("123")
		group   = []byte("45")
		serial  = []byte("6789")
		nanp    = []byte("2125551234")
		e164    = []byte("442071838750")
		tldOK   = []byte("COM")
		tldBad  = []byte("localhost")
		month   = []byte("September")
		secret  = []byte("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
		ipv4    = []byte("192.168.100.200")
		ipv6    = []byte("2001:db8::8a2e:370:7334")
		b58     = []byte("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2")
		b58Bad  = []byte("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3")
		bech    = []byte("bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0")
		eip     = []byte("5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")
		ghBody  = []byte("fIkRGaBu5PeKsznMzXQOg3kETH1Sgx")
		ghSum   = []byte("2oIfSC")
		glsa    = []byte("glsa_yvok56yK5SsJry2UWKaXpQ1bC8jjUukq")
		glsaSum = []byte("0a1b2c3d")
		sink    bool
		fsink   float64
	)
	cases := []struct {
		name string
		f    func()
	}{
		{"Luhn", func() { sink = Luhn(card) }},
		{"CardBrand", func() { _, sink = CardBrand(card) }},
		{"IBAN", func() { sink = IBAN(iban) }},
		{"IBANLength", func() { sink = IBANLength([2]byte{'D', 'E'}) == 22 }},
		{"ABARouting", func() { sink = ABARouting(aba) }},
		{"NHSNumber", func() { sink = NHSNumber(nhs) }},
		{"Verhoeff", func() { sink = Verhoeff(aadhaar) }},
		{"Aadhaar", func() { sink = Aadhaar(aadhaar) }},
		{"NPI", func() { sink = NPI(npi) }},
		{"CASIN", func() { sink = CASIN(sin) }},
		{"SSN", func() { sink = SSN(area, group, serial) }},
		{"NANP", func() { sink = NANP(nanp) }},
		{"E164", func() { sink = E164(e164) }},
		{"CountryCodeLen", func() { sink = CountryCodeLen(e164) == 2 }},
		{"TLD", func() { sink = TLD(tldOK) }},
		{"TLD/miss", func() { sink = TLD(tldBad) }},
		{"Date", func() { sink = Date(2024, 2, 29) }},
		{"ParseMonthName", func() { _, sink = ParseMonthName(month) }},
		{"Entropy", func() { fsink = Entropy(secret) }},
		{"IPv4", func() { sink = IPv4(ipv4) }},
		{"IPv6", func() { sink = IPv6(ipv6) }},
		{"Base58Check", func() { sink = Base58Check(b58) }},
		{"Base58Check/bad", func() { sink = Base58Check(b58Bad) }},
		{"Bech32", func() { sink = Bech32(bech) }},
		{"BitcoinAddress", func() { sink = BitcoinAddress(bech) }},
		{"EIP55/warm-pool", func() { sink = EIP55(eip) }},
		{"BIC", func() { sink = BIC([]byte("DEUTDEFF500")) }},
		{"LEI", func() { sink = LEI([]byte("5493001KJTIIGC8Y1R12")) }},
		{"ISIN", func() { sink = ISIN([]byte("DE000BAY0017")) }},
		{"CUSIP", func() { sink = CUSIP([]byte("38259P508")) }},
		{"VIN", func() { sink = VIN([]byte("1M8GDM9AXKP042788")) }},
		{"IMEI", func() { sink = IMEI([]byte("490154203237518")) }},
		{"NationalPhone", func() {
			sh := PhoneShape{N: 3, Lens: [8]uint8{4, 3, 4}}
			sink, _ = NationalPhone([]byte("09171234567"), &sh)
		}},
		{"CRC32Base62", func() { sink = CRC32Base62(ghBody, ghSum) }},
		{"CRC32Base36", func() { sink = CRC32Base36(ghBody, ghSum) }},
		{"CRC32HexUpper", func() { sink = CRC32HexUpper(ghBody, ghSum) }},
		{"CRC32HexLE", func() { sink = CRC32HexLE(glsa, glsaSum) }},
	}
	for _, c := range cases {
		c.f() // warm up (fills the EIP-55 pool)
		if n := testing.AllocsPerRun(100, c.f); n != 0 {
			t.Errorf("%s: %v allocs per run, want 0", c.name, n)
		}
	}
	_, _ = sink, fsink
}
