package automaton

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/cloudflare/ahocorasick"
)

// TestDifferentialCloudflare checks that the set of patterns found equals
// the set github.com/cloudflare/ahocorasick reports, on random dictionaries
// (distinct terms, since cloudflare reports one index per distinct term)
// over random text and generated prose.
func TestDifferentialCloudflare(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	prose := genText(64<<10, 9)
	for iter := 0; iter < 60; iter++ {
		var dict []string
		var hay []byte
		if iter%2 == 0 {
			// Small alphabet: many overlapping hits.
			seen := map[string]bool{}
			for len(dict) < 1+r.IntN(40) {
				b := make([]byte, 1+r.IntN(6))
				for k := range b {
					b[k] = "abcd"[r.IntN(4)]
				}
				if !seen[string(b)] {
					seen[string(b)] = true
					dict = append(dict, string(b))
				}
			}
			hay = make([]byte, r.IntN(3000))
			for k := range hay {
				hay[k] = "abcde"[r.IntN(5)]
			}
		} else {
			dict = genDictionary(50+r.IntN(500), uint64(iter))
			off := r.IntN(len(prose) - 20000)
			hay = prose[off : off+r.IntN(20000)]
		}
		want := ahocorasick.NewStringMatcher(dict).Match(hay)
		slices.Sort(want)
		for _, eng := range engines {
			a := mustCompile(t, dict, Options{}, eng.budget)
			var got []int
			for _, m := range a.FindAll(nil, hay) {
				got = append(got, m.Pattern)
			}
			slices.Sort(got)
			got = slices.Compact(got)
			if !slices.Equal(got, want) {
				t.Fatalf("iter %d %s: %d patterns: found %v, cloudflare %v", iter, eng.name, len(dict), got, want)
			}
		}
	}
}
