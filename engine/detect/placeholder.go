package detect

import "github.com/datafog/datafog-api/engine/automaton"

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

// placeholderAut finds any of PlaceholderWords in any ASCII case.
var placeholderAut = func() *automaton.Automaton {
	a, err := automaton.Compile(PlaceholderWords, automaton.Options{CaseInsensitive: true, Kind: automaton.Overlapping})
	if err != nil {
		panic("detect: placeholder words: " + err.Error())
	}
	return a
}()

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
func SecretPlaceholder(v []byte) bool {
	if placeholderAut.Contains(v) {
		return true
	}
	if n := len(v); n > 5 && HasPrefixFold(v, n-4, "here") && IsAlpha(v[n-5]) {
		return true
	}
	if Repetitive(v, 6) {
		return true
	}
	return FewDistinctInBody(v)
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
// ("abcdef", "987654").
func Repetitive(b []byte, n int) bool {
	same, up, down := 1, 1, 1
	for i := 1; i < len(b); i++ {
		p, c := b[i-1], b[i]
		same = bump(same, c == p)
		seq := IsAlnum(c) && IsAlnum(p) && (IsDigit(c) == IsDigit(p)) && (IsUpper(c) == IsUpper(p))
		up = bump(up, seq && c == p+1)
		down = bump(down, seq && c+1 == p)
		if same >= n || up >= n || down >= n {
			return true
		}
	}
	return false
}

// bump extends a run length when ok, or restarts it at 1.
func bump(run int, ok bool) int {
	if ok {
		return run + 1
	}
	return 1
}

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
