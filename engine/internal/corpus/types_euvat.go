package corpus

import (
	"math/rand/v2"
	"strings"
)

// EU VAT numbers for the type corpus (see types_eu.go): for each member
// state but DE and IT, the shape of its number (a template: 'd' a random
// digit, anything else literal) and its check, written here from the
// published algorithms; a valid number is a random body completed by the
// last character that passes the check.

// euVATSpec is one member state's number.
type euVATSpec struct {
	cc, tmpl string            // the number is tmpl with 'd' replaced, then one check character
	last     string            // the alphabet of the check character
	ok       func(string) bool // the check, on the number after the prefix
}

// euDoubleSum is the digit sum of 2d.
func euDoubleSum(d int) int { return 2*d/10 + 2*d%10 }

var euVATSpecs = []euVATSpec{
	{"AT", "Uddddddd", "0123456789", func(n string) bool {
		s := 4
		for i := 1; i <= 7; i++ {
			d := int(n[i] - '0')
			if i%2 == 0 {
				d = euDoubleSum(d)
			}
			s += d
		}
		return int(n[8]-'0') == (10-s%10)%10
	}},
	{"BE", "0dddddddd", "0123456789", func(n string) bool { return int64(euAtoi(n[8:])) == 97-euMod(n[:8], 97) }},
	{"BG", "dddddddd", "0123456789", func(n string) bool {
		c := euWeighted(n, 1, 2, 3, 4, 5, 6, 7, 8) % 11
		if c == 10 {
			c = euWeighted(n, 3, 4, 5, 6, 7, 8, 9, 10) % 11 % 10
		}
		return c == int(n[8]-'0')
	}},
	{"CY", "1ddddddd", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", func(n string) bool {
		s := 0
		for i := 0; i < 8; i++ {
			d := int(n[i] - '0')
			if i%2 == 0 {
				d = []int{1, 0, 5, 7, 9, 13, 15, 17, 19, 21}[d]
			}
			s += d
		}
		return n[1] != '2' && n[8] == byte('A'+s%26)
	}},
	{"CZ", "2dddddd", "0123456789", func(n string) bool {
		return int(n[7]-'0') == (11-euWeighted(n, 8, 7, 6, 5, 4, 3, 2)%11)%10
	}},
	{"DK", "1dddddd", "0123456789", func(n string) bool { return euWeighted(n, 2, 7, 6, 5, 4, 3, 2, 1)%11 == 0 }},
	{"EE", "10dddddd", "0123456789", func(n string) bool {
		return int(n[8]-'0') == (10-euWeighted(n, 3, 7, 1, 3, 7, 1, 3, 7)%10)%10
	}},
	{"EL", "dddddddd", "0123456789", func(n string) bool {
		return int(n[8]-'0') == euWeighted(n, 256, 128, 64, 32, 16, 8, 4, 2)%11%10
	}},
	{"ES", "Bddddddd", "0123456789", func(n string) bool {
		s := 0
		for i := 1; i <= 7; i++ {
			d := int(n[i] - '0')
			if i%2 == 1 {
				d = euDoubleSum(d)
			}
			s += d
		}
		return int(n[8]-'0') == (10-s%10)%10
	}},
	{"FI", "ddddddd", "0123456789", func(n string) bool {
		c := 11 - euWeighted(n, 7, 9, 10, 5, 8, 4, 2)%11
		return c != 10 && c%11 == int(n[7]-'0')
	}},
	{"HR", "dddddddddd", "0123456789", func(n string) bool {
		p := 10
		for i := 0; i < 10; i++ {
			x := (int(n[i]-'0') + p) % 10
			if x == 0 {
				x = 10
			}
			p = 2 * x % 11
		}
		return (11-p)%10 == int(n[10]-'0')
	}},
	{"HU", "ddddddd", "0123456789", func(n string) bool {
		return int(n[7]-'0') == (10-euWeighted(n, 9, 7, 3, 1, 9, 7, 3)%10)%10
	}},
	{"IE", "ddddddd", "ABCDEFGHIJKLMNOPQRSTUVW", func(n string) bool {
		return n[7] == "WABCDEFGHIJKLMNOPQRSTUV"[euWeighted(n, 8, 7, 6, 5, 4, 3, 2)%23]
	}},
	{"LT", "ddddddd1", "0123456789", func(n string) bool {
		c := euWeighted(n, 1, 2, 3, 4, 5, 6, 7, 8) % 11
		if c == 10 {
			c = euWeighted(n, 3, 4, 5, 6, 7, 8, 9, 1) % 11 % 10
		}
		return c == int(n[8]-'0')
	}},
	{"LU", "ddddddd", "0123456789", func(n string) bool { return int64(euAtoi(n[6:])) == euMod(n[:6], 89) }},
	{"LV", "4ddddddddd", "0123456789", func(n string) bool {
		return euWeighted(n, 9, 1, 4, 8, 3, 10, 2, 5, 7, 6, 1)%11 == 3
	}},
	{"MT", "1dddddd", "0123456789", func(n string) bool { return euAtoi(n[6:]) == 37-euWeighted(n, 3, 4, 6, 7, 8, 9)%37 }},
	{"NL", "dddddddd", "0123456789", func(n string) bool {
		return euWeighted(n, 9, 8, 7, 6, 5, 4, 3, 2)%11 == int(n[8]-'0')
	}},
	{"PL", "ddddddddd", "0123456789", func(n string) bool {
		return euWeighted(n, 6, 5, 7, 2, 3, 4, 5, 6, 7)%11 == int(n[9]-'0')
	}},
	{"PT", "5ddddddd", "0123456789", func(n string) bool {
		c := 11 - euWeighted(n, 9, 8, 7, 6, 5, 4, 3, 2)%11
		if c > 9 {
			c = 0
		}
		return c == int(n[8]-'0')
	}},
	{"RO", "1dddddd", "0123456789", func(n string) bool {
		return int(n[7]-'0') == euWeighted(n, 3, 2, 1, 7, 5, 3, 2)*10%11%10
	}},
	{"SI", "1dddddd", "0123456789", func(n string) bool {
		c := 11 - euWeighted(n, 8, 7, 6, 5, 4, 3, 2)%11
		return c != 11 && c%10 == int(n[7]-'0')
	}},
	{"SK", "202dddddd", "0123456789", func(n string) bool { return euMod(n, 11) == 0 }},
	{"XI", "dddddddd", "0123456789", func(n string) bool {
		r := (euWeighted(n, 8, 7, 6, 5, 4, 3, 2) + euAtoi(n[7:9])) % 97
		return n[:9] != "000000000" && (r == 0 || r == 42)
	}},
}

// euVAT returns a valid VAT number of a random member state.
func euVAT(r *rand.Rand) string {
	for {
		sp := euVATSpecs[r.IntN(len(euVATSpecs))]
		b := []byte(sp.tmpl)
		for i, c := range b {
			if c == 'd' {
				b[i] = euDigitChars[r.IntN(10)]
			}
		}
		for _, c := range sp.last {
			n := string(b) + string(c)
			if !sp.ok(n) {
				continue
			}
			switch {
			case sp.cc == "NL":
				n += "B0" + euFmt(1+r.IntN(9), 1)
			case sp.cc == "SE":
				n += "01"
			}
			if r.IntN(4) == 0 {
				return sp.cc + " " + n
			}
			return sp.cc + n
		}
	}
}

// euVATCheck reports whether v, a prefix and a number (perhaps after one
// space), passes its member state's check.
func euVATCheck(v string) bool {
	c := strings.ReplaceAll(v, " ", "")
	if len(c) < 4 {
		return false
	}
	if c[:2] == "FR" {
		n := c[2:]
		return len(n) == 11 && strings.Trim(n, "0123456789") == "" && euLuhnDigit(n[2:10]) == int(n[10]-'0') &&
			int64(euAtoi(n[:2])) == euMod(n[2:]+"12", 97)
	}
	for _, sp := range euVATSpecs {
		if c[:2] != sp.cc {
			continue
		}
		n := c[2:]
		switch sp.cc {
		case "NL":
			if len(n) != 12 || n[9] != 'B' {
				return false
			}
			n = n[:9]
		case "SE":
			if len(n) != 12 || !strings.HasSuffix(n, "01") {
				return false
			}
			n = n[:10]
			return euLuhnDigit(n[:9]) == int(n[9]-'0')
		}
		return len(n) == len(sp.tmpl)+1 && strings.Trim(n, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ") == "" && sp.ok(n)
	}
	return false
}

func init() {
	RegisterType(TypeGen{
		Type:    "eu_vat_id",
		Valid:   func(r *rand.Rand) string { return euVATFR(r, euVAT(r)) },
		Invalid: func(r *rand.Rand) string { return euBreak(r, euVAT(r), euVATCheck) },
		Context: []string{"VAT", "VAT number", "TVA", "BTW", "UID", "moms"},
		Check:   euVATCheck,
	})
}

// euVATFR returns, one time in ten, a French VAT number (a SIREN and its
// numeric key) instead of v.
func euVATFR(r *rand.Rand, v string) string {
	if r.IntN(10) != 0 {
		return v
	}
	b := euFmt(1+r.IntN(99_999_999), 8)
	siren := b + euFmt(euLuhnDigit(b), 1)
	return "FR" + euFmt(int(euMod(siren+"12", 97)), 2) + siren
}
