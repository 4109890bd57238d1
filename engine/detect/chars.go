package detect

import (
	"encoding/binary"
	"math/bits"
)

// ASCII byte predicates for detectors. Each is one lookup in charClass,
// whose bits are defined by the plain comparisons in its initialiser
// (TestCharClass pins every one of them).

// Class is a set of byte classes, the bits of charClass. Byte triggers use
// it to say which neighbours make a call worthwhile (OnByte).
type Class uint16

// Byte classes.
const (
	Digit    Class = 1 << iota
	Lower          // 'a'-'z'
	Upper          // 'A'-'Z'
	Hex            // '0'-'9', 'a'-'f', 'A'-'F'
	Under          // '_'
	B64URL         // base64url alphabet: letters, digits, '-', '_'
	Local          // email local part: letters, digits, ".", "_", "%", "+", "-"
	IPv6Byte       // hex digits, ':' and '.'
	Value          // assignment value bytes: printable but space, quotes and delimiters
	KeyName        // assignment key-name bytes: word bytes, '-' and '.'
	NumGlue        // '.', ',', '-', '/', ':': bytes that continue a number between digits
	GroupSep       // separators between digit groups: ' ', '-', '.', '/'
	Label          // domain label bytes: letters, digits, '-'
	B64            // standard base64 alphabet: letters, digits, '+', '/'
	Colon          // ':'
	Dash           // '-'

	// Alpha is Lower|Upper and Alnum adds Digit; WordByte adds '_'.
	Alpha    = Lower | Upper
	Alnum    = Digit | Lower | Upper
	WordByte = Alnum | Under
)

// Capitals lists the ASCII capital letters, for OnDigits.LeadNext and
// ShortNext.
const Capitals = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"

// charClass maps each byte to its classes.
var charClass = func() (t [256]Class) {
	for i := range t {
		c := byte(i)
		var v Class
		set := func(ok bool, bit Class) {
			if ok {
				v |= bit
			}
		}
		digit, lower, upper := c >= '0' && c <= '9', c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z'
		alnum := digit || lower || upper
		set(digit, Digit)
		set(lower, Lower)
		set(upper, Upper)
		set(digit || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F', Hex)
		set(c == '_', Under)
		set(alnum || c == '-' || c == '_', B64URL)
		set(alnum || c == '.' || c == '_' || c == '%' || c == '+' || c == '-', Local)
		set(digit || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' || c == ':' || c == '.', IPv6Byte)
		switch c {
		case ' ', '"', '\'', '`', ',', ';', '&', '(', ')', '[', ']', '{', '}', '<', '>':
		default:
			set(c > ' ' && c < 0x7f, Value)
		}
		set(alnum || c == '_' || c == '-' || c == '.', KeyName)
		set(c == '.' || c == ',' || c == '-' || c == '/' || c == ':', NumGlue)
		set(c == ' ' || c == '-' || c == '.' || c == '/', GroupSep)
		set(alnum || c == '-', Label)
		set(alnum || c == '+' || c == '/', B64)
		set(c == ':', Colon)
		set(c == '-', Dash)
		t[i] = v
	}
	return t
}()

// ClassOf returns the classes of c.
func ClassOf(c byte) Class { return charClass[c] }

// Is reports whether c belongs to any class of m.
func Is(c byte, m Class) bool { return charClass[c]&m != 0 }

// All reports whether every byte of b belongs to a class of m.
func All(b []byte, m Class) bool {
	for _, c := range b {
		if charClass[c]&m == 0 {
			return false
		}
	}
	return true
}

// Span returns the end of the run of bytes of class m that starts at t[i],
// reading at most max bytes: the first index at or after i, and before
// i+max, whose byte is not in m, or min(len(t), i+max).
func Span(t []byte, i, max int, m Class) int {
	lim := min(len(t), i+max)
	for i < lim && charClass[t[i]]&m != 0 {
		i++
	}
	return i
}

// IsDigit reports whether c is an ASCII digit.
func IsDigit(c byte) bool { return c >= '0' && c <= '9' }

// IsLower reports whether c is an ASCII lower-case letter.
func IsLower(c byte) bool { return charClass[c]&Lower != 0 }

// IsUpper reports whether c is an ASCII upper-case letter.
func IsUpper(c byte) bool { return charClass[c]&Upper != 0 }

// IsAlpha reports whether c is an ASCII letter.
func IsAlpha(c byte) bool { return charClass[c]&Alpha != 0 }

// IsAlnum reports whether c is an ASCII letter or digit.
func IsAlnum(c byte) bool { return charClass[c]&Alnum != 0 }

// IsWord reports whether c is an ASCII word byte [A-Za-z0-9_].
func IsWord(c byte) bool { return charClass[c]&WordByte != 0 }

// IsHex reports whether c is an ASCII hexadecimal digit.
func IsHex(c byte) bool { return charClass[c]&Hex != 0 }

// IsB64URL reports whether c is in the base64url alphabet.
func IsB64URL(c byte) bool { return charClass[c]&B64URL != 0 }

// IsNumGlue reports whether c, between two digits, continues a number
// ("3.14", "1,000", "12-34", "1/2", "10:30").
func IsNumGlue(c byte) bool { return charClass[c]&NumGlue != 0 }

// Candidate boundaries. A candidate must not be glued to its neighbours:
// the byte before its start and the byte at its end must not be ASCII word
// bytes [A-Za-z0-9_], and a numeric candidate must not continue a longer
// number through a glue byte ("1.2.3.4.5" holds no IPv4 address and
// "123-4111111111111111" no card).

// FreeLeft reports whether a candidate may start at t[s].
func FreeLeft(t []byte, s int) bool {
	return s == 0 || !IsWord(t[s-1])
}

// FreeRight reports whether a candidate may end at t[e] (exclusive).
func FreeRight(t []byte, e int) bool {
	return e >= len(t) || !IsWord(t[e])
}

// NumLeft reports whether a numeric candidate may start at t[s].
func NumLeft(t []byte, s int) bool {
	if s == 0 {
		return true
	}
	c := t[s-1]
	return !IsWord(c) && !(IsNumGlue(c) && s >= 2 && IsDigit(t[s-2]))
}

// NumRight reports whether a numeric candidate may end at t[e].
func NumRight(t []byte, e int) bool {
	if e >= len(t) {
		return true
	}
	c := t[e]
	return !IsWord(c) && !(IsNumGlue(c) && e+1 < len(t) && IsDigit(t[e+1]))
}

// HasPrefix reports whether t[i:] starts with p.
func HasPrefix(t []byte, i int, p string) bool {
	return i >= 0 && len(t)-i >= len(p) && string(t[i:i+len(p)]) == p
}

// HasPrefixFold reports whether t[i:] starts with the lower-case ASCII
// word w under ASCII case folding.
func HasPrefixFold(t []byte, i int, w string) bool {
	if i < 0 || len(t)-i < len(w) {
		return false
	}
	for x := 0; x < len(w); x++ {
		c := t[i+x]
		if IsUpper(c) {
			c |= 0x20
		}
		if c != w[x] {
			return false
		}
	}
	return true
}

// DigitEnd returns the end of the digit run that continues at t[j]: the
// first index at or after j that is not an ASCII digit. It tests eight
// bytes at a time: a byte is a digit when its xor with '0' is below 10.
func DigitEnd(t []byte, j int) int {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	for j+8 <= len(t) {
		a := binary.LittleEndian.Uint64(t[j:]) ^ '0'*ones
		// (a|0x80) - 10 per byte never borrows; its high bit is set when
		// the low seven bits of a are 10 or more. A byte of a with its own
		// high bit set is not a digit either.
		if nd := ((a | highs) - 10*ones | a) & highs; nd != 0 {
			return j + bits.TrailingZeros64(nd)>>3
		}
		j += 8
	}
	for j < len(t) && IsDigit(t[j]) {
		j++
	}
	return j
}

// Atoi parses a short run of ASCII digits.
func Atoi(d []byte) int {
	n := 0
	for _, c := range d {
		n = n*10 + int(c-'0')
	}
	return n
}
