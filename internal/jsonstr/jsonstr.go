// Package jsonstr appends JSON string literals to byte slices without
// allocating, and decodes their escapes (Unescape). Append's output is byte-for-byte what encoding/json.Marshal
// produces for the same string: control characters, '"', '\\' and the
// HTML-sensitive '<', '>' and '&' are escaped, invalid UTF-8 becomes
// U+FFFD, and U+2028 and U+2029 are escaped so the output is safe to embed
// in HTML and JavaScript. AppendText is the same without the HTML escapes,
// as a json.Encoder with SetEscapeHTML(false) writes: API responses use it,
// so an anonymize label reads "<EMAIL_1>", not "\u003cEMAIL_1\u003e".
package jsonstr

import "unicode/utf8"

const hexDigits = "0123456789abcdef"

// safeHTML[c] is true for the ASCII bytes Append copies as they are;
// safeText[c] for those AppendText copies as they are.
var safeHTML, safeText = func() (h, t [256]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
		h[c] = t[c] && c != '<' && c != '>' && c != '&'
	}
	return h, t
}()

// Append appends s to dst as a quoted JSON string, HTML-sensitive
// characters escaped, and returns the extended slice. Runs of bytes that
// need no escaping are found with one table lookup per byte and copied at
// once.
func Append(dst []byte, s string) []byte { return appendString(dst, s, &safeHTML) }

// AppendText is Append without escaping '<', '>' and '&'.
func AppendText(dst []byte, s string) []byte { return appendString(dst, s, &safeText) }

func appendString(dst []byte, s string, safe *[256]bool) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		for i < len(s) && safe[s[i]] {
			i++
		}
		if i == len(s) {
			break
		}
		if c := s[i]; c < utf8.RuneSelf {
			dst = append(dst, s[start:i]...)
			switch c {
			case '"', '\\':
				dst = append(dst, '\\', c)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}
