package validate

// BelgianNationalNumber reports whether d is a Belgian national register
// number (Rijksregisternummer / numéro de registre national) or BIS
// number: eleven ASCII digits YYMMDD SSS CC (Arrêté royal du 3 avril 1984;
// Rijksregister, "Structuur van het Rijksregisternummer"):
//   - the birth date, whose month is raised by 20 or 40 in a BIS number,
//     and whose month or day is 00 when unknown;
//   - the serial number, 001-997;
//   - the check number CC: 97 minus the first nine digits mod 97, or, for
//     people born in 2000 or later, 97 minus the number 2 followed by the
//     first nine digits, mod 97.
func BelgianNationalNumber(d []byte) bool {
	if len(d) != 11 || !allDigits(d) {
		return false
	}
	n9, _ := digitsValue(d[:9])
	cc := int(d[9]-'0')*10 + int(d[10]-'0')
	century := 0
	switch {
	case cc == 97-n9%97:
		century = 1900
	case cc == 97-(2_000_000_000+n9)%97:
		century = 2000
	default:
		return false
	}
	serial := n9 % 1000
	if serial == 0 || serial > 997 {
		return false
	}
	yy, month, day := int(d[0]-'0')*10+int(d[1]-'0'), int(d[2]-'0')*10+int(d[3]-'0'), int(d[4]-'0')*10+int(d[5]-'0')
	if month >= 40 {
		month -= 40
	} else if month >= 20 {
		month -= 20
	}
	if month > 12 || day > 31 {
		return false
	}
	if month > 0 && day > DaysIn(century+yy, month) {
		return false
	}
	return true
}
