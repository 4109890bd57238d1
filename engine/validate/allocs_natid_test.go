//go:build !race

package validate

import "testing"

// TestNationalIDZeroAllocs pins that the national-identifier and EU VAT
// validators allocate nothing, for accepted and rejected input.
func TestNationalIDZeroAllocs(t *testing.T) {
	var sink bool
	vals := map[string]func([]byte) bool{
		"SpanishDNI": SpanishDNI, "SpanishNIE": SpanishNIE, "SpanishCIF": SpanishCIF,
		"ItalianFiscalCode": ItalianFiscalCode, "ItalianVAT": ItalianVAT, "FrenchNIR": FrenchNIR,
		"SIREN": SIREN, "SIRET": SIRET, "DutchBSN": DutchBSN, "BelgianNationalNumber": BelgianNationalNumber,
		"PolishPESEL": PolishPESEL, "PolishNIP": PolishNIP, "SwedishPersonnummer": SwedishPersonnummer,
		"SwedishOrgNumber": SwedishOrgNumber, "FinnishHetu": FinnishHetu, "NorwegianFodselsnummer": NorwegianFodselsnummer,
		"DanishCPR": DanishCPR, "SwissAHV": SwissAHV, "AustrianSVNR": AustrianSVNR, "IrishPPSN": IrishPPSN,
		"PortugueseNIF": PortugueseNIF, "CzechBirthNumber": CzechBirthNumber, "RomanianCNP": RomanianCNP,
	}
	inputs := [][]byte{[]byte("RSSMRA85T10A562S"), []byte("12345678Z"), []byte("44051401359"), []byte("131052-308T"),
		[]byte("7561234567897"), []byte("1234567FA"), []byte("253072B07300470"), []byte("73282932000074")}
	for name, f := range vals {
		for _, in := range inputs {
			if n := testing.AllocsPerRun(50, func() { sink = f(in) }); n != 0 {
				t.Errorf("%s(%q): %v allocs per run, want 0", name, in, n)
			}
		}
	}
	for _, v := range []string{"ATU13585627", "FRK7399859412", "NL123456789B13", "IE8D79739I", "LV16117519997", "BG7523169263", "CZ7103192745"} {
		cc, num := [2]byte{v[0], v[1]}, []byte(v[2:])
		if n := testing.AllocsPerRun(50, func() { sink, _ = EUVAT(cc, num) }); n != 0 {
			t.Errorf("EUVAT(%s): %v allocs per run, want 0", v, n)
		}
	}
	if n := testing.AllocsPerRun(50, func() { sink = SwedishPersonnummerCentury([]byte("19"), []byte("8507099805")) }); n != 0 {
		t.Errorf("SwedishPersonnummerCentury: %v allocs per run", n)
	}
	_ = sink
}
