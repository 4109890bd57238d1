package validate

// Nordic personal identity numbers: Sweden's personnummer and
// samordningsnummer (Skatteverket, SKV 704, "Personnummer"; Folkbokföringslag
// 1991:481, 18 §), and organisationsnummer (SKV 709, "Organisationsnummer"),
// Finland's henkilötunnus (Väestötietojärjestelmälaki 661/2009 and
// Valtioneuvoston asetus 128/2010 as amended by 2022 decree 1130/2022:
// the new century signs from 2023), Norway's fødselsnummer with D- and
// H-numbers (Skatteetaten, "Fødselsnummer"; Forskrift om folkeregistrering
// § 2-2-1), and Denmark's CPR number (CPR-kontoret, "Personnummeret i
// CPR-systemet", and "Personnumre uden kontrolciffer (modulus 11
// kontrol)").

// SwedishPersonnummer reports whether d is a Swedish personnummer or
// samordningsnummer in its ten-digit form YYMMDDNNNC: a real date (the
// day raised by 60 in a samordningsnummer; 29 February passes when the
// two-digit year is a multiple of four, the century not being written)
// and a Luhn check digit over the ten digits.
func SwedishPersonnummer(d []byte) bool {
	if len(d) != 10 || !allDigits(d) {
		return false
	}
	yy, mm, dd := int(d[0]-'0')*10+int(d[1]-'0'), int(d[2]-'0')*10+int(d[3]-'0'), int(d[4]-'0')*10+int(d[5]-'0')
	if dd > 60 {
		dd -= 60
	}
	return Date(2000+yy, mm, dd) && luhnSum(d)%10 == 0
}

// SwedishPersonnummerCentury reports whether the century digits cc
// (two ASCII digits, "18", "19" or "20") and the ten-digit d form a
// twelve-digit personnummer YYYYMMDDNNNC with a real date.
func SwedishPersonnummerCentury(cc, d []byte) bool {
	if len(cc) != 2 || cc[0] != '1' && cc[0] != '2' || !SwedishPersonnummer(d) {
		return false
	}
	c := int(cc[0]-'0')*10 + int(cc[1]-'0')
	if c < 18 || c > 20 {
		return false
	}
	dd := int(d[4]-'0')*10 + int(d[5]-'0')
	if dd > 60 {
		dd -= 60
	}
	return Date(c*100+int(d[0]-'0')*10+int(d[1]-'0'), int(d[2]-'0')*10+int(d[3]-'0'), dd)
}

// SwedishOrgNumber reports whether d is a Swedish organisationsnummer:
// ten ASCII digits whose first is a legal-form group (1-3, 5-9), whose
// third is at least 2 (so that it is never a personnummer) and whose
// last is a Luhn check digit.
func SwedishOrgNumber(d []byte) bool {
	if len(d) != 10 || !allDigits(d) || d[0] == '0' || d[0] == '4' || d[2] < '2' {
		return false
	}
	return luhnSum(d)%10 == 0
}

// hetuCheck maps a henkilötunnus mod 31 to its check character.
const hetuCheck = "0123456789ABCDEFHJKLMNPRSTUVWXY"

// FinnishHetu reports whether v is a Finnish personal identity code
// (henkilötunnus), upper case: DDMMYY, the century sign ('+' for the
// 1800s; '-' or, from 2023, Y, X, W, V or U for the 1900s; A or, from
// 2023, B, C, D, E or F for the 2000s), the individual number 002-999,
// and the check character of the nine digits DDMMYYNNN mod 31.
func FinnishHetu(v []byte) bool {
	if len(v) != 11 || !allDigits(v[:6]) || !allDigits(v[7:10]) {
		return false
	}
	var century int
	switch v[6] {
	case '+':
		century = 1800
	case '-', 'Y', 'X', 'W', 'V', 'U':
		century = 1900
	case 'A', 'B', 'C', 'D', 'E', 'F':
		century = 2000
	default:
		return false
	}
	dd, mm, yy := int(v[0]-'0')*10+int(v[1]-'0'), int(v[2]-'0')*10+int(v[3]-'0'), int(v[4]-'0')*10+int(v[5]-'0')
	if !Date(century+yy, mm, dd) {
		return false
	}
	ind := int(v[7]-'0')*100 + int(v[8]-'0')*10 + int(v[9]-'0')
	if ind < 2 {
		return false
	}
	n := ((dd*100+mm)*100+yy)*1000 + ind
	return v[10] == hetuCheck[n%31]
}

// fnrWeights1 and fnrWeights2 are the weights of the two check digits of
// a Norwegian fødselsnummer.
var (
	fnrWeights1 = [9]int{3, 7, 6, 1, 8, 9, 4, 5, 2}
	fnrWeights2 = [10]int{5, 4, 3, 2, 7, 6, 5, 4, 3, 2}
)

// NorwegianFodselsnummer reports whether d is a Norwegian fødselsnummer,
// D-number (day raised by 40) or H-number (month raised by 40): eleven
// ASCII digits DDMMYY III K1 K2 with a real birth date whose century the
// individual number III gives (000-499: 1900s; 500-749 with a year of 54
// or more: 1800s; 500-999 with a year below 40: 2000s; 900-999 with a
// year of 40 or more: 1900s), and two mod 11 check digits (11 - weighted
// sum mod 11, 11 read as 0; a 10 is never issued).
func NorwegianFodselsnummer(d []byte) bool {
	if len(d) != 11 || !allDigits(d) {
		return false
	}
	dd, mm, yy := int(d[0]-'0')*10+int(d[1]-'0'), int(d[2]-'0')*10+int(d[3]-'0'), int(d[4]-'0')*10+int(d[5]-'0')
	if dd > 40 {
		dd -= 40
	}
	if mm > 40 {
		mm -= 40
	}
	ind := int(d[6]-'0')*100 + int(d[7]-'0')*10 + int(d[8]-'0')
	var century int
	switch {
	case ind < 500:
		century = 1900
	case ind < 750 && yy >= 54:
		century = 1800
	case yy < 40:
		century = 2000
	case ind >= 900:
		century = 1900
	default:
		return false
	}
	if !Date(century+yy, mm, dd) {
		return false
	}
	return fnrCheck(d[:9], fnrWeights1[:]) == int(d[9]-'0') && fnrCheck(d[:10], fnrWeights2[:]) == int(d[10]-'0')
}

// fnrCheck returns the mod 11 check digit of d under weights w, or -1
// when it would be 10.
func fnrCheck(d []byte, w []int) int {
	sum := 0
	for k, x := range w {
		sum += int(d[k]-'0') * x
	}
	c := (11 - sum%11) % 11
	if c == 10 {
		return -1
	}
	return c
}

// cprWeights are the weights of the CPR modulus 11 test.
var cprWeights = [10]int{4, 3, 2, 7, 6, 5, 4, 3, 2, 1}

// DanishCPR reports whether d is a Danish CPR number: ten ASCII digits
// DDMMYY SSSS whose birth date is real in the century that the seventh
// digit gives with the year (0-3: 1900s; 4 and 9: 2000s for years 00-36,
// else 1900s; 5-8: 2000s for years 00-57, else 1800s), and that either
// passes the modulus 11 test (weights 4 3 2 7 6 5 4 3 2 1, sum a multiple
// of 11) or was born on 1 January: since October 2007 the CPR office also
// issues numbers without the modulus 11 check, and so far only for that
// date.
func DanishCPR(d []byte) bool {
	if !DanishCPRDate(d) {
		return false
	}
	return DanishCPRMod11(d) || d[0] == '0' && d[1] == '1' && d[2] == '0' && d[3] == '1'
}

// DanishCPRDate reports whether d is ten ASCII digits whose first six and
// seventh give a real birth date (see DanishCPR).
func DanishCPRDate(d []byte) bool {
	if len(d) != 10 || !allDigits(d) {
		return false
	}
	dd, mm, yy := int(d[0]-'0')*10+int(d[1]-'0'), int(d[2]-'0')*10+int(d[3]-'0'), int(d[4]-'0')*10+int(d[5]-'0')
	century := 1900
	switch s := d[6]; {
	case s == '4' || s == '9':
		if yy <= 36 {
			century = 2000
		}
	case s >= '5' && s <= '8':
		if yy <= 57 {
			century = 2000
		} else {
			century = 1800
		}
	}
	return Date(century+yy, mm, dd)
}

// DanishCPRMod11 reports whether the ten ASCII digits d pass the CPR
// modulus 11 test.
func DanishCPRMod11(d []byte) bool {
	if len(d) != 10 || !allDigits(d) {
		return false
	}
	sum := 0
	for k, w := range cprWeights {
		sum += int(d[k]-'0') * w
	}
	return sum%11 == 0
}
