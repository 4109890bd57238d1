package validate

// Luhn reports whether digits, all ASCII '0'-'9' and at least two of them,
// carry a valid Luhn (ISO/IEC 7812-1 annex B, "mod 10") check digit in the
// last position.
func Luhn(digits []byte) bool {
	if len(digits) < 2 {
		return false
	}
	return luhnSum(digits)%10 == 0
}

// luhnSum returns the Luhn sum of digits counted from the right (the
// rightmost digit is not doubled), or -1 if a byte is not an ASCII digit.
func luhnSum(digits []byte) int {
	sum := 0
	double := false
	for i := len(digits) - 1; i >= 0; i-- {
		d := int(digits[i]) - '0'
		if d < 0 || d > 9 {
			return -1
		}
		if double {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
		double = !double
	}
	return sum
}

// allDigits reports whether b is non-empty and made only of ASCII digits.
func allDigits(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// IsDigit reports whether c is an ASCII decimal digit.
func IsDigit(c byte) bool { return c >= '0' && c <= '9' }
