package automaton

import (
	"bytes"
	"slices"
	"testing"
)

// fuzzPatterns splits spec at '|' into at most 8 non-empty patterns of at
// most 12 bytes.
func fuzzPatterns(spec []byte) []string {
	var out []string
	for _, p := range bytes.Split(spec, []byte("|")) {
		if len(p) == 0 {
			continue
		}
		out = append(out, string(p[:min(len(p), 12)]))
		if len(out) == 8 {
			break
		}
	}
	return out
}

// fuzzOptions decodes the option bits: 1 case-insensitive, 2 leftmost-longest,
// 4 whole-word, 8 NFA.
func fuzzOptions(flags uint8) (Options, int) {
	o := Options{CaseInsensitive: flags&1 != 0, WholeWord: flags&4 != 0}
	if flags&2 != 0 {
		o.Kind = LeftmostLongest
	}
	budget := dfaBudget
	if flags&8 != 0 {
		budget = 0
	}
	return o, budget
}

// FuzzAutomatonVsNaive checks FindAll against the naive reference.
func FuzzAutomatonVsNaive(f *testing.F) {
	f.Add([]byte("he|she|his|hers"), []byte("ushers"), uint8(0))
	f.Add([]byte("ab|abcd|bcde"), []byte("xabcdeab"), uint8(2))
	f.Add([]byte("Pass|password"), []byte("password PASS pass."), uint8(7))
	f.Fuzz(func(t *testing.T, spec, hay []byte, flags uint8) {
		if len(hay) > 4096 {
			hay = hay[:4096]
		}
		pats := fuzzPatterns(spec)
		o, budget := fuzzOptions(flags)
		a := mustCompile(t, pats, o, budget)
		want := naive(pats, hay, o)
		if got := a.FindAll(nil, hay); !slices.Equal(got, want) {
			t.Fatalf("patterns %q %+v: got %v, want %v", pats, o, got, want)
		}
	})
}

// FuzzStreamVsWhole checks that a stream cut at fuzzed chunk sizes emits
// exactly FindAll's matches.
func FuzzStreamVsWhole(f *testing.F) {
	f.Add([]byte("abc|bcd|abcdefgh"), []byte("abc abcd abcdefgh xyz bcd"), []byte{1, 2, 3}, uint8(2))
	f.Add([]byte("aa|a"), []byte("aaaaaaa"), []byte{1}, uint8(6))
	f.Add([]byte("key|API_KEY"), []byte("my api_key=1; Key"), []byte{5, 1}, uint8(9))
	f.Fuzz(func(t *testing.T, spec, hay, cuts []byte, flags uint8) {
		if len(hay) > 4096 {
			hay = hay[:4096]
		}
		pats := fuzzPatterns(spec)
		o, budget := fuzzOptions(flags)
		a := mustCompile(t, pats, o, budget)
		sizes := make([]int, len(cuts))
		for i, c := range cuts {
			sizes[i] = int(c)
		}
		want := a.FindAll(nil, hay)
		if got := streamAll(a, hay, sizes); !slices.Equal(got, want) {
			t.Fatalf("patterns %q %+v chunks %v: stream %v, whole %v", pats, o, sizes, got, want)
		}
	})
}

// FuzzLoad feeds arbitrary bytes to Load, both as given and with a valid
// checksum, and checks that anything that loads searches safely and
// re-marshals to the same bytes.
func FuzzLoad(f *testing.F) {
	for _, set := range roundTripSets {
		for _, eng := range engines {
			a := mustCompile(f, set.patterns, set.opts, eng.budget)
			blob, _ := a.MarshalBinary()
			f.Add(blob)
		}
	}
	f.Add([]byte("DFAC"))
	f.Fuzz(func(t *testing.T, data []byte) {
		hay := data
		if len(hay) > 2048 {
			hay = hay[:2048]
		}
		checkLoadedSane(t, data, hay)
		checkLoadedSane(t, reseal(data), hay)
	})
}
