package validate

// Weights of the Australian identifiers.
var (
	auTFNWeights      = [9]int{1, 4, 3, 7, 5, 8, 6, 9, 10}
	auABNWeights      = [11]int{10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19}
	auACNWeights      = [8]int{8, 7, 6, 5, 4, 3, 2, 1}
	auMedicareWeights = [8]int{1, 3, 7, 9, 1, 3, 7, 9}
)

// AUTFN reports whether d is an Australian Tax File Number (Australian
// Taxation Office): nine ASCII digits whose sum weighted 1, 4, 3, 7, 5,
// 8, 6, 9, 10 is a multiple of 11. Older eight-digit numbers are not
// accepted.
func AUTFN(d []byte) bool {
	if len(d) != 9 || !allDigits(d) {
		return false
	}
	s := 0
	for i, w := range auTFNWeights {
		s += int(d[i]-'0') * w
	}
	return s%11 == 0
}

// AUABN reports whether d is an Australian Business Number (Australian
// Business Register, "Format of the ABN"): eleven ASCII digits, the first
// not 0; subtract 1 from the first digit, weight the digits 10, 1, 3, 5,
// 7, 9, 11, 13, 15, 17, 19, and the sum is a multiple of 89.
func AUABN(d []byte) bool {
	if len(d) != 11 || !allDigits(d) || d[0] == '0' {
		return false
	}
	s := 0
	for i, w := range auABNWeights {
		v := int(d[i] - '0')
		if i == 0 {
			v--
		}
		s += v * w
	}
	return s%89 == 0
}

// AUACN reports whether d is an Australian Company Number (ASIC,
// "Australian Company Number (ACN) check digit"): nine ASCII digits, the
// last equal to (10 - S mod 10) mod 10 where S is the first eight
// weighted 8 down to 1.
func AUACN(d []byte) bool {
	if len(d) != 9 || !allDigits(d) {
		return false
	}
	s := 0
	for i, w := range auACNWeights {
		s += int(d[i]-'0') * w
	}
	return (10-s%10)%10 == int(d[8]-'0')
}

// AUMedicare reports whether d is an Australian Medicare card number
// (Services Australia, Medicare card number format): ten ASCII digits,
// the first 2-6, the ninth equal to the first eight weighted 1, 3, 7, 9,
// 1, 3, 7, 9 modulo 10, and the tenth (the card's issue number) not 0.
func AUMedicare(d []byte) bool {
	if len(d) != 10 || !allDigits(d) || d[0] < '2' || d[0] > '6' || d[9] == '0' {
		return false
	}
	s := 0
	for i, w := range auMedicareWeights {
		s += int(d[i]-'0') * w
	}
	return s%10 == int(d[8]-'0')
}
