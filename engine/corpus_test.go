package engine

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"slices"
	"testing"

	"github.com/datafog/datafog-api/engine/internal/corpus"
)

// The labelled corpus testdata/labelled.jsonl holds one JSON record per
// line: {"text", "labels": [{"type","start","end"}], "negative"?}. Labels
// are the exact findings expected; "negative" names the type a hard
// negative imitates. It is written by testdata/gen (seed 20240229, 100 per
// type); TestCorpusIsGenerated keeps the file and the generator in step.

const (
	corpusFile = "testdata/labelled.jsonl"
	corpusSeed = 20240229
	corpusPer  = 100
)

func readCorpus(t *testing.T) []corpus.Record {
	t.Helper()
	data, err := os.ReadFile(corpusFile)
	if err != nil {
		t.Fatal(err)
	}
	var out []corpus.Record
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var r corpus.Record
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("%s line %d: %v", corpusFile, len(out)+1, err)
		}
		out = append(out, r)
	}
	return out
}

func TestCorpusIsGenerated(t *testing.T) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	for _, r := range corpus.Labelled(corpusSeed, corpusPer) {
		if err := enc.Encode(r); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(corpusFile)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(data, buf.Bytes()) {
		t.Fatalf("%s is stale: run go run ./engine/testdata/gen > engine/%s", corpusFile, corpusFile)
	}
}

// checksumTypes are the types confirmed by a checksum or check digit;
// they must reach precision and recall 0.99 on the corpus.
var checksumTypes = map[EntityType]bool{
	CreditCard: true, IBAN: true, BankRouting: true, BitcoinAddress: true,
	EthereumAddress: true, UKNHSNumber: true, CASIN: true, USNPI: true, INAadhaar: true,
}

func TestCorpusPrecisionRecall(t *testing.T) {
	e := mustEngine(t, Config{})
	type counts struct{ tp, fp, fn int }
	// The labelled corpus covers the contract's types (corpus.Types);
	// later types are held to their own standard by TestTypeCorpus.
	covered := make([]EntityType, len(corpus.Types))
	per := map[EntityType]*counts{}
	for i, typ := range corpus.Types {
		covered[i] = EntityType(typ)
	}
	for _, typ := range BuiltinTypes {
		per[typ] = &counts{}
	}
	var fs []Finding
	for _, r := range readCorpus(t) {
		fs = e.Scan(fs[:0], []byte(r.Text), Filter{})
		matched := make([]bool, len(r.Labels))
		for _, f := range fs {
			if string(f.Type) == r.Negative {
				t.Errorf("hard negative reported as its lookalike %s: %q", f.Type, r.Text)
			}
			hit := false
			for i, l := range r.Labels {
				if !matched[i] && l.Type == string(f.Type) && int64(l.Start) == f.Start && int64(l.End) == f.End {
					matched[i], hit = true, true
					break
				}
			}
			if per[f.Type] == nil {
				per[f.Type] = &counts{}
				t.Errorf("type %s, not in this corpus, found in %q", f.Type, r.Text)
			}
			if hit {
				per[f.Type].tp++
			} else {
				per[f.Type].fp++
				t.Logf("unexpected %s %q in %q", f.Type, r.Text[f.Start:f.End], r.Text)
			}
		}
		for i, l := range r.Labels {
			if !matched[i] {
				per[EntityType(l.Type)].fn++
				t.Logf("missed %s %q in %q", l.Type, r.Text[l.Start:l.End], r.Text)
			}
		}
	}
	// A type the corpus does not cover must not be found in it.
	for _, typ := range BuiltinTypes {
		if c := per[typ]; !slices.Contains(covered, typ) && c.fp > 0 {
			t.Errorf("%s: %d findings in a corpus that holds none", typ, c.fp)
		}
	}
	for _, typ := range covered {
		c := per[typ]
		p := float64(c.tp) / float64(max(1, c.tp+c.fp))
		rc := float64(c.tp) / float64(max(1, c.tp+c.fn))
		t.Logf("%-16s precision %.3f recall %.3f (tp %d fp %d fn %d)", typ, p, rc, c.tp, c.fp, c.fn)
		if c.tp+c.fn == 0 {
			// A type this corpus does not label (the type corpus,
			// TestTypeCorpus, holds it to its figures) must not turn
			// up in it at all.
			if c.fp > 0 {
				t.Errorf("%s: %d findings in a corpus that holds none", typ, c.fp)
			}
			continue
		}
		if c.tp == 0 {
			t.Errorf("%s: no true positives in the corpus", typ)
		}
		floor := 0.95
		if checksumTypes[typ] {
			floor = 0.99
		}
		if p < floor || rc < floor {
			t.Errorf("%s: precision %.3f recall %.3f below %.2f", typ, p, rc, floor)
		}
	}
}

// contractTypes is the number of entity types of the contract's table,
// the first in BuiltinTypes; the labelled corpus covers them.
const contractTypes = 24

func mustEngine(t testing.TB, cfg Config) *Engine {
	t.Helper()
	e, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return e
}
