package validate

import (
	"strconv"
	"strings"
)

// refEUVAT is an independent transcription of each member state's VAT
// number check (see euvat.go for the sources), on strings.
func refEUVAT(cc, n string) bool {
	digits := func(s string, lens ...int) bool {
		_, ok := refAtoi(s)
		if !ok {
			return false
		}
		for _, l := range lens {
			if len(s) == l {
				return true
			}
		}
		return false
	}
	last := func(s string, k int) int { v, _ := strconv.Atoi(s[len(s)-k:]); return v }
	switch cc {
	case "AT":
		if len(n) != 9 || n[0] != 'U' || !digits(n[1:], 8) {
			return false
		}
		s := 0
		for i := 1; i <= 7; i++ {
			d, _ := strconv.Atoi(n[i : i+1])
			if i%2 == 0 {
				d = 2*d/10 + 2*d%10
			}
			s += d
		}
		return last(n, 1) == (10-(s+4)%10)%10
	case "BE":
		return digits(n, 10) && n[0] <= '1' && int64(last(n, 2)) == 97-refMod(n[:8], 97)
	case "BG":
		if digits(n, 9) {
			c := refWeighted(n, []int{1, 2, 3, 4, 5, 6, 7, 8}) % 11
			if c == 10 {
				c = refWeighted(n, []int{3, 4, 5, 6, 7, 8, 9, 10}) % 11 % 10
			}
			return c == last(n, 1)
		}
		if !digits(n, 10) {
			return false
		}
		yy, _ := strconv.Atoi(n[:2])
		mm, _ := strconv.Atoi(n[2:4])
		dd, _ := strconv.Atoi(n[4:6])
		y := 1900
		if mm > 40 {
			y, mm = 2000, mm-40
		} else if mm > 20 {
			y, mm = 1800, mm-20
		}
		egn := refDate(y+yy, mm, dd) && refWeighted(n, []int{2, 4, 8, 5, 10, 9, 7, 3, 6})%11%10 == last(n, 1)
		pnf := refWeighted(n, []int{21, 19, 17, 13, 11, 9, 7, 3, 1})%10 == last(n, 1)
		other := strconv.Itoa((11-refWeighted(n, []int{4, 3, 2, 7, 6, 5, 4, 3, 2})%11)%11) == n[9:]
		return egn || pnf || other
	case "CY":
		if len(n) != 9 || !digits(n[:8], 8) || !strings.ContainsRune("013459", rune(n[0])) || strings.HasPrefix(n, "12") {
			return false
		}
		s := 0
		for i := 0; i < 8; i++ {
			d, _ := strconv.Atoi(n[i : i+1])
			if i%2 == 0 {
				d = []int{1, 0, 5, 7, 9, 13, 15, 17, 19, 21}[d]
			}
			s += d
		}
		return n[8:] == string(rune('A'+s%26))
	case "CZ":
		switch {
		case digits(n, 8):
			return n[0] != '9' && last(n, 1) == (11-refWeighted(n, []int{8, 7, 6, 5, 4, 3, 2})%11)%10
		case digits(n, 9) && n[0] == '6':
			c := refWeighted(n[1:], []int{8, 7, 6, 5, 4, 3, 2}) % 11
			want := 8 - (10-c)%11
			for want < 0 {
				want += 10
			}
			return last(n, 1) == want%10
		}
		return refCzech(n)
	case "DK":
		return digits(n, 8) && n[0] != '0' && refWeighted(n, []int{2, 7, 6, 5, 4, 3, 2, 1})%11 == 0
	case "EE":
		return digits(n, 9) && strings.HasPrefix(n, "10") && last(n, 1) == (10-refWeighted(n, []int{3, 7, 1, 3, 7, 1, 3, 7})%10)%10
	case "EL":
		return digits(n, 9) && last(n, 1) == refWeighted(n, []int{256, 128, 64, 32, 16, 8, 4, 2})%11%10
	case "ES":
		return refDNI(n) || refNIE(n) || refCIF(n)
	case "FI":
		if !digits(n, 8) {
			return false
		}
		c := 11 - refWeighted(n, []int{7, 9, 10, 5, 8, 4, 2})%11
		return c != 10 && last(n, 1) == c%11
	case "FR":
		if len(n) != 11 || !digits(n[2:], 9) {
			return false
		}
		siren := n[2:]
		if !strings.HasPrefix(siren, "000") && !refSIREN(siren) {
			return false
		}
		if digits(n[:2], 2) {
			k, _ := strconv.Atoi(n[:2])
			return int64(k) == refMod(siren+"12", 97)
		}
		const alpha = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ"
		a, b := strings.IndexByte(alpha, n[0]), strings.IndexByte(alpha, n[1])
		if a < 0 || b < 0 {
			return false
		}
		check := a*34 + b - 100
		if a <= 9 {
			check = a*24 + b - 10
		}
		sn, _ := strconv.Atoi(siren)
		return (sn+1+check/11)%11 == check%11
	case "HR":
		if !digits(n, 11) {
			return false
		}
		p := 10
		for i := 0; i < 10; i++ {
			d, _ := strconv.Atoi(n[i : i+1])
			s := (d + p) % 10
			if s == 0 {
				s = 10
			}
			p = (2 * s) % 11
		}
		return last(n, 1) == (11-p)%10
	case "HU":
		return digits(n, 8) && last(n, 1) == (10-refWeighted(n, []int{9, 7, 3, 1, 9, 7, 3})%10)%10
	case "IE":
		return refIEVAT(n)
	case "LT":
		if !digits(n, 9, 12) || n[len(n)-2] != '1' {
			return false
		}
		var w1, w2 []int
		for i := 0; i < len(n)-1; i++ {
			w1 = append(w1, 1+i%9)
			w2 = append(w2, 1+(i+2)%9)
		}
		c := refWeighted(n, w1) % 11
		if c == 10 {
			c = refWeighted(n, w2) % 11 % 10
		}
		return c == last(n, 1)
	case "LU":
		return digits(n, 8) && int64(last(n, 2)) == refMod(n[:6], 89)
	case "LV":
		if !digits(n, 11) {
			return false
		}
		if n[0] >= '4' {
			return refWeighted(n, []int{9, 1, 4, 8, 3, 10, 2, 5, 7, 6, 1})%11 == 3
		}
		dd, _ := strconv.Atoi(n[:2])
		mm, _ := strconv.Atoi(n[2:4])
		yy, _ := strconv.Atoi(n[4:6])
		c, _ := strconv.Atoi(n[6:7])
		if c > 2 || !refDate(1800+100*c+yy, mm, dd) {
			return false
		}
		return last(n, 1) == (1+refWeighted(n, []int{10, 5, 8, 4, 2, 1, 6, 3, 7, 9}))%11%10
	case "MT":
		return digits(n, 8) && n[0] != '0' && last(n, 2) == 37-refWeighted(n, []int{3, 4, 6, 7, 8, 9})%37
	case "NL":
		if len(n) != 12 || !digits(n[:9], 9) || n[9] != 'B' || !digits(n[10:], 2) {
			return false
		}
		if refWeighted(n, []int{9, 8, 7, 6, 5, 4, 3, 2})%11 == int(n[8]-'0') {
			return true
		}
		return refMod("2321"+n[:9]+"11"+n[10:], 97) == 1
	case "PL":
		return refNIP(n)
	case "PT":
		return refPortugueseNIF(n)
	case "RO":
		if !digits(n, 2, 3, 4, 5, 6, 7, 8, 9, 10) || n[0] == '0' {
			return false
		}
		w := []int{7, 5, 3, 2, 1, 7, 5, 3, 2}[10-len(n):]
		return last(n, 1) == refWeighted(n, w)*10%11%10
	case "SE":
		return digits(n, 12) && strings.HasSuffix(n, "01") && refLuhnOK(n[:10])
	case "SI":
		if !digits(n, 8) || n[0] == '0' {
			return false
		}
		c := 11 - refWeighted(n, []int{8, 7, 6, 5, 4, 3, 2})%11
		return c != 11 && c%10 == last(n, 1)
	case "SK":
		return digits(n, 10) && n[0] != '0' && strings.ContainsRune("234789", rune(n[2])) && refMod(n, 11) == 0
	case "XI":
		if !digits(n, 9, 12) || n[:9] == "000000000" {
			return false
		}
		r := (refWeighted(n, []int{8, 7, 6, 5, 4, 3, 2}) + last(n[:9], 2)) % 97
		return r == 0 || r == 42
	}
	return false
}

// refIEVAT checks an Irish VAT number (the number after "IE").
func refIEVAT(n string) bool {
	const letters = "WABCDEFGHIJKLMNOPQRSTUV"
	var body string
	switch {
	case len(n) == 8 && strings.ContainsRune("0123456789", rune(n[0])) && strings.ContainsRune("ABCDEFGHIJKLMNOPQRSTUVWXYZ+*", rune(n[1])):
		body = "0" + n[2:7] + n[:1]
	case len(n) == 8 || len(n) == 9:
		body = n[:7]
	default:
		return false
	}
	if _, ok := refAtoi(body); !ok || len(body) != 7 {
		return false
	}
	sum := refWeighted(body, []int{8, 7, 6, 5, 4, 3, 2})
	if len(n) == 9 {
		k := strings.IndexByte("WABCDEFGHI", n[8])
		if k < 0 {
			return false
		}
		sum += 9 * k
	}
	return n[7] == letters[sum%23]
}
