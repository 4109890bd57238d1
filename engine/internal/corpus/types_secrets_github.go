package corpus

import (
	"hash/crc32"
	"math/rand/v2"
	"regexp"
)

// Values shared by the secret type generators (types_secrets_*.go), and
// the generator of GitHub tokens, whose checksum npm tokens share. They
// are written from the providers' formats and independently of the
// detectors: values are drawn at random, checksums computed with
// hash/crc32 and the encoder below, and Check is a regular expression of
// the format (and the checksum where there is one).

// Alphabets of secret bodies.
const (
	secretAlnum    = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	secretURLSafe  = secretAlnum + "-_"
	secretLowerHex = "0123456789abcdef"
	secretLowerAN  = "abcdefghijklmnopqrstuvwxyz0123456789"
	secretLetters  = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	secretBase64   = secretAlnum + "+/"
	// secretB62Digits is base62 in GitHub's digit order.
	secretB62Digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
)

// secretChars returns n characters drawn from alphabet; a URL-safe body
// neither starts nor ends with '-' or '_'.
func secretChars(r *rand.Rand, alphabet string, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = alphabet[r.IntN(len(alphabet))]
	}
	for _, i := range []int{0, n - 1} {
		if n > 0 && (b[i] == '-' || b[i] == '_') {
			b[i] = 'Q'
		}
	}
	return string(b)
}

// crc32Encoded writes the CRC-32 of data in the digits alphabet, left
// padded with its zero digit to width.
func crc32Encoded(data, digits string, width int) string {
	n := uint64(crc32.ChecksumIEEE([]byte(data)))
	b := make([]byte, width)
	base := uint64(len(digits))
	for i := width - 1; i >= 0; i-- {
		b[i] = digits[n%base]
		n /= base
	}
	return string(b)
}

// withGitHubChecksum replaces the last six characters of a GitHub-style
// token (a four-byte prefix and 36 characters) by the base62 CRC-32 of
// the 30 before them.
func withGitHubChecksum(tok string) string {
	return tok[:34] + crc32Encoded(tok[4:34], secretB62Digits, 6)
}

// corrupt changes the last character of v to another of alphabet.
func corrupt(r *rand.Rand, v, alphabet string) string {
	last := v[len(v)-1]
	for {
		c := alphabet[r.IntN(len(alphabet))]
		if c != last {
			return v[:len(v)-1] + string(c)
		}
	}
}

// matches returns a Check from a regular expression of the whole value.
func matches(expr string) func(string) bool {
	re := regexp.MustCompile("^(?:" + expr + ")$")
	return re.MatchString
}

func init() {
	github := func(r *rand.Rand) string {
		p := []string{"ghp_", "gho_", "ghu_", "ghs_", "ghr_"}[r.IntN(5)]
		return withGitHubChecksum(p + secretChars(r, secretAlnum, 36))
	}
	RegisterType(TypeGen{
		Type:    "github_token",
		Valid:   github,
		Invalid: func(r *rand.Rand) string { return corrupt(r, github(r), secretAlnum) },
		Context: []string{"GITHUB_TOKEN", "token"},
		Check: func(v string) bool {
			return matches(`gh[pousr]_[A-Za-z0-9]{36}`)(v) && withGitHubChecksum(v) == v
		},
	})
}
