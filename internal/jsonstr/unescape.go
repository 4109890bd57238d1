package jsonstr

import (
	"unicode/utf16"
	"unicode/utf8"
)

// Unescape appends the unescaped form of a JSON string body (without
// its quotes) to dst. Bytes that are not escapes are copied as they are;
// invalid escapes and lone surrogates become U+FFFD, as encoding/json
// decodes them. On a body in valid UTF-8 that is a valid JSON string it
// gives what json.Unmarshal gives (FuzzUnescapeMatchesEncodingJSON).
// The request checks of transport and the Kafka pipeline's JSON parser
// both use it.
func Unescape(dst, s []byte) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 >= len(s) {
			dst = append(dst, c)
			continue
		}
		i++
		switch s[i] {
		case 'b':
			dst = append(dst, '\b')
		case 'f':
			dst = append(dst, '\f')
		case 'n':
			dst = append(dst, '\n')
		case 'r':
			dst = append(dst, '\r')
		case 't':
			dst = append(dst, '\t')
		case 'u':
			r, n := hex4(s[i+1:])
			i += n
			if utf16.IsSurrogate(r) {
				r2, n2 := rune(-1), 0
				if i+2 < len(s) && s[i+1] == '\\' && s[i+2] == 'u' {
					r2, n2 = hex4(s[i+3:])
				}
				if dec := utf16.DecodeRune(r, r2); dec != utf8.RuneError {
					r = dec
					i += 2 + n2
				} else {
					r = utf8.RuneError
				}
			}
			dst = utf8.AppendRune(dst, r)
		default: // '"', '\\', '/'
			dst = append(dst, s[i])
		}
	}
	return dst
}

// hex4 decodes up to four hex digits; it returns U+FFFD and the digits
// consumed when fewer than four are valid.
func hex4(s []byte) (rune, int) {
	var r rune
	for k := 0; k < 4; k++ {
		if k >= len(s) {
			return utf8.RuneError, k
		}
		c := s[k]
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return utf8.RuneError, k
		}
	}
	return r, 4
}
