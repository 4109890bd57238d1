package corpus

import "strings"

// Checks of the identifiers of types_world.go, written from the published
// definitions independently of package validate.

// tcknOK checks a Turkish identity number.
func tcknOK(s string) bool {
	v := digitsOf(s)
	if len(v) != 11 || v[0] == 0 {
		return false
	}
	d10 := ((v[0]+v[2]+v[4]+v[6]+v[8])*7 - (v[1] + v[3] + v[5] + v[7])) % 10
	if d10 < 0 {
		d10 += 10
	}
	sum := 0
	for _, x := range v[:10] {
		sum += x
	}
	return d10 == v[9] && sum%10 == v[10]
}

// luhnOK checks the Luhn digit of v.
func luhnOK(v []int) bool {
	sum := 0
	for i := range v {
		x := v[len(v)-1-i]
		if i%2 == 1 {
			if x *= 2; x > 9 {
				x -= 9
			}
		}
		sum += x
	}
	return sum%10 == 0
}

// zaIDOK checks a South African identity number.
func zaIDOK(s string) bool {
	v := digitsOf(s)
	if len(v) != 13 || v[10] > 2 {
		return false
	}
	y, m, d := v[0]*10+v[1], v[2]*10+v[3], v[4]*10+v[5]
	return (realDate(1900+y, m, d) || realDate(2000+y, m, d)) && luhnOK(v)
}

// ilIDOK checks an Israeli identity number.
func ilIDOK(s string) bool {
	v := digitsOf(s)
	return len(v) == 9 && luhnOK(v)
}

// mod11BR returns the Brazilian check digit of v under the weights w.
func mod11BR(v, w []int) int {
	if r := dot(v, w) % 11; r >= 2 {
		return 11 - r
	}
	return 0
}

// cpfOK checks a CPF, formatted or bare.
func cpfOK(s string) bool {
	v := digitsOf(s)
	if len(v) != 11 || strings.Count(strings.NewReplacer(".", "", "-", "").Replace(s), s[:1]) == 11 {
		return false
	}
	return mod11BR(v, []int{10, 9, 8, 7, 6, 5, 4, 3, 2}) == v[9] && mod11BR(v, []int{11, 10, 9, 8, 7, 6, 5, 4, 3, 2}) == v[10]
}

// cnpjOK checks a numeric CNPJ, formatted or bare.
func cnpjOK(s string) bool {
	v := digitsOf(s)
	if len(v) != 14 {
		return false
	}
	return mod11BR(v, []int{5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2}) == v[12] && mod11BR(v, []int{6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2}) == v[13]
}

// mxAlphabet values the characters of CURP and RFC check digits.
const mxAlphabet = "0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ "

// mxStateCodes are RENAPO's state codes.
const mxStateCodes = "AS BC BS CC CH CL CM CS DF DG GR GT HG JC MC MN MS NE NL NT OC PL QR QT SL SP SR TC TL TS VZ YN ZS"

// curpOK checks a CURP.
func curpOK(s string) bool {
	if len(s) != 18 || !strings.Contains(mxStateCodes, s[11:13]) || !strings.Contains("HMX", s[10:11]) || !strings.Contains("AEIOUX", s[1:2]) {
		return false
	}
	d := digitsOf(s[4:10])
	century := 1900
	if s[16] >= 'A' && s[16] <= 'Z' {
		century = 2000
	}
	if len(d) != 6 || !realDate(century+d[0]*10+d[1], d[2]*10+d[3], d[4]*10+d[5]) || strings.ContainsAny(s[13:16], "AEIOU") {
		return false
	}
	sum := 0
	for i := 0; i < 17; i++ {
		sum += strings.IndexByte(mxAlphabet, s[i]) * (18 - i)
	}
	return byte('0'+(10-sum%10)%10) == s[17]
}

// rfcOK checks an RFC of a company (12 characters) or a person (13).
func rfcOK(s string) bool {
	if len(s) != 12 && len(s) != 13 {
		return false
	}
	name := len(s) - 9
	d := digitsOf(s[name : name+6])
	if len(d) != 6 || !realDate(2000+d[0]*10+d[1], d[2]*10+d[3], d[4]*10+d[5]) {
		return false
	}
	padded := strings.Repeat(" ", 13-len(s)) + s
	sum := 0
	for i := 0; i < 12; i++ {
		sum += strings.IndexByte(mxAlphabet, padded[i]) * (13 - i)
	}
	return "0123456789A"[(11-sum%11)%11] == s[len(s)-1] && strings.IndexByte("123456789ABCDEFGHIJKLMNPQRSTUV", s[len(s)-3]) >= 0 &&
		strings.IndexByte("123456789ABCDEFGHIJKLMNPQRSTUVWXYZ", s[len(s)-2]) >= 0
}
