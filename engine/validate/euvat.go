package validate

// EU VAT identification numbers: the two-letter prefix VIES uses (ISO
// 3166 but EL for Greece, XI for Northern Ireland) and the national
// number, in the formats of the European Commission's VIES pages ("VIES
// VAT number validation", FAQ "What is the format of a VAT number?"),
// with each member state's published check. Germany and Italy are left
// out on purpose: de_vat_id and it_vat_code report them.

// EUVAT reports whether num (the number after the prefix, without
// separators, upper case) is a VAT number of the member state cc under
// its format and check. ok is false for a prefix this function does not
// cover (DE, IT, non-members).
func EUVAT(cc [2]byte, num []byte) (valid, ok bool) {
	switch string(cc[:]) {
	case "AT":
		return vatAT(num), true
	case "BE":
		return vatBE(num), true
	case "BG":
		return vatBG(num), true
	case "CY":
		return vatCY(num), true
	case "CZ":
		return vatCZ(num), true
	case "DK":
		return vatDK(num), true
	case "EE":
		return vatEE(num), true
	case "EL":
		return vatEL(num), true
	case "ES":
		return SpanishDNI(num) || SpanishNIE(num) || SpanishCIF(num), true
	case "FI":
		return vatFI(num), true
	case "FR":
		return vatFR(num), true
	case "HR":
		return vatHR(num), true
	case "HU":
		return vatHU(num), true
	case "IE":
		return vatIE(num), true
	case "LT":
		return vatLT(num), true
	case "LU":
		return vatLU(num), true
	case "LV":
		return vatLV(num), true
	case "MT":
		return vatMT(num), true
	case "NL":
		return vatNL(num), true
	case "PL":
		return PolishNIP(num), true
	case "PT":
		return PortugueseNIF(num), true
	case "RO":
		return vatRO(num), true
	case "SE":
		return vatSE(num), true
	case "SI":
		return vatSI(num), true
	case "SK":
		return vatSK(num), true
	case "XI":
		return vatXI(num), true
	}
	return false, false
}

// weighted returns the sum of the ASCII digits d times the weights w.
func weighted(d []byte, w ...int) int {
	sum := 0
	for k, x := range w {
		sum += int(d[k]-'0') * x
	}
	return sum
}

// vatAT: U and eight digits; the eighth is 10 minus (4 plus the digits in
// odd places plus the digit sums of twice those in even places) mod 10
// (Bundesministerium für Finanzen, UID-Nummer, "Prüfziffernberechnung").
func vatAT(v []byte) bool {
	if len(v) != 9 || v[0] != 'U' || !allDigits(v[1:]) {
		return false
	}
	sum := 4
	for k := 1; k <= 7; k++ {
		d := int(v[k] - '0')
		if k%2 == 0 {
			d *= 2
			d = d/10 + d%10
		}
		sum += d
	}
	return int(v[8]-'0') == (10-sum%10)%10
}

// vatBE: ten digits starting with 0 or 1 (the enterprise number); the
// last two are 97 minus the first eight mod 97 (SPF Finances, numéro
// d'entreprise, Banque-Carrefour des Entreprises).
func vatBE(v []byte) bool {
	if len(v) != 10 || !allDigits(v) || v[0] > '1' {
		return false
	}
	n, _ := digitsValue(v[:8])
	return int(v[8]-'0')*10+int(v[9]-'0') == 97-n%97
}

// vatBG: nine digits for companies (weights 1-8 mod 11, or 3-10 when
// that gives 10, then 10 read as 0), or ten digits for people: an EGN,
// the personal number of a foreigner (ЛНЧ), or another number (weights 4
// 3 2 7 6 5 4 3 2, 11 minus the sum mod 11) (Национална агенция за
// приходите, ЗДДС чл. 94; Закон за гражданската регистрация).
func vatBG(v []byte) bool {
	if !allDigits(v) {
		return false
	}
	switch len(v) {
	case 9:
		c := weighted(v, 1, 2, 3, 4, 5, 6, 7, 8) % 11
		if c == 10 {
			c = weighted(v, 3, 4, 5, 6, 7, 8, 9, 10) % 11
		}
		return int(v[8]-'0') == c%10
	case 10:
		if bulgarianEGN(v) || weighted(v, 21, 19, 17, 13, 11, 9, 7, 3, 1)%10 == int(v[9]-'0') {
			return true
		}
		return (11-weighted(v, 4, 3, 2, 7, 6, 5, 4, 3, 2)%11)%11 == int(v[9]-'0')
	}
	return false
}

// bulgarianEGN reports whether the ten digits v are a Bulgarian personal
// number (ЕГН): YYMMDD with the month raised by 20 for the 1800s and 40
// for the 2000s, a real date, and the check digit of weights 2 4 8 5 10
// 9 7 3 6 mod 11 (10 read as 0).
func bulgarianEGN(v []byte) bool {
	yy, mm, dd := int(v[0]-'0')*10+int(v[1]-'0'), int(v[2]-'0')*10+int(v[3]-'0'), int(v[4]-'0')*10+int(v[5]-'0')
	year := 1900 + yy
	switch {
	case mm > 40:
		year, mm = 2000+yy, mm-40
	case mm > 20:
		year, mm = 1800+yy, mm-20
	}
	return Date(year, mm, dd) && weighted(v, 2, 4, 8, 5, 10, 9, 7, 3, 6)%11%10 == int(v[9]-'0')
}

// cyOdd is the value of a digit in an odd place of a Cypriot VAT number.
var cyOdd = [10]int{1, 0, 5, 7, 9, 13, 15, 17, 19, 21}

// vatCY: eight digits, the first 0, 1, 3, 4, 5 or 9 (not 12), and a check
// letter: the digits in odd places through cyOdd plus those in even
// places, mod 26, as A-Z (Τμήμα Φορολογίας, Αριθμός Εγγραφής ΦΠΑ).
func vatCY(v []byte) bool {
	if len(v) != 9 || !allDigits(v[:8]) || v[8] < 'A' || v[8] > 'Z' {
		return false
	}
	switch v[0] {
	case '0', '3', '4', '5', '9':
	case '1':
		if v[1] == '2' {
			return false
		}
	default:
		return false
	}
	sum := 0
	for k := 0; k < 8; k++ {
		d := int(v[k] - '0')
		if k%2 == 0 {
			d = cyOdd[d]
		}
		sum += d
	}
	return v[8] == byte('A'+sum%26)
}

// vatCZ: eight digits for companies (not starting with 9; 11 minus the
// sum weighted 8 down to 2, mod 10), nine digits starting with 6 for
// people without a birth number, or a birth number (rodné číslo) of nine
// or ten digits (Finanční správa, DIČ; zákon č. 235/2004 Sb., § 4a).
func vatCZ(v []byte) bool {
	if !allDigits(v) {
		return false
	}
	switch {
	case len(v) == 8:
		return v[0] != '9' && int(v[7]-'0') == (11-weighted(v, 8, 7, 6, 5, 4, 3, 2)%11)%10
	case len(v) == 9 && v[0] == '6':
		c := weighted(v[1:], 8, 7, 6, 5, 4, 3, 2) % 11
		return int(v[8]-'0') == ((8-(10-c)%11)%10+10)%10
	}
	return CzechBirthNumber(v)
}

// vatDK: eight digits, the first not 0, whose sum weighted 2 7 6 5 4 3 2
// 1 is a multiple of 11 (Erhvervsstyrelsen, CVR-nummer).
func vatDK(v []byte) bool {
	return len(v) == 8 && allDigits(v) && v[0] != '0' && weighted(v, 2, 7, 6, 5, 4, 3, 2, 1)%11 == 0
}

// vatEE: nine digits starting 10; the last is 10 minus the first eight
// weighted 3 7 1 3 7 1 3 7, mod 10 (Maksu- ja Tolliamet, KMKR number).
func vatEE(v []byte) bool {
	return len(v) == 9 && allDigits(v) && v[0] == '1' && v[1] == '0' &&
		int(v[8]-'0') == (10-weighted(v, 3, 7, 1, 3, 7, 1, 3, 7)%10)%10
}

// vatEL: nine digits; the last is the first eight weighted 256 down to 2
// (powers of two), mod 11, mod 10 (ΑΑΔΕ, ΑΦΜ).
func vatEL(v []byte) bool {
	return len(v) == 9 && allDigits(v) && int(v[8]-'0') == weighted(v, 256, 128, 64, 32, 16, 8, 4, 2)%11%10
}
