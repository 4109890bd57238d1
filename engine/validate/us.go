package validate

// ITIN reports whether area, group and serial (3, 2 and 4 ASCII digits)
// form a possible US Individual Taxpayer Identification Number: the area
// starts with 9 and the group is in one of the ranges the IRS assigns,
// 50-65, 70-88, 90-92 or 94-99 (IRS, "Individual Taxpayer Identification
// Number", and IRM 3.21.263.5: "ITINs ... begin with a 9 ... the fourth
// and fifth digits range from 50 to 65, 70 to 88, 90 to 92 and 94 to
// 99").
func ITIN(area, group, serial []byte) bool {
	if len(area) != 3 || len(group) != 2 || len(serial) != 4 ||
		area[0] != '9' || !allDigits(area) || !allDigits(group) || !allDigits(serial) {
		return false
	}
	g := int(group[0]-'0')*10 + int(group[1]-'0')
	return g >= 50 && g <= 65 || g >= 70 && g <= 88 || g >= 90 && g <= 92 || g >= 94
}

// einPrefixes marks the EIN prefixes the IRS assigns ("How EINs are
// assigned and valid EIN prefixes": the campuses' prefixes, the Internet
// application's and the Small Business Administration's 31).
var einPrefixes = func() (m [100]bool) {
	for _, r := range [][2]int{{1, 6}, {10, 16}, {20, 27}, {30, 48}, {50, 68}, {71, 77}, {80, 88}, {90, 95}, {98, 99}} {
		for p := r[0]; p <= r[1]; p++ {
			m[p] = true
		}
	}
	return m
}()

// EIN reports whether digits (nine ASCII digits) is a possible US Employer
// Identification Number: its two-digit prefix is one the IRS assigns.
func EIN(digits []byte) bool {
	return len(digits) == 9 && allDigits(digits) && einPrefixes[int(digits[0]-'0')*10+int(digits[1]-'0')]
}

// DEA reports whether s is a US DEA registration number (21 CFR 1301.11
// ff.; DEA Diversion Control Division, registration number format): a
// registrant-type letter (A B C D E F G H J K L M P R S T U X), a second
// letter (the initial of the registrant's surname or business name) or
// the digit 9, and seven digits whose last is the check digit: the last
// digit of (d1+d3+d5) + 2*(d2+d4+d6).
func DEA(s []byte) bool {
	if len(s) != 9 || !allDigits(s[2:]) {
		return false
	}
	switch s[0] {
	case 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'J', 'K', 'L', 'M', 'P', 'R', 'S', 'T', 'U', 'X':
	default:
		return false
	}
	if !(s[1] >= 'A' && s[1] <= 'Z' || s[1] == '9') {
		return false
	}
	d := s[2:]
	sum := int(d[0]-'0') + int(d[2]-'0') + int(d[4]-'0') + 2*(int(d[1]-'0')+int(d[3]-'0')+int(d[5]-'0'))
	return sum%10 == int(d[6]-'0')
}

// mbiLetter reports whether c is a letter an MBI may use: A-Z but S, L,
// O, I, B and Z.
func mbiLetter(c byte) bool {
	if c < 'A' || c > 'Z' {
		return false
	}
	switch c {
	case 'S', 'L', 'O', 'I', 'B', 'Z':
		return false
	}
	return true
}

// MBI reports whether s (eleven characters, no dashes) is a US Medicare
// Beneficiary Identifier under the CMS format (CMS, "Understanding the
// Medicare Beneficiary Identifier (MBI) Format"): position 1 a digit 1-9;
// 2, 5, 8 and 9 a letter; 4, 7, 10 and 11 a digit; 3 and 6 a letter or a
// digit. The letters S, L, O, I, B and Z are never used.
func MBI(s []byte) bool {
	if len(s) != 11 || s[0] < '1' || s[0] > '9' {
		return false
	}
	for _, k := range [...]int{1, 4, 7, 8} {
		if !mbiLetter(s[k]) {
			return false
		}
	}
	for _, k := range [...]int{3, 6, 9, 10} {
		if !IsDigit(s[k]) {
			return false
		}
	}
	for _, k := range [...]int{2, 5} {
		if !IsDigit(s[k]) && !mbiLetter(s[k]) {
			return false
		}
	}
	return true
}
