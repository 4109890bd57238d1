package engine

// ASCII byte predicates used by the detectors. Each is one lookup in
// charClass, whose bits are defined by the plain comparisons in
// charClass's initialiser.

// Bits of charClass.
const (
	chDigit uint16 = 1 << iota
	chLower
	chUpper
	chHex
	chUnder    // '_'
	chB64URL   // base64url alphabet: letters, digits, '-', '_'
	chLocal    // email local part: letters, digits, ".", "_", "%", "+", "-"
	chIPv6     // hex digits, ':' and '.'
	chValue    // api_key value bytes: printable but for space, quotes and delimiters
	chKeyName  // api_key key-name bytes: word bytes, '-' and '.'
	chNumGlue  // '.', ',', '-', '/', ':'
	chGroupSep // separators between digit groups: ' ', '-', '.', '/'
	chLabel    // domain label bytes: letters, digits, '-'
)

// charClass maps each byte to its chXxx bits.
var charClass = func() (t [256]uint16) {
	for i := range t {
		c := byte(i)
		var v uint16
		set := func(ok bool, bit uint16) {
			if ok {
				v |= bit
			}
		}
		digit, lower, upper := c >= '0' && c <= '9', c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z'
		alnum := digit || lower || upper
		set(digit, chDigit)
		set(lower, chLower)
		set(upper, chUpper)
		set(digit || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F', chHex)
		set(c == '_', chUnder)
		set(alnum || c == '-' || c == '_', chB64URL)
		set(alnum || c == '.' || c == '_' || c == '%' || c == '+' || c == '-', chLocal)
		set(digit || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' || c == ':' || c == '.', chIPv6)
		switch c {
		case ' ', '"', '\'', '`', ',', ';', '&', '(', ')', '[', ']', '{', '}', '<', '>':
		default:
			set(c > ' ' && c < 0x7f, chValue)
		}
		set(alnum || c == '_' || c == '-' || c == '.', chKeyName)
		set(c == '.' || c == ',' || c == '-' || c == '/' || c == ':', chNumGlue)
		set(c == ' ' || c == '-' || c == '.' || c == '/', chGroupSep)
		set(alnum || c == '-', chLabel)
		t[i] = v
	}
	return t
}()

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
func isLower(c byte) bool { return charClass[c]&chLower != 0 }
func isUpper(c byte) bool { return charClass[c]&chUpper != 0 }
func isAlpha(c byte) bool { return charClass[c]&(chLower|chUpper) != 0 }
func isAlnum(c byte) bool { return charClass[c]&(chDigit|chLower|chUpper) != 0 }

// isWord reports whether c is an ASCII word byte [A-Za-z0-9_].
func isWord(c byte) bool { return charClass[c]&(chDigit|chLower|chUpper|chUnder) != 0 }

// isHex reports whether c is an ASCII hexadecimal digit.
func isHex(c byte) bool { return charClass[c]&chHex != 0 }

// isB64URL reports whether c is in the base64url alphabet.
func isB64URL(c byte) bool { return charClass[c]&chB64URL != 0 }

// isNumGlue reports whether c, between two digits, continues a number
// ("3.14", "1,000", "12-34", "1/2", "10:30").
func isNumGlue(c byte) bool { return charClass[c]&chNumGlue != 0 }

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
