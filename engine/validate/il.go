package validate

// ILID reports whether d is an Israeli identity number (מספר זהות;
// Population and Immigration Authority): nine ASCII digits (shorter
// numbers are written with leading zeros) whose digits, weighted 1, 2, 1,
// 2... from the left with the digits of each product added, sum to a
// multiple of 10.
func ILID(d []byte) bool {
	if len(d) != 9 || !allDigits(d) {
		return false
	}
	s := 0
	for i, c := range d {
		p := int(c-'0') * (1 + i%2)
		s += p/10 + p%10
	}
	return s%10 == 0
}
