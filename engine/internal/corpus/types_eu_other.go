package corpus

import (
	"math/rand/v2"
	"strings"
)

// Swiss, Austrian, Irish, Portuguese, Czech and Romanian identifiers for
// the type corpus (see types_eu.go).

func init() {
	ahvDigit := func(b string) int {
		sum := 0
		for i := 0; i < 12; i++ {
			w := 1
			if i%2 == 1 {
				w = 3
			}
			sum += int(b[i]-'0') * w
		}
		return (10 - sum%10) % 10
	}
	ahv := func(r *rand.Rand) string {
		b := "756" + euDigits(r, 9)
		v := b + euFmt(ahvDigit(b), 1)
		if r.IntN(2) == 0 {
			return v[:3] + "." + v[3:7] + "." + v[7:11] + "." + v[11:]
		}
		return v
	}
	ahvCheck := func(v string) bool {
		c := strings.ReplaceAll(v, ".", "")
		return len(c) == 13 && strings.HasPrefix(c, "756") && ahvDigit(c) == int(c[12]-'0')
	}
	RegisterType(TypeGen{
		Type: "ch_ahv", Valid: ahv,
		Invalid: func(r *rand.Rand) string { return euBreak(r, ahv(r), ahvCheck) },
		Context: []string{"AHV-Nr.", "AHV-Nummer", "numéro AVS", "AVS"},
		Check:   ahvCheck,
	})

	svnrOK := func(c string) bool {
		return len(c) == 10 && euWeighted(c, 3, 7, 9, 0, 5, 8, 4, 2, 1, 6)%11 == int(c[3]-'0')
	}
	svnr := func(r *rand.Rand) string {
		for {
			d, m, y := euDate(r, 1930, 2023)
			date := euFmt(d, 2) + euFmt(m, 2) + euFmt(y%100, 2)
			ser := euFmt(100+r.IntN(900), 3)
			c := euWeighted(ser+"0"+date, 3, 7, 9, 0, 5, 8, 4, 2, 1, 6) % 11
			if c == 10 {
				continue
			}
			v := ser + euFmt(c, 1) + date
			if r.IntN(2) == 0 {
				return v[:4] + " " + v[4:]
			}
			return v
		}
	}
	svnrCheck := func(v string) bool { return svnrOK(strings.ReplaceAll(v, " ", "")) }
	RegisterType(TypeGen{
		Type: "at_svnr", Valid: svnr,
		Invalid:      func(r *rand.Rand) string { return euBreak(r, svnr(r), svnrCheck) },
		Context:      []string{"SVNR", "Sozialversicherungsnummer", "Versicherungsnummer", "SV-Nummer"},
		NeedsContext: true,
		Check:        svnrCheck,
	})

	const ppsLetters = "WABCDEFGHIJKLMNOPQRSTUV"
	pps := func(r *rand.Rand) string {
		d := euDigits(r, 7)
		sum := euWeighted(d, 8, 7, 6, 5, 4, 3, 2)
		switch r.IntN(3) {
		case 0:
			second := "AB"[r.IntN(2)]
			return d + string(ppsLetters[(sum+9*int(second-'A'+1))%23]) + string(second)
		case 1:
			return d + string(ppsLetters[sum%23]) + "W"
		}
		return d + string(ppsLetters[sum%23])
	}
	ppsCheck := func(v string) bool {
		if len(v) < 8 {
			return false
		}
		sum := euWeighted(v, 8, 7, 6, 5, 4, 3, 2)
		if len(v) == 9 && (v[8] == 'A' || v[8] == 'B' || v[8] == 'H') {
			sum += 9 * strings.IndexByte(ppsLetters, v[8])
		}
		return v[7] == ppsLetters[sum%23]
	}
	RegisterType(TypeGen{
		Type: "ie_ppsn", Valid: pps,
		Invalid: func(r *rand.Rand) string {
			v := pps(r)
			for {
				w := v[:7] + string(euLetterChars[r.IntN(26)]) + v[8:]
				if !ppsCheck(w) {
					return w
				}
			}
		},
		Context: []string{"PPS number", "PPSN", "PPS No.", "personal public service number"},
		Check:   ppsCheck,
	})

	nifOK := func(c string) bool {
		if len(c) != 9 {
			return false
		}
		k := 11 - euWeighted(c, 9, 8, 7, 6, 5, 4, 3, 2)%11
		if k > 9 {
			k = 0
		}
		return k == int(c[8]-'0')
	}
	nif := func(r *rand.Rand) string {
		for {
			v := string("12356"[r.IntN(5)]) + euDigits(r, 8)
			if nifOK(v) {
				return v
			}
		}
	}
	nifCheck := func(v string) bool { return nifOK(v) }
	RegisterType(TypeGen{
		Type: "pt_nif", Valid: nif,
		Invalid:      func(r *rand.Rand) string { return euBreak(r, nif(r), nifCheck) },
		Context:      []string{"NIF", "contribuinte", "número de contribuinte", "NIPC"},
		NeedsContext: true,
		Check:        nifCheck,
	})

	rc := func(r *rand.Rand) string {
		for {
			d, m, y := euDate(r, 1954, 2023)
			if r.IntN(2) == 0 {
				m += 50
			}
			body := euFmt(y%100, 2) + euFmt(m, 2) + euFmt(d, 2) + euDigits(r, 3)
			c := int(euMod(body, 11))
			if c == 10 {
				continue
			}
			v := body + euFmt(c, 1)
			if r.IntN(2) == 0 {
				return v[:6] + "/" + v[6:]
			}
			return v
		}
	}
	rcCheck := func(v string) bool {
		c := strings.ReplaceAll(v, "/", "")
		return len(c) == 10 && euMod(c, 11) == 0
	}
	RegisterType(TypeGen{
		Type: "cz_birth_number", Valid: rc,
		Invalid:      func(r *rand.Rand) string { return euBreak(r, rc(r), rcCheck) },
		Context:      []string{"rodné číslo", "rodne cislo", "r.č.", "birth number"},
		NeedsContext: true,
		Check:        rcCheck,
	})

	cnpDigit := func(b string) int {
		c := euWeighted(b, 2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9) % 11
		if c == 10 {
			c = 1
		}
		return c
	}
	cnp := func(r *rand.Rand) string {
		d, m, y := euDate(r, 1930, 2023)
		s := 1 + r.IntN(2)
		if y >= 2000 {
			s += 4
		}
		county := 1 + r.IntN(46)
		b := euFmt(s, 1) + euFmt(y%100, 2) + euFmt(m, 2) + euFmt(d, 2) + euFmt(county, 2) + euFmt(1+r.IntN(999), 3)
		return b + euFmt(cnpDigit(b), 1)
	}
	cnpCheck := func(v string) bool { return len(v) == 13 && cnpDigit(v) == int(v[12]-'0') }
	RegisterType(TypeGen{
		Type: "ro_cnp", Valid: cnp,
		Invalid:      func(r *rand.Rand) string { return euBreak(r, cnp(r), cnpCheck) },
		Context:      []string{"CNP", "cod numeric personal", "codul numeric personal"},
		NeedsContext: true,
		Check:        cnpCheck,
	})
}
