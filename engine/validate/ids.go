package validate

// CASIN reports whether digits is a Canadian Social Insurance Number: exactly
// nine ASCII digits whose Luhn check holds.
func CASIN(digits []byte) bool {
	return len(digits) == 9 && Luhn(digits)
}

// npiPrefixSum is the Luhn contribution of the card-issuer prefix "80840"
// that the NPI standard (45 CFR 162.406) places in front of the ten NPI
// digits: counted from the right of the 15-digit string, the prefix sits in
// positions 10-14, so 0, 4*2=8, 8, 0*2=0 and 8 give 24.
const npiPrefixSum = 24

// NPI reports whether digits is a US National Provider Identifier: exactly
// ten ASCII digits whose tenth digit is the Luhn check digit computed over
// "80840" followed by the first nine digits.
func NPI(digits []byte) bool {
	if len(digits) != 10 {
		return false
	}
	s := luhnSum(digits)
	return s >= 0 && (s+npiPrefixSum)%10 == 0
}

// NHSNumber reports whether digits is a UK NHS number: exactly ten ASCII
// digits where the first nine, weighted 10 down to 2, sum to S and the tenth
// equals 11 - S mod 11 (11 becomes 0; a result of 10 is never issued).
func NHSNumber(digits []byte) bool {
	if len(digits) != 10 || !allDigits(digits) {
		return false
	}
	sum := 0
	for i := 0; i < 9; i++ {
		sum += int(digits[i]-'0') * (10 - i)
	}
	check := 11 - sum%11
	if check == 11 {
		check = 0
	}
	return check != 10 && check == int(digits[9]-'0')
}

// ABARouting reports whether digits is an ABA routing transit number: exactly
// nine ASCII digits with 3(d1+d4+d7) + 7(d2+d5+d8) + (d3+d6+d9) ≡ 0 (mod 10)
// and a first two digits in a Federal Reserve range: 00-12 (banks and the US
// government), 21-32 (thrifts), 61-72 (electronic transactions) or 80
// (traveller's cheques).
func ABARouting(digits []byte) bool {
	if len(digits) != 9 || !allDigits(digits) {
		return false
	}
	p := int(digits[0]-'0')*10 + int(digits[1]-'0')
	if !(p <= 12 || (p >= 21 && p <= 32) || (p >= 61 && p <= 72) || p == 80) {
		return false
	}
	sum := 0
	for i := 0; i < 9; i += 3 {
		sum += 3*int(digits[i]-'0') + 7*int(digits[i+1]-'0') + int(digits[i+2]-'0')
	}
	return sum%10 == 0
}

// SSN reports whether area, group and serial (3, 2 and 4 ASCII digits) form
// a possible US Social Security Number under the SSA's rules: the area is not
// 000, 666 or 900-999, the group is not 00 and the serial is not 0000.
func SSN(area, group, serial []byte) bool {
	if len(area) != 3 || len(group) != 2 || len(serial) != 4 ||
		!allDigits(area) || !allDigits(group) || !allDigits(serial) {
		return false
	}
	if area[0] == '9' || string(area) == "000" || string(area) == "666" {
		return false
	}
	return string(group) != "00" && string(serial) != "0000"
}
