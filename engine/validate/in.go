package validate

// INPANHolder reports whether c is a holder-type letter, the fourth
// character of an Indian Permanent Account Number (Income Tax Department,
// "Permanent Account Number (PAN)"): A association of persons, B body of
// individuals, C company, F firm, G government, H Hindu undivided family,
// J artificial juridical person, K krish (trust), L local authority, P
// individual, T trust.
func INPANHolder(c byte) bool {
	switch c {
	case 'A', 'B', 'C', 'F', 'G', 'H', 'J', 'K', 'L', 'P', 'T':
		return true
	}
	return false
}

// INPAN reports whether b has the structure of an Indian Permanent
// Account Number: five upper-case ASCII letters, the fourth a holder type
// (INPANHolder), a serial of four digits other than 0000, and a letter.
// The last letter is a check character whose algorithm is not published,
// so it is not verified.
func INPAN(b []byte) bool {
	if len(b) != 10 {
		return false
	}
	for i := 0; i < 5; i++ {
		if b[i] < 'A' || b[i] > 'Z' {
			return false
		}
	}
	if !INPANHolder(b[3]) || !allDigits(b[5:9]) || string(b[5:9]) == "0000" {
		return false
	}
	return b[9] >= 'A' && b[9] <= 'Z'
}

// base36 returns the value of an ASCII digit or upper-case letter in base
// 36 (0-9, A=10 ... Z=35), or -1.
func base36(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'A' && c <= 'Z':
		return int(c-'A') + 10
	}
	return -1
}

// GSTIN reports whether b is an Indian Goods and Services Tax
// Identification Number (GSTN, "GSTIN format"; CBIC state code list):
// fifteen characters, a state code 01-38, 97 (other territory) or 99
// (centre jurisdiction), the holder's PAN (INPAN), an entity number
// 1-9 or A-Z, the letter Z, and a check character: with the values of
// base 36 and the characters weighted 1, 2, 1, 2... from the left, each
// product adds its base-36 digits (p/36 + p%36) to S, and the check is
// (36 - S mod 36) mod 36.
func GSTIN(b []byte) bool {
	if len(b) != 15 || !allDigits(b[:2]) {
		return false
	}
	st := int(b[0]-'0')*10 + int(b[1]-'0')
	if !(st >= 1 && st <= 38 || st == 97 || st == 99) {
		return false
	}
	if !INPAN(b[2:12]) || b[12] == '0' || base36(b[12]) < 0 || b[13] != 'Z' {
		return false
	}
	s := 0
	for i := 0; i < 14; i++ {
		p := base36(b[i]) * (1 + i%2)
		s += p/36 + p%36
	}
	return base36(b[14]) == (36-s%36)%36
}
