package automaton

import (
	"slices"
	"testing"
)

// secretPrefixes are case-sensitive token prefixes whose rare bytes
// ('K', '_', '-', upper-case letters) make the prefilter worthwhile.
var secretPrefixes = []string{"AKIA", "ASIA", "ghp_", "gho_", "github_pat_", "xoxb-", "xoxp-", "sk_live_", "rk_live_", "AIza", "-----BEGIN"}

// tablePatterns pick more than maxLanes rare bytes, so the table scan is used.
var tablePatterns = []string{"{1", "[2", "<3", ">4", "|5", "~6", "^7", "`8", "\\9", "(555)", " .com"}

func TestPrefilterChoice(t *testing.T) {
	cases := []struct {
		name     string
		patterns []string
		fold     bool
		kind     uint8
		bytes    string // the set, for preBytes
		maxOff   int32
	}{
		{"one rare start byte", []string{"@example.com"}, false, preBytes, "@", 0},
		{"rare byte at offset", []string{"user@", "admin@"}, false, preBytes, "@", 5},
		{"folded letters", []string{"xylophone", "zebra"}, true, preBytes, "XZxz", 0},
		{"up to eight rare bytes", []string{"q1", "x2", "z3", "j4", "k5"}, false, preBytes, "5jqxz", 1},
		{"many rare bytes", tablePatterns, false, preTable, "", 1},
		{"common letters", []string{"the", "and", "ssn"}, false, preNone, "", 0},
		{"pii keywords folded", piiKeywords, true, preNone, "", 0},
	}
	for _, tc := range cases {
		pf := buildPrefilter(tc.patterns, tc.fold)
		if pf.kind != tc.kind || (tc.kind != preNone && pf.maxOff != tc.maxOff) || string(pf.bytes[:pf.nbytes]) != tc.bytes {
			t.Errorf("%s: kind %d maxOff %d bytes %q; want kind %d maxOff %d bytes %q",
				tc.name, pf.kind, pf.maxOff, pf.bytes[:pf.nbytes], tc.kind, tc.maxOff, tc.bytes)
		}
	}
}

// TestPrefilterNeverChangesResults compares searches with the prefilter
// against the same automaton with it disabled, on prose with secrets, for
// whole buffers and streams.
func TestPrefilterNeverChangesResults(t *testing.T) {
	hay := genText(1<<18, 11)
	sets := [][]string{secretPrefixes, {"@example.com", ".com"}, {"q1", "x2", "z3", "j4", "k5", "DE89"}, tablePatterns}
	for _, pats := range sets {
		for _, eng := range engines {
			for _, o := range []Options{{}, {Kind: LeftmostLongest}, {CaseInsensitive: true, WholeWord: true}} {
				a := mustCompile(t, pats, o, eng.budget)
				if a.pre.kind == preNone && !o.CaseInsensitive {
					t.Fatalf("%q: prefilter not enabled", pats)
				}
				off := *a
				off.pre = prefilter{}
				want := off.FindAll(nil, hay)
				if len(want) == 0 && !o.WholeWord {
					t.Fatalf("%q %+v: no matches in the test text", pats, o)
				}
				if got := a.FindAll(nil, hay); !slices.Equal(got, want) {
					t.Fatalf("%q %s %+v: with prefilter %d matches, without %d", pats, eng.name, o, len(got), len(want))
				}
				if got := streamAll(a, hay, []int{4093, 1, 17}); !slices.Equal(got, want) {
					t.Fatalf("%q %s %+v: stream with prefilter differs", pats, eng.name, o)
				}
			}
		}
	}
}
