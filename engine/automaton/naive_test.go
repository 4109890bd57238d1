package automaton

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// naive is the reference: it tries every pattern at every end offset, applies
// the whole-word filter, orders by (End, Start, Pattern) and, for
// LeftmostLongest, picks matches greedily from the left.
func naive(patterns []string, hay []byte, o Options) []Match {
	eq := func(x, y byte) bool {
		if o.CaseInsensitive {
			return lower(x) == lower(y)
		}
		return x == y
	}
	var occ []Match
	for e := 1; e <= len(hay); e++ {
		for p, pat := range patterns {
			s := e - len(pat)
			if s < 0 {
				continue
			}
			ok := true
			for k := 0; k < len(pat) && ok; k++ {
				ok = eq(hay[s+k], pat[k])
			}
			if ok && o.WholeWord {
				ok = (s == 0 || !isWord(hay[s-1])) && (e == len(hay) || !isWord(hay[e]))
			}
			if ok {
				occ = append(occ, Match{Pattern: p, Start: int64(s), End: int64(e)})
			}
		}
	}
	slices.SortStableFunc(occ, func(x, y Match) int {
		if x.End != y.End {
			return int(x.End - y.End)
		}
		if x.Start != y.Start {
			return int(x.Start - y.Start)
		}
		return x.Pattern - y.Pattern
	})
	if o.Kind == Overlapping {
		return occ
	}
	var out []Match
	pos := int64(0)
	for {
		best := -1
		for i, m := range occ {
			if m.Start < pos {
				continue
			}
			if best < 0 {
				best = i
				continue
			}
			b := occ[best]
			if m.Start < b.Start || (m.Start == b.Start && (m.End > b.End || (m.End == b.End && m.Pattern < b.Pattern))) {
				best = i
			}
		}
		if best < 0 {
			return out
		}
		out = append(out, occ[best])
		pos = occ[best].End
	}
}

// engines lists the two representations under a test name.
var engines = []struct {
	name   string
	budget int
}{{"dfa", dfaBudget}, {"nfa", 0}}

func mustCompile(t testing.TB, patterns []string, o Options, budget int) *Automaton {
	t.Helper()
	a, err := compile(patterns, o, budget)
	if err != nil {
		t.Fatalf("compile: %v", err)
	}
	if a.dense != (budget > 0) {
		t.Fatalf("compile with budget %d: dense = %v", budget, a.dense)
	}
	return a
}

// streamAll feeds hay to a fresh stream cut at the given chunk sizes (cycled;
// the rest in one piece if sizes is empty) and returns the emitted matches.
func streamAll(a *Automaton, hay []byte, sizes []int) []Match {
	st := a.NewStream()
	var got []Match
	emit := func(m Match) { got = append(got, m) }
	for i, k := 0, 0; i < len(hay); k++ {
		n := len(hay) - i
		if len(sizes) > 0 {
			n = min(n, max(1, sizes[k%len(sizes)]))
		}
		st.Write(hay[i:i+n], emit)
		i += n
	}
	st.Close(emit)
	return got
}

func randomSizes(r *rand.Rand, n int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = 1 + r.IntN(9)
	}
	return s
}

func TestDifferentialNaive(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	alphabets := []string{"ab", "abc", "aA_ b", "xyz\x00"}
	for iter := 0; iter < 3000; iter++ {
		alpha := alphabets[iter%len(alphabets)]
		pats := make([]string, 1+r.IntN(6))
		for i := range pats {
			b := make([]byte, 1+r.IntN(5))
			for k := range b {
				b[k] = alpha[r.IntN(len(alpha))]
			}
			pats[i] = string(b)
		}
		hay := make([]byte, r.IntN(120))
		if iter%100 == 0 {
			hay = make([]byte, 2*laneBlock+r.IntN(3*laneBlock)) // long enough for the two-lane loop
		}
		for k := range hay {
			hay[k] = alpha[r.IntN(len(alpha))]
		}
		o := Options{CaseInsensitive: r.IntN(2) == 0, Kind: MatchKind(r.IntN(2)), WholeWord: r.IntN(3) == 0}
		want := naive(pats, hay, o)
		for _, eng := range engines {
			a := mustCompile(t, pats, o, eng.budget)
			desc := fmt.Sprintf("iter %d %s %+v patterns %q haystack %q", iter, eng.name, o, pats, hay)
			if got := a.FindAll(nil, hay); !slices.Equal(got, want) {
				t.Fatalf("%s: FindAll\n got %v\nwant %v", desc, got, want)
			}
			if got := streamAll(a, hay, randomSizes(r, 5)); !slices.Equal(got, want) {
				t.Fatalf("%s: stream\n got %v\nwant %v", desc, got, want)
			}
		}
	}
}

// TestLanes runs long haystacks with sparse matches, so the lane loops
// (lanes4 for overlapping matches, lanes2 otherwise) cover whole blocks,
// lanes 1..3 buffer matches, and matches cross every lane boundary; one
// pattern is long, so the lanes' warm-up is long too.
func TestLanes(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	const alpha = "etaoinsh" // common letters: the prefilter stays off
	for iter := 0; iter < 12; iter++ {
		hay := make([]byte, 5*laneBlock+r.IntN(4*laneBlock))
		for k := range hay {
			hay[k] = alpha[r.IntN(len(alpha))]
		}
		pats := make([]string, 6)
		for i := range pats {
			n := 3 + r.IntN(3)
			if i == 0 {
				n = 200 + r.IntN(300)
			}
			off := r.IntN(len(hay) - n)
			pats[i] = string(hay[off : off+n]) // guarantees at least one hit
		}
		// Plant the patterns across the lane boundaries too.
		for _, at := range []int{laneBlock - 2, 2*laneBlock - 1, laneBlock + len(pats[0]) - 3, 3*laneBlock - 1, 3*laneBlock + 2, 4*laneBlock - 3} {
			p := pats[r.IntN(len(pats))]
			copy(hay[max(0, at):], p)
		}
		for _, o := range []Options{{}, {Kind: LeftmostLongest}, {WholeWord: true}} {
			want := naive(pats, hay, o)
			a := mustCompile(t, pats, o, dfaBudget)
			if a.pre.kind != preNone {
				t.Fatalf("iter %d: prefilter enabled, lanes not exercised", iter)
			}
			if got := a.FindAll(nil, hay); !slices.Equal(got, want) {
				t.Fatalf("iter %d %+v: FindAll: %d matches, want %d\n got %v\nwant %v", iter, o, len(got), len(want), got, want)
			}
			if got := streamAll(a, hay, []int{laneBlock*2 + 700, 1, 5000}); !slices.Equal(got, want) {
				t.Fatalf("iter %d %+v: stream differs", iter, o)
			}
		}
	}
}

// TestLanesDense has a match state at almost every byte, so each of
// lanes4's event buffers overflows (the lane is abandoned and the search
// resumes from its first unbuffered match) and lanes2 stops at every match.
func TestLanesDense(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	pats := []string{"e", "et", "te", "tet", "eeee", "ette"} // common letters: no prefilter
	for iter := 0; iter < 6; iter++ {
		hay := make([]byte, 4*laneBlock+r.IntN(5*laneBlock))
		for k := range hay {
			hay[k] = "eet"[r.IntN(3)]
		}
		for _, o := range []Options{{}, {CaseInsensitive: true}, {Kind: LeftmostLongest}, {WholeWord: true}} {
			want := naive(pats, hay, o)
			if o.Kind == Overlapping && !o.WholeWord && len(want) < len(hay) {
				t.Fatalf("iter %d: only %d matches in %d bytes; the buffers would not fill", iter, len(want), len(hay))
			}
			for _, eng := range engines {
				a := mustCompile(t, pats, o, eng.budget)
				if a.pre.kind != preNone {
					t.Fatalf("iter %d: prefilter enabled, lanes not exercised", iter)
				}
				if got := a.FindAll(nil, hay); !slices.Equal(got, want) {
					t.Fatalf("iter %d %s %+v: FindAll: %d matches, want %d", iter, eng.name, o, len(got), len(want))
				}
				if got := streamAll(a, hay, []int{4*laneBlock + 9, 3, 6000}); !slices.Equal(got, want) {
					t.Fatalf("iter %d %s %+v: stream differs", iter, eng.name, o)
				}
			}
		}
	}
}

// TestFindAllShort checks FindAllShort and Contains against FindAll on
// random texts, for automata of every kind.
func TestFindAllShort(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 11))
	pats := []string{"ssn", "zip", "zip code", "nhs", "sin", "a", "ab", "bab", "routing", "aba"}
	for _, opts := range []Options{
		{Kind: Overlapping, CaseInsensitive: true},
		{Kind: Overlapping},
		{Kind: LeftmostLongest},
		{Kind: Overlapping, WholeWord: true},
	} {
		a, err := Compile(pats, opts)
		if err != nil {
			t.Fatal(err)
		}
		for n := 0; n < 300; n++ {
			b := make([]byte, r.IntN(80))
			for i := range b {
				b[i] = "abszipSSNnhroutg ABC"[r.IntN(20)]
			}
			want := a.FindAll(nil, b)
			if a.Contains(b) != (len(want) > 0) {
				t.Fatalf("%+v on %q: Contains %v, FindAll %v", opts, b, a.Contains(b), want)
			}
			got := a.FindAllShort(nil, b)
			if !slices.Equal(got, want) {
				t.Fatalf("%+v on %q: FindAllShort %v, FindAll %v", opts, b, got, want)
			}
		}
	}
}
