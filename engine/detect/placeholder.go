package detect

import "strings"

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
// It takes one pass: a marker word is looked for only where the two bytes
// at hand, folded to lower case, start one (markerPairs), and the runs of
// equal or consecutive bytes are counted with one counter (Repetitive).
// Every candidate of a secret type goes through it, so it is on the
// path of every credential-shaped token; FuzzSecretPlaceholder holds it
// equal to a plain transcription of the rules above.
func SecretPlaceholder(v []byte) bool {
	n := len(v)
	for i := 0; i < n; i++ {
		c := v[i]
		if c == '<' || c == '>' {
			return true
		}
		if i+1 < n {
			k := uint16(foldByte[c])<<8 | uint16(foldByte[v[i+1]])
			if markerPairs[k>>6]&(1<<(k&63)) != 0 && markerAt(v, i) {
				return true
			}
		}
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

// markerPairs is the set of the first two bytes of the marker words, a
// bit set over the 16-bit pair.
var markerPairs = func() (t [1 << 16 / 64]uint64) {
	for _, w := range markerWords {
		k := uint16(w[0])<<8 | uint16(w[1])
		t[k>>6] |= 1 << (k & 63)
	}
	return t
}()

// markerAt reports whether a marker word starts at v[i].
func markerAt(v []byte, i int) bool {
	for _, w := range markerWords {
		if HasPrefixFold(v, i, w) {
			return true
		}
	}
	return false
}

// FewDistinctInBody is SecretPlaceholder's last rule: v's body (what
// follows the last '_', '-' or '.' in its first 16 bytes, or all of v)
// uses three distinct bytes or fewer.
func FewDistinctInBody(v []byte) bool {
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
// of one kind ("abcdef", "987654", "ZYXWVU"). Only one such run can be
// under way at a byte (equal, up and down neighbours exclude each other),
// so one counter and the step that started it suffice.
func Repetitive(b []byte, n int) bool {
	run := 1
	var step byte
	for i := 1; i < len(b); i++ {
		p, c := b[i-1], b[i]
		d := c - p
		ok := d == 0 || (d == 1 || d == 0xff) && runKind[c] != 0 && runKind[c] == runKind[p]
		switch {
		case !ok:
			run = 1
		case run > 1 && d == step:
			run++
		default:
			run = 2
		}
		step = d
		if run >= n {
			return true
		}
	}
	return false
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
