package validate

// THTNIN reports whether d is a Thai national identification number
// (เลขประจำตัวประชาชน; Department of Provincial Administration, Bureau of
// Registration Administration): thirteen ASCII digits, a person category
// 1-8, a province code 10-96 (the registration office's first two
// digits), and a last digit equal to (11 - S mod 11) mod 10 where S is
// the first twelve digits weighted 13 down to 2.
func THTNIN(d []byte) bool {
	if len(d) != 13 || !allDigits(d) || d[0] < '1' || d[0] > '8' {
		return false
	}
	if p := int(d[1]-'0')*10 + int(d[2]-'0'); p < 10 || p > 96 {
		return false
	}
	s := 0
	for i := 0; i < 12; i++ {
		s += int(d[i]-'0') * (13 - i)
	}
	return (11-s%11)%10 == int(d[12]-'0')
}
