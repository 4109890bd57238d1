package automaton

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// tableCase is one named search with hand-written expectations for both
// match kinds. ci and ww are the case's own options.
type tableCase struct {
	name      string
	patterns  []string
	haystack  string
	ci, ww    bool
	overlap   []Match // expected with Kind Overlapping
	leftmost  []Match // expected with Kind LeftmostLongest
	foldCheck bool    // no upper-case letters: a case-flipped haystack under CaseInsensitive gives the same result
}

func m(p int, s, e int64) Match { return Match{Pattern: p, Start: s, End: e} }

var table = []tableCase{
	{name: "empty haystack", patterns: []string{"a"}, haystack: "", foldCheck: true},
	{name: "no patterns", patterns: nil, haystack: "abc", foldCheck: true},
	{name: "single", patterns: []string{"abc"}, haystack: "xxabcxxabc", foldCheck: true,
		overlap:  []Match{m(0, 2, 5), m(0, 7, 10)},
		leftmost: []Match{m(0, 2, 5), m(0, 7, 10)}},
	{name: "classic ushers", patterns: []string{"he", "she", "his", "hers"}, haystack: "ushers", foldCheck: true,
		overlap:  []Match{m(1, 1, 4), m(0, 2, 4), m(3, 2, 6)},
		leftmost: []Match{m(1, 1, 4)}},
	{name: "longest at leftmost start", patterns: []string{"ab", "abcd", "bcde"}, haystack: "abcde", foldCheck: true,
		overlap:  []Match{m(0, 0, 2), m(1, 0, 4), m(2, 1, 5)},
		leftmost: []Match{m(1, 0, 4)}},
	{name: "leftmost beats earlier end", patterns: []string{"abcd", "bc"}, haystack: "abcd", foldCheck: true,
		overlap:  []Match{m(1, 1, 3), m(0, 0, 4)},
		leftmost: []Match{m(0, 0, 4)}},
	{name: "restart after match", patterns: []string{"ab", "cd", "abcde"}, haystack: "abcdx", foldCheck: true,
		overlap:  []Match{m(0, 0, 2), m(1, 2, 4)},
		leftmost: []Match{m(0, 0, 2), m(1, 2, 4)}},
	{name: "duplicates", patterns: []string{"abc", "abc", "bc"}, haystack: "abc", foldCheck: true,
		overlap:  []Match{m(0, 0, 3), m(1, 0, 3), m(2, 1, 3)},
		leftmost: []Match{m(0, 0, 3)}},
	{name: "self overlap", patterns: []string{"aa"}, haystack: "aaaa", foldCheck: true,
		overlap:  []Match{m(0, 0, 2), m(0, 1, 3), m(0, 2, 4)},
		leftmost: []Match{m(0, 0, 2), m(0, 2, 4)}},
	{name: "nested suffixes", patterns: []string{"a", "aa", "aaa"}, haystack: "aaa", foldCheck: true,
		overlap:  []Match{m(0, 0, 1), m(1, 0, 2), m(0, 1, 2), m(2, 0, 3), m(1, 1, 3), m(0, 2, 3)},
		leftmost: []Match{m(2, 0, 3)}},
	{name: "case insensitive", patterns: []string{"password", "API_KEY"}, haystack: "My PassWord and api_key", ci: true,
		overlap:  []Match{m(0, 3, 11), m(1, 16, 23)},
		leftmost: []Match{m(0, 3, 11), m(1, 16, 23)}},
	{name: "case sensitive misses", patterns: []string{"password", "API_KEY"}, haystack: "My PassWord and api_key"},
	{name: "whole word", patterns: []string{"pass", "password"}, haystack: "password passwords pass_x pass.", ww: true, foldCheck: true,
		overlap:  []Match{m(1, 0, 8), m(0, 26, 30)},
		leftmost: []Match{m(1, 0, 8), m(0, 26, 30)}},
	{name: "whole word falls back to shorter", patterns: []string{"ab", "abc"}, haystack: "abc abx ab", ww: true, foldCheck: true,
		overlap:  []Match{m(1, 0, 3), m(0, 8, 10)},
		leftmost: []Match{m(1, 0, 3), m(0, 8, 10)}},
	{name: "whole word before leftmost choice", patterns: []string{"foo", "foo-bar"}, haystack: "foo-barx foo-bar", ww: true, foldCheck: true,
		overlap:  []Match{m(0, 0, 3), m(0, 9, 12), m(1, 9, 16)},
		leftmost: []Match{m(0, 0, 3), m(1, 9, 16)}},
	{name: "whole word inner suffix", patterns: []string{"b c", "c"}, haystack: "ab c", ww: true, foldCheck: true,
		overlap:  []Match{m(1, 3, 4)},
		leftmost: []Match{m(1, 3, 4)}},
	{name: "binary bytes", patterns: []string{"\x00\xff", "\xff"}, haystack: "\x00\xff\xff", foldCheck: true,
		overlap:  []Match{m(0, 0, 2), m(1, 1, 2), m(1, 2, 3)},
		leftmost: []Match{m(0, 0, 2), m(1, 2, 3)}},
	{name: "rare byte prefilter", patterns: []string{"zq#", "#!"}, haystack: "aazq#! #!", foldCheck: true,
		overlap:  []Match{m(0, 2, 5), m(1, 4, 6), m(1, 7, 9)},
		leftmost: []Match{m(0, 2, 5), m(1, 7, 9)}},
	{name: "single start byte prefilter", patterns: []string{"@example.com"}, haystack: "mail bob@example.com or x@example.co", foldCheck: true,
		overlap:  []Match{m(0, 8, 20)},
		leftmost: []Match{m(0, 8, 20)}},
	{name: "long pattern", patterns: []string{"the quick brown fox", "fox"}, haystack: "a the quick brown fox jumps", foldCheck: true,
		overlap:  []Match{m(0, 2, 21), m(1, 18, 21)},
		leftmost: []Match{m(0, 2, 21)}},
	{name: "non-ASCII is not folded", patterns: []string{"héllo"}, haystack: "HéLLO HÉLLO", ci: true,
		overlap:  []Match{m(0, 0, 6)},
		leftmost: []Match{m(0, 0, 6)}},
}

// mode is one way of running a case.
type mode struct {
	name string
	run  func(a *Automaton, hay []byte) []Match
}

var modes = []mode{
	{"whole", func(a *Automaton, hay []byte) []Match { return a.FindAll(nil, hay) }},
	{"chunks1", func(a *Automaton, hay []byte) []Match { return streamAll(a, hay, []int{1}) }},
	{"chunksRandom", func(a *Automaton, hay []byte) []Match {
		return streamAll(a, hay, randomSizes(rand.New(rand.NewPCG(uint64(len(hay)), 7)), 16))
	}},
	{"streamWhole", func(a *Automaton, hay []byte) []Match { return streamAll(a, hay, nil) }},
}

func TestTable(t *testing.T) {
	for _, tc := range table {
		for _, kind := range []MatchKind{Overlapping, LeftmostLongest} {
			want := tc.overlap
			if kind == LeftmostLongest {
				want = tc.leftmost
			}
			o := Options{CaseInsensitive: tc.ci, Kind: kind, WholeWord: tc.ww}
			// The hand-written expectation also pins the reference.
			if got := naive(tc.patterns, []byte(tc.haystack), o); !slices.Equal(got, want) {
				t.Fatalf("%s/%v: naive = %v, want %v", tc.name, kind, got, want)
			}
			variants := []struct {
				name string
				o    Options
				hay  []byte
			}{{"plain", o, []byte(tc.haystack)}}
			if tc.foldCheck {
				fo := o
				fo.CaseInsensitive = true
				variants = append(variants, struct {
					name string
					o    Options
					hay  []byte
				}{"folded", fo, flipCase([]byte(tc.haystack))})
			}
			for _, eng := range engines {
				for _, v := range variants {
					a := mustCompile(t, tc.patterns, v.o, eng.budget)
					for _, md := range modes {
						t.Run(fmt.Sprintf("%s/%v/%s/%s/%s", tc.name, kind, eng.name, v.name, md.name), func(t *testing.T) {
							if got := md.run(a, v.hay); !slices.Equal(got, want) {
								t.Errorf("got %v, want %v", got, want)
							}
						})
					}
				}
			}
		}
	}
}

// flipCase swaps the case of every other ASCII letter.
func flipCase(b []byte) []byte {
	out := make([]byte, len(b))
	for i, c := range b {
		switch {
		case i%2 == 0 && 'a' <= c && c <= 'z':
			c -= 'a' - 'A'
		case i%2 == 0 && 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		}
		out[i] = c
	}
	return out
}

func TestCompileErrors(t *testing.T) {
	if _, err := Compile([]string{"a", ""}, Options{}); err == nil || err.Error() != "automaton: compile: empty pattern at index 1" {
		t.Fatalf("empty pattern: err = %v", err)
	}
	if _, err := Compile([]string{"a"}, Options{Kind: 7}); err == nil || err.Error() != "automaton: compile: unknown match kind 7" {
		t.Fatalf("bad kind: err = %v", err)
	}
}

func TestAccessors(t *testing.T) {
	a, err := Compile([]string{"abc", "de", "fghij"}, Options{Kind: LeftmostLongest})
	if err != nil {
		t.Fatal(err)
	}
	if a.PatternCount() != 3 || a.MaxPatternLen() != 5 || a.Kind() != LeftmostLongest || !a.IsDFA() {
		t.Fatalf("PatternCount %d MaxPatternLen %d Kind %v IsDFA %v", a.PatternCount(), a.MaxPatternLen(), a.Kind(), a.IsDFA())
	}
	if a.MemoryUsage() <= 0 {
		t.Fatalf("MemoryUsage = %d", a.MemoryUsage())
	}
}

// TestStreamCommitted checks that Committed never passes the start of a match
// emitted later, and that Offset counts the bytes written.
func TestStreamCommitted(t *testing.T) {
	hay := []byte("xx abcd bc abcde ab")
	for _, kind := range []MatchKind{Overlapping, LeftmostLongest} {
		a := mustCompile(t, []string{"ab", "bc", "abcde", "cd"}, Options{Kind: kind, WholeWord: kind == Overlapping}, dfaBudget)
		st := a.NewStream()
		var committed []int64
		var got []Match
		for i := range hay {
			st.Write(hay[i:i+1], func(m Match) {
				for _, c := range committed {
					if m.Start < c {
						t.Fatalf("%v: match %v emitted after Committed() = %d", kind, m, c)
					}
				}
				got = append(got, m)
			})
			committed = append(committed, st.Committed())
			if st.Offset() != int64(i+1) {
				t.Fatalf("Offset = %d after %d bytes", st.Offset(), i+1)
			}
		}
		st.Close(func(m Match) { got = append(got, m) })
		if want := naive([]string{"ab", "bc", "abcde", "cd"}, hay, a.opts()); !slices.Equal(got, want) {
			t.Fatalf("%v: got %v, want %v", kind, got, want)
		}
		if st.Offset() != 0 {
			t.Fatalf("Offset after Close = %d, want 0", st.Offset())
		}
	}
}

// opts reconstructs the options (for tests).
func (a *Automaton) opts() Options {
	return Options{CaseInsensitive: a.fold, Kind: a.kind, WholeWord: a.wholeWord}
}

// TestStreamMemoryBounded streams 4 MiB in small chunks and checks the
// history and match buffers stay bounded.
func TestStreamMemoryBounded(t *testing.T) {
	a := mustCompile(t, []string{"abc", "bcd", "abcdefgh"}, Options{Kind: LeftmostLongest, WholeWord: true}, dfaBudget)
	st := a.NewStream()
	chunk := []byte("abc abcd abcdefgh xyz bcd ")
	n := 0
	for total := 0; total < 4<<20; total += len(chunk) {
		st.Write(chunk, func(Match) { n++ })
		if len(st.hist) > 2*(a.MaxPatternLen()+1) || cap(st.hist) > 4*(a.MaxPatternLen()+1) || cap(st.buf) > 64 {
			t.Fatalf("after %d bytes: hist len %d cap %d, buf cap %d", total, len(st.hist), cap(st.hist), cap(st.buf))
		}
	}
	if want := 3 * ((4<<20 + len(chunk) - 1) / len(chunk)); n != want {
		t.Fatalf("emitted %d matches, want %d", n, want)
	}
}
