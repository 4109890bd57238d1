package validate

// LEI reports whether b is a Legal Entity Identifier (ISO 17442-1:2020):
// 20 upper-case letters and digits, the last two digits, such that the
// whole code read with A=10 … Z=35 is ≡ 1 mod 97 (ISO/IEC 7064 MOD
// 97-10, the check IBANs use).
func LEI(b []byte) bool {
	if len(b) != 20 || !IsDigit(b[18]) || !IsDigit(b[19]) {
		return false
	}
	r, ok := mod97(0, b)
	return ok && r == 1
}
