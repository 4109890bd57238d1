package validate

// CUSIP reports whether b is a CUSIP (or CINS) number as CUSIP Global
// Services define it ("CUSIP Number" fact sheet; ANSI X9.6): six issuer
// characters and two issue characters, each a digit, an upper-case
// letter or one of '*', '@', '#', then a check digit. The check digit
// is the "modulus 10 double add double" of the first eight: each
// character's value (digits as themselves, A=10 … Z=35, *=36, @=37,
// #=38) is doubled in the even positions, the digits of every value are
// summed, and the check digit is (10 - sum mod 10) mod 10.
func CUSIP(b []byte) bool {
	if len(b) != 9 || !IsDigit(b[8]) {
		return false
	}
	sum := 0
	for i, c := range b[:8] {
		v := cusipValue(c)
		if v < 0 {
			return false
		}
		if i%2 == 1 {
			v *= 2
		}
		sum += v/10 + v%10
	}
	return int(b[8]-'0') == (10-sum%10)%10
}

// cusipValue is the value of one CUSIP character, or -1.
func cusipValue(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'A' && c <= 'Z':
		return int(c-'A') + 10
	case c == '*':
		return 36
	case c == '@':
		return 37
	case c == '#':
		return 38
	}
	return -1
}
