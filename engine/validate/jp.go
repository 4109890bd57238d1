package validate

// MyNumber reports whether d is a Japanese Individual Number (マイナンバー,
// 個人番号): twelve ASCII digits whose last is the check digit of the
// Ordinance of the Ministry of Internal Affairs and Communications No. 85
// of 2014, art. 5: with P(n) the n-th digit counted from the right of the
// first eleven and Q(n) = n+1 for n <= 6, n-5 for n >= 7, and r the sum
// of P(n)Q(n) modulo 11, the check is 0 when r <= 1 and 11 - r otherwise.
func MyNumber(d []byte) bool {
	if len(d) != 12 || !allDigits(d) {
		return false
	}
	s := 0
	for n := 1; n <= 11; n++ {
		q := n + 1
		if n >= 7 {
			q = n - 5
		}
		s += int(d[11-n]-'0') * q
	}
	c := 0
	if r := s % 11; r > 1 {
		c = 11 - r
	}
	return c == int(d[11]-'0')
}
