package validate

import (
	"math/big"
	"strconv"
	"strings"
)

// Slow, independent transcriptions of the published national-identifier
// algorithms, for the fuzz targets: they work on strings, parse with
// strconv, take big-number remainders with math/big and check dates with
// package time, sharing nothing with the validators they test.

// refAtoi parses s, which must be all ASCII digits.
func refAtoi(s string) (int, bool) {
	if s == "" || strings.Trim(s, "0123456789") != "" {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	return n, err == nil
}

// refMod returns s, a decimal number of any length, mod m.
func refMod(s string, m int64) int64 {
	n, ok := new(big.Int).SetString(s, 10)
	if !ok {
		return -1
	}
	return new(big.Int).Mod(n, big.NewInt(m)).Int64()
}

// refWeighted sums the digits of s times w (weights beyond s are unused).
func refWeighted(s string, w []int) int {
	sum := 0
	for i := range w {
		n, _ := strconv.Atoi(s[i : i+1])
		sum += n * w[i]
	}
	return sum
}

// refLuhnOK is the Luhn test through refLuhn (luhn_test.go).
func refLuhnOK(s string) bool { return len(s) >= 2 && refLuhn(s) }

func refDNI(s string) bool {
	if len(s) != 9 {
		return false
	}
	num := s[:8]
	if strings.ContainsRune("KLM", rune(s[0])) {
		num = s[1:8]
	}
	n, ok := refAtoi(num)
	return ok && s[8:] == string("TRWAGMYFPDXBNJZSQVHLCKE"[n%23])
}

func refNIE(s string) bool {
	if len(s) != 9 {
		return false
	}
	p := strings.IndexByte("XYZ", s[0])
	if p < 0 {
		return false
	}
	n, ok := refAtoi(strconv.Itoa(p) + s[1:8])
	return ok && len(s[1:8]) == 7 && s[8] == "TRWAGMYFPDXBNJZSQVHLCKE"[n%23]
}

func refCIF(s string) bool {
	if len(s) != 9 || !strings.ContainsRune("ABCDEFGHJNPQRSUVW", rune(s[0])) {
		return false
	}
	if _, ok := refAtoi(s[1:8]); !ok {
		return false
	}
	even, odd := 0, 0
	for i := 1; i <= 7; i++ {
		d, _ := strconv.Atoi(s[i : i+1])
		if i%2 == 0 {
			even += d
		} else {
			for _, c := range strconv.Itoa(2 * d) {
				odd += int(c - '0')
			}
		}
	}
	c := (10 - (even+odd)%10) % 10
	asDigit, asLetter := strconv.Itoa(c), string("JABCDEFGHI"[c])
	switch {
	case strings.ContainsRune("NPQRSW", rune(s[0])):
		return s[8:] == asLetter
	case strings.ContainsRune("ABEH", rune(s[0])):
		return s[8:] == asDigit
	}
	return s[8:] == asDigit || s[8:] == asLetter
}

func refFiscalCode(s string) bool {
	if len(s) != 16 {
		return false
	}
	const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	// Undo homocody at the numeric places.
	plain := []byte(s)
	for _, i := range []int{6, 7, 9, 10, 12, 13, 14} {
		if k := strings.IndexByte("LMNPQRSTUV", plain[i]); k >= 0 {
			plain[i] = byte('0' + k)
		}
	}
	p := string(plain)
	for _, i := range []int{0, 1, 2, 3, 4, 5, 8, 11} {
		if !strings.ContainsRune(letters, rune(p[i])) {
			return false
		}
	}
	yy, ok1 := refAtoi(p[6:8])
	day, ok2 := refAtoi(p[9:11])
	_, ok3 := refAtoi(p[12:15])
	month := strings.IndexByte("ABCDEHLMPRST", p[8]) + 1
	if !ok1 || !ok2 || !ok3 || month == 0 {
		return false
	}
	if day > 40 {
		day -= 40
	}
	year := 2000 + yy // the leap years of 2000-2099: every fourth
	if !refDate(year, month, day) {
		return false
	}
	odd := map[byte]int{}
	oddVals := []int{1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23}
	for i, c := range letters {
		odd[byte(c)] = oddVals[i]
	}
	for d := 0; d <= 9; d++ {
		odd[byte('0'+d)] = oddVals[d]
	}
	sum := 0
	for i := 0; i < 15; i++ {
		c := s[i]
		if (i+1)%2 == 1 {
			sum += odd[c]
		} else if c >= '0' && c <= '9' {
			sum += int(c - '0')
		} else {
			sum += strings.IndexByte(letters, c)
		}
	}
	return s[15] == letters[sum%26]
}

func refItalianVAT(s string) bool {
	if len(s) != 11 {
		return false
	}
	if _, ok := refAtoi(s); !ok || s[:7] == "0000000" {
		return false
	}
	office, _ := strconv.Atoi(s[7:10])
	if !(office >= 1 && office <= 100) && office != 120 && office != 121 && office != 888 && office != 999 {
		return false
	}
	return refLuhnOK(s)
}

func refNIR(s string) bool {
	if len(s) != 15 || !strings.ContainsRune("123478", rune(s[0])) {
		return false
	}
	n := s
	switch s[5:7] {
	case "2A":
		n = s[:5] + "19" + s[7:]
	case "2B":
		n = s[:5] + "18" + s[7:]
	}
	if _, ok := refAtoi(n); !ok || n[5:7] == "00" || s[10:13] == "000" {
		return false
	}
	month, _ := strconv.Atoi(n[3:5])
	if month < 1 || month > 12 && month < 20 {
		return false
	}
	key, _ := strconv.Atoi(n[13:])
	return int64(key) == 97-refMod(n[:13], 97)
}

func refSIREN(s string) bool {
	_, ok := refAtoi(s)
	return ok && len(s) == 9 && s != "000000000" && refLuhnOK(s)
}

func refSIRET(s string) bool {
	if len(s) != 14 || !refSIREN(s[:9]) {
		return false
	}
	if _, ok := refAtoi(s); !ok {
		return false
	}
	if s[:9] == "356000000" {
		sum := 0
		for _, c := range s {
			sum += int(c - '0')
		}
		return sum%5 == 0
	}
	return refLuhnOK(s)
}

func refBSN(s string) bool {
	if _, ok := refAtoi(s); !ok || len(s) != 9 || s == "000000000" {
		return false
	}
	last, _ := strconv.Atoi(s[8:])
	return (refWeighted(s, []int{9, 8, 7, 6, 5, 4, 3, 2})-last)%11 == 0
}

func refBelgian(s string) bool {
	if _, ok := refAtoi(s); !ok || len(s) != 11 {
		return false
	}
	cc, _ := strconv.Atoi(s[9:])
	year, _ := strconv.Atoi(s[:2])
	switch {
	case int64(cc) == 97-refMod(s[:9], 97):
		year += 1900
	case int64(cc) == 97-refMod("2"+s[:9], 97):
		year += 2000
	default:
		return false
	}
	serial, _ := strconv.Atoi(s[6:9])
	month, _ := strconv.Atoi(s[2:4])
	day, _ := strconv.Atoi(s[4:6])
	for _, off := range []int{40, 20} {
		if month >= off {
			month -= off
			break
		}
	}
	if serial < 1 || serial > 997 || month > 12 || day > 31 {
		return false
	}
	if month == 0 || day == 0 {
		return true
	}
	return refDate(year, month, day)
}

func refPESEL(s string) bool {
	if _, ok := refAtoi(s); !ok || len(s) != 11 {
		return false
	}
	yy, _ := strconv.Atoi(s[:2])
	mm, _ := strconv.Atoi(s[2:4])
	dd, _ := strconv.Atoi(s[4:6])
	date := false
	for _, c := range []struct{ off, century int }{{0, 1900}, {20, 2000}, {40, 2100}, {60, 2200}, {80, 1800}} {
		if mm-c.off >= 1 && mm-c.off <= 12 {
			date = refDate(c.century+yy, mm-c.off, dd)
		}
	}
	if !date {
		return false
	}
	last, _ := strconv.Atoi(s[10:])
	return last == (10-refWeighted(s, []int{1, 3, 7, 9, 1, 3, 7, 9, 1, 3})%10)%10
}

func refNIP(s string) bool {
	if _, ok := refAtoi(s); !ok || len(s) != 10 || s == "0000000000" {
		return false
	}
	last, _ := strconv.Atoi(s[9:])
	r := refWeighted(s, []int{6, 5, 7, 2, 3, 4, 5, 6, 7}) % 11
	return r != 10 && r == last
}
