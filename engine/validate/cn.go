package validate

// cnIDWeights are 2^(17-i) mod 11 for the first seventeen characters of a
// Chinese citizen identity number.
var cnIDWeights = [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}

// CNResidentID reports whether b is a Chinese citizen identity number
// (公民身份号码, GB 11643-1999): six digits of address code, a birth date
// YYYYMMDD that exists (years 1850-2099), a three-digit sequence number,
// and an ISO 7064 MOD 11-2 check character, 0-9 or X (x accepted): with S
// the first seventeen digits weighted 2^(17-i) mod 11, the check value is
// (12 - S mod 11) mod 11, written X when it is 10. The address code is
// not checked here; the caller holds the list of regions.
func CNResidentID(b []byte) bool {
	if len(b) != 18 || !allDigits(b[:17]) {
		return false
	}
	y := int(b[6]-'0')*1000 + int(b[7]-'0')*100 + int(b[8]-'0')*10 + int(b[9]-'0')
	m := int(b[10]-'0')*10 + int(b[11]-'0')
	dd := int(b[12]-'0')*10 + int(b[13]-'0')
	if y < 1850 || y > 2099 || !Date(y, m, dd) {
		return false
	}
	s := 0
	for i, w := range cnIDWeights {
		s += int(b[i]-'0') * w
	}
	c := (12 - s%11) % 11
	switch last := b[17]; {
	case last == 'X' || last == 'x':
		return c == 10
	case last >= '0' && last <= '9':
		return c == int(last-'0')
	}
	return false
}
