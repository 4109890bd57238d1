package validate

import "testing"

func TestEUVAT(t *testing.T) {
	for _, c := range []struct {
		in   string
		want bool
	}{
		{"ATU13585627", true}, {"ATU13585626", false}, {"AT13585627", false},
		{"BE0403019261", true}, {"BE0403019262", false}, {"BE2403019261", false},
		{"BG175074752", true}, {"BG175074751", false}, {"BG7523169263", true}, {"BG8032056031", true},
		{"CY10259033P", true}, {"CY10259033Q", false}, {"CY12259033Z", false},
		{"CZ25123891", true}, {"CZ25123890", false}, {"CZ7103192745", true}, {"CZ640903926", true}, {"CZ640903927", false},
		{"DK13585628", true}, {"DK13585627", false},
		{"EE100931558", true}, {"EE100931559", false},
		{"EL094259216", true}, {"EL094259217", false},
		{"ESA58818501", true}, {"ESX1234567L", true}, {"ES12345678Z", true}, {"ES12345678A", false},
		{"FI20774740", true}, {"FI20774741", false},
		{"FR40303265045", true}, {"FR41303265045", false}, {"FRK7399859412", true}, {"FR4Z123456782", true}, {"FRIO334175221", false},
		{"HR33392005961", true}, {"HR33392005962", false},
		{"HU12892312", true}, {"HU12892313", false},
		{"IE6433435F", true}, {"IE6433435E", false}, {"IE8D79739I", true}, {"IE8D79739J", false}, {"IE3628739UA", true},
		{"LT119511515", true}, {"LT119511516", false}, {"LT100001919017", true},
		{"LU15027442", true}, {"LU15027443", false},
		{"LV40003521600", true}, {"LV40003521601", false}, {"LV16117519997", true}, {"LV16137519997", false},
		{"MT11679112", true}, {"MT11679113", false},
		{"NL004495445B01", true}, {"NL004495446B01", false}, {"NL123456789B13", true}, {"NL123456789B14", false},
		{"PL8567346215", true}, {"PL8567346216", false},
		{"PT501964843", true}, {"PT501964844", false},
		{"RO18547290", true}, {"RO18547291", false}, {"RO27", true}, {"RO28", false},
		{"SE556016068001", true}, {"SE556016068002", false}, {"SE556016068101", false},
		{"SI50223054", true}, {"SI50223055", false},
		{"SK2022749619", true}, {"SK2022749618", false},
		{"XI980780684", true}, {"XI980780685", false},
		{"DE136695976", false},   // Germany: de_vat_id's
		{"IT00743110157", false}, // Italy: it_vat_code's
	} {
		cc := [2]byte{c.in[0], c.in[1]}
		got, _ := EUVAT(cc, []byte(c.in[2:]))
		if got != c.want {
			t.Errorf("EUVAT(%q) = %v, want %v", c.in, got, c.want)
		}
		if ref := refEUVAT(c.in[:2], c.in[2:]); ref != c.want {
			t.Errorf("reference EUVAT(%q) = %v, want %v", c.in, ref, c.want)
		}
	}
	for _, cc := range []string{"DE", "IT", "GB", "US"} {
		if _, ok := EUVAT([2]byte{cc[0], cc[1]}, []byte("123456789")); ok {
			t.Errorf("EUVAT claims prefix %s", cc)
		}
	}
}
