package corpus

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// The United States types of issue 15. Valid values and checks are
// written here from the published rules, independently of package
// validate.

func init() {
	RegisterType(TypeGen{
		Type: "us_itin", NeedsContext: true,
		Context: []string{"ITIN", "Individual Taxpayer ID number", "itin:"},
		Valid: func(r *rand.Rand) string {
			return usGrouped(r, "9"+usDigits(r, 2), usITINGroup(r, true), usDigits(r, 4))
		},
		Invalid: func(r *rand.Rand) string {
			return usGrouped(r, "9"+usDigits(r, 2), usITINGroup(r, false), usDigits(r, 4))
		},
		Check: usITINCheck,
	})
	RegisterType(TypeGen{
		Type: "us_ein", NeedsContext: true,
		Context: []string{"EIN", "FEIN", "Employer Identification Number"},
		Valid: func(r *rand.Rand) string {
			p := usEINPrefixes[r.IntN(len(usEINPrefixes))]
			if r.IntN(2) == 0 {
				return p + "-" + usDigits(r, 7)
			}
			return p + usDigits(r, 7)
		},
		Invalid: func(r *rand.Rand) string {
			bad := []string{"00", "07", "08", "09", "17", "18", "19", "28", "29", "49", "69", "70", "78", "79", "89", "96", "97"}
			return bad[r.IntN(len(bad))] + "-" + usDigits(r, 7)
		},
		Check: func(v string) bool {
			d := strings.ReplaceAll(v, "-", "")
			if len(d) != 9 || !allASCIIDigits(d) {
				return false
			}
			for _, p := range usEINPrefixes {
				if d[:2] == p {
					return true
				}
			}
			return false
		},
	})
	RegisterType(TypeGen{
		Type: "us_passport", NeedsContext: true,
		Context: []string{"passport", "US passport", "passport number"},
		Valid: func(r *rand.Rand) string {
			if r.IntN(2) == 0 {
				return string(upperChars[r.IntN(26)]) + usDigits(r, 8)
			}
			return string(digitChars[1+r.IntN(9)]) + usDigits(r, 8)
		},
	})
	RegisterType(TypeGen{
		Type: "us_driver_license", NeedsContext: true,
		Context: []string{"driver's license", "Driver License Number", "DL", "drivers license"},
		Valid: func(r *rand.Rand) string {
			switch r.IntN(4) {
			case 0: // California
				return string(upperChars[r.IntN(26)]) + usDigits(r, 7)
			case 1: // Florida
				return string(upperChars[r.IntN(26)]) + usDigits(r, 12)
			case 2: // Texas
				return string(digitChars[1+r.IntN(9)]) + usDigits(r, 7)
			default: // New York
				return string(digitChars[1+r.IntN(9)]) + usDigits(r, 8)
			}
		},
	})
	RegisterType(TypeGen{
		Type: "us_mbi", NeedsContext: true,
		Context: []string{"Medicare number", "MBI", "medicare"},
		Valid: func(r *rand.Rand) string {
			v := usMBI(r)
			if r.IntN(2) == 0 {
				return v[:4] + "-" + v[4:7] + "-" + v[7:]
			}
			return v
		},
		Invalid: func(r *rand.Rand) string {
			b := []byte(usMBI(r))
			b[1+3*r.IntN(3)] = "SLOIBZ"[r.IntN(6)] // a letter position takes a letter CMS never uses
			return string(b)
		},
		Check: usMBICheck,
	})
	RegisterType(TypeGen{
		Type: "us_bank_number", NeedsContext: true,
		Context: []string{"bank account", "account number", "checking account", "acct"},
		Valid: func(r *rand.Rand) string {
			// 8-9 or 12-17 digits: a 10- or 11-digit account number that is
			// also a valid NANP number goes to phone (see the report).
			n := []int{8, 9, 12, 13, 14, 15, 16, 17}[r.IntN(8)]
			return usDigits(r, n)
		},
	})
	RegisterType(TypeGen{
		Type: "medical_license", NeedsContext: true,
		Context: []string{"DEA number", "DEA", "DEA registration"},
		Valid:   func(r *rand.Rand) string { return usDEA(r, true) },
		Invalid: func(r *rand.Rand) string {
			return usDEA(r, false)
		},
		Check: usDEACheck,
	})
}

// digitChars and upperChars are the ASCII digits and capitals, indexed
// by value.
const (
	digitChars = "0123456789"
	upperChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
)

// usDigits returns n random ASCII digits.
func usDigits(r *rand.Rand, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = digitChars[r.IntN(10)]
	}
	return string(b)
}

// allASCIIDigits reports whether s is non-empty and all ASCII digits.
func allASCIIDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// usGrouped joins three parts with '-' or ' ', or not at all.
func usGrouped(r *rand.Rand, a, b, c string) string {
	switch r.IntN(3) {
	case 0:
		return a + "-" + b + "-" + c
	case 1:
		return a + " " + b + " " + c
	}
	return a + b + c
}

// usITINGroup returns an ITIN group (IRS: 50-65, 70-88, 90-92, 94-99),
// or, when !ok, one outside those ranges.
func usITINGroup(r *rand.Rand, ok bool) string {
	for {
		g := r.IntN(100)
		in := g >= 50 && g <= 65 || g >= 70 && g <= 88 || g >= 90 && g <= 92 || g >= 94
		if in == ok {
			return fmt.Sprintf("%02d", g)
		}
	}
}

// usITINCheck is the IRS rule for a written ITIN.
func usITINCheck(v string) bool {
	d := strings.NewReplacer("-", "", " ", "").Replace(v)
	if len(d) != 9 || !allASCIIDigits(d) || d[0] != '9' {
		return false
	}
	g := int(d[3]-'0')*10 + int(d[4]-'0')
	return g >= 50 && g <= 65 || g >= 70 && g <= 88 || g >= 90 && g <= 92 || g >= 94
}

// usEINPrefixes are the IRS's valid EIN prefixes, as its table lists them
// by campus (Andover, Atlanta, Austin, Brookhaven, Cincinnati, Fresno,
// Kansas City, Memphis, Ogden, Philadelphia, Internet, SBA).
var usEINPrefixes = strings.Fields(`10 12 60 67 50 53
01 02 03 04 05 06 11 13 14 16 21 22 23 25 34 51 52 54 55 56 57 58 59 65
30 32 35 36 37 38 61 15 24 40 44 94 95 80 90
33 39 41 42 43 46 48 62 63 64 66 68 71 72 73 74 75 76 77 85 86 87 88 91 92 93 98 99
20 26 27 45 47 81 82 83 84 31`)

// usMBILetters are the letters an MBI uses (A-Z without S L O I B Z).
const usMBILetters = "ACDEFGHJKMNPQRTUVWXY"

// usMBI returns a compact MBI: C A AN N A AN N A A N N.
func usMBI(r *rand.Rand) string {
	l := func() byte { return usMBILetters[r.IntN(len(usMBILetters))] }
	d := func() byte { return digitChars[r.IntN(10)] }
	an := func() byte {
		if r.IntN(2) == 0 {
			return l()
		}
		return d()
	}
	return string([]byte{digitChars[1+r.IntN(9)], l(), an(), d(), l(), an(), d(), l(), l(), d(), d()})
}

// usMBICheck is the CMS MBI format, compact or dashed 4-3-4.
func usMBICheck(v string) bool {
	if len(v) == 13 && v[4] == '-' && v[8] == '-' {
		v = v[:4] + v[5:8] + v[9:]
	}
	if len(v) != 11 || v[0] < '1' || v[0] > '9' {
		return false
	}
	isL := func(c byte) bool { return strings.IndexByte(usMBILetters, c) >= 0 }
	isD := func(c byte) bool { return c >= '0' && c <= '9' }
	for i, c := range []byte(v) {
		switch i {
		case 1, 4, 7, 8:
			if !isL(c) {
				return false
			}
		case 3, 6, 9, 10:
			if !isD(c) {
				return false
			}
		case 2, 5:
			if !isL(c) && !isD(c) {
				return false
			}
		}
	}
	return true
}

// usDEA returns a DEA number with a right (or wrong) check digit.
func usDEA(r *rand.Rand, ok bool) string {
	types := "ABCDEFGHJKLMPRSTUX"
	d := usDigits(r, 6)
	n := func(i int) int { return int(d[i] - '0') }
	check := (n(0) + n(2) + n(4) + 2*(n(1)+n(3)+n(5))) % 10
	if !ok {
		check = (check + 1 + r.IntN(9)) % 10
	}
	return string([]byte{types[r.IntN(len(types))], upperChars[r.IntN(26)]}) + d + string(digitChars[check])
}

// usDEACheck is the DEA rule: type letter, letter or 9, six digits and
// the check digit.
func usDEACheck(v string) bool {
	if len(v) != 9 || strings.IndexByte("ABCDEFGHJKLMPRSTUX", v[0]) < 0 || !(v[1] >= 'A' && v[1] <= 'Z' || v[1] == '9') || !allASCIIDigits(v[2:]) {
		return false
	}
	n := func(i int) int { return int(v[2+i] - '0') }
	return (n(0)+n(2)+n(4)+2*(n(1)+n(3)+n(5)))%10 == n(6)
}
