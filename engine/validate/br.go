package validate

// CPF reports whether d is a Brazilian individual taxpayer number
// (Cadastro de Pessoas Físicas; Receita Federal, IN RFB 2.172/2024):
// eleven ASCII digits, not all the same, whose last two are mod 11 check
// digits: the first is 11 - S mod 11 (0 when that is 10 or 11) with S the
// first nine digits weighted 10 down to 2, the second likewise over the
// first ten weighted 11 down to 2.
func CPF(d []byte) bool {
	if len(d) != 11 || !allDigits(d) || sameBytes(d) {
		return false
	}
	return brCheck(d[:9], 10) == int(d[9]-'0') && brCheck(d[:10], 11) == int(d[10]-'0')
}

// brCheck returns the CPF check digit of the digits p weighted top, top-1
// ... 2.
func brCheck(p []byte, top int) int {
	s := 0
	for i, c := range p {
		s += int(c-'0') * (top - i)
	}
	if r := 11 - s%11; r < 10 {
		return r
	}
	return 0
}

// cnpjWeights weight the first thirteen characters of a CNPJ for its
// second check digit; the first check digit uses the last twelve.
var cnpjWeights = [13]int{6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2}

// CNPJ reports whether b is a Brazilian company taxpayer number (Cadastro
// Nacional da Pessoa Jurídica; Receita Federal, IN RFB 2.119/2022 and the
// alphanumeric CNPJ of IN RFB 2.229/2024): fourteen characters, the
// first twelve ASCII digits or upper-case letters (not all the same), the
// last two mod 11 check digits. Each character counts its ASCII code
// minus 48 (a digit its value); the first check digit is 11 - S mod 11 (0
// when S mod 11 < 2) with S the first twelve weighted 5, 4, 3, 2, 9, 8,
// 7, 6, 5, 4, 3, 2, the second likewise over the first thirteen weighted
// 6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2.
func CNPJ(b []byte) bool {
	if len(b) != 14 || !allDigits(b[12:]) || sameBytes(b) {
		return false
	}
	for _, c := range b[:12] {
		if !(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return cnpjCheck(b[:12], cnpjWeights[1:]) == int(b[12]-'0') && cnpjCheck(b[:13], cnpjWeights[:]) == int(b[13]-'0')
}

// cnpjCheck returns the CNPJ check digit of p under the weights w.
func cnpjCheck(p []byte, w []int) int {
	s := 0
	for i, c := range p {
		s += int(c-'0') * w[i]
	}
	if r := s % 11; r >= 2 {
		return 11 - r
	}
	return 0
}

// sameBytes reports whether every byte of b equals the first.
func sameBytes(b []byte) bool {
	for _, c := range b {
		if c != b[0] {
			return false
		}
	}
	return true
}
