// Package shape reads the parts of credentials that provider detectors
// share: a token's body after its prefix (a run of one alphabet, of a
// given length, not glued to more), the value that follows a variable or
// key name ("DD_API_KEY=…", `"TWILIO_AUTH_TOKEN": "…"`, "X-Postmark-
// Server-Token: …"), and alphabets the byte classes of package detect do
// not have (lower-case hexadecimal). Every function reads only the text it
// is given and allocates nothing.
package shape

import "github.com/datafog/datafog-api/engine/detect"

// Alphabets of token bodies, as byte classes.
const (
	// Alnum is base62: ASCII letters and digits.
	Alnum = detect.Alnum
	// URL is the base64url alphabet: letters, digits, '-' and '_'.
	URL = detect.B64URL
	// Std is the standard base64 alphabet: letters, digits, '+' and '/'.
	Std = detect.B64
	// UpperAlnum is upper-case letters and digits.
	UpperAlnum = detect.Upper | detect.Digit
	// LowerAlnum is lower-case letters and digits.
	LowerAlnum = detect.Lower | detect.Digit
)

// Left reports whether a token whose bytes are of class m may start at
// t[b]: the byte before it, if any, is neither a word byte nor in m.
func Left(t []byte, b int, m detect.Class) bool {
	return b == 0 || !detect.IsWord(t[b-1]) && !detect.Is(t[b-1], m)
}

// Body reads a token body at t[p]: a run of bytes of class m, of lo to hi
// bytes, that ends the token (the byte after it is neither in m nor a
// word byte). It returns the run's end and whether the body fits; it
// reads at most hi+1 bytes.
func Body(t []byte, p, lo, hi int, m detect.Class) (int, bool) {
	e := detect.Span(t, p, hi+1, m)
	if n := e - p; n < lo || n > hi {
		return e, false
	}
	return e, e == len(t) || !detect.Is(t[e], m) && !detect.IsWord(t[e])
}

// Fixed reports whether t[p:] starts with exactly n bytes of class m that
// end the token.
func Fixed(t []byte, p, n int, m detect.Class) bool {
	_, ok := Body(t, p, n, n, m)
	return ok
}

// IsLowerHex reports whether c is '0'-'9' or 'a'-'f'.
func IsLowerHex(c byte) bool { return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' }

// IsUpperHex reports whether c is '0'-'9' or 'A'-'F'.
func IsUpperHex(c byte) bool { return c >= '0' && c <= '9' || c >= 'A' && c <= 'F' }

// LowerHex reports whether b is all lower-case hexadecimal.
func LowerHex(b []byte) bool {
	for _, c := range b {
		if !IsLowerHex(c) {
			return false
		}
	}
	return true
}

// UpperHex reports whether b is all upper-case hexadecimal.
func UpperHex(b []byte) bool {
	for _, c := range b {
		if !IsUpperHex(c) {
			return false
		}
	}
	return true
}

// HexAt reports whether t[p:p+n] is n lower-case hexadecimal digits that
// end the token (no word byte or '-' after them).
func HexAt(t []byte, p, n int) bool {
	e := p + n
	if e > len(t) || !LowerHex(t[p:e]) {
		return false
	}
	return e == len(t) || !detect.IsWord(t[e]) && t[e] != '-'
}

// Mixed reports whether b holds at least one letter and one digit: a
// random body of 20 or more base62 or hex characters almost always does,
// a word or a number never.
func Mixed(b []byte) bool {
	var letter, digit bool
	for _, c := range b {
		letter = letter || detect.IsAlpha(c)
		digit = digit || detect.IsDigit(c)
	}
	return letter && digit
}

// Varied reports whether b mixes at least two of upper-case letters,
// lower-case letters and digits: a random base62 or base64 body of 16
// or more characters almost always does, a word or a number never.
func Varied(b []byte) bool {
	var up, low, dig int
	for _, c := range b {
		switch {
		case detect.IsUpper(c):
			up = 1
		case detect.IsLower(c):
			low = 1
		case detect.IsDigit(c):
			dig = 1
		}
	}
	return up+low+dig >= 2
}

// UUIDAt reports whether t[p:] starts with a UUID in its canonical text
// form (RFC 9562 §4: 8-4-4-4-12 hexadecimal digits joined by '-', one case
// throughout) that ends the token. sep is the separator ('-', or '_'
// where a provider writes it so).
func UUIDAt(t []byte, p int, sep byte) bool {
	e := p + 36
	if e > len(t) {
		return false
	}
	lower, upper := true, true
	for k := 0; k < 36; k++ {
		c := t[p+k]
		if k == 8 || k == 13 || k == 18 || k == 23 {
			if c != sep {
				return false
			}
			continue
		}
		lower = lower && IsLowerHex(c)
		upper = upper && IsUpperHex(c)
	}
	return (lower || upper) && (e == len(t) || !detect.IsWord(t[e]) && t[e] != '-')
}
