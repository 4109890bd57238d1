package validate

// ICAOCheck returns the ICAO Doc 9303 (Part 3, §4.9) check digit of s:
// digits count as themselves, 'A'-'Z' as 10-35 and the filler '<' as 0,
// weighted 7, 3, 1 repeating; the check digit is the sum modulo 10. It
// returns -1 when s holds any other byte.
func ICAOCheck(s []byte) int {
	sum := 0
	for i, c := range s {
		var v int
		switch {
		case c >= '0' && c <= '9':
			v = int(c - '0')
		case c >= 'A' && c <= 'Z':
			v = int(c-'A') + 10
		case c == '<':
		default:
			return -1
		}
		sum += v * icaoWeights[i%3]
	}
	return sum % 10
}

// icaoWeights are the ICAO 9303 weights.
var icaoWeights = [3]int{7, 3, 1}

// deDocChar reports whether c may stand in the serial number of a German
// identity card or passport: a digit or one of the consonants
// C F G H J K L M N P R T V W X Y Z (PAuswG §5 and PassG §4 with the
// Bundesdruckerei's alphabet, which leaves out vowels and the letters
// that read like digits: B D Q S).
func deDocChar(c byte) bool {
	if c >= '0' && c <= '9' {
		return true
	}
	switch c {
	case 'C', 'F', 'G', 'H', 'J', 'K', 'L', 'M', 'N', 'P', 'R', 'T', 'V', 'W', 'X', 'Y', 'Z':
		return true
	}
	return false
}

// DEDocumentNumber reports whether s is the serial number of a German
// identity card (Personalausweis, since November 2010: first letter
// L M N P R T V W X Y) or passport (Reisepass: first letter C F G H J K),
// as kind says: 'I' for the identity card, 'P' for the passport. s is the
// nine-character serial (a four-character authority code and a
// five-character number, letters and digits of the document alphabet),
// optionally followed by its ICAO 9303 check digit as printed in the
// machine-readable zone; with ten characters the check digit must hold.
func DEDocumentNumber(s []byte, kind byte) bool {
	if len(s) != 9 && len(s) != 10 {
		return false
	}
	switch kind {
	case 'I':
		switch s[0] {
		case 'L', 'M', 'N', 'P', 'R', 'T', 'V', 'W', 'X', 'Y':
		default:
			return false
		}
	case 'P':
		switch s[0] {
		case 'C', 'F', 'G', 'H', 'J', 'K':
		default:
			return false
		}
	default:
		return false
	}
	for _, c := range s[:9] {
		if !deDocChar(c) {
			return false
		}
	}
	if len(s) == 10 {
		return s[9] >= '0' && s[9] <= '9' && ICAOCheck(s[:9]) == int(s[9]-'0')
	}
	return true
}
