//go:build !race

package validate

import "testing"

// TestZeroAllocsUSUKDE pins that the validators of the US, UK and German
// identifiers allocate nothing, for accepted and rejected input.
func TestZeroAllocsUSUKDE(t *testing.T) {
	var sink bool
	var isink int
	b := func(s string) []byte { return []byte(s) }
	taxID, vat, doc, rvnr, kvnr, lanr := b("86095742719"), b("123456788"), b("C01X00T478"), b("15070649C103"), b("A123456780"), b("123456601")
	dea, mbi, nino, dl, mark := b("AB1234563"), b("1EG4TE5MK73"), b("AB123456C"), b("MORGA753116SM9IJ"), b("BD51SMR")
	itin, ein := b("912701234"), b("123456789")
	cases := []struct {
		name string
		f    func()
	}{
		{"ISO7064Mod1110", func() { sink = ISO7064Mod1110(taxID) }},
		{"DETaxID", func() { sink = DETaxID(taxID) }},
		{"DEVATID", func() { sink = DEVATID(vat) }},
		{"ICAOCheck", func() { isink = ICAOCheck(doc[:9]) }},
		{"DEDocumentNumber", func() { sink = DEDocumentNumber(doc, 'P') }},
		{"DESocialSecurity", func() { sink = DESocialSecurity(rvnr) }},
		{"DEHealthInsurance", func() { sink = DEHealthInsurance(kvnr) }},
		{"DELANR", func() { sink = DELANR(lanr) }},
		{"DEA", func() { sink = DEA(dea) }},
		{"MBI", func() { sink = MBI(mbi) }},
		{"NINO", func() { sink = NINO(nino) }},
		{"UKDrivingLicence", func() { sink = UKDrivingLicence(dl) }},
		{"UKVehicleRegistration", func() { sink = UKVehicleRegistration(mark) }},
		{"ITIN", func() { sink = ITIN(itin[:3], itin[3:5], itin[5:]) }},
		{"EIN", func() { sink = EIN(ein) }},
	}
	for _, c := range cases {
		if n := testing.AllocsPerRun(100, c.f); n != 0 {
			t.Errorf("%s: %v allocs per run, want 0", c.name, n)
		}
	}
	_, _ = sink, isink
}
