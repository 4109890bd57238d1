package corpus

import (
	"strings"
	"time"
)

// Checks of the national identifiers of types_apac.go and
// types_apac_east.go,
// written from the published definitions independently of package
// validate: each says whether a value, as the generators write it, is
// one the type's detector reports.

// digitsOf returns the digits of s, skipping the separators " -./", or
// nil when another byte occurs.
func digitsOf(s string) []int {
	var out []int
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			out = append(out, int(c-'0'))
		case strings.IndexByte(" -./", c) >= 0:
		default:
			return nil
		}
	}
	return out
}

// dot returns Σ v[i]·w[i].
func dot(v, w []int) int {
	s := 0
	for i := range w {
		s += v[i] * w[i]
	}
	return s
}

// realDate reports whether y-m-d is a day of the calendar.
func realDate(y, m, d int) bool {
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return m >= 1 && m <= 12 && t.Year() == y && int(t.Month()) == m && t.Day() == d
}

// krRegOK checks a Korean registration number written YYMMDD-GSSSSSC
// for the one rule the generators use: a birth before September 2020 and
// the check digit of a resident (foreign false) or foreigner number.
func krRegOK(s string, foreign bool) bool {
	v := digitsOf(s)
	if len(v) != 13 || len(s) != 14 || s[6] != '-' {
		return false
	}
	century := map[int]int{1: 1900, 2: 1900, 3: 2000, 4: 2000, 5: 1900, 6: 1900, 7: 2000, 8: 2000}[v[6]]
	if century == 0 || (v[6] >= 5) != foreign {
		return false
	}
	y := century + v[0]*10 + v[1]
	m := v[2]*10 + v[3]
	if !realDate(y, m, v[4]*10+v[5]) || y > 2020 || y == 2020 && m >= 9 {
		return false
	}
	r := dot(v, []int{2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5}) % 11
	if foreign {
		return (13-r)%10 == v[12]
	}
	return (11-r)%10 == v[12]
}

// krBRNOK checks a Korean business registration number.
func krBRNOK(s string) bool {
	v := digitsOf(s)
	if len(v) != 10 || v[0]*100+v[1]*10+v[2] < 101 {
		return false
	}
	t := dot(v, []int{1, 3, 7, 1, 3, 7, 1, 3, 5}) + v[8]*5/10
	return (10-t%10)%10 == v[9]
}

// b36 returns the base-36 value of c.
func b36(c byte) int { return strings.IndexByte("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", c) }

// gstinOK checks an Indian GSTIN: state, PAN, entity, Z, mod 36 check.
func gstinOK(s string) bool {
	if len(s) != 15 || !panShape(s[2:12]) || s[13] != 'Z' || b36(s[12]) < 1 {
		return false
	}
	st := digitsOf(s[:2])
	if len(st) != 2 || st[0]*10+st[1] < 1 || st[0]*10+st[1] > 38 {
		return false
	}
	sum := 0
	for i := 0; i < 14; i++ {
		p := b36(s[i])
		if i%2 == 1 {
			p *= 2
		}
		sum += p/36 + p%36
	}
	return b36(s[14]) == (36-sum%36)%36
}

// panShape checks a PAN's structure.
func panShape(s string) bool {
	if len(s) != 10 || strings.IndexByte("ABCFGHJKLPT", s[3]) < 0 {
		return false
	}
	for i := 0; i < 10; i++ {
		letter := s[i] >= 'A' && s[i] <= 'Z'
		if (i >= 5 && i < 9) == letter || !letter && (s[i] < '0' || s[i] > '9') {
			return false
		}
	}
	return s[5:9] != "0000"
}

// nricOK checks a Singapore NRIC or FIN.
func nricOK(s string) bool {
	if len(s) != 9 {
		return false
	}
	v := digitsOf(s[1:8])
	if len(v) != 7 {
		return false
	}
	sum := dot(v, []int{2, 7, 6, 5, 4, 3, 2})
	tables := map[byte]string{'S': "JZIHGFEDCBA", 'T': "JZIHGFEDCBA", 'F': "XWUTRQPNMLK", 'G': "XWUTRQPNMLK", 'M': "XWUTRQPNJLK"}
	offsets := map[byte]int{'T': 4, 'G': 4, 'M': 3}
	tb, ok := tables[s[0]]
	return ok && tb[(sum+offsets[s[0]])%11] == s[8]
}

// uenOK checks a Singapore UEN in any of its three formats.
func uenOK(s string) bool {
	switch v := digitsOf(s[:len(s)-1]); {
	case len(s) == 9 && len(v) == 8:
		return "XMKECAWLJDB"[dot(v, []int{10, 4, 9, 3, 8, 2, 7, 1})%11] == s[8]
	case len(s) == 10 && len(v) == 9:
		return "ZKCMDNERGWH"[dot(v, []int{10, 8, 6, 4, 9, 7, 5, 3, 1})%11] == s[9]
	case len(s) == 10:
		const alpha = "ABCDEFGHJKLMNPQRSTUVWX0123456789"
		w := []int{4, 3, 5, 3, 10, 2, 2, 5, 7}
		sum := 0
		for i := range w {
			sum += strings.IndexByte(alpha, s[i]) * w[i]
		}
		return strings.Contains(sgEntityTypes, s[3:5]) && alpha[(sum-5)%11] == s[9]
	}
	return false
}

// sgEntityTypes are ACRA's entity types for "other" UENs.
const sgEntityTypes = "CC CD CH CL CM CP CS CX DP FB FC FM FN GA GB GS HS LL LP MB MC MD MH MM MQ NB NR PA PB PF RF RP SM SS TC TU VH XL"

// Australian checks.
func tfnOK(s string) bool {
	v := digitsOf(s)
	return len(v) == 9 && dot(v, []int{1, 4, 3, 7, 5, 8, 6, 9, 10})%11 == 0
}

func abnOK(s string) bool {
	v := digitsOf(s)
	if len(v) != 11 || v[0] == 0 {
		return false
	}
	v[0]--
	return dot(v, []int{10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19})%89 == 0
}

func acnOK(s string) bool {
	v := digitsOf(s)
	return len(v) == 9 && (10-dot(v, []int{8, 7, 6, 5, 4, 3, 2, 1})%10)%10 == v[8]
}

func medicareOK(s string) bool {
	v := digitsOf(s)
	return len(v) == 10 && v[0] >= 2 && v[0] <= 6 && v[9] != 0 && dot(v, []int{1, 3, 7, 9, 1, 3, 7, 9})%10 == v[8]
}

// tninOK checks a Thai national identification number.
func tninOK(s string) bool {
	v := digitsOf(s)
	if len(v) != 13 || v[0] < 1 || v[0] > 8 || v[1]*10+v[2] < 10 || v[1]*10+v[2] > 96 {
		return false
	}
	return (11-dot(v, []int{13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2})%11)%10 == v[12]
}

// myNumberOK checks a Japanese Individual Number.
func myNumberOK(s string) bool {
	v := digitsOf(s)
	if len(v) != 12 {
		return false
	}
	r := dot(v, []int{6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2}) % 11
	c := 0
	if r > 1 {
		c = 11 - r
	}
	return c == v[11]
}

// cnProvinceCodes are GB/T 2260's province-level codes (and 71, 81-83).
var cnProvinceCodes = []string{"11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
	"41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82", "83"}

// cnIDOK checks a Chinese citizen identity number.
func cnIDOK(s string) bool {
	if len(s) != 18 {
		return false
	}
	v := digitsOf(s[:17])
	if len(v) != 17 {
		return false
	}
	found := false
	for _, p := range cnProvinceCodes {
		found = found || s[:2] == p
	}
	y := v[6]*1000 + v[7]*100 + v[8]*10 + v[9]
	if !found || y < 1850 || y > 2099 || !realDate(y, v[10]*10+v[11], v[12]*10+v[13]) {
		return false
	}
	c := (12 - dot(v, []int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2})%11) % 11
	return "0123456789X"[c] == s[17] || c == 10 && s[17] == 'x'
}
