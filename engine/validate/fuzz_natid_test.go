package validate

import "testing"

// The national-identifier validators against their independent
// transcriptions (ref_natid_test.go, ref_natid2_test.go,
// ref_euvat_test.go). Each target feeds the input as it is and, so that
// the fuzzer reaches valid values often, with its last byte replaced by
// every digit and upper-case letter.

// fuzzBoth compares f and ref on s and on s with each possible last
// character.
func fuzzBoth(t *testing.T, name, s string, f func([]byte) bool, ref func(string) bool) {
	t.Helper()
	check := func(v string) {
		if got, want := f([]byte(v)), ref(v); got != want {
			t.Fatalf("%s(%q) = %v, reference says %v", name, v, got, want)
		}
	}
	check(s)
	if s == "" {
		return
	}
	for _, c := range "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ" {
		check(s[:len(s)-1] + string(c))
	}
}

func FuzzNationalIDs(f *testing.F) {
	for _, s := range []string{"12345678Z", "X1234567L", "Q2826000H", "RSSMRA85T10A562S", "00743110157",
		"253072B07300470", "73282932000074", "35600000049837", "123456782", "93051822361", "44051401359",
		"1234563218", "8507099805", "5560160680", "131052-308T", "15108695088", "2110625629", "0101654321",
		"7561234567897", "1237010180", "1234567FA", "501964843", "7103192745", "530101123", "1630615123457"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		fuzzBoth(t, "SpanishDNI", s, SpanishDNI, refDNI)
		fuzzBoth(t, "SpanishNIE", s, SpanishNIE, refNIE)
		fuzzBoth(t, "SpanishCIF", s, SpanishCIF, refCIF)
		fuzzBoth(t, "ItalianFiscalCode", s, ItalianFiscalCode, refFiscalCode)
		fuzzBoth(t, "ItalianVAT", s, ItalianVAT, refItalianVAT)
		fuzzBoth(t, "FrenchNIR", s, FrenchNIR, refNIR)
		fuzzBoth(t, "SIREN", s, SIREN, refSIREN)
		fuzzBoth(t, "SIRET", s, SIRET, refSIRET)
		fuzzBoth(t, "DutchBSN", s, DutchBSN, refBSN)
		fuzzBoth(t, "BelgianNationalNumber", s, BelgianNationalNumber, refBelgian)
		fuzzBoth(t, "PolishPESEL", s, PolishPESEL, refPESEL)
		fuzzBoth(t, "PolishNIP", s, PolishNIP, refNIP)
		fuzzBoth(t, "SwedishPersonnummer", s, SwedishPersonnummer, refSwedish)
		fuzzBoth(t, "SwedishOrgNumber", s, SwedishOrgNumber, refSwedishOrg)
		fuzzBoth(t, "FinnishHetu", s, FinnishHetu, refHetu)
		fuzzBoth(t, "NorwegianFodselsnummer", s, NorwegianFodselsnummer, refFodselsnummer)
		fuzzBoth(t, "DanishCPR", s, DanishCPR, refCPR)
		fuzzBoth(t, "SwissAHV", s, SwissAHV, refAHV)
		fuzzBoth(t, "AustrianSVNR", s, AustrianSVNR, refSVNR)
		fuzzBoth(t, "IrishPPSN", s, IrishPPSN, refPPSN)
		fuzzBoth(t, "PortugueseNIF", s, PortugueseNIF, refPortugueseNIF)
		fuzzBoth(t, "CzechBirthNumber", s, CzechBirthNumber, refCzech)
		fuzzBoth(t, "RomanianCNP", s, RomanianCNP, refCNP)
	})
}

func FuzzEUVAT(f *testing.F) {
	for _, s := range []string{"ATU13585627", "BE0403019261", "BG175074752", "BG7523169263", "CY10259033P",
		"CZ25123891", "CZ640903926", "DK13585628", "EE100931558", "EL094259216", "ESA58818501", "FI20774740",
		"FR40303265045", "FRK7399859412", "HR33392005961", "HU12892312", "IE6433435F", "IE8D79739I",
		"LT119511515", "LU15027442", "LV16117519997", "MT11679112", "NL123456789B13", "PL8567346215",
		"PT501964843", "RO18547290", "SE556016068001", "SI50223054", "SK2022749619", "XI980780684"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) < 2 {
			return
		}
		cc := s[:2]
		fuzzBoth(t, "EUVAT "+cc, s[2:], func(n []byte) bool {
			v, _ := EUVAT([2]byte{cc[0], cc[1]}, n)
			return v
		}, func(n string) bool { return refEUVAT(cc, n) })
	})
}
