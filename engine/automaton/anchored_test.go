package automaton

import (
	"math/rand/v2"
	"testing"
)

// TestStartsAt checks StartsAt against FindAll of an overlapping
// automaton: at every position, the matches that start there, for dense
// and compact automata, case-sensitive and folding, on random patterns
// and text over a small alphabet (so that patterns overlap and share
// prefixes).
func TestStartsAt(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2)) // #nosec G404 -- test data
	word := func(n int) string {
		b := make([]byte, n)
		for i := range b {
			b[i] = "abAB \xc3"[r.IntN(6)]
		}
		return string(b)
	}
	for round := 0; round < 200; round++ {
		pats := make([]string, 1+r.IntN(12))
		for i := range pats {
			pats[i] = word(1 + r.IntN(5))
		}
		hay := []byte(word(200))
		for _, opts := range []Options{
			{Kind: Overlapping},
			{Kind: Overlapping, CaseInsensitive: true},
		} {
			for _, budget := range []int{dfaBudget, 0} {
				a, err := compile(pats, opts, budget)
				if err != nil {
					t.Fatal(err)
				}
				want := map[int][]Match{}
				for _, m := range a.FindAll(nil, hay) {
					want[int(m.Start)] = append(want[int(m.Start)], m)
				}
				first := a.FirstBytes()
				for i := range hay {
					got := a.StartsAt(nil, hay, i)
					if !sameMatches(got, want[i]) {
						t.Fatalf("patterns %q, %+v, dense %v: at %d got %v, want %v", pats, opts, a.IsDFA(), i, got, want[i])
					}
					if len(got) > 0 && !first[hay[i]] {
						t.Fatalf("patterns %q: FirstBytes misses %q", pats, hay[i])
					}
				}
				for b := range 256 {
					starts := false
					for _, p := range pats {
						starts = starts || p[0] == byte(b) || opts.CaseInsensitive && lower(p[0]) == lower(byte(b))
					}
					if first[b] != starts {
						t.Fatalf("patterns %q, %+v: FirstBytes[%#x] = %v", pats, opts, b, first[b])
					}
				}
			}
		}
	}
}

// sameMatches reports whether a and b hold the same matches, in any order.
func sameMatches(a, b []Match) bool {
	if len(a) != len(b) {
		return false
	}
	seen := map[Match]int{}
	for _, m := range a {
		seen[m]++
	}
	for _, m := range b {
		if seen[m] == 0 {
			return false
		}
		seen[m]--
	}
	return true
}

// TestStartsAtAllocs: StartsAt allocates nothing when dst has room.
func TestStartsAtAllocs(t *testing.T) {
	a, err := Compile([]string{"Mar", "Mary ", "Jo"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	hay := []byte("Dear Mary Jones")
	dst := make([]Match, 0, 8)
	if n := testing.AllocsPerRun(100, func() { dst = a.StartsAt(dst[:0], hay, 5) }); n != 0 {
		t.Fatalf("%v allocations", n)
	}
	if len(dst) != 2 {
		t.Fatalf("matches %v", dst)
	}
}

// TestFindAllShortFromPieces: a search resumed piece by piece finds the
// matches of one search over the whole text, at the same offsets.
func TestFindAllShortFromPieces(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4)) // #nosec G404 -- test data
	for round := 0; round < 300; round++ {
		pats := make([]string, 1+r.IntN(10))
		for i := range pats {
			b := make([]byte, 1+r.IntN(6))
			for k := range b {
				b[k] = "abAB "[r.IntN(5)]
			}
			pats[i] = string(b)
		}
		a, err := Compile(pats, Options{Kind: Overlapping, CaseInsensitive: round%2 == 0})
		if err != nil {
			t.Fatal(err)
		}
		if !a.Resumable() {
			continue
		}
		hay := make([]byte, 100)
		for k := range hay {
			hay[k] = "abAB x"[r.IntN(6)]
		}
		want := a.FindAll(nil, hay)
		var got []Match
		st := a.ShortStart()
		for at := 0; at < len(hay); {
			n := min(len(hay)-at, 1+r.IntN(20))
			var ms []Match
			ms, st = a.FindAllShortFrom(nil, hay[at:at+n], st)
			for _, m := range ms {
				m.Start += int64(at)
				m.End += int64(at)
				got = append(got, m)
			}
			at += n
		}
		if !sameMatches(got, want) {
			t.Fatalf("patterns %q: pieces %v, whole %v", pats, got, want)
		}
	}
}
