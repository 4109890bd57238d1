package corpus

import (
	"math/rand/v2"
	"strings"
)

// Dutch, Belgian and Polish identifiers for the type corpus (see
// types_eu.go).

func init() {
	bsnOK := func(c string) bool {
		return len(c) == 9 && c != "000000000" && (euWeighted(c, 9, 8, 7, 6, 5, 4, 3, 2)-int(c[8]-'0'))%11 == 0
	}
	bsn := func(r *rand.Rand) string {
		for {
			v := euDigits(r, 9)
			if !bsnOK(v) {
				continue
			}
			switch r.IntN(3) {
			case 0:
				return v[:4] + "." + v[4:6] + "." + v[6:]
			case 1:
				return v[:3] + " " + v[3:6] + " " + v[6:]
			}
			return v
		}
	}
	bsnCheck := func(v string) bool { return bsnOK(strings.NewReplacer(".", "", " ", "").Replace(v)) }
	RegisterType(TypeGen{
		Type: "nl_bsn", Valid: bsn,
		Invalid:      func(r *rand.Rand) string { return euBreak(r, bsn(r), bsnCheck) },
		Context:      []string{"BSN", "burgerservicenummer", "sofinummer", "citizen service number"},
		NeedsContext: true,
		Check:        bsnCheck,
	})

	beCC := func(n9 string, y2000 bool) string {
		if y2000 {
			n9 = "2" + n9
		}
		return euFmt(int(97-euMod(n9, 97)), 2)
	}
	be := func(r *rand.Rand) string {
		d, m, y := euDate(r, 1930, 2023)
		if r.IntN(6) == 0 {
			m += 20 + 20*r.IntN(2) // a BIS number
		}
		n9 := euFmt(y%100, 2) + euFmt(m, 2) + euFmt(d, 2) + euFmt(1+r.IntN(997), 3)
		v := n9 + beCC(n9, y >= 2000)
		switch r.IntN(3) {
		case 0:
			return v[:2] + "." + v[2:4] + "." + v[4:6] + "-" + v[6:9] + "." + v[9:]
		case 1:
			return v[:6] + "-" + v[6:9] + "-" + v[9:]
		}
		return v
	}
	beCheck := func(v string) bool {
		c := strings.NewReplacer(".", "", "-", "").Replace(v)
		if len(c) != 11 {
			return false
		}
		return c[9:] == beCC(c[:9], false) || c[9:] == beCC(c[:9], true)
	}
	RegisterType(TypeGen{
		Type: "be_national_number", Valid: be,
		Invalid:      func(r *rand.Rand) string { return euBreak(r, be(r), beCheck) },
		Context:      []string{"rijksregisternummer", "numéro de registre national", "INSZ", "NISS", "national number"},
		NeedsContext: true,
		Check:        beCheck,
	})

	pesel := func(r *rand.Rand) string {
		d, m, y := euDate(r, 1900, 2024)
		if y >= 2000 {
			m += 20
		}
		body := euFmt(y%100, 2) + euFmt(m, 2) + euFmt(d, 2) + euDigits(r, 4)
		return body + euFmt((10-euWeighted(body, 1, 3, 7, 9, 1, 3, 7, 9, 1, 3)%10)%10, 1)
	}
	peselCheck := func(v string) bool {
		return len(v) == 11 && int(v[10]-'0') == (10-euWeighted(v, 1, 3, 7, 9, 1, 3, 7, 9, 1, 3)%10)%10
	}
	RegisterType(TypeGen{
		Type: "pl_pesel", Valid: pesel,
		Invalid:      func(r *rand.Rand) string { return euBreak(r, pesel(r), peselCheck) },
		Context:      []string{"PESEL", "nr PESEL", "numer PESEL"},
		NeedsContext: true,
		Check:        peselCheck,
	})

	nipOK := func(c string) bool {
		return len(c) == 10 && euWeighted(c, 6, 5, 7, 2, 3, 4, 5, 6, 7)%11 == int(c[9]-'0')
	}
	nip := func(r *rand.Rand) string {
		for {
			v := euFmt(1+r.IntN(999), 3) + euDigits(r, 7)
			if !nipOK(v) {
				continue
			}
			if r.IntN(3) == 0 {
				return v[:3] + "-" + v[3:6] + "-" + v[6:8] + "-" + v[8:]
			}
			return v
		}
	}
	nipCheck := func(v string) bool { return nipOK(strings.ReplaceAll(v, "-", "")) }
	RegisterType(TypeGen{
		Type: "pl_nip", Valid: nip,
		Invalid:      func(r *rand.Rand) string { return euBreak(r, nip(r), nipCheck) },
		Context:      []string{"NIP", "nr NIP", "numer identyfikacji podatkowej"},
		NeedsContext: true,
		Check:        nipCheck,
	})
}
