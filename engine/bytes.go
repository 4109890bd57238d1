package engine

// ASCII byte predicates used by the detectors.

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
func isLower(c byte) bool { return c >= 'a' && c <= 'z' }
func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }
func isAlpha(c byte) bool { return isLower(c) || isUpper(c) }
func isAlnum(c byte) bool { return isAlpha(c) || isDigit(c) }

// isWord reports whether c is an ASCII word byte [A-Za-z0-9_].
func isWord(c byte) bool { return isAlnum(c) || c == '_' }

// isHex reports whether c is an ASCII hexadecimal digit.
func isHex(c byte) bool { return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }

// isB64URL reports whether c is in the base64url alphabet.
func isB64URL(c byte) bool { return isAlnum(c) || c == '-' || c == '_' }

// isNumGlue reports whether c, between two digits, continues a number
// ("3.14", "1,000", "12-34", "1/2", "10:30").
func isNumGlue(c byte) bool {
	return c == '.' || c == ',' || c == '-' || c == '/' || c == ':'
}

// Candidate boundaries. A candidate must not be glued to its neighbours:
// the byte before its start and the byte at its end must not be ASCII word
// bytes [A-Za-z0-9_], and a numeric candidate must not continue a longer
// number through a glue byte ("1.2.3.4.5" holds no IPv4 address and
// "123-4111111111111111" no card).

// freeLeft reports whether a candidate may start at t[s].
func freeLeft(t []byte, s int) bool {
	return s == 0 || !isWord(t[s-1])
}

// freeRight reports whether a candidate may end at t[e] (exclusive).
func freeRight(t []byte, e int) bool {
	return e >= len(t) || !isWord(t[e])
}

// numLeft reports whether a numeric candidate may start at t[s].
func numLeft(t []byte, s int) bool {
	if s == 0 {
		return true
	}
	c := t[s-1]
	return !isWord(c) && !(isNumGlue(c) && s >= 2 && isDigit(t[s-2]))
}

// numRight reports whether a numeric candidate may end at t[e].
func numRight(t []byte, e int) bool {
	if e >= len(t) {
		return true
	}
	c := t[e]
	return !isWord(c) && !(isNumGlue(c) && e+1 < len(t) && isDigit(t[e+1]))
}

// hasPrefix reports whether t[i:] starts with p.
func hasPrefix(t []byte, i int, p string) bool {
	return i >= 0 && len(t)-i >= len(p) && string(t[i:i+len(p)]) == p
}
