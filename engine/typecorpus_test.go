package engine

import (
	"testing"

	"github.com/datafog/datafog-api/engine/internal/corpus"
)

// TestTypeCorpus holds every type registered in the type corpus
// (engine/internal/corpus, types_<family>.go) to precision and recall of
// at least 0.98 at the default settings, and allows at most 1% of its
// hard negatives (invalid values with a context word, scrambled values
// next to another label, never valid by the type's Check) to be flagged
// as the type they imitate. A finding of another registered type in a
// record of valid values counts as that type's false positive.
func TestTypeCorpus(t *testing.T) {
	gens := corpus.TypeGens()
	if len(gens) == 0 {
		t.Skip("no type registered in the type corpus")
	}
	e := mustEngine(t, Config{})
	f := Filter{}.WithMinConfidence(DefaultMinConfidence)
	type counts struct{ tp, fp, fn, neg, flagged int }
	per := map[string]*counts{}
	for _, g := range gens {
		per[g.Type] = &counts{}
	}
	var fs []Finding
	for _, r := range corpus.TypeRecords(20261203, 100) {
		fs = e.Scan(fs[:0], []byte(r.Text), f)
		if r.Negative != "" {
			c := per[r.Negative]
			c.neg++
			for _, f := range fs {
				if string(f.Type) == r.Negative {
					c.flagged++
					t.Logf("hard negative flagged as %s: %q", f.Type, r.Text)
					break
				}
			}
		}
		matched := make([]bool, len(r.Labels))
		for _, f := range fs {
			c, ours := per[string(f.Type)]
			if !ours || string(f.Type) == r.Negative {
				continue
			}
			if r.Negative != "" && len(r.Labels) == 0 {
				// Another type's lookalike is random text of that type's
				// shape: what else it holds is not known, so a finding of
				// a third type there counts neither way.
				continue
			}
			hit := false
			for i, l := range r.Labels {
				if !matched[i] && l.Type == string(f.Type) && int64(l.Start) == f.Start && int64(l.End) == f.End {
					matched[i], hit = true, true
				}
			}
			if hit {
				c.tp++
			} else {
				c.fp++
				t.Logf("unexpected %s %q in %q", f.Type, r.Text[f.Start:f.End], r.Text)
			}
		}
		for i, l := range r.Labels {
			if !matched[i] {
				per[l.Type].fn++
				t.Logf("missed %s %q in %q", l.Type, r.Text[l.Start:l.End], r.Text)
			}
		}
	}
	for _, g := range gens {
		c := per[g.Type]
		p := float64(c.tp) / float64(max(1, c.tp+c.fp))
		rc := float64(c.tp) / float64(max(1, c.tp+c.fn))
		neg := float64(c.flagged) / float64(max(1, c.neg))
		t.Logf("%-28s precision %.3f recall %.3f negatives flagged %.3f (tp %d fp %d fn %d; %d of %d negatives)", g.Type, p, rc, neg, c.tp, c.fp, c.fn, c.flagged, c.neg)
		if p < 0.98 || rc < 0.98 || neg > 0.01 {
			t.Errorf("%s: precision %.3f recall %.3f (want >= 0.98), negatives flagged %.3f (want <= 0.01)", g.Type, p, rc, neg)
		}
	}
}
