package validate

// ibanLengths maps an ISO 3166-1 alpha-2 country code to the total IBAN
// length fixed for it by the ISO 13616 IBAN registry (SWIFT, release of
// December 2024). It holds the registry's own entries only; territories
// that use another country's format (for example AX under FI) are not
// listed separately.
var ibanLengths = map[[2]byte]uint8{
	{'A', 'D'}: 24, {'A', 'E'}: 23, {'A', 'L'}: 28, {'A', 'T'}: 20, {'A', 'Z'}: 28,
	{'B', 'A'}: 20, {'B', 'E'}: 16, {'B', 'G'}: 22, {'B', 'H'}: 22, {'B', 'I'}: 27,
	{'B', 'R'}: 29, {'B', 'Y'}: 28,
	{'C', 'H'}: 21, {'C', 'R'}: 22, {'C', 'Y'}: 28, {'C', 'Z'}: 24,
	{'D', 'E'}: 22, {'D', 'J'}: 27, {'D', 'K'}: 18, {'D', 'O'}: 28,
	{'E', 'E'}: 20, {'E', 'G'}: 29, {'E', 'S'}: 24,
	{'F', 'I'}: 18, {'F', 'K'}: 18, {'F', 'O'}: 18, {'F', 'R'}: 27,
	{'G', 'B'}: 22, {'G', 'E'}: 22, {'G', 'I'}: 23, {'G', 'L'}: 18, {'G', 'R'}: 27,
	{'G', 'T'}: 28,
	{'H', 'N'}: 28, {'H', 'R'}: 21, {'H', 'U'}: 28,
	{'I', 'E'}: 22, {'I', 'L'}: 23, {'I', 'Q'}: 23, {'I', 'S'}: 26, {'I', 'T'}: 27,
	{'J', 'O'}: 30,
	{'K', 'W'}: 30, {'K', 'Z'}: 20,
	{'L', 'B'}: 28, {'L', 'C'}: 32, {'L', 'I'}: 21, {'L', 'T'}: 20, {'L', 'U'}: 20,
	{'L', 'V'}: 21, {'L', 'Y'}: 25,
	{'M', 'C'}: 27, {'M', 'D'}: 24, {'M', 'E'}: 22, {'M', 'K'}: 19, {'M', 'N'}: 20,
	{'M', 'R'}: 27, {'M', 'T'}: 31, {'M', 'U'}: 30,
	{'N', 'I'}: 28, {'N', 'L'}: 18, {'N', 'O'}: 15,
	{'O', 'M'}: 23,
	{'P', 'K'}: 24, {'P', 'L'}: 28, {'P', 'S'}: 29, {'P', 'T'}: 25,
	{'Q', 'A'}: 29,
	{'R', 'O'}: 24, {'R', 'S'}: 22, {'R', 'U'}: 33,
	{'S', 'A'}: 24, {'S', 'C'}: 31, {'S', 'D'}: 18, {'S', 'E'}: 24, {'S', 'I'}: 19,
	{'S', 'K'}: 24, {'S', 'M'}: 27, {'S', 'O'}: 23, {'S', 'T'}: 25, {'S', 'V'}: 28,
	{'T', 'L'}: 23, {'T', 'N'}: 24, {'T', 'R'}: 26,
	{'U', 'A'}: 29,
	{'V', 'A'}: 22, {'V', 'G'}: 24,
	{'X', 'K'}: 20,
	{'Y', 'E'}: 30,
}

// Shortest and longest IBAN in the registry.
const (
	IBANMinLen = 15 // Norway
	IBANMaxLen = 33 // Russia
)

// ibanLenTable is ibanLengths as a flat array indexed by
// (first letter - 'A')·26 + (second letter - 'A').
var ibanLenTable = func() (t [26 * 26]uint8) {
	for cc, n := range ibanLengths {
		t[int(cc[0]-'A')*26+int(cc[1]-'A')] = n
	}
	return t
}()

// IBANLength returns the IBAN length the ISO 13616 registry fixes for the
// uppercase country code, or 0 if the country has no registered IBAN format.
func IBANLength(country [2]byte) int {
	a, b := country[0]-'A', country[1]-'A'
	if a >= 26 || b >= 26 {
		return 0
	}
	return int(ibanLenTable[int(a)*26+int(b)])
}

// IBAN reports whether compact is an IBAN in its electronic form: uppercase
// country code, two check digits and the BBAN in [0-9A-Z], with no spaces,
// of exactly the registry length for the country, whose check digits are
// 02-98 and satisfy ISO 7064 mod 97-10 (the number formed by moving the first
// four characters to the end and writing A=10 … Z=35 is ≡ 1 mod 97).
func IBAN(compact []byte) bool {
	n := len(compact)
	if n < IBANMinLen || n > IBANMaxLen {
		return false
	}
	if IBANLength([2]byte{compact[0], compact[1]}) != n {
		return false
	}
	c0, c1 := compact[2], compact[3]
	if !IsDigit(c0) || !IsDigit(c1) {
		return false
	}
	if check := (c0-'0')*10 + c1 - '0'; check < 2 || check > 98 {
		return false
	}
	// Rearranged: BBAN first, then country code and check digits.
	r, ok := mod97(0, compact[4:])
	if !ok {
		return false
	}
	r, _ = mod97(r, compact[:4])
	return r == 1
}

// mod97 continues the ISO 7064 mod 97-10 remainder r over b, reading digits
// as themselves and letters A-Z as 10-35. It reports false for any other
// byte. The number is accumulated in 64 bits and reduced only when it
// grows past 2^53, so that one reduction serves some fifteen digits
// (acc*100+35 stays below 2^64 for any acc below 2^53).
func mod97(r uint32, b []byte) (uint32, bool) {
	acc := uint64(r)
	for _, c := range b {
		switch {
		case c >= '0' && c <= '9':
			acc = acc*10 + uint64(c-'0')
		case c >= 'A' && c <= 'Z':
			acc = acc*100 + uint64(c-'A'+10)
		default:
			return 0, false
		}
		if acc >= 1<<53 {
			acc %= 97
		}
	}
	return uint32(acc % 97), true
}
