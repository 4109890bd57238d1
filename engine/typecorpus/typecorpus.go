// Package typecorpus lets code outside the engine use the type corpus's
// generators (engine/internal/corpus): for every registered entity type, a
// valid value by its published definition and a lookalike that fails its
// check. The benchmark corpora of bench/corpus draw on them, so that a
// corpus picks up each new detector's type as soon as the detector's
// author registers its generator (engine/detect/doc.go asks every type to
// have one).
//
// It imports neither the engine nor the benchmark harness, and the
// shipped binary does not link it.
package typecorpus

import "github.com/datafog/datafog-api/engine/internal/corpus"

// Gen makes values of one entity type; see corpus.TypeGen for its fields
// (Type, Valid, Invalid, Context, NeedsContext, Check, Lookalike).
type Gen = corpus.TypeGen

// Gens returns every registered generator, sorted by type.
func Gens() []Gen { return corpus.TypeGens() }

// Lookup returns the generator of typ, if one is registered.
func Lookup(typ string) (Gen, bool) {
	for _, g := range corpus.TypeGens() {
		if g.Type == typ {
			return g, true
		}
	}
	return Gen{}, false
}
