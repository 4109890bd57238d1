//go:build !race

package validate

import "testing"

// TestZeroAllocsNationalIDs pins that the national identifier checks
// allocate nothing, for accepted and rejected input alike.
func TestZeroAllocsNationalIDs(t *testing.T) {
	var sink bool
	cases := []struct {
		name string
		f    func([]byte) bool
		ok   string
	}{
		{"KRRegistrationCheck", func(b []byte) bool { return KRRegistrationCheck(b, false) }, "9710139019902"},
		{"KRBirthDate", func(b []byte) bool { _, _, _, ok := KRBirthDate(b); return ok }, "9710139019902"},
		{"KRBRN", KRBRN, "1168200276"},
		{"INPAN", INPAN, "ACUPA7085R"},
		{"GSTIN", GSTIN, "27AAPFU0939F1ZV"},
		{"SGNRICFIN", SGNRICFIN, "S1234567D"},
		{"SGUEN", SGUEN, "S16FC0121D"},
		{"AUTFN", AUTFN, "123456782"},
		{"AUABN", AUABN, "51824753556"},
		{"AUACN", AUACN, "004085616"},
		{"AUMedicare", AUMedicare, "2123456701"},
		{"THTNIN", THTNIN, "1101700207030"},
		{"MyNumber", MyNumber, "123456789018"},
		{"CNResidentID", CNResidentID, "11010519491231002X"},
		{"TRKimlik", TRKimlik, "10000000146"},
		{"ZAIDNumber", ZAIDNumber, "8001015009087"},
		{"ILID", ILID, "039337423"},
		{"CPF", CPF, "52998224725"},
		{"CNPJ", CNPJ, "12ABC34501DE35"},
		{"CURP", CURP, "BOXW310820HNERXN09"},
		{"RFC", RFC, "MAB9307148T4"},
	}
	for _, c := range cases {
		ok := []byte(c.ok)
		bad := []byte(c.ok)
		bad[len(bad)-2] ^= 1 // a different character near the end
		if !c.f(ok) {
			t.Errorf("%s(%q) = false; the alloc test needs a valid value", c.name, ok)
		}
		for _, in := range [][]byte{ok, bad} {
			if n := testing.AllocsPerRun(100, func() { sink = c.f(in) }); n != 0 {
				t.Errorf("%s(%q): %v allocs per run, want 0", c.name, in, n)
			}
		}
	}
	_ = sink
}
