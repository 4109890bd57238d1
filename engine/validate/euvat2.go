package validate

// vatFI: eight digits; the last is 11 minus the first seven weighted 7 9
// 10 5 8 4 2, mod 11 (11 read as 0, 10 never issued) (Verohallinto,
// Y-tunnus).
func vatFI(v []byte) bool {
	if len(v) != 8 || !allDigits(v) {
		return false
	}
	c := 11 - weighted(v, 7, 9, 10, 5, 8, 4, 2)%11
	if c == 11 {
		c = 0
	}
	return c == int(v[7]-'0')
}

// frKeyAlphabet is the alphabet of a French VAT key (no I or O).
const frKeyAlphabet = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ"

// vatFR: a two-character key and a SIREN (Luhn; a Monaco number starts
// with 000 and has none). A numeric key is the SIREN followed by 12, mod
// 97; a key with a letter (the newer series) checks the SIREN through
// its two characters' places in frKeyAlphabet (DGFiP, "numéro de TVA
// intracommunautaire", Code général des impôts, art. 286 ter).
func vatFR(v []byte) bool {
	if len(v) != 11 || !allDigits(v[2:]) {
		return false
	}
	siren := v[2:]
	if string(siren[:3]) != "000" && !SIREN(siren) {
		return false
	}
	n, _ := digitsValue(siren)
	if IsDigit(v[0]) && IsDigit(v[1]) {
		return int(v[0]-'0')*10+int(v[1]-'0') == (n*100+12)%97
	}
	a, b := keyIndex(v[0]), keyIndex(v[1])
	if a < 0 || b < 0 {
		return false
	}
	var check int
	if a < 10 {
		check = a*24 + b - 10
	} else {
		check = a*34 + b - 100
	}
	return (n+1+check/11)%11 == check%11
}

// keyIndex returns the place of c in frKeyAlphabet, or -1.
func keyIndex(c byte) int {
	for k := 0; k < len(frKeyAlphabet); k++ {
		if frKeyAlphabet[k] == c {
			return k
		}
	}
	return -1
}

// vatHR: eleven digits (the OIB) with an ISO 7064 MOD 11,10 check digit
// (Porezna uprava, Zakon o osobnom identifikacijskom broju).
func vatHR(v []byte) bool {
	if len(v) != 11 || !allDigits(v) {
		return false
	}
	p := 10
	for k := 0; k < 10; k++ {
		s := (int(v[k]-'0') + p) % 10
		if s == 0 {
			s = 10
		}
		p = s * 2 % 11
	}
	return int(v[10]-'0') == (11-p)%10
}

// vatHU: eight digits; the last is 10 minus the first seven weighted 9 7
// 3 1 9 7 3, mod 10 (Nemzeti Adó- és Vámhivatal, adószám).
func vatHU(v []byte) bool {
	return len(v) == 8 && allDigits(v) && int(v[7]-'0') == (10-weighted(v, 9, 7, 3, 1, 9, 7, 3)%10)%10
}

// vatIE: seven digits, the check letter and optionally a second letter
// (A-I standing for 1-9 in the check, or W for 0), or the old form of a
// digit, a letter, '+' or '*', five digits and the check letter, whose
// check is that of 0, the five digits and the first digit. The digits
// weighted 8 down to 2, plus 9 times the second letter's value, mod 23,
// give the check letter, W for 0 and A-V for 1-22 (Revenue, "VAT
// registration number format").
func vatIE(v []byte) bool {
	var d [7]byte
	switch {
	case len(v) == 8 && IsDigit(v[0]) && !IsDigit(v[1]) && allDigits(v[2:7]):
		if !(v[1] >= 'A' && v[1] <= 'Z' || v[1] == '+' || v[1] == '*') {
			return false
		}
		d[0] = '0'
		copy(d[1:6], v[2:7])
		d[6] = v[0]
	case (len(v) == 8 || len(v) == 9) && allDigits(v[:7]):
		copy(d[:], v[:7])
	default:
		return false
	}
	sum := weighted(d[:], 8, 7, 6, 5, 4, 3, 2)
	if len(v) == 9 {
		switch c := v[8]; {
		case c >= 'A' && c <= 'I':
			sum += 9 * int(c-'A'+1)
		case c == 'W':
		default:
			return false
		}
	}
	return v[7] == ppsnLetters[sum%23]
}

// vatLT: nine digits whose eighth is 1 (legal persons) or twelve whose
// eleventh is 1 (temporary registrations); the check digit is the sum
// weighted 1, 2, ..., 9, 1, 2 mod 11, or when that is 10 the sum weighted
// 3, 4, ..., 9, 1, 2, ... mod 11, 10 read as 0 (Valstybinė mokesčių
// inspekcija, PVM mokėtojo kodas).
func vatLT(v []byte) bool {
	n := len(v)
	if n != 9 && n != 12 || !allDigits(v) || v[n-2] != '1' {
		return false
	}
	c := 0
	for k := 0; k < n-1; k++ {
		c += (1 + k%9) * int(v[k]-'0')
	}
	c %= 11
	if c == 10 {
		c = 0
		for k := 0; k < n-1; k++ {
			c += (1 + (k+2)%9) * int(v[k]-'0')
		}
		c = c % 11 % 10
	}
	return c == int(v[n-1]-'0')
}

// vatLU: eight digits; the last two are the first six mod 89
// (Administration de l'enregistrement, numéro d'identification TVA).
func vatLU(v []byte) bool {
	if len(v) != 8 || !allDigits(v) {
		return false
	}
	n, _ := digitsValue(v[:6])
	return int(v[6]-'0')*10+int(v[7]-'0') == n%89
}

// vatLV: eleven digits. A first digit above 3 is a legal person, whose
// sum weighted 9 1 4 8 3 10 2 5 7 6 1 is 3 mod 11; otherwise a personal
// code DDMMYY C NNNN with C the century (0 1800s, 1 1900s, 2 2000s) and
// the check digit (1101 - weights 1 6 3 7 9 10 5 8 4 2) mod 11, 10 read
// as 0 (Valsts
// ieņēmumu dienests, PVN reģistrācijas numurs; Fizisko personu reģistra
// likums, personas kods).
func vatLV(v []byte) bool {
	if len(v) != 11 || !allDigits(v) {
		return false
	}
	if v[0] > '3' {
		return weighted(v, 9, 1, 4, 8, 3, 10, 2, 5, 7, 6, 1)%11 == 3
	}
	if v[6] > '2' {
		return false
	}
	dd, mm, yy := int(v[0]-'0')*10+int(v[1]-'0'), int(v[2]-'0')*10+int(v[3]-'0'), int(v[4]-'0')*10+int(v[5]-'0')
	if !Date(1800+100*int(v[6]-'0')+yy, mm, dd) {
		return false
	}
	return (1101-weighted(v, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2))%11%10 == int(v[10]-'0')
}

// vatMT: eight digits, the first not 0; the last two are 37 minus the
// first six weighted 3 4 6 7 8 9, mod 37 (Commissioner for Revenue, VAT
// number).
func vatMT(v []byte) bool {
	if len(v) != 8 || !allDigits(v) || v[0] == '0' {
		return false
	}
	return int(v[6]-'0')*10+int(v[7]-'0') == 37-weighted(v, 3, 4, 6, 7, 8, 9)%37
}

// vatNL: nine digits, B and two digits. A legal person's number passes
// the eleven test (the first eight weighted 9 down to 2, mod 11, equal the
// ninth); a sole trader's number (since 2020) passes ISO 7064 MOD 97-10
// over "NL" and the twelve characters, letters counted 10-35
// (Belastingdienst, btw-identificatienummer).
func vatNL(v []byte) bool {
	if len(v) != 12 || !allDigits(v[:9]) || v[9] != 'B' || !allDigits(v[10:]) {
		return false
	}
	if weighted(v, 9, 8, 7, 6, 5, 4, 3, 2)%11 == int(v[8]-'0') {
		return true
	}
	r := (23*100 + 21) % 97 // "NL": N = 23, L = 21
	for _, c := range v {
		if c == 'B' {
			r = (r*100 + 11) % 97
		} else {
			r = (r*10 + int(c-'0')) % 97
		}
	}
	return r == 1
}

// vatRO: two to ten digits, the first not 0; the last is the others,
// right-aligned under the weights 7 5 3 2 1 7 5 3 2, summed, times 10,
// mod 11, mod 10 (ANAF, cod de identificare fiscală).
func vatRO(v []byte) bool {
	n := len(v)
	if n < 2 || n > 10 || !allDigits(v) || v[0] == '0' {
		return false
	}
	const w = "753217532"
	sum := 0
	for k := 0; k < n-1; k++ {
		sum += int(w[10-n+k]-'0') * int(v[k]-'0')
	}
	return int(v[n-1]-'0') == sum*10%11%10
}

// vatSE: twelve digits, an organisationsnummer or personnummer (ten
// digits, Luhn) and 01 (Skatteverket, momsregistreringsnummer).
func vatSE(v []byte) bool {
	return len(v) == 12 && allDigits(v) && v[10] == '0' && v[11] == '1' && luhnSum(v[:10])%10 == 0
}

// vatSI: eight digits, the first not 0; the last is 11 minus the first
// seven weighted 8 down to 2, mod 11, with 10 read as 0 (11 never
// issued) (Finančna uprava, davčna številka).
func vatSI(v []byte) bool {
	if len(v) != 8 || !allDigits(v) || v[0] == '0' {
		return false
	}
	c := 11 - weighted(v, 8, 7, 6, 5, 4, 3, 2)%11
	if c == 11 {
		return false
	}
	return c%10 == int(v[7]-'0')
}

// vatSK: ten digits, the first not 0 and the third 2, 3, 4, 7, 8 or 9,
// the whole a multiple of 11 (Finančná správa, IČ DPH).
func vatSK(v []byte) bool {
	if len(v) != 10 || !allDigits(v) || v[0] == '0' {
		return false
	}
	switch v[2] {
	case '2', '3', '4', '7', '8', '9':
	default:
		return false
	}
	n, _ := digitsValue(v)
	return n%11 == 0
}

// vatXI: Northern Ireland (a United Kingdom VAT number, which VIES also
// lists): nine digits, or twelve with a three-digit branch; the first
// seven weighted 8 down to 2 plus the next two as a number are 0 mod 97,
// or, in the series issued since 2010, 42 mod 97 (HM Revenue & Customs,
// VAT Notice 700/1 and the VAT registration number check).
func vatXI(v []byte) bool {
	if len(v) != 9 && len(v) != 12 || !allDigits(v) || string(v[:9]) == "000000000" {
		return false
	}
	r := (weighted(v, 8, 7, 6, 5, 4, 3, 2) + int(v[7]-'0')*10 + int(v[8]-'0')) % 97
	return r == 0 || r == 42
}
