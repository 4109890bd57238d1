package validate

import (
	"strconv"
	"strings"
)

// More independent transcriptions (see ref_natid_test.go).

func refSwedish(s string) bool {
	if _, ok := refAtoi(s); !ok || len(s) != 10 {
		return false
	}
	yy, _ := strconv.Atoi(s[:2])
	mm, _ := strconv.Atoi(s[2:4])
	dd, _ := strconv.Atoi(s[4:6])
	if dd > 60 {
		dd -= 60
	}
	return refDate(2000+yy, mm, dd) && refLuhnOK(s)
}

func refSwedishOrg(s string) bool {
	if _, ok := refAtoi(s); !ok || len(s) != 10 || !strings.ContainsRune("12356789", rune(s[0])) {
		return false
	}
	third, _ := strconv.Atoi(s[2:3])
	return third >= 2 && refLuhnOK(s)
}

func refHetu(s string) bool {
	if len(s) != 11 {
		return false
	}
	centuries := map[byte]int{'+': 1800, '-': 1900, 'Y': 1900, 'X': 1900, 'W': 1900, 'V': 1900, 'U': 1900,
		'A': 2000, 'B': 2000, 'C': 2000, 'D': 2000, 'E': 2000, 'F': 2000}
	century, ok := centuries[s[6]]
	digits := s[:6] + s[7:10]
	n, ok2 := refAtoi(digits)
	if !ok || !ok2 || len(digits) != 9 {
		return false
	}
	dd, _ := strconv.Atoi(s[0:2])
	mm, _ := strconv.Atoi(s[2:4])
	yy, _ := strconv.Atoi(s[4:6])
	ind, _ := strconv.Atoi(s[7:10])
	if ind < 2 || !refDate(century+yy, mm, dd) {
		return false
	}
	return s[10] == "0123456789ABCDEFHJKLMNPRSTUVWXY"[n%31]
}

func refFodselsnummer(s string) bool {
	if _, ok := refAtoi(s); !ok || len(s) != 11 {
		return false
	}
	dd, _ := strconv.Atoi(s[0:2])
	mm, _ := strconv.Atoi(s[2:4])
	yy, _ := strconv.Atoi(s[4:6])
	ind, _ := strconv.Atoi(s[6:9])
	if dd > 40 {
		dd -= 40
	}
	if mm > 40 {
		mm -= 40
	}
	year := -1
	switch {
	case ind <= 499:
		year = 1900 + yy
	case ind >= 500 && ind <= 749 && yy >= 54:
		year = 1800 + yy
	case ind >= 500 && yy <= 39:
		year = 2000 + yy
	case ind >= 900 && yy >= 40:
		year = 1900 + yy
	}
	if year < 0 || !refDate(year, mm, dd) {
		return false
	}
	k1 := (11 - refWeighted(s, []int{3, 7, 6, 1, 8, 9, 4, 5, 2})%11) % 11
	k2 := (11 - refWeighted(s, []int{5, 4, 3, 2, 7, 6, 5, 4, 3, 2})%11) % 11
	return strconv.Itoa(k1) == s[9:10] && strconv.Itoa(k2) == s[10:11]
}

func refCPR(s string) bool {
	if _, ok := refAtoi(s); !ok || len(s) != 10 {
		return false
	}
	dd, _ := strconv.Atoi(s[0:2])
	mm, _ := strconv.Atoi(s[2:4])
	yy, _ := strconv.Atoi(s[4:6])
	d7, _ := strconv.Atoi(s[6:7])
	var year int
	switch {
	case d7 <= 3:
		year = 1900 + yy
	case (d7 == 4 || d7 == 9) && yy <= 36:
		year = 2000 + yy
	case d7 == 4 || d7 == 9:
		year = 1900 + yy
	case yy <= 57:
		year = 2000 + yy
	default:
		year = 1800 + yy
	}
	if !refDate(year, mm, dd) {
		return false
	}
	return refWeighted(s, []int{4, 3, 2, 7, 6, 5, 4, 3, 2, 1})%11 == 0 || s[:4] == "0101"
}

func refAHV(s string) bool {
	if _, ok := refAtoi(s); !ok || len(s) != 13 || !strings.HasPrefix(s, "756") {
		return false
	}
	c := (10 - refWeighted(s, []int{1, 3, 1, 3, 1, 3, 1, 3, 1, 3, 1, 3})%10) % 10
	return strconv.Itoa(c) == s[12:]
}

func refSVNR(s string) bool {
	if _, ok := refAtoi(s); !ok || len(s) != 10 || s[0] == '0' {
		return false
	}
	dd, _ := strconv.Atoi(s[4:6])
	mm, _ := strconv.Atoi(s[6:8])
	yy, _ := strconv.Atoi(s[8:10])
	if mm >= 13 && mm <= 15 {
		if dd < 1 || dd > 31 {
			return false
		}
	} else if !refDate(2000+yy, mm, dd) {
		return false
	}
	c := refWeighted(s, []int{3, 7, 9, 0, 5, 8, 4, 2, 1, 6}) % 11
	return strconv.Itoa(c) == s[3:4]
}

func refPPSN(s string) bool {
	if len(s) != 8 && len(s) != 9 {
		return false
	}
	if _, ok := refAtoi(s[:7]); !ok {
		return false
	}
	sum := refWeighted(s, []int{8, 7, 6, 5, 4, 3, 2})
	if len(s) == 9 {
		switch {
		case strings.ContainsRune("ABH", rune(s[8])):
			sum += 9 * (strings.IndexByte("WABCDEFGHIJKLMNOPQRSTUV", s[8]))
		case !strings.ContainsRune("WTXZ", rune(s[8])):
			return false
		}
	}
	return s[7] == "WABCDEFGHIJKLMNOPQRSTUV"[sum%23]
}

func refPortugueseNIF(s string) bool {
	if _, ok := refAtoi(s); !ok || len(s) != 9 {
		return false
	}
	okPrefix := strings.ContainsRune("123568", rune(s[0]))
	for _, p := range []string{"45", "70", "71", "72", "74", "75", "77", "79", "90", "91", "98", "99"} {
		okPrefix = okPrefix || strings.HasPrefix(s, p)
	}
	if !okPrefix {
		return false
	}
	c := 11 - refWeighted(s, []int{9, 8, 7, 6, 5, 4, 3, 2})%11
	if c > 9 {
		c = 0
	}
	return strconv.Itoa(c) == s[8:]
}

func refCzech(s string) bool {
	if _, ok := refAtoi(s); !ok || len(s) != 9 && len(s) != 10 {
		return false
	}
	yy, _ := strconv.Atoi(s[0:2])
	mm, _ := strconv.Atoi(s[2:4])
	dd, _ := strconv.Atoi(s[4:6])
	var year int
	switch {
	case len(s) == 9 && yy < 54:
		year = 1900 + yy
	case len(s) == 9:
		return false
	case yy < 54:
		year = 2000 + yy
	default:
		year = 1900 + yy
	}
	switch {
	case mm >= 1 && mm <= 12, mm >= 51 && mm <= 62:
		mm %= 50
	case mm >= 21 && mm <= 32, mm >= 71 && mm <= 82:
		if year < 2004 {
			return false
		}
		mm = mm%50 - 20
	default:
		return false
	}
	if !refDate(year, mm, dd) {
		return false
	}
	if len(s) == 9 {
		return true
	}
	if refMod(s, 11) == 0 {
		return true
	}
	return year < 1985 && refMod(s[:9], 11) == 10 && s[9] == '0'
}

func refCNP(s string) bool {
	if _, ok := refAtoi(s); !ok || len(s) != 13 || s[0] == '0' {
		return false
	}
	century := map[byte]int{'1': 1900, '2': 1900, '3': 1800, '4': 1800}[s[0]]
	if century == 0 {
		century = 2000
	}
	yy, _ := strconv.Atoi(s[1:3])
	mm, _ := strconv.Atoi(s[3:5])
	dd, _ := strconv.Atoi(s[5:7])
	jj, _ := strconv.Atoi(s[7:9])
	if !refDate(century+yy, mm, dd) || s[9:12] == "000" {
		return false
	}
	if !(jj >= 1 && jj <= 48 || jj == 51 || jj == 52) {
		return false
	}
	c := refWeighted(s, []int{2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9}) % 11
	if c == 10 {
		c = 1
	}
	return strconv.Itoa(c) == s[12:]
}
