//go:build !race

package automaton

import "testing"

// TestFindAllAllocs pins that FindAll with a reused dst allocates nothing,
// for every engine and match kind, on input long enough for the lanes.
func TestFindAllAllocs(t *testing.T) {
	hay := genText(6*laneBlock, 8) // long enough for lanes4
	for _, eng := range engines {
		for _, o := range []Options{
			{CaseInsensitive: true},
			{CaseInsensitive: true, Kind: LeftmostLongest},
			{CaseInsensitive: true, Kind: LeftmostLongest, WholeWord: true},
			{WholeWord: true},
		} {
			a := mustCompile(t, piiKeywords, o, eng.budget)
			dst := a.FindAll(nil, hay)
			if len(dst) == 0 && !o.WholeWord {
				t.Fatalf("%s %+v: no matches in the test text", eng.name, o)
			}
			if n := testing.AllocsPerRun(20, func() { dst = a.FindAll(dst[:0], hay) }); n != 0 {
				t.Errorf("%s %+v: FindAll allocates %v times per run", eng.name, o, n)
			}
		}
	}
}

// TestStreamAllocs pins that a warmed-up Stream allocates nothing per Write.
func TestStreamAllocs(t *testing.T) {
	hay := genText(6*laneBlock, 8) // long enough for lanes4
	a := mustCompile(t, piiKeywords, Options{CaseInsensitive: true, Kind: LeftmostLongest, WholeWord: true}, dfaBudget)
	st := a.NewStream()
	n := 0
	emit := func(Match) { n++ }
	run := func() {
		for i := 0; i < len(hay); i += 1000 {
			st.Write(hay[i:min(len(hay), i+1000)], emit)
		}
		st.Close(emit)
	}
	run()
	if allocs := testing.AllocsPerRun(20, run); allocs != 0 {
		t.Errorf("Stream allocates %v times per run", allocs)
	}
}
