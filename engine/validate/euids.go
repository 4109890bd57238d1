package validate

// SwissAHV reports whether d is a Swiss social security number
// (AHV-Nummer / numéro AVS, AHVV art. 133 ff.; Zentrale Ausgleichsstelle,
// "Die neue AHV-Versichertennummer"): thirteen ASCII digits, the prefix
// 756 (the ISO 3166 code of Switzerland) and an EAN-13 check digit.
func SwissAHV(d []byte) bool {
	return len(d) == 13 && string(d[:3]) == "756" && EAN13(d)
}

// EAN13 reports whether d is thirteen ASCII digits with a GS1 check
// digit: the first twelve weighted 1, 3, 1, 3, ... from the left, and
// the thirteenth making the sum a multiple of 10.
func EAN13(d []byte) bool {
	if len(d) != 13 || !allDigits(d) {
		return false
	}
	sum := 0
	for k := 0; k < 12; k++ {
		x := int(d[k] - '0')
		if k%2 == 1 {
			x *= 3
		}
		sum += x
	}
	return int(d[12]-'0') == (10-sum%10)%10
}

// svnrWeights are the weights of an Austrian social security number, the
// check digit's own place (the fourth) weighted 0.
var svnrWeights = [10]int{3, 7, 9, 0, 5, 8, 4, 2, 1, 6}

// AustrianSVNR reports whether d is an Austrian social security number
// (Versicherungsnummer; Dachverband der österreichischen
// Sozialversicherungsträger): ten ASCII digits, a serial number of three
// (not starting with 0), the check digit, and the birth date DDMMYY
// (months 13-15 stand for substitute dates when the real one was not
// known or its numbers ran out). The check digit is the weighted sum mod
// 11; serial numbers whose remainder is 10 are not issued.
func AustrianSVNR(d []byte) bool {
	if len(d) != 10 || !allDigits(d) || d[0] == '0' {
		return false
	}
	dd, mm, yy := int(d[4]-'0')*10+int(d[5]-'0'), int(d[6]-'0')*10+int(d[7]-'0'), int(d[8]-'0')*10+int(d[9]-'0')
	if mm >= 13 && mm <= 15 {
		if dd < 1 || dd > 31 {
			return false
		}
	} else if !Date(2000+yy, mm, dd) {
		return false
	}
	sum := 0
	for k, w := range svnrWeights {
		sum += int(d[k]-'0') * w
	}
	return sum%11 == int(d[3]-'0')
}

// ppsnLetters maps the PPS weighted sum mod 23 to the check letter.
const ppsnLetters = "WABCDEFGHIJKLMNOPQRSTUV"

// IrishPPSN reports whether v is an Irish Personal Public Service Number,
// upper case: seven ASCII digits, the check letter, and optionally a
// second letter (Department of Social Protection; Revenue, "PPSN
// format"). The digits weighted 8 down to 2, plus 9 times the value of a
// second letter A, B or H (its place in W, A, B, ...: A is 1), mod 23,
// give the check letter (W for 0, A-V for 1-22). An older second letter
// (W, T, X or Z) is not part of the check.
func IrishPPSN(v []byte) bool {
	if len(v) != 8 && len(v) != 9 || !allDigits(v[:7]) {
		return false
	}
	sum := 0
	for k := 0; k < 7; k++ {
		sum += int(v[k]-'0') * (8 - k)
	}
	if len(v) == 9 {
		switch v[8] {
		case 'A', 'B', 'H':
			sum += 9 * (int(v[8]-'A') + 1)
		case 'W', 'T', 'X', 'Z':
		default:
			return false
		}
	}
	return v[7] == ppsnLetters[sum%23]
}

// PortugueseNIF reports whether d is a Portuguese tax number (Número de
// Identificação Fiscal; Decreto-Lei n.º 14/2013, Autoridade Tributária):
// nine ASCII digits whose first digit or two say the kind of holder (1-3
// people, 45 non-resident people, 5 companies, 6 public bodies, 70-72,
// 74, 75, 77, 79 and 8 other kinds, 90, 91, 98, 99 special cases) and
// whose last is the mod 11 check digit of the first eight, weighted 9
// down to 2 (11 - sum mod 11; 10 and 11 read as 0).
func PortugueseNIF(d []byte) bool {
	if len(d) != 9 || !allDigits(d) {
		return false
	}
	switch d[0] {
	case '1', '2', '3', '5', '6', '8':
	case '4':
		if d[1] != '5' {
			return false
		}
	case '7':
		switch d[1] {
		case '0', '1', '2', '4', '5', '7', '9':
		default:
			return false
		}
	case '9':
		switch d[1] {
		case '0', '1', '8', '9':
		default:
			return false
		}
	default:
		return false
	}
	return int(d[8]-'0') == mod11Check(d[:8], 9)
}

// mod11Check returns 11 minus the sum of d weighted from w down (w, w-1,
// ...) mod 11, with 10 and 11 read as 0.
func mod11Check(d []byte, w int) int {
	sum := 0
	for k, c := range d {
		sum += int(c-'0') * (w - k)
	}
	c := 11 - sum%11
	if c >= 10 {
		c = 0
	}
	return c
}

// CzechBirthNumber reports whether d is a Czech (or Slovak) birth number
// (rodné číslo; zákon č. 133/2000 Sb., § 13, and vyhláška č. 530/2006):
// YYMMDD followed by three digits (born before 1954) or four (from 1954).
// The month is raised by 50 for women, and from 2004 by 20 more when a
// day's numbers ran out. A ten-digit number is a multiple of 11, or, for
// numbers issued before 1985, its first nine digits mod 11 are 10 and
// its last digit is 0.
func CzechBirthNumber(d []byte) bool {
	if len(d) != 9 && len(d) != 10 || !allDigits(d) {
		return false
	}
	yy, mm, dd := int(d[0]-'0')*10+int(d[1]-'0'), int(d[2]-'0')*10+int(d[3]-'0'), int(d[4]-'0')*10+int(d[5]-'0')
	year := 1900 + yy
	if len(d) == 9 {
		if yy >= 54 {
			return false
		}
	} else if yy < 54 {
		year += 100
	}
	if mm > 50 {
		mm -= 50
	}
	if mm > 20 {
		if year < 2004 {
			return false
		}
		mm -= 20
	}
	if !Date(year, mm, dd) {
		return false
	}
	if len(d) == 9 {
		return true
	}
	n9, _ := digitsValue(d[:9])
	r := n9 % 11
	if r == 10 {
		return d[9] == '0' && year < 1985
	}
	return int(d[9]-'0') == r
}

// cnpWeights are the weights of the Romanian CNP's control digit.
var cnpWeights = [12]int{2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9}

// RomanianCNP reports whether d is a Romanian personal numeric code (Cod
// Numeric Personal; Legea nr. 105/1996 and HG nr. 1375/2006, annex): 13
// ASCII digits S YYMMDD JJ NNN C, with S the sex and century (1-2 1900s,
// 3-4 1800s, 5-6 2000s, 7-8 residents, 9 foreigners), a real birth date,
// JJ the county (01-46, the former Bucharest sectors 47 and 48, 51, 52),
// NNN 001-999 and C the weighted sum (2 7 9 1 4 6 3 5 8 2 7 9) mod 11, 10
// read as 1.
func RomanianCNP(d []byte) bool {
	if len(d) != 13 || !allDigits(d) || d[0] == '0' {
		return false
	}
	century := 2000 // residents and foreigners: the century is not written
	switch d[0] {
	case '1', '2':
		century = 1900
	case '3', '4':
		century = 1800
	}
	yy, mm, dd := int(d[1]-'0')*10+int(d[2]-'0'), int(d[3]-'0')*10+int(d[4]-'0'), int(d[5]-'0')*10+int(d[6]-'0')
	if !Date(century+yy, mm, dd) {
		return false
	}
	jj := int(d[7]-'0')*10 + int(d[8]-'0')
	if jj < 1 || jj > 48 && jj != 51 && jj != 52 || string(d[9:12]) == "000" {
		return false
	}
	sum := 0
	for k, w := range cnpWeights {
		sum += int(d[k]-'0') * w
	}
	c := sum % 11
	if c == 10 {
		c = 1
	}
	return int(d[12]-'0') == c
}
