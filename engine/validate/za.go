package validate

// ZAIDNumber reports whether d is a South African identity number
// (Department of Home Affairs; Identification Act 68 of 1997):
// thirteen ASCII digits, a birth date YYMMDD that exists in the 1900s
// or the 2000s, a four-digit sequence (gender), a citizenship digit 0
// (citizen), 1 (permanent resident) or 2 (refugee), one more digit, and
// a Luhn check digit over all thirteen.
func ZAIDNumber(d []byte) bool {
	if len(d) != 13 || !allDigits(d) {
		return false
	}
	y := int(d[0]-'0')*10 + int(d[1]-'0')
	m := int(d[2]-'0')*10 + int(d[3]-'0')
	dd := int(d[4]-'0')*10 + int(d[5]-'0')
	if !Date(1900+y, m, dd) && !Date(2000+y, m, dd) {
		return false
	}
	if d[10] > '2' {
		return false
	}
	return Luhn(d)
}
