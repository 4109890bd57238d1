package address

import (
	"unicode"
	"unicode/utf8"
)

// A street token is a run of letters, digits and the inner marks of
// street names and their abbreviations: "Champs-Élysées", "l'Église",
// "V.le", "C/", "St.".

// tokByte reports whether c continues a street token.
func tokByte(c byte) bool {
	return c-'a' < 26 || c-'A' < 26 || c-'0' < 10 || c >= 0x80 && c != 0xC2 || c == '\'' || c == '-' || c == '.' || c == '/'
}

// tokEnd returns the end of the token at t[i], at most 40 bytes; a
// final '.' belongs to it only after a letter ("St.", "Str.").
func tokEnd(t []byte, i int) int {
	e := i
	for e < len(t) && e-i < 40 && tokByte(t[e]) {
		if t[e] == 0xE2 { // general punctuation (’ is allowed, “ ” and dashes are not)
			if !(e+2 < len(t) && t[e+1] == 0x80 && t[e+2] == 0x99) {
				break
			}
			e += 3
			continue
		}
		e++
	}
	for e > i && (t[e-1] == '-' || t[e-1] == '/' && e-i > 2 || t[e-1] == '\'' || t[e-1] == '.' && (e-i < 2 || t[e-2] == '.')) {
		e--
	}
	return e
}

// kindOf returns the street-word kinds of t[s:e] (a trailing '.'
// ignored), in any ASCII case.
func kindOf(t []byte, s, e int) uint8 {
	if e > s && t[e-1] == '.' {
		e--
	}
	if e-s > 24 || e == s {
		return 0
	}
	if c := t[s] | 0x20; wordStarts[e-s][c>>6]&(1<<(c&63)) == 0 {
		return 0 // no street word of this length starts so
	}
	var buf [24]byte
	for k, c := range t[s:e] {
		if c-'A' < 26 {
			c += 'a' - 'A'
		}
		buf[k] = c
	}
	return words[string(buf[:e-s])]
}

// wordStarts holds, for each length up to 24, the first bytes (bit 5
// set, as kindOf tests them) of the street words of that length: most
// tokens are no street word, and are told so without folding and
// hashing them.
var wordStarts = func() (ws [25][4]uint64) {
	for w := range words {
		if len(w) <= 24 {
			c := w[0] | 0x20
			ws[len(w)][c>>6] |= 1 << (c & 63)
		}
	}
	return ws
}()

// capital reports whether the token at t[s] starts with a capital
// letter (after an elided article: "l'Église", "d'Italie"), or is an
// ordinal or a number-name ("5th", "42nd", "XX").
func capital(t []byte, s, e int) bool {
	if e-s > 2 && (t[s+1] == '\'' || t[s+1] == 0xE2) && (t[s]|0x20 == 'l' || t[s]|0x20 == 'd') {
		s += 2
		if t[s-1] == 0xE2 {
			s += 2
		}
	}
	if s >= e {
		return false
	}
	c := t[s]
	switch {
	case c-'A' < 26:
		return true
	case c-'0' < 10:
		return ordinal(t[s:e])
	case c >= 0xC3:
		r, _ := utf8.DecodeRune(t[s:e])
		return unicode.IsUpper(r)
	}
	return false
}

// ordinal reports whether w is a number with an English ordinal ending
// ("1st", "42nd", "3rd", "5th").
func ordinal(w []byte) bool {
	n := 0
	for n < len(w) && w[n]-'0' < 10 {
		n++
	}
	if n == 0 || n > 3 || len(w)-n != 2 {
		return false
	}
	switch string(w[n:]) {
	case "st", "nd", "rd", "th", "ST", "ND", "RD", "TH":
		return true
	}
	return false
}

// glued reports whether the capitalised word t[s:e] is a German or Dutch
// street name written as one word ending in a street type.
func glued(t []byte, s, e int) bool {
	if !capital(t, s, e) {
		return false
	}
	for _, suf := range gluedSuffixes {
		n := len(suf)
		if e-s < n+3 {
			continue
		}
		ok := true
		for k := 0; k < n; k++ {
			c := t[e-n+k]
			if c-'A' < 26 {
				c += 'a' - 'A'
			}
			if c != suf[k] {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// prevTok returns the start of the token that ends at t[e], or -1.
func prevTok(t []byte, e, lim int) int {
	s := e
	for s > lim && tokByte(t[s-1]) {
		s--
	}
	if s == e || s > 0 && s == lim {
		return -1
	}
	return s
}

// isDigit reports whether c is an ASCII digit.
func isDigit(c byte) bool { return c-'0' < 10 }

// isUpper reports whether c is an ASCII capital.
func isUpper(c byte) bool { return c-'A' < 26 }

// isLetter reports whether c is an ASCII letter.
func isLetter(c byte) bool { return c-'a' < 26 || c-'A' < 26 }
