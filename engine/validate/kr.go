package validate

// krRegWeights weight the first twelve digits of a Korean resident or
// foreigner registration number (2 to 9, then 2 to 5).
var krRegWeights = [12]int{2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5}

// KRRegistrationCheck reports whether the thirteen ASCII digits d end in
// the check digit of a Korean registration number, S being the first
// twelve digits weighted 2-9, 2-5: (11 - S mod 11) mod 10 for a resident
// registration number (주민등록번호), (13 - S mod 11) mod 10 for a
// foreigner registration number (외국인등록번호, foreign true). Numbers
// assigned since 5 October 2020 carry no check digit (Enforcement Rule
// of the Resident Registration Act, art. 2, as amended in 2020): the
// caller decides when the check applies.
func KRRegistrationCheck(d []byte, foreign bool) bool {
	if len(d) != 13 || !allDigits(d) {
		return false
	}
	s := 0
	for i, w := range krRegWeights {
		s += int(d[i]-'0') * w
	}
	k := 11
	if foreign {
		k = 13
	}
	return (k-s%11)%10 == int(d[12]-'0')
}

// KRBirthDate returns the birth date that the first seven ASCII digits of
// a Korean resident or foreigner registration number encode: YYMMDD and
// the century in the seventh digit (1, 2, 5, 6: 1900s; 3, 4, 7, 8: 2000s;
// 9, 0: 1800s). ok is false when d is too short or the date does not
// exist.
func KRBirthDate(d []byte) (year, month, day int, ok bool) {
	if len(d) < 7 || !allDigits(d[:7]) {
		return 0, 0, 0, false
	}
	year = int(d[0]-'0')*10 + int(d[1]-'0')
	month = int(d[2]-'0')*10 + int(d[3]-'0')
	day = int(d[4]-'0')*10 + int(d[5]-'0')
	switch d[6] {
	case '1', '2', '5', '6':
		year += 1900
	case '3', '4', '7', '8':
		year += 2000
	default:
		year += 1800
	}
	return year, month, day, Date(year, month, day)
}

// krBRNWeights weight the first nine digits of a Korean business
// registration number.
var krBRNWeights = [9]int{1, 3, 7, 1, 3, 7, 1, 3, 5}

// KRBRN reports whether d is a Korean business registration number
// (사업자등록번호, National Tax Service): ten ASCII digits, the tax office
// code (the first three) at least 101, and the tenth digit equal to
// (10 - S mod 10) mod 10, where S is the first nine digits weighted 1, 3,
// 7, 1, 3, 7, 1, 3, 5 plus the tens of the ninth digit times five.
func KRBRN(d []byte) bool {
	if len(d) != 10 || !allDigits(d) {
		return false
	}
	if d[0] == '0' || d[0] == '1' && d[1] == '0' && d[2] == '0' {
		return false
	}
	s := 0
	for i, w := range krBRNWeights {
		s += int(d[i]-'0') * w
	}
	s += int(d[8]-'0') * 5 / 10
	return (10-s%10)%10 == int(d[9]-'0')
}
