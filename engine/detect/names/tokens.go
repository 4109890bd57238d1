package names

import (
	"math/bits"
	"unicode"
	"unicode/utf8"
)

// Word shapes.
const (
	shapeNone  = iota // not a name's spelling (mixed case, too short)
	shapeTitle        // "Maria", "McDonald", "O'Brien", "Émile"
	shapeUpper        // "MARIA", "GARCÍA"
	shapeLower        // "maria": a name only after a key
)

// word is one word t[s:e] of letters and inner apostrophes.
type word struct {
	s, e  int
	shape int
}

// letter returns the byte length of the letter at t[i] and its case, or
// n == 0 when t[i] does not start a letter. Non-ASCII letters are
// decoded; a byte that does not start valid UTF-8 is no letter.
func letter(t []byte, i int) (n int, upper bool) {
	c := t[i]
	switch {
	case c-'a' < 26:
		return 1, false
	case c-'A' < 26:
		return 1, true
	case c < 0xC3 || c == 0xE2 || c > 0xEF:
		return 0, false // ASCII non-letters, U+0080-U+00BF, punctuation, symbols, emoji
	}
	r, n := utf8.DecodeRune(t[i:min(len(t), i+4)])
	if r == utf8.RuneError || !unicode.IsLetter(r) {
		return 0, false
	}
	return n, unicode.IsUpper(r)
}

// letterBefore reports whether the bytes before t[i] end a letter or a
// digit or an underscore: a word glued to the one at i.
func letterBefore(t []byte, i int) bool {
	if i == 0 {
		return false
	}
	c := t[i-1]
	if c < 0x80 {
		return c-'a' < 26 || c-'A' < 26 || c-'0' < 10 || c == '_'
	}
	if c >= 0xC0 {
		return false // a lead byte ends no rune
	}
	r, _ := utf8.DecodeLastRune(t[max(0, i-4):i])
	return r != utf8.RuneError && unicode.IsLetter(r)
}

// apostrophe returns the length of an apostrophe at t[i] (' or ’), or 0.
func apostrophe(t []byte, i int) int {
	if t[i] == '\'' {
		return 1
	}
	if t[i] == 0xE2 && i+2 < len(t) && t[i+1] == 0x80 && t[i+2] == 0x99 {
		return 3
	}
	return 0
}

// asciiCase classes bytes for scanWord's fast path: 1 a lower-case
// ASCII letter, 2 an upper-case one, 3 a byte that needs the full path
// (an apostrophe or a non-ASCII byte), 0 anything else.
var asciiCase = func() (c [256]uint8) {
	for b := 0; b < 256; b++ {
		switch {
		case b >= 'a' && b <= 'z':
			c[b] = 1
		case b >= 'A' && b <= 'Z':
			c[b] = 2
		case b == '\'' || b >= 0x80:
			c[b] = 3
		}
	}
	return c
}()

// scanWord reads the word at t[i] (which must start a letter), at most
// 64 bytes, and its shape. An apostrophe between letters stays inside
// ("O'Brien"), but a final "'s" does not ("Smith's").
func scanWord(t []byte, i int) word {
	// Fast path: an all-ASCII word in one case, or Title case.
	if i < len(t) {
		if f := asciiCase[t[i]]; f == 1 || f == 2 {
			var seen uint8
			j := i + 1
			for j < len(t) && j-i <= 64 {
				c := asciiCase[t[j]]
				if c == 0 {
					break
				}
				if c == 3 {
					seen = 4
					break
				}
				seen |= c
				j++
			}
			switch {
			case seen == 4 || j-i > 64:
			case j-i < 2:
				return word{s: i, e: j}
			case f == 2 && seen == 1:
				return word{s: i, e: j, shape: shapeTitle}
			case f == 2 && seen == 2:
				return word{s: i, e: j, shape: shapeUpper}
			case f == 1 && seen == 1:
				return word{s: i, e: j, shape: shapeLower}
			case f == 1:
				return word{s: i, e: j}
			}
		}
	}
	return scanWordFull(t, i)
}

// Eight-byte masks for asciiWord: bit 7 of each byte.
const (
	highBits = 0x8080808080808080
	lowBits  = 0x0101010101010101
)

// asciiLetters returns bit 7 of each byte of x that is an ASCII letter.
func asciiLetters(x uint64) uint64 {
	low7 := (x | fold8) &^ highBits // letters fold to 'a'..'z'
	return (low7 + (0x80-'a')*lowBits) &^ (low7 + (0x80-'z'-1)*lowBits) &^ x & highBits
}

// asciiWord is scanWord for findTerm's common case, eight bytes at a
// time: an ASCII word of up to 15 letters that starts with a capital at
// t[i], with 16 bytes of t from i. It also returns the word's wordHash.
// ok is false when scanWord must read the word: t[i] is no ASCII
// capital, an apostrophe or a byte that may start a non-ASCII letter or
// ’ (0xC3-0xEF, see letter) follows the letters, the case is mixed
// ("McDonald"), the word is longer, or t ends within 16 bytes.
func asciiWord(t []byte, i int) (w word, h uint64, ok bool) {
	if i+16 > len(t) || t[i]-'A' >= 26 {
		return word{}, 0, false
	}
	b := t[i : i+16 : i+16]
	x, y := le64(b[:8]), le64(b[8:])
	// Keep the letters' bytes (zero the rest, as wordHash pads), and
	// restX, restY: bit 5 of each letter after the first, set in lower
	// case.
	var n int
	var restX, restY uint64
	if nl := ^asciiLetters(x) & highBits; nl != 0 {
		n = bits.TrailingZeros64(nl) >> 3
		m := (nl&-nl)>>7 - 1
		x, y = x&m, 0
		restX = m &^ 0xff & fold8
	} else if nl := ^asciiLetters(y) & highBits; nl != 0 {
		n = 8 + bits.TrailingZeros64(nl)>>3
		m := (nl&-nl)>>7 - 1
		y &= m
		restX, restY = fold8&^0xff, m&fold8
	} else {
		return word{}, 0, false
	}
	if c := b[n&15]; c == '\'' || c-0xC3 <= 0xEF-0xC3 {
		return word{}, 0, false // an apostrophe, or a byte that may start a letter or ’ (letter, apostrophe)
	}
	if n < 2 {
		return word{s: i, e: i + n}, 0, true
	}
	switch lx, ly := x&restX, y&restY; {
	case lx == restX && ly == restY:
		w = word{s: i, e: i + n, shape: shapeTitle}
	case lx == 0 && ly == 0:
		w = word{s: i, e: i + n, shape: shapeUpper}
	default:
		return word{}, 0, false
	}
	return w, finishHash(x, y, uint64(n)*hashK0), true // #nosec G115 -- a length
}

// scanWordFull is scanWord for words with apostrophes, non-ASCII
// letters or inner capitals.
func scanWordFull(t []byte, i int) word {
	w := word{s: i, e: i}
	n, up := letter(t, i)
	if n == 0 {
		return w
	}
	first := up
	letters, uppers, lowers, camel := 1, 0, 0, 0
	j := i + n
	prevApos := false
	for j < len(t) && j-i <= 64 {
		if a := apostrophe(t, j); a > 0 {
			if j+a < len(t) {
				if n2, _ := letter(t, j+a); n2 > 0 && !(t[j+a] == 's' && (j+a+1 == len(t) || noLetter(t, j+a+1))) {
					j += a
					prevApos = true
					continue
				}
			}
			break
		}
		n, up := letter(t, j)
		if n == 0 {
			break
		}
		switch {
		case !up:
			lowers++
		case prevApos || letters == 2 && camelPrefix(t[i:j]) || letters == 3 && (t[i] == 'M' && t[i+1] == 'a' && t[i+2] == 'c'):
			camel++
		default:
			uppers++
		}
		prevApos = false
		letters++
		j += n
	}
	w.e = j
	switch {
	case letters < 2 || j-i > 64:
	case first && uppers == 0 && lowers > 0:
		w.shape = shapeTitle
	case first && lowers == 0:
		w.shape = shapeUpper
	case !first && uppers == 0 && camel == 0:
		w.shape = shapeLower
	}
	return w
}

// noLetter reports whether t[i] does not start a letter.
func noLetter(t []byte, i int) bool {
	n, _ := letter(t, i)
	return n == 0
}

// camelPrefix reports whether p ("Mc", "De", ...) may be followed by a
// capital inside a name ("McDonald", "DeShawn", "LaToya", "DiMaggio").
func camelPrefix(p []byte) bool {
	if len(p) != 2 {
		return false
	}
	switch string(p) {
	case "Mc", "De", "Di", "Da", "Du", "La", "Le":
		return true
	}
	return false
}

// initialAt reports whether t[i] is an initial: one capital letter
// followed by '.' or by a space and a capital ("J. Smith", "John F
// Kennedy"), not glued to a letter before it. It returns the end of the
// initial including its dot.
func initialAt(t []byte, i int) (int, bool) {
	if i >= len(t) || t[i]-'A' >= 26 || letterBefore(t, i) {
		return 0, false
	}
	if i+1 < len(t) && t[i+1] == '.' {
		return i + 2, true
	}
	if i+2 < len(t) && t[i+1] == ' ' && t[i+2]-'A' < 26 {
		return i + 1, true
	}
	return 0, false
}
