package detect

import (
	"math/bits"
	"strings"
)

// Placeholder filters. Documentation, tutorials and templates are full of
// values that have a credential's shape but are not credentials: AWS's
// own AKIAIOSFODNN7EXAMPLE, "sk_live_xxxxxxxxxxxxxxxxxxxxxxxx",
// "YOUR_API_KEY_HERE", "ghp_abcdefghijklmnopqrstuvwxyz0123456789". A
// secret detector declares one of these as its Detector.Placeholder, and
// Scan.Add drops any candidate it matches.

// PlaceholderWords are words that mark an example value wherever they
// stand in it, in any case (SecretPlaceholder's first rule). Read only.
var PlaceholderWords = []string{
	"example", "placeholder", "changeme", "dummy", "redacted", "insert", "replace",
	"yourkey", "your_", "your-", "tokenhere", "keyhere", "secrethere", "here>",
	"xxxx", "****", "<", ">", "{{", "}}", "${", "$(",
}

// SecretPlaceholder reports whether v (a candidate secret, prefix
// included) is a placeholder rather than a credential:
//   - it contains a marker word (PlaceholderWords) in any case: "EXAMPLE",
//     "your_", "…TokenHere", a template's "{{", "${" or "$(";
//   - it ends in "here" after a letter ("YourAccessTokenHere");
//   - it holds a run of six or more equal bytes ("000000", "aaaaaa");
//   - it holds a run of six or more consecutive ascending or descending
//     letters or digits ("abcdef", "123456", "ZYXWVU");
//   - its body (what follows the last '_', '-' or '.' of a prefix in its
//     first 16 bytes, or all of it) uses three distinct bytes or fewer.
//
// A real credential of 16 random base62 bytes or more trips none of these
// but with vanishing probability (six equal bytes in a row: under 1e-7).
//
// It takes one pass for the marker words: a word is looked for only where
// the two bytes at hand, folded to lower case, start one (markerFirst and
// markerSecond), and '<' and '>' are found by the same test. Runs of equal
// or consecutive bytes are looked for at every fifth byte only
// (Repetitive). Every candidate of a secret type goes through it, so it
// is on the path of every credential-shaped token; FuzzSecretPlaceholder
// holds it equal to a plain transcription of the rules above.
func SecretPlaceholder(v []byte) bool {
	n := len(v)
	for i := 0; i+1 < n; i++ {
		if p := markerFirst[v[i]] & markerSecond[v[i+1]]; p != 0 && markerAt(v, i, p) {
			return true
		}
	}
	if n > 0 && (v[n-1] == '<' || v[n-1] == '>') {
		return true
	}
	if n > 5 && HasPrefixFold(v, n-4, "here") && IsAlpha(v[n-5]) {
		return true
	}
	if Repetitive(v, 6) {
		return true
	}
	return FewDistinctInBody(v)
}

// markerWords are PlaceholderWords of two bytes or more, in lower case;
// SecretPlaceholder tests the one-byte words, '<' and '>', directly.
var markerWords = func() (ws []string) {
	for _, w := range PlaceholderWords {
		switch {
		case len(w) >= 2:
			ws = append(ws, strings.ToLower(w))
		case w != "<" && w != ">":
			panic("detect: a one-byte placeholder word SecretPlaceholder does not test: " + w)
		}
	}
	return ws
}()

// foldByte maps ASCII upper-case letters to lower case and every other
// byte to itself.
var foldByte = func() (t [256]byte) {
	for i := range t {
		t[i] = byte(i)
	}
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = byte(c + 'a' - 'A')
	}
	return t
}()

// markerFirst and markerSecond number the first two bytes of the marker
// words (markerPairs): bit k of markerFirst[a] and of markerSecond[b] are
// both set when pair k is a, b in either ASCII case. '<' and '>' are a
// pair of their own whatever byte follows them (bit 31).
var markerFirst, markerSecond = func() (first, second [256]uint32) {
	for k, ws := range markerPairs {
		p := ws[0][:2]
		for c := 0; c < 256; c++ {
			if foldByte[c] == p[0] {
				first[c] |= 1 << k
			}
			if foldByte[c] == p[1] {
				second[c] |= 1 << k
			}
		}
	}
	first['<'] |= 1 << 31
	first['>'] |= 1 << 31
	for c := range second {
		second[c] |= 1 << 31
	}
	return first, second
}()

// markerPairs groups the marker words by their first two bytes: pair k's
// words are markerPairs[k].
var markerPairs = func() (pairs [][]string) {
next:
	for _, w := range markerWords {
		for k, ws := range pairs {
			if ws[0][:2] == w[:2] {
				pairs[k] = append(ws, w)
				continue next
			}
		}
		pairs = append(pairs, []string{w})
	}
	if len(pairs) > 31 {
		panic("detect: more than 31 first pairs of placeholder words")
	}
	return pairs
}()

// markerAt reports whether a marker word, '<' or '>' starts at v[i], given
// the bits of the pairs that v[i] and v[i+1] may start (markerFirst and
// markerSecond).
func markerAt(v []byte, i int, pairs uint32) bool {
	if pairs&(1<<31) != 0 {
		return true
	}
	for ; pairs != 0; pairs &= pairs - 1 {
		for _, w := range markerPairs[bits.TrailingZeros32(pairs)] {
			if HasPrefixFold(v, i, w) {
				return true
			}
		}
	}
	return false
}

// FewDistinctInBody is SecretPlaceholder's last rule: v's body (what
// follows the last '_', '-' or '.' in its first 16 bytes, or all of v)
// uses three distinct bytes or fewer.
func FewDistinctInBody(v []byte) bool {
	if len(v) > 16 && !distinctAtMost(v[16:], 3) {
		return false // the body holds v[16:] whatever the prefix
	}
	body := v
	for i := 0; i < len(v) && i < 16; i++ {
		if c := v[i]; c == '_' || c == '-' || c == '.' {
			body = v[i+1:]
		}
	}
	return distinctAtMost(body, 3)
}

// Repetitive reports whether b holds a run of n or more equal bytes, or of
// n or more consecutive ascending or descending ASCII letters or digits
// of one kind ("abcdef", "987654", "ZYXWVU"). A run of n bytes is n-1
// steps in a row (b[i]-b[i-1]) that are equal and each continue a run
// (runStep); any n-1 steps in a row include one at a multiple of n-1, so
// the steps are tested there only, and the run through one that
// continues a run is measured in full.
func Repetitive(b []byte, n int) bool {
	if n < 2 {
		return len(b) > 1 // as counted from the second byte on
	}
	for i := n - 1; i < len(b); i += n - 1 {
		d, ok := runStep(b, i)
		if !ok {
			continue
		}
		lo, hi := i, i // the steps lo..hi (indexes of their second byte) are d and continue the run
		for lo > 1 {
			if e, ok := runStep(b, lo-1); !ok || e != d {
				break
			}
			lo--
		}
		for hi+1 < len(b) {
			if e, ok := runStep(b, hi+1); !ok || e != d {
				break
			}
			hi++
		}
		if hi-lo+2 >= n {
			return true
		}
	}
	return false
}

// runStep returns the step b[i]-b[i-1], and whether it continues a run:
// equal bytes, or neighbours by one within the digits, the upper-case or
// the lower-case letters. Equal, up and down steps exclude each other, so
// a run is steps of one value.
func runStep(b []byte, i int) (byte, bool) {
	p, c := b[i-1], b[i]
	d := c - p
	return d, d == 0 || (d == 1 || d == 0xff) && runKind[c] != 0 && runKind[c] == runKind[p]
}

// runKind[c] is 1 for an ASCII digit, 2 for an upper-case and 3 for a
// lower-case letter, 0 for any other byte: two neighbours continue an
// ascending or descending run only within one kind.
var runKind = func() (t [256]uint8) {
	for c := '0'; c <= '9'; c++ {
		t[c] = 1
	}
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = 2
		t[c+'a'-'A'] = 3
	}
	return t
}()

// distinctAtMost reports whether b uses at most n distinct bytes.
func distinctAtMost(b []byte, n int) bool {
	var seen [4]byte
	k := 0
outer:
	for _, c := range b {
		for _, s := range seen[:k] {
			if s == c {
				continue outer
			}
		}
		if k == n {
			return false
		}
		seen[k] = c
		k++
	}
	return true
}
