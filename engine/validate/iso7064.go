package validate

// ISO7064Mod1110 reports whether digits, all ASCII '0'-'9' and at least two
// of them, end in a valid ISO/IEC 7064 MOD 11,10 check digit (the hybrid
// system of ISO/IEC 7064:2003 §6: for each digit the running product P
// becomes 2*((P+d) mod 10, with 0 read as 10) mod 11, starting from P = 10;
// the check digit c makes (P + c) mod 10 equal 1).
func ISO7064Mod1110(digits []byte) bool {
	if len(digits) < 2 {
		return false
	}
	p := 10
	n := len(digits) - 1
	for _, c := range digits[:n] {
		d := int(c) - '0'
		if d < 0 || d > 9 {
			return false
		}
		s := (p + d) % 10
		if s == 0 {
			s = 10
		}
		p = 2 * s % 11
	}
	c := int(digits[n]) - '0'
	return c >= 0 && c <= 9 && (p+c)%10 == 1
}
