package engine

import (
	"encoding/binary"
	"unicode"
	"unicode/utf8"
)

// Lookalike folding. Text can carry PII in characters that look like
// ASCII but are not: fullwidth digits and '＠' (Japanese and Chinese
// input methods produce them), the decimal digits of other scripts
// (Arabic-Indic, Devanagari, Bengali, Thai, ... every script Unicode
// lists in Nd), and zero-width or formatting characters that split a
// number without showing. Detectors read ASCII, so the engine folds such
// characters before it detects: each Nd digit becomes its ASCII digit,
// each fullwidth ASCII character (U+FF01-U+FF5E) and the ideographic
// space its ASCII counterpart, and each zero-width or bidi formatting
// character is dropped. Findings are reported at the original bytes
// (foldMap), so that redaction replaces exactly what was there.
//
// A lookalike is folded only where it can hide something: next to
// another lookalike, or inside a number or a token (foldrule.go has the
// rule and why it is enough). A lone Arabic-Indic digit or soft hyphen
// among random bytes is left as it is, so binary data, where such
// sequences occur by chance every few kilobytes, is scanned as it is.
// Scan folds only segments of the text, around the lookalikes that fold
// (foldscan.go); the streaming Scanner folds chunks as they arrive
// (stream.go).

// Kinds of lookalike: what a character folds to.
const (
	lkNone   uint8 = iota
	lkDigit        // a decimal digit of another script, or fullwidth: folds to '0'-'9'
	lkLetter       // a fullwidth letter: folds to an ASCII letter
	lkPunct        // fullwidth punctuation or symbol, or the ideographic space
	lkJoin         // fullwidth punctuation that tokens hold: . @ - _ + : /
	lkDrop         // a zero-width or bidi formatting character: dropped
)

// lookalikeOf returns what r folds to: an ASCII byte (0 when r is
// dropped) and the kind of lookalike r is, lkNone when r does not fold.
func lookalikeOf(r rune) (b byte, kind uint8) {
	switch {
	case r < utf8.RuneSelf:
		return 0, lkNone
	case r >= 0xFF01 && r <= 0xFF5E:
		c := byte(r - 0xFEE0)
		switch {
		case c >= '0' && c <= '9':
			return c, lkDigit
		case c|0x20 >= 'a' && c|0x20 <= 'z':
			return c, lkLetter
		case asciiClass[c] == chJoin:
			return c, lkJoin
		}
		return c, lkPunct
	case r == 0x3000:
		return ' ', lkPunct
	case r == 0x00AD, r == 0x180E, r >= 0x200B && r <= 0x200F, r >= 0x202A && r <= 0x202E,
		r >= 0x2060 && r <= 0x2064, r >= 0x2066 && r <= 0x2069, r == 0xFEFF:
		return 0, lkDrop
	}
	if d, ok := digitValue(r); ok {
		return '0' + d, lkDigit
	}
	return 0, lkNone
}

// foldRune returns what r folds to: an ASCII byte b, or nothing (del),
// or ok false when r is not a lookalike.
func foldRune(r rune) (b byte, del, ok bool) {
	b, k := lookalikeOf(r)
	return b, k == lkDrop, k != lkNone
}

// foldRanges returns ranges of runes that hold every lookalike (and
// other runes besides): the explicit ones and the Nd runs.
func foldRanges() [][2]rune {
	out := [][2]rune{{0x00AD, 0x00AD}, {0x180E, 0x180E}, {0x200B, 0x206F}, {0x3000, 0x3000}, {0xFEFF, 0xFF5E}}
	return append(out, ndRanges...)
}

// ndRanges are the runs of Unicode decimal digits (category Nd) beyond
// ASCII, from the unicode package's table, in ascending order. Every run
// starts at a zero and holds one or more whole sets of ten (the
// mathematical digits hold five), so a digit's value is its distance from
// the run's start, modulo ten. TestFoldEveryDecimalDigit checks that.
var ndRanges = func() (out [][2]rune) {
	for _, r := range unicode.Nd.R16 {
		if r.Lo >= utf8.RuneSelf && r.Stride == 1 {
			out = append(out, [2]rune{rune(r.Lo), rune(r.Hi)})
		}
	}
	for _, r := range unicode.Nd.R32 {
		if r.Stride == 1 {
			out = append(out, [2]rune{rune(r.Lo), rune(r.Hi)})
		}
	}
	return out
}()

// The digit values, in two levels: ndBlock[r>>6] is 1 + the index in
// ndValues of the 64 runes from r&^63 (0 when none of them is a digit),
// and an entry of ndValues is 1 + the digit's value (0 for no digit).
// Every Nd rune lies below ndLimit (TestFoldEveryDecimalDigit).
const ndLimit = 0x20000

var ndBlock, ndValues = func() (blocks [ndLimit >> 6]uint8, values [][64]uint8) {
	for _, rg := range ndRanges {
		for r := rg[0]; r <= rg[1] && r < ndLimit; r++ {
			if blocks[r>>6] == 0 {
				values = append(values, [64]uint8{})
				blocks[r>>6] = uint8(len(values)) // #nosec G115 -- fewer than 256 blocks hold digits (TestFoldEveryDecimalDigit)
			}
			values[blocks[r>>6]-1][r&63] = 1 + uint8((r-rg[0])%10) // #nosec G115 -- a value mod 10
		}
	}
	return blocks, values
}()

// digitValue returns the value of the non-ASCII decimal digit r.
func digitValue(r rune) (byte, bool) {
	if r < 0 || r >= ndLimit {
		return 0, false
	}
	k := ndBlock[r>>6]
	if k == 0 {
		return 0, false
	}
	v := ndValues[k-1][r&63]
	return v - 1, v != 0
}

// foldPairs holds the first two bytes of the UTF-8 encoding of every
// lookalike: bit c1&63 of foldPairs[c0&63] for lead byte c0 and second
// byte c1. Random bytes rarely pass it, so most lead bytes cost one
// lookup.
var foldPairs = func() (t [64]uint64) {
	var buf [utf8.UTFMax]byte
	for _, rg := range foldRanges() {
		for r := rg[0]; r <= rg[1]; r++ {
			if _, k := lookalikeOf(r); k != lkNone {
				utf8.EncodeRune(buf[:], r)
				t[buf[0]&63] |= 1 << (buf[1] & 63)
			}
		}
	}
	return t
}()

// lookalikeAt returns the lookalike that starts at b[i] and ends within
// b: its length, what it folds to and its kind; n is 0 and kind lkNone
// when b[i] starts none.
func lookalikeAt(b []byte, i int) (n int, to byte, kind uint8) {
	if i+1 >= len(b) {
		return 0, 0, lkNone
	}
	c0, c1 := b[i], b[i+1]
	if c0 < 0xC0 || c1&0xC0 != 0x80 || foldPairs[c0&63]&(1<<(c1&63)) == 0 {
		return 0, 0, lkNone
	}
	// The pair is that of a lookalike, so c0 and c1 begin a well-formed
	// sequence; the rest must be continuation bytes.
	var r rune
	switch {
	case c0 < 0xE0:
		r, n = rune(c0&0x1F)<<6|rune(c1&0x3F), 2
	case c0 < 0xF0:
		if i+2 >= len(b) || b[i+2]&0xC0 != 0x80 {
			return 0, 0, lkNone
		}
		r, n = rune(c0&0x0F)<<12|rune(c1&0x3F)<<6|rune(b[i+2]&0x3F), 3
	default:
		if i+3 >= len(b) || b[i+2]&0xC0 != 0x80 || b[i+3]&0xC0 != 0x80 {
			return 0, 0, lkNone
		}
		r, n = rune(c0&0x07)<<18|rune(c1&0x3F)<<12|rune(b[i+2]&0x3F)<<6|rune(b[i+3]&0x3F), 4
	}
	if to, kind = lookalikeOf(r); kind == lkNone {
		return 0, 0, lkNone
	}
	return n, to, kind
}

// firstNonASCII returns the index of the first byte of b with its high
// bit set, or -1. It tests 32 bytes at a time (four words, or-ed), then
// eight.
func firstNonASCII(b []byte) int {
	const highs = 0x8080808080808080
	i := 0
	for ; len(b)-i >= 32; i += 32 {
		w := b[i : i+32 : i+32]
		if (binary.LittleEndian.Uint64(w[0:8])|binary.LittleEndian.Uint64(w[8:16])|
			binary.LittleEndian.Uint64(w[16:24])|binary.LittleEndian.Uint64(w[24:32]))&highs != 0 {
			break
		}
	}
	for ; len(b)-i >= 8; i += 8 {
		if binary.LittleEndian.Uint64(b[i:i+8])&highs != 0 {
			break
		}
	}
	for ; i < len(b); i++ {
		if b[i] >= utf8.RuneSelf {
			return i
		}
	}
	return -1
}
