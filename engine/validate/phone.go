package validate

// ccLen maps every three-digit string "000"-"999" to the length (1-3) of the
// assigned country calling code it begins with, or 0. Built once from
// callingCodes.
var ccLen = func() (t [1000]uint8) {
	for _, c := range callingCodes {
		v := 0
		for i := 0; i < len(c.code); i++ {
			v = v*10 + int(c.code[i]-'0')
		}
		span := 1
		for i := len(c.code); i < 3; i++ {
			v *= 10
			span *= 10
		}
		for i := v; i < v+span; i++ {
			t[i] = uint8(len(c.code))
		}
	}
	return t
}()

// CountryCodeLen returns the length (1, 2 or 3) of the assigned ITU-T E.164
// country calling code that digits (the ASCII digits after '+') begin with,
// or 0 if they begin with no assigned code or do not hold all of its digits.
func CountryCodeLen(digits []byte) int {
	v := 0
	for i := 0; i < 3; i++ {
		v *= 10
		if i < len(digits) {
			d := digits[i] - '0'
			if d > 9 {
				return 0
			}
			v += int(d)
		}
	}
	n := int(ccLen[v])
	if n > len(digits) {
		return 0
	}
	return n
}

// E164 reports whether digits, the ASCII digits of an international number
// after its '+', are 8 to 15 digits long and begin with an assigned ITU-T
// E.164 country calling code.
func E164(digits []byte) bool {
	return len(digits) >= 8 && len(digits) <= 15 && allDigits(digits) && CountryCodeLen(digits) > 0
}

// NANP reports whether digits is a ten-digit North American Numbering Plan
// number without the leading country code 1: the area code NXX and the
// exchange code NXX each start with 2-9 and are not N11 service codes
// (211, 311, … 911).
func NANP(digits []byte) bool {
	if len(digits) != 10 || !allDigits(digits) {
		return false
	}
	return nxx(digits[0:3]) && nxx(digits[3:6])
}

// nxx reports whether three digits form a valid NANP NXX code that is not an
// N11 code.
func nxx(b []byte) bool {
	return b[0] >= '2' && !(b[1] == '1' && b[2] == '1')
}
