package validate

// mxValue returns the value of c in the alphabets of the CURP and RFC
// check digits, "0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ" (where & stands
// for Ñ), or -1. A space, which pads a company RFC, counts 37.
func mxValue(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'A' && c <= 'N':
		return int(c-'A') + 10
	case c == '&':
		return 24
	case c >= 'O' && c <= 'Z':
		return int(c-'O') + 25
	case c == ' ':
		return 37
	}
	return -1
}

// CURP reports whether b has the structure and check digit of a Mexican
// population registry code (Clave Única de Registro de Población;
// RENAPO, "Instructivo normativo para la asignación de la CURP"):
// eighteen characters: four letters from the name (the second a vowel or
// X), a birth date YYMMDD that exists, the sex H, M or X, two letters
// (the state; not checked here), three consonants (or X), a differentiator
// (a digit for births in the 1900s, a letter from 2000) and a check
// digit, (10 - S mod 10) mod 10 with S the first seventeen values weighted
// 18 down to 2.
func CURP(b []byte) bool {
	if len(b) != 18 || !upperLetters(b[:4]) || !allDigits(b[4:10]) || !upperLetters(b[11:16]) {
		return false
	}
	switch b[1] {
	case 'A', 'E', 'I', 'O', 'U', 'X':
	default:
		return false
	}
	if b[10] != 'H' && b[10] != 'M' && b[10] != 'X' {
		return false
	}
	for _, c := range b[13:16] {
		switch c {
		case 'A', 'E', 'I', 'O', 'U':
			return false
		}
	}
	y := int(b[4]-'0')*10 + int(b[5]-'0')
	switch c := b[16]; {
	case c >= '0' && c <= '9':
		y += 1900
	case c >= 'A' && c <= 'Z':
		y += 2000
	default:
		return false
	}
	if !Date(y, int(b[6]-'0')*10+int(b[7]-'0'), int(b[8]-'0')*10+int(b[9]-'0')) || !IsDigit(b[17]) {
		return false
	}
	s := 0
	for i := 0; i < 17; i++ {
		s += mxValue(b[i]) * (18 - i)
	}
	return (10-s%10)%10 == int(b[17]-'0')
}

// mxHomoclave is the alphabet of the first two characters of an RFC's
// homoclave (no 0, no O).
const mxHomoclave = "123456789ABCDEFGHIJKLMNPQRSTUVWXYZ"

// RFC reports whether b has the structure and check digit of a Mexican
// taxpayer registry code (Registro Federal de Contribuyentes; SAT): three
// (a company, persona moral) or four (a person, persona física) letters
// or &, a date YYMMDD that exists, and the homoclave: two characters from
// the homoclave alphabet (the first at most V) and a check digit. The
// check is (11 - S mod 11) mod 11, written A when it is 10, with S the
// first twelve characters (a company's eleven after a space) valued as
// in mxValue and weighted 13 down to 2.
func RFC(b []byte) bool {
	n := len(b)
	if n != 12 && n != 13 {
		return false
	}
	name := n - 9
	for _, c := range b[:name] {
		if !(c >= 'A' && c <= 'Z' || c == '&') {
			return false
		}
	}
	dt := b[name : name+6]
	if !allDigits(dt) || !Date(2000+int(dt[0]-'0')*10+int(dt[1]-'0'), int(dt[2]-'0')*10+int(dt[3]-'0'), int(dt[4]-'0')*10+int(dt[5]-'0')) {
		return false
	}
	h := b[n-3:]
	if i := indexByte(mxHomoclave, h[0]); i < 0 || h[0] > 'V' || indexByte(mxHomoclave, h[1]) < 0 {
		return false
	}
	s := 0
	if n == 12 {
		s = mxValue(' ') * 13
	}
	for i := 0; i < n-1; i++ {
		s += mxValue(b[i]) * (n - i)
	}
	c := (11 - s%11) % 11
	switch {
	case c == 10:
		return h[2] == 'A'
	default:
		return h[2] == byte('0'+c)
	}
}

// upperLetters reports whether b is made of ASCII upper-case letters.
func upperLetters(b []byte) bool {
	for _, c := range b {
		if c < 'A' || c > 'Z' {
			return false
		}
	}
	return true
}

// indexByte returns the index of c in s, or -1.
func indexByte(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}
