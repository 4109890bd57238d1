package corpus

import (
	"math/rand/v2"
	"strings"
)

// Italian identifiers for the type corpus (see types_eu.go).

// euCFCheck returns the check letter of the first fifteen characters of
// a codice fiscale, through the published odd/even place tables.
func euCFCheck(s string) byte {
	odd := []int{1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23}
	sum := 0
	for i := 0; i < 15; i++ {
		c := s[i]
		var idx int // 0-25 for A-Z, 0-9 for digits
		if c >= '0' && c <= '9' {
			idx = int(c - '0')
		} else {
			idx = int(c - 'A')
		}
		if i%2 == 0 {
			sum += odd[idx]
		} else {
			sum += idx
		}
	}
	return byte('A' + sum%26)
}

func init() {
	cf := func(r *rand.Rand) string {
		d, m, y := euDate(r, 1930, 2020)
		if r.IntN(2) == 0 {
			d += 40
		}
		b := []byte(euUpper(r, 6) + euFmt(y%100, 2) + string("ABCDEHLMPRST"[m-1]) + euFmt(d, 2) +
			string("ABCDEFGHILMZ"[r.IntN(12)]) + euDigits(r, 3))
		if r.IntN(5) == 0 { // homocody: replace the last numeric places by letters
			for _, k := range []int{14, 13, 12}[:1+r.IntN(3)] {
				b[k] = "LMNPQRSTUV"[b[k]-'0']
			}
		}
		return string(b) + string(euCFCheck(string(b)))
	}
	cfCheck := func(v string) bool {
		if len(v) != 16 {
			return false
		}
		plain := []byte(v)
		for _, k := range []int{6, 7, 9, 10, 12, 13, 14} {
			if i := strings.IndexByte("LMNPQRSTUV", plain[k]); i >= 0 {
				plain[k] = euDigitChars[i]
			}
		}
		p := string(plain)
		m := strings.IndexByte("ABCDEHLMPRST", p[8]) + 1
		d := euAtoi(p[9:11]) % 40
		if m == 0 || d < 1 || strings.Trim(p[6:8]+p[9:11]+p[12:15], "0123456789") != "" {
			return false
		}
		if !euDateOK(d, m, 2000+euAtoi(p[6:8])) {
			return false
		}
		return v[15] == euCFCheck(v)
	}
	RegisterType(TypeGen{
		Type: "it_fiscal_code", Valid: cf,
		Invalid: func(r *rand.Rand) string { return euBreak(r, cf(r), cfCheck) },
		Context: []string{"codice fiscale", "C.F.", "fiscal code", "cod. fiscale"},
		Check:   cfCheck,
	})
	iva := func(r *rand.Rand) string {
		office := euFmt(1+r.IntN(100), 3)
		body := euFmt(1+r.IntN(9_999_999), 7) + office
		return body + euFmt(euLuhnDigit(body), 1)
	}
	ivaCheck := func(v string) bool {
		o := euAtoi(v[7:10])
		return len(v) == 11 && (o >= 1 && o <= 100 || o == 120 || o == 121 || o == 888 || o == 999) &&
			euLuhnDigit(v[:10]) == int(v[10]-'0')
	}
	RegisterType(TypeGen{
		Type: "it_vat_code", Valid: iva,
		Invalid:      func(r *rand.Rand) string { return euBreak(r, iva(r), ivaCheck) },
		Context:      []string{"partita IVA", "P.IVA", "P. IVA", "VAT number"},
		NeedsContext: true,
		Check:        ivaCheck,
	})
	RegisterType(TypeGen{
		Type: "it_identity_card",
		Valid: func(r *rand.Rand) string {
			if r.IntN(2) == 0 {
				return "C" + euUpper(r, 1) + euDigits(r, 5) + euUpper(r, 2)
			}
			return euUpper(r, 2) + euDigits(r, 7)
		},
		Context:      []string{"carta d'identità", "carta di identità", "CIE", "identity card"},
		NeedsContext: true,
	})
	RegisterType(TypeGen{
		Type:         "it_passport",
		Valid:        func(r *rand.Rand) string { return euUpper(r, 2) + euDigits(r, 7) },
		Context:      []string{"passaporto", "numero passaporto"},
		NeedsContext: true,
	})
	RegisterType(TypeGen{
		Type: "it_driver_license",
		Valid: func(r *rand.Rand) string {
			if r.IntN(3) == 0 {
				return "U1" + euUpper(r, 3) + euDigits(r, 4) + euUpper(r, 1)
			}
			return euUpper(r, 2) + euDigits(r, 7) + euUpper(r, 1)
		},
		Context:      []string{"patente", "patente di guida", "numero patente", "driving licence"},
		NeedsContext: true,
	})
}

// euDateOK reports whether d/m/y is a real date.
func euDateOK(d, m, y int) bool {
	if m < 1 || m > 12 || d < 1 {
		return false
	}
	days := []int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[m-1]
	if m == 2 && y%4 == 0 && (y%100 != 0 || y%400 == 0) {
		days = 29
	}
	return d <= days
}
