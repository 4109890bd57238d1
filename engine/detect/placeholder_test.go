package detect

import (
	"testing"

	"github.com/datafog/datafog-api/engine/automaton"
)

// The reference rules of SecretPlaceholder, transcribed plainly from its
// doc comment: the fuzz targets below hold the one-pass versions equal to
// them.

// refMarkers finds any of PlaceholderWords in any ASCII case.
var refMarkers = func() *automaton.Automaton {
	a, err := automaton.Compile(PlaceholderWords, automaton.Options{CaseInsensitive: true, Kind: automaton.Overlapping})
	if err != nil {
		panic(err)
	}
	return a
}()

// refSecretPlaceholder is SecretPlaceholder rule by rule.
func refSecretPlaceholder(v []byte) bool {
	if refMarkers.Contains(v) {
		return true
	}
	if n := len(v); n > 5 && HasPrefixFold(v, n-4, "here") && IsAlpha(v[n-5]) {
		return true
	}
	return refRepetitive(v, 6) || refFewDistinctInBody(v)
}

// refFewDistinctInBody counts the distinct bytes after the last '_', '-'
// or '.' among the first 16.
func refFewDistinctInBody(v []byte) bool {
	from := 0
	for i := 0; i < len(v) && i < 16; i++ {
		if v[i] == '_' || v[i] == '-' || v[i] == '.' {
			from = i + 1
		}
	}
	seen := map[byte]bool{}
	for _, c := range v[from:] {
		seen[c] = true
	}
	return len(seen) <= 3
}

// refRepetitive keeps one counter per kind of run: equal bytes, ascending
// and descending letters or digits of one kind.
func refRepetitive(b []byte, n int) bool {
	same, up, down := 1, 1, 1
	for i := 1; i < len(b); i++ {
		p, c := b[i-1], b[i]
		seq := IsAlnum(c) && IsAlnum(p) && IsDigit(c) == IsDigit(p) && IsUpper(c) == IsUpper(p)
		same = refBump(same, c == p)
		up = refBump(up, seq && c == p+1)
		down = refBump(down, seq && c+1 == p)
		if same >= n || up >= n || down >= n {
			return true
		}
	}
	return false
}

func refBump(run int, ok bool) int {
	if ok {
		return run + 1
	}
	return 1
}

// placeholderSeeds are values either side of every rule of
// SecretPlaceholder.
var placeholderSeeds = []string{
	"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", "AKIAIOSFODNN7EXAMPLE", "sk_live_xxxxxxxxxxxxxxxxxxxxxxxx",
	"YOUR_API_KEY_HERE", "ghp_abcdefghijklmnopqrstuvwxyz0123456789", "{{ token }}", "${SECRET}", "<token>",
	"glpat-ChangeMe12345", "MyTokenHere", "here", "xhere", "ab1here", "000000", "a-bcb-bcb", "****",
	"dummy", "ReDaCtEd", "insertkey", "REPLACE_ME", "yourkey", "your-token", "secrethere7", "keyhere", "tokenhere",
	"placeholder", "aXxXxb", "a}}b", "987654", "ZYXWVU", "aaaaab", "q7Lm2XvR9sKd", "x", "", "aabcdef", "9:;<=>",
	"YZ[\\]^", "abcdeF", "12345:", "9876543", "aaaaa1", "sk_live_abababababababab", "abcd_efgh-ijkl.mnababab",
	"abcdefghijklmnop_ababab", "abcdefghijklmnopq_abab", "x7Qx7Qx7Qx7Qx7Qx7Qx7Q",
}

// TestSecretPlaceholderSeeds checks the seeds against the reference, and
// a few by value.
func TestSecretPlaceholderSeeds(t *testing.T) {
	for _, s := range placeholderSeeds {
		if got, want := SecretPlaceholder([]byte(s)), refSecretPlaceholder([]byte(s)); got != want {
			t.Errorf("SecretPlaceholder(%q) = %v, reference %v", s, got, want)
		}
	}
	for s, want := range map[string]bool{
		"AKIAIOSFODNN7EXAMPLE": true, "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": false, "q7Lm2XvR9sKd": false,
		"q7Lm2XvR9sKd123456": true, "q7Lm2XvR9sKdaabcdef": true, "q7Lm2XvR9sKd9:;<=>x": true, "q7L<m2": true,
	} {
		if got := SecretPlaceholder([]byte(s)); got != want {
			t.Errorf("SecretPlaceholder(%q) = %v, want %v", s, got, want)
		}
	}
}

// FuzzSecretPlaceholder holds SecretPlaceholder equal to the reference.
func FuzzSecretPlaceholder(f *testing.F) {
	for _, s := range placeholderSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, v []byte) {
		if got, want := SecretPlaceholder(v), refSecretPlaceholder(v); got != want {
			t.Errorf("SecretPlaceholder(%q) = %v, reference %v", v, got, want)
		}
	})
}

// FuzzRepetitive holds Repetitive equal to the reference for runs of two
// to eight.
func FuzzRepetitive(f *testing.F) {
	for _, s := range placeholderSeeds {
		f.Add([]byte(s), uint8(6))
	}
	f.Fuzz(func(t *testing.T, v []byte, n uint8) {
		k := 2 + int(n%7)
		if got, want := Repetitive(v, k), refRepetitive(v, k); got != want {
			t.Errorf("Repetitive(%q, %d) = %v, reference %v", v, k, got, want)
		}
	})
}
