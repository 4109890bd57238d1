package validate

// TRKimlik reports whether d is a Turkish identity number (T.C. Kimlik
// No; Nüfus ve Vatandaşlık İşleri Genel Müdürlüğü): eleven ASCII digits,
// the first not 0, the tenth equal to (7 × (d1+d3+d5+d7+d9) - (d2+d4+d6+
// d8)) mod 10 and the eleventh to (d1+...+d10) mod 10.
func TRKimlik(d []byte) bool {
	if len(d) != 11 || !allDigits(d) || d[0] == '0' {
		return false
	}
	odd, even := 0, 0
	for i := 0; i < 9; i++ {
		if i%2 == 0 {
			odd += int(d[i] - '0')
		} else {
			even += int(d[i] - '0')
		}
	}
	if ((7*odd-even)%10+10)%10 != int(d[9]-'0') {
		return false
	}
	return (odd+even+int(d[9]-'0'))%10 == int(d[10]-'0')
}
