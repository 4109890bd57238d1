package corpus

import (
	"encoding/base64"
	"math/rand/v2"
	"regexp"
)

// Shared makers for the provider secret types (types_secrets_*.go): random
// bodies of the alphabets providers use, and a regexp-based Check for
// each type, written from the provider's format independently of the
// detectors.

// The alphabets of token bodies.
const (
	provAlnum  = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	provHex    = "0123456789abcdef"
	provUpHex  = "0123456789ABCDEF"
	provURL    = provAlnum + "-_"
	provStd    = provAlnum + "+/"
	provUpper  = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
	provLower  = "abcdefghijklmnopqrstuvwxyz0123456789"
	provDigits = "0123456789"
)

// provRand returns n bytes drawn from alphabet, with a letter and a digit
// among them when the alphabet has both (as random credentials of 16 or
// more characters practically always do), and no byte of '-', '_', '+'
// or '/' first or last.
func provRand(r *rand.Rand, alphabet string, n int) string {
	mixed := provMixed(alphabet)
	for {
		b := make([]byte, n)
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		s := string(b)
		if provEdge(s[0]) || provEdge(s[n-1]) || mixed && !provMixed(s) {
			continue
		}
		return s
	}
}

// provEdge reports whether c is punctuation of a base64 alphabet.
func provEdge(c byte) bool { return c == '-' || c == '_' || c == '+' || c == '/' }

// provMixed reports whether s holds a letter and a digit.
func provMixed(s string) bool {
	var l, d bool
	for i := 0; i < len(s); i++ {
		c := s[i]
		l = l || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
		d = d || c >= '0' && c <= '9'
	}
	return l && d
}

// provUUID returns a random lower-case UUID written with sep.
func provUUID(r *rand.Rand, sep string) string {
	return provRand(r, provHex, 8) + sep + provRand(r, provHex, 4) + sep + provRand(r, provHex, 4) + sep +
		provRand(r, provHex, 4) + sep + provRand(r, provHex, 12)
}

// provB64 returns the standard base64 of s.
func provB64(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }

// provB64URL returns the unpadded base64url of s.
func provB64URL(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }

// provCheck returns a Check that matches the whole value against expr.
func provCheck(expr string) func(string) bool {
	re := regexp.MustCompile(`^(?:` + expr + `)$`)
	return re.MatchString
}

// provPick returns one of xs.
func provPick(r *rand.Rand, xs ...string) string { return xs[r.IntN(len(xs))] }

// provCut returns s without its last byte: a lookalike one character
// short.
func provCut(s string) string { return s[:len(s)-1] }

// base64RawURLDecode decodes unpadded base64url text.
func base64RawURLDecode(s string) (string, error) {
	b, err := base64.RawURLEncoding.DecodeString(s)
	return string(b), err
}

// base64StdDecode decodes padded standard base64 text.
func base64StdDecode(s string) (string, error) {
	b, err := base64.StdEncoding.DecodeString(s)
	return string(b), err
}
