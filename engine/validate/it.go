package validate

// Italian identifiers: the codice fiscale of a person (Decreto del
// Ministro delle Finanze 23 dicembre 1976, "Sistemi di codificazione dei
// soggetti da iscrivere all'anagrafe tributaria", and DPR 605/1973) and
// the partita IVA (DPR 633/1972, art. 35; the same decree's check digit).

// cfOdd is the value of a character in an odd place (first, third, ...)
// of a codice fiscale, for '0'-'9' then 'A'-'Z'; in an even place a digit
// counts its value and a letter its index in the alphabet.
var cfOdd = [36]uint8{
	1, 0, 5, 7, 9, 13, 15, 17, 19, 21, // 0-9
	1, 0, 5, 7, 9, 13, 15, 17, 19, 21, // A-J
	2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23, // K-Z
}

// cfMonths are the month letters, January to December.
const cfMonths = "ABCDEHLMPRST"

// cfOmocode maps the letter that replaces a digit in a homocodic code
// (L for 0 ... V for 9) back to the digit, and every other byte to 0xff.
var cfOmocode = func() (t [256]byte) {
	for i := range t {
		t[i] = 0xff
	}
	for d, c := range "LMNPQRSTUV" {
		t[c] = byte(d)
	}
	return t
}()

// cfDigit returns the digit at a numeric place of a codice fiscale, which
// may be written as its homocodic letter.
func cfDigit(c byte) (int, bool) {
	if c >= '0' && c <= '9' {
		return int(c - '0'), true
	}
	d := cfOmocode[c]
	return int(d), d != 0xff
}

// ItalianFiscalCode reports whether v is the 16-character codice fiscale
// of a person, upper case: three letters of the surname, three of the
// name, the year (two digits), the month letter, the day (01-31, plus 40
// for women), the municipality or country code (a letter and three
// digits), and the check letter: the sum of the odd-place values and the
// even-place values of the first fifteen characters, mod 26, as a letter.
// The digits may be replaced by their homocodic letters (L-V).
func ItalianFiscalCode(v []byte) bool {
	if len(v) != 16 {
		return false
	}
	for _, k := range [...]int{0, 1, 2, 3, 4, 5, 8, 11} {
		if v[k] < 'A' || v[k] > 'Z' {
			return false
		}
	}
	var num [7]int
	for x, k := range [...]int{6, 7, 9, 10, 12, 13, 14} {
		d, ok := cfDigit(v[k])
		if !ok {
			return false
		}
		num[x] = d
	}
	month := 0
	for m := 0; m < 12; m++ {
		if cfMonths[m] == v[8] {
			month = m + 1
		}
	}
	day := num[2]*10 + num[3]
	if day > 40 {
		day -= 40
	}
	// The century is not written: 29 February passes when the two-digit
	// year is a multiple of four.
	if month == 0 || day < 1 || day > DaysIn(2000+num[0]*10+num[1], month) {
		return false
	}
	sum := 0
	for k := 0; k < 15; k++ {
		c := v[k]
		var idx int
		if c >= '0' && c <= '9' {
			idx = int(c - '0')
		} else {
			idx = int(c-'A') + 10
		}
		if k%2 == 0 {
			sum += int(cfOdd[idx])
		} else if idx >= 10 {
			sum += idx - 10
		} else {
			sum += idx
		}
	}
	return v[15] == byte('A'+sum%26)
}

// ItalianVAT reports whether d is a partita IVA: eleven ASCII digits, a
// company number (the first seven, not all zero), the code of the
// provincial office (001-100, 120, 121, 888 or 999) and a Luhn check
// digit.
func ItalianVAT(d []byte) bool {
	if len(d) != 11 || !allDigits(d) || string(d[:7]) == "0000000" {
		return false
	}
	office := int(d[7]-'0')*100 + int(d[8]-'0')*10 + int(d[9]-'0')
	if !(office >= 1 && office <= 100 || office == 120 || office == 121 || office == 888 || office == 999) {
		return false
	}
	return luhnSum(d)%10 == 0
}
