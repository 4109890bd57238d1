package validate

// Polish identifiers: the PESEL of a person (Ustawa o ewidencji ludności,
// art. 15; Ministerstwo Cyfryzacji, "Numer PESEL") and the NIP tax
// number (Rozporządzenie Ministra Finansów w sprawie nadawania NIP, the
// check digit of its annex).

// peselWeights are the PESEL weights of the first ten digits.
var peselWeights = [10]int{1, 3, 7, 9, 1, 3, 7, 9, 1, 3}

// PolishPESEL reports whether d is a PESEL: eleven ASCII digits YYMMDD
// ZZZ X Q, the month raised by 80 for 1800-1899, 20 for 2000-2099, 40 for
// 2100-2199 and 60 for 2200-2299, a real birth date, and the check digit
// Q = (10 - weighted sum mod 10) mod 10.
func PolishPESEL(d []byte) bool {
	if len(d) != 11 || !allDigits(d) {
		return false
	}
	yy, mm, dd := int(d[0]-'0')*10+int(d[1]-'0'), int(d[2]-'0')*10+int(d[3]-'0'), int(d[4]-'0')*10+int(d[5]-'0')
	century := 1900
	switch {
	case mm > 80:
		century, mm = 1800, mm-80
	case mm > 60:
		century, mm = 2200, mm-60
	case mm > 40:
		century, mm = 2100, mm-40
	case mm > 20:
		century, mm = 2000, mm-20
	}
	if !Date(century+yy, mm, dd) {
		return false
	}
	sum := 0
	for k, w := range peselWeights {
		sum += int(d[k]-'0') * w
	}
	return int(d[10]-'0') == (10-sum%10)%10
}

// nipWeights are the NIP weights of the first nine digits.
var nipWeights = [9]int{6, 5, 7, 2, 3, 4, 5, 6, 7}

// PolishNIP reports whether d is a NIP: ten ASCII digits, not all zero,
// whose first nine weighted 6 5 7 2 3 4 5 6 7 sum, mod 11, to the tenth
// (a remainder of 10 is never issued).
func PolishNIP(d []byte) bool {
	if len(d) != 10 || !allDigits(d) || string(d) == "0000000000" {
		return false
	}
	sum := 0
	for k, w := range nipWeights {
		sum += int(d[k]-'0') * w
	}
	return sum%11 == int(d[9]-'0')
}
