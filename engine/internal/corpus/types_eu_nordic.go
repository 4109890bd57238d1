package corpus

import (
	"math/rand/v2"
	"strings"
)

// Nordic identifiers for the type corpus (see types_eu.go).

func init() {
	luhnOK := func(c string) bool { return len(c) >= 2 && euLuhnDigit(c[:len(c)-1]) == int(c[len(c)-1]-'0') }
	sePnr := func(r *rand.Rand) string {
		d, m, y := euDate(r, 1930, 2020)
		body := euFmt(y%100, 2) + euFmt(m, 2) + euFmt(d, 2) + euDigits(r, 3)
		v := body + euFmt(euLuhnDigit(body), 1)
		switch r.IntN(3) {
		case 0:
			return v[:6] + "-" + v[6:]
		case 1:
			return euFmt(y/100, 2) + v[:6] + "-" + v[6:]
		}
		return v
	}
	sePnrCheck := func(v string) bool {
		c := strings.ReplaceAll(v, "-", "")
		return (len(c) == 10 || len(c) == 12) && luhnOK(c[len(c)-10:])
	}
	RegisterType(TypeGen{
		Type: "se_personnummer", Valid: sePnr,
		Invalid:      func(r *rand.Rand) string { return euBreak(r, sePnr(r), sePnrCheck) },
		Context:      []string{"personnummer", "personnr", "samordningsnummer"},
		NeedsContext: true,
		Check:        sePnrCheck,
	})
	seOrg := func(r *rand.Rand) string {
		body := string("12356789"[r.IntN(8)]) + euDigits(r, 1) + euFmt(2+r.IntN(8), 1) + euDigits(r, 6)
		v := body + euFmt(euLuhnDigit(body), 1)
		if r.IntN(2) == 0 {
			return v[:6] + "-" + v[6:]
		}
		return v
	}
	seOrgCheck := func(v string) bool { return luhnOK(strings.ReplaceAll(v, "-", "")) }
	RegisterType(TypeGen{
		Type: "se_organisationsnummer", Valid: seOrg,
		Invalid:      func(r *rand.Rand) string { return euBreak(r, seOrg(r), seOrgCheck) },
		Context:      []string{"organisationsnummer", "org.nr", "orgnr"},
		NeedsContext: true,
		Check:        seOrgCheck,
	})

	const hetuChars = "0123456789ABCDEFHJKLMNPRSTUVWXY"
	hetu := func(r *rand.Rand) string {
		d, m, y := euDate(r, 1900, 2023)
		sign := "-YXWVU"[r.IntN(6)]
		if y >= 2000 {
			sign = "ABCDEF"[r.IntN(6)]
		}
		ind := euFmt(2+r.IntN(898), 3)
		date := euFmt(d, 2) + euFmt(m, 2) + euFmt(y%100, 2)
		return date + string(sign) + ind + string(hetuChars[euAtoi(date+ind)%31])
	}
	hetuCheck := func(v string) bool {
		return len(v) == 11 && v[10] == hetuChars[euAtoi(v[:6]+v[7:10])%31]
	}
	RegisterType(TypeGen{
		Type: "fi_personal_identity_code", Valid: hetu,
		Invalid: func(r *rand.Rand) string { return euBreak(r, hetu(r), hetuCheck) },
		Context: []string{"henkilötunnus", "hetu", "personbeteckning", "personal identity code"},
		Check:   hetuCheck,
	})

	fnrK := func(s string, w ...int) int { return (11 - euWeighted(s, w...)%11) % 11 }
	fnr := func(r *rand.Rand) string {
		for {
			d, m, y := euDate(r, 1940, 2023)
			var ind int
			if y >= 2000 {
				ind = 500 + r.IntN(500)
			} else {
				ind = r.IntN(500)
			}
			if r.IntN(5) == 0 {
				d += 40 // a D-number
			}
			body := euFmt(d, 2) + euFmt(m, 2) + euFmt(y%100, 2) + euFmt(ind, 3)
			k1 := fnrK(body, 3, 7, 6, 1, 8, 9, 4, 5, 2)
			if k1 == 10 {
				continue
			}
			body += euFmt(k1, 1)
			k2 := fnrK(body, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
			if k2 == 10 {
				continue
			}
			v := body + euFmt(k2, 1)
			if r.IntN(3) == 0 {
				return v[:6] + " " + v[6:]
			}
			return v
		}
	}
	fnrCheck := func(v string) bool {
		c := strings.ReplaceAll(v, " ", "")
		return len(c) == 11 && fnrK(c, 3, 7, 6, 1, 8, 9, 4, 5, 2) == int(c[9]-'0') &&
			fnrK(c, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2) == int(c[10]-'0')
	}
	RegisterType(TypeGen{
		Type: "no_fodselsnummer", Valid: fnr,
		Invalid:      func(r *rand.Rand) string { return euBreak(r, fnr(r), fnrCheck) },
		Context:      []string{"fødselsnummer", "fodselsnummer", "fnr", "D-nummer"},
		NeedsContext: true,
		Check:        fnrCheck,
	})

	cpr := func(r *rand.Rand) string {
		for {
			d, m, y := euDate(r, 1940, 2023)
			var d7 int
			if y >= 2000 {
				d7 = 4 + r.IntN(5) // 4-8: 2000-2036
			} else {
				d7 = r.IntN(4)
			}
			body := euFmt(d, 2) + euFmt(m, 2) + euFmt(y%100, 2) + euFmt(d7, 1) + euDigits(r, 2)
			w := euWeighted(body, 4, 3, 2, 7, 6, 5, 4, 3, 2)
			c := (11 - w%11) % 11
			if c == 10 {
				continue
			}
			v := body + euFmt(c, 1)
			if r.IntN(2) == 0 {
				return v[:6] + "-" + v[6:]
			}
			return v
		}
	}
	cprCheck := func(v string) bool {
		c := strings.ReplaceAll(v, "-", "")
		return len(c) == 10 && (euWeighted(c, 4, 3, 2, 7, 6, 5, 4, 3, 2, 1)%11 == 0 || c[:4] == "0101")
	}
	RegisterType(TypeGen{
		Type: "dk_cpr", Valid: cpr,
		Invalid:      func(r *rand.Rand) string { return euBreak(r, cpr(r), cprCheck) },
		Context:      []string{"CPR", "CPR-nummer", "CPR-nr."},
		NeedsContext: true,
		Check:        cprCheck,
	})
}
