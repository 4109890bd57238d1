package validate

// Spanish tax identifiers. The NIF of a person is the DNI number and its
// control letter; a foreigner's NIE is X, Y or Z, seven digits and the
// same control letter; an entity's NIF (the former CIF) is a letter for
// the kind of entity, seven digits and a control digit or letter (Real
// Decreto 1065/2007, arts. 19-21, and Orden EHA/451/2008; the control
// letter of Real Decreto 1553/2005, art. 11).

// dniLetters maps a DNI number mod 23 to its control letter.
const dniLetters = "TRWAGMYFPDXBNJZSQVHLCKE"

// cifLetters maps an entity NIF's control value (0-9) to its letter form.
const cifLetters = "JABCDEFGHI"

// SpanishDNI reports whether v is the NIF of a person: eight ASCII digits
// and their control letter (the letter of the number mod 23, upper case),
// or K, L or M, seven digits and the control letter of those seven
// digits.
func SpanishDNI(v []byte) bool {
	if len(v) != 9 {
		return false
	}
	from := 0
	if v[0] == 'K' || v[0] == 'L' || v[0] == 'M' {
		from = 1
	}
	n, ok := digitsValue(v[from:8])
	return ok && v[8] == dniLetters[n%23]
}

// SpanishNIE reports whether v is a foreigner's identity number (NIE):
// X, Y or Z (standing for 0, 1 and 2), seven ASCII digits and the control
// letter of the eight-digit number.
func SpanishNIE(v []byte) bool {
	if len(v) != 9 || v[0] < 'X' || v[0] > 'Z' {
		return false
	}
	n, ok := digitsValue(v[1:8])
	return ok && v[8] == dniLetters[(int(v[0]-'X')*10_000_000+n)%23]
}

// SpanishCIF reports whether v is the NIF of an entity: a kind letter
// (A-H, J, N, P-S, U-W), seven ASCII digits and a control character.
// The control value is ten minus the last digit of the sum of the digits
// in even places and the digit sums of twice the digits in odd places
// (mod 10); entities of kind N, P, Q, R, S and W write it as a letter
// (J, A-I), kinds A, B, E and H as a digit, the others either way.
func SpanishCIF(v []byte) bool {
	if len(v) != 9 || !allDigits(v[1:8]) {
		return false
	}
	sum := 0
	for k := 1; k <= 7; k++ {
		d := int(v[k] - '0')
		if k%2 == 1 {
			d *= 2
			d = d/10 + d%10
		}
		sum += d
	}
	c := (10 - sum%10) % 10
	digit, letter := v[8] == byte('0'+c), v[8] == cifLetters[c]
	switch v[0] {
	case 'N', 'P', 'Q', 'R', 'S', 'W':
		return letter
	case 'A', 'B', 'E', 'H':
		return digit
	case 'C', 'D', 'F', 'G', 'J', 'U', 'V':
		return digit || letter
	}
	return false
}

// digitsValue parses b, at most 18 ASCII digits, as a decimal number.
func digitsValue(b []byte) (int, bool) {
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, len(b) > 0
}
