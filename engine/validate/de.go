package validate

// DETaxID reports whether digits is a German tax identification number
// (steuerliche Identifikationsnummer, §139b AO; BZSt, "Aufbau der
// Identifikationsnummer"): eleven digits, the first not 0; among the first
// ten exactly one digit occurs more than once, twice or three times, and
// a digit occurring three times does not fill three consecutive places;
// the eleventh is the ISO/IEC 7064 MOD 11,10 check digit.
func DETaxID(digits []byte) bool {
	if len(digits) != 11 || digits[0] == '0' || !allDigits(digits) {
		return false
	}
	var count [10]int
	for _, c := range digits[:10] {
		count[c-'0']++
	}
	var repeated byte // the repeated digit, 0 for none
	times := 0
	for d, n := range count {
		switch {
		case n <= 1:
		case n <= 3 && repeated == 0:
			repeated, times = byte('0'+d), n // #nosec G115 -- d < 10
		default:
			return false
		}
	}
	if repeated == 0 {
		return false
	}
	if times == 3 {
		for i := 0; i+2 < 10; i++ {
			if digits[i] == repeated && digits[i+1] == repeated && digits[i+2] == repeated {
				return false
			}
		}
	}
	return ISO7064Mod1110(digits)
}

// DEVATID reports whether digits are the nine digits of a German VAT
// identification number (Umsatzsteuer-Identifikationsnummer, "DE" and nine
// digits; BZSt): the first not 0, the ninth the ISO/IEC 7064 MOD 11,10
// check digit over the first eight.
func DEVATID(digits []byte) bool {
	return len(digits) == 9 && digits[0] != '0' && ISO7064Mod1110(digits)
}

// crossSum returns the sum of the decimal digits of n (0 <= n < 100).
func crossSum(n int) int { return n/10 + n%10 }

// DESocialSecurity reports whether s is a German pension insurance number
// (Rentenversicherungsnummer / Sozialversicherungsnummer, VKVV §2): two
// digits of the insurer's area, the birth date as DDMMYY, the initial of
// the birth name as a capital letter, a two-digit serial and a check
// digit. The check digit is the sum, modulo 10, of the cross sums of the
// eleven leading digits (the letter written as its two-digit place in the
// alphabet, 01-26, so twelve digits) weighted 2 1 2 5 7 1 2 1 2 1 2 1.
func DESocialSecurity(s []byte) bool {
	if len(s) != 12 || !allDigits(s[:8]) || s[8] < 'A' || s[8] > 'Z' || !allDigits(s[9:]) {
		return false
	}
	if string(s[:2]) == "00" {
		return false
	}
	day, month := int(s[2]-'0')*10+int(s[3]-'0'), int(s[4]-'0')*10+int(s[5]-'0')
	year := int(s[6]-'0')*10 + int(s[7]-'0')
	// The century is not written: a 29 February needs a leap year in
	// either century, which for two digits is year % 4 == 0 (2000 was one).
	if !Date(2000+year, month, day) {
		return false
	}
	letter := int(s[8]-'A') + 1
	var d [12]int
	for i := 0; i < 8; i++ {
		d[i] = int(s[i] - '0')
	}
	d[8], d[9] = letter/10, letter%10
	d[10], d[11] = int(s[9]-'0'), int(s[10]-'0')
	sum := 0
	for i, w := range rvnrWeights {
		sum += crossSum(d[i] * w)
	}
	return sum%10 == int(s[11]-'0')
}

// rvnrWeights are the weights of the pension insurance number's check.
var rvnrWeights = [12]int{2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1}

// DEHealthInsurance reports whether s is the permanent part of a German
// health insurance number (Krankenversichertennummer, §290 SGB V; GKV-
// Spitzenverband, "Richtlinien nach § 290 SGB V", Anlage 1): a capital
// letter, eight digits and a check digit. The check digit is the sum,
// modulo 10, of the cross sums of the letter (as its place in the
// alphabet, two digits) and the eight digits, weighted 1 2 1 2 ...
func DEHealthInsurance(s []byte) bool {
	if len(s) != 10 || s[0] < 'A' || s[0] > 'Z' || !allDigits(s[1:]) {
		return false
	}
	letter := int(s[0]-'A') + 1
	sum := crossSum(letter/10) + crossSum(letter%10*2)
	for i := 1; i < 9; i++ {
		w := 1
		if i%2 == 0 {
			w = 2
		}
		sum += crossSum(int(s[i]-'0') * w)
	}
	return sum%10 == int(s[9]-'0')
}

// DELANR reports whether digits is a German lifelong physician number
// (Lebenslange Arztnummer; KBV, "Richtlinie der KBV nach § 75 Abs. 7
// SGB V zur Vergabe der Arzt-, Betriebsstätten- sowie der
// Praxisnetznummern", §4): nine digits, the first six the doctor's
// number, the seventh its check digit, the last two the specialty group.
// The check digit is 10 minus the sum of the first six digits weighted
// 4 9 4 9 4 9, modulo 10 (a result of 10 is 0).
func DELANR(digits []byte) bool {
	if len(digits) != 9 || !allDigits(digits) {
		return false
	}
	sum := 0
	for i := 0; i < 6; i++ {
		w := 4
		if i%2 == 1 {
			w = 9
		}
		sum += int(digits[i]-'0') * w
	}
	return (10-sum%10)%10 == int(digits[6]-'0')
}
