package engine

import (
	"math/rand/v2"
	"testing"
)

// TestBrokenLeads checks the vector kernel's second result against
// brokenLeads and its third (the non-ASCII bytes) on blocks rich in
// non-ASCII bytes, and that the default
// engine drops such bytes (its non-ASCII triggers are all lead bytes).
func TestBrokenLeads(t *testing.T) {
	if !useVector {
		t.Skip("no vector kernel here")
	}
	e := mustEngine(t, Config{})
	if e.dispatch.leadsOnly == 0 {
		t.Fatal("the default engine has a non-ASCII trigger byte that is no lead byte")
	}
	r := rand.New(rand.NewPCG(9, 10)) // #nosec G404 -- test data
	var w [64]byte
	for round := 0; round < 5000; round++ {
		for k := range w {
			w[k] = byte(r.Uint32())
			if r.IntN(2) == 0 {
				w[k] |= 0x80
			}
		}
		_, broken, high := triggerMaskAVX2(&w[0], &e.dispatch.nib)
		if broken != brokenLeads(w[:]) {
			t.Fatalf("block %x: kernel %064b, reference %064b", w, broken, brokenLeads(w[:]))
		}
		var want uint64
		for k, c := range w {
			if c >= 0x80 {
				want |= 1 << k
			}
		}
		if high != want {
			t.Fatalf("block %x: kernel's non-ASCII bytes %064b, want %064b", w, high, want)
		}
	}
}
