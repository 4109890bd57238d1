package engine

// TEMPORARY differential test against the committed engine; delete before
// finishing.

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/datafog/datafog-api/engine/internal/corpus"
	"github.com/datafog/datafog-api/engine/internal/oldengine"
)

func diffOne(t *testing.T, name string, e *Engine, o *oldengine.Engine, text []byte) {
	t.Helper()
	got := e.Scan(nil, text, Filter{})
	want := o.Scan(nil, text, oldengine.Filter{})
	if len(got) != len(want) {
		t.Fatalf("%s: %d findings, old %d", name, len(got), len(want))
	}
	for i := range got {
		g, w := got[i], want[i]
		if string(g.Type) != string(w.Type) || g.Start != w.Start || g.End != w.End || g.Confidence != w.Confidence || g.Validated != w.Validated {
			t.Fatalf("%s: finding %d: %+v, old %+v (%q)", name, i, g, w, text[max(0, w.Start-20):min(int64(len(text)), w.End+20)])
		}
	}
}

func TestOldDiff(t *testing.T) {
	e := mustEngine(t, Config{})
	o, err := oldengine.New(oldengine.Config{})
	if err != nil {
		t.Fatal(err)
	}
	for seed := uint64(1); seed <= 3; seed++ {
		diffOne(t, "prose", e, o, corpus.Prose(seed, 1<<20))
		diffOne(t, "json", e, o, corpus.JSONLogs(seed, 1<<20))
		diffOne(t, "stream", e, o, streamText(seed, 200<<10))
	}
	for _, r := range corpus.Labelled(corpusSeed, corpusPer) {
		diffOne(t, "labelled", e, o, []byte(r.Text))
	}
	for _, s := range append(validSamples(), hardNegatives()...) {
		diffOne(t, "sample", e, o, []byte(s.text))
	}
	// Mutated JSON and trigger-heavy soup.
	r := rand.New(rand.NewPCG(9, 9))
	js := corpus.JSONLogs(7, 256<<10)
	const alpha = "0123456789:.-=_@AJTZabcdefxyz \"',/+()[]{}:ABCDEF"
	for k := 0; k < 40; k++ {
		m := append([]byte(nil), js...)
		for x := 0; x < len(m)/20; x++ {
			m[r.IntN(len(m))] = alpha[r.IntN(len(alpha))]
		}
		diffOne(t, "mutjson", e, o, m)
		var b strings.Builder
		for b.Len() < 64<<10 {
			if r.IntN(8) == 0 {
				b.WriteString(string(js[r.IntN(len(js)-40):][:r.IntN(40)]))
			}
			b.WriteByte(alpha[r.IntN(len(alpha))])
		}
		diffOne(t, "soup", e, o, []byte(b.String()))
	}
}
