// Package tokenshape holds what provider-credential detectors share: a
// token body of one byte class and a length range, the value written
// after a key name (Named), a literal prefix and its body (Prefixed),
// lower-case hexadecimal and the first bytes of a base64 body. Every
// function reads the text it is given and nothing else, and none
// allocates.
package tokenshape

import (
	"encoding/base64"

	"github.com/datafog/datafog-api/engine/detect"
)

// Body returns the end of the run of class m that starts at t[p] and
// whether the run is a whole token body of min to max bytes: the byte
// after it is neither in m nor an ASCII word byte, nor a '-', '+', '/' or
// '=' that joins the run to more letters or digits (a longer token). It
// reads at most max+2 bytes.
func Body(t []byte, p, min, max int, m detect.Class) (int, bool) {
	e := detect.Span(t, p, max+1, m)
	n := e - p
	if n < min || n > max || !End(t, e) {
		return e, false
	}
	return e, true
}

// End reports whether a token may end at t[e] (exclusive): the byte there
// is not an ASCII word byte, nor a '-', '+', '/' or '=' followed by a
// letter or digit.
func End(t []byte, e int) bool {
	if e >= len(t) {
		return true
	}
	switch c := t[e]; {
	case detect.IsWord(c):
		return false
	case c == '-' || c == '+' || c == '/' || c == '=':
		return e+1 >= len(t) || !detect.IsAlnum(t[e+1])
	}
	return true
}

// LowerHex reports whether b is non-empty and made of '0'-'9' and 'a'-'f'.
func LowerHex(b []byte) bool {
	for _, c := range b {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return len(b) > 0
}

// ValueAfterName reads what follows a key name that ends at t[e]: an
// optional closing quote (plain or backslash-escaped), blanks, an optional
// operator ("=", ":", ":=", "=>"), blanks and an optional opening quote.
// It returns the index of the value's first byte, whether an operator
// stood between the name and the value, and false when nothing separates
// the name from what follows (the name is part of a longer word) or the
// separation is longer than 24 bytes.
func ValueAfterName(t []byte, e int) (v int, op, ok bool) {
	i := e
	i = skipQuote(t, i, false)
	i = skipBlanks(t, i)
	if i < len(t) && (t[i] == '=' || t[i] == ':') {
		op = true
		i++
		if i < len(t) && (t[i] == '=' || t[i] == '>') {
			i++
		}
		i = skipBlanks(t, i)
	}
	i = skipQuote(t, i, true)
	if i == e || i-e > 24 || i >= len(t) {
		return i, op, false
	}
	return i, op, true
}

// skipQuote skips a quote at t[i] (a double or single quote, or a backtick when
// backtick is set), or a backslash-escaped double quote.
func skipQuote(t []byte, i int, backtick bool) int {
	switch {
	case i < len(t) && (t[i] == '"' || t[i] == '\'' || backtick && t[i] == '`'):
		return i + 1
	case i+1 < len(t) && t[i] == '\\' && t[i+1] == '"':
		return i + 2
	}
	return i
}

// skipBlanks skips up to eight spaces and tabs.
func skipBlanks(t []byte, i int) int {
	for k := 0; k < 8 && i < len(t) && (t[i] == ' ' || t[i] == '\t'); k++ {
		i++
	}
	return i
}

// DecodedPrefix decodes the first 4*(len(dst)/3) characters of src, a
// base64 text in enc's alphabet without padding inside that stretch, into
// dst, and reports whether they decode. dst's length must be a multiple
// of three.
func DecodedPrefix(dst, src []byte, enc *base64.Encoding) bool {
	n := len(dst) / 3 * 4
	if len(src) < n {
		return false
	}
	k, err := enc.Decode(dst, src[:n])
	return err == nil && k == len(dst)
}
