package bench

import (
	"bytes"
	"flag"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/cloudflare/ahocorasick"

	"github.com/datafog/datafog-api/bench/baseline"
	"github.com/datafog/datafog-api/bench/corpus"
	"github.com/datafog/datafog-api/engine"
	"github.com/datafog/datafog-api/engine/automaton"
	"github.com/datafog/datafog-api/engine/transform"
)

var corpusSize = flag.Int("corpus-size", 1<<20, "bytes per generated corpus")

// benchKinds are the five workloads plus the PII-free control.
var benchKinds = append(append([]corpus.Kind{}, corpus.Kinds...), corpus.Clean)

var corpora sync.Map // corpus.Kind -> []byte

// data returns the corpus of kind, generated once per process with seed 1.
func data(k corpus.Kind) []byte {
	if v, ok := corpora.Load(k); ok {
		return v.([]byte)
	}
	d, _ := corpus.Generate(k, *corpusSize, 1)
	corpora.Store(k, d)
	return d
}

var disable = flag.String("disable", "", "entity types the engine benchmarks disable, comma-separated; \"later\" is every type after the contract's first 24")

var defaultEngine = sync.OnceValues(func() (*engine.Engine, error) {
	cfg := engine.Config{Detectors: map[engine.EntityType]engine.DetectorConfig{}}
	for _, typ := range strings.FieldsFunc(*disable, func(r rune) bool { return r == ',' }) {
		if typ == "later" {
			for _, bt := range engine.BuiltinTypes[24:] {
				cfg.Detectors[bt] = engine.DetectorConfig{Disabled: true}
			}
			continue
		}
		cfg.Detectors[engine.EntityType(typ)] = engine.DetectorConfig{Disabled: true}
	}
	return engine.New(cfg)
})

func newEngine(b *testing.B) *engine.Engine {
	e, err := defaultEngine()
	if err != nil {
		b.Fatal(err)
	}
	return e
}

// BenchmarkEngine scans each corpus whole (impl=ours), streamed in 64 KiB
// chunks (impl=ours-stream), and with the regexp-per-entity baseline
// (impl=regexp). It reports MB/s, allocations, and findings per scan.
func BenchmarkEngine(b *testing.B) {
	for _, k := range benchKinds {
		text := data(k)
		b.Run(fmt.Sprintf("corpus=%s/impl=ours", k), func(b *testing.B) {
			e := newEngine(b)
			dst := e.Scan(nil, text, engine.Filter{}) // size dst so the loop does not grow it
			n := len(dst)
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				dst = e.Scan(dst[:0], text, engine.Filter{})
			}
			b.ReportMetric(float64(n), "findings")
		})
		b.Run(fmt.Sprintf("corpus=%s/impl=ours-stream", k), func(b *testing.B) {
			e := newEngine(b)
			sc := e.NewScanner(engine.Filter{})
			n := 0
			emit := func(engine.Finding) { n++ }
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				sc.Reset()
				n = 0
				for i := 0; i < len(text); i += 64 << 10 {
					sc.Write(text[i:min(len(text), i+64<<10)], emit)
				}
				sc.Close(emit)
			}
			b.ReportMetric(float64(n), "findings")
		})
		b.Run(fmt.Sprintf("corpus=%s/impl=regexp", k), func(b *testing.B) {
			s := string(text)
			n := 0
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				n = len(baseline.Scan(s, nil))
			}
			b.ReportMetric(float64(n), "findings")
		})
	}
}

// BenchmarkRedact scans and masks each corpus: the whole-buffer path
// (Scan then Apply) and the streaming writer in 64 KiB writes.
func BenchmarkRedact(b *testing.B) {
	for _, k := range corpus.Kinds {
		text := data(k)
		b.Run(fmt.Sprintf("corpus=%s/impl=ours", k), func(b *testing.B) {
			e := newEngine(b)
			t, err := transform.New(transform.Options{Default: "mask"})
			if err != nil {
				b.Fatal(err)
			}
			findings := e.Scan(nil, text, engine.Filter{})
			out := make([]byte, 0, len(text)+len(text)/4)
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				findings = e.Scan(findings[:0], text, engine.Filter{})
				out, _ = t.Apply(out[:0], text, findings)
			}
		})
		b.Run(fmt.Sprintf("corpus=%s/impl=ours-stream", k), func(b *testing.B) {
			e := newEngine(b)
			t, err := transform.New(transform.Options{Default: "mask"})
			if err != nil {
				b.Fatal(err)
			}
			var out bytes.Buffer
			out.Grow(len(text) + len(text)/4)
			sc := e.NewScanner(engine.Filter{})
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				out.Reset()
				sc.Reset()
				w := t.NewWriter(&out, sc)
				for i := 0; i < len(text); i += 64 << 10 {
					if _, err := w.Write(text[i:min(len(text), i+64<<10)]); err != nil {
						b.Fatal(err)
					}
				}
				if err := w.Close(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// keywords are 24 PII context and secret-prefix keywords, matched
// case-insensitively.
var keywords = []string{
	"password", "passwd", "api_key", "apikey", "secret", "token", "ssn", "iban",
	"routing", "account", "akia", "ghp_", "xoxb-", "sk_live_", "-----begin", "aadhaar",
	"nhs", "npi", "bearer", "credit", "card", "email", "phone", "private",
}

// BenchmarkAutomaton runs the 24 keywords over each corpus with our
// automaton and with cloudflare/ahocorasick. Cloudflare is case-sensitive,
// so it gets a lower-cased copy of the corpus made outside the timed loop
// (a favour to the baseline).
func BenchmarkAutomaton(b *testing.B) {
	for _, k := range corpus.Kinds {
		text := data(k)
		b.Run(fmt.Sprintf("corpus=%s/impl=ours", k), func(b *testing.B) {
			a, err := automaton.Compile(keywords, automaton.Options{CaseInsensitive: true})
			if err != nil {
				b.Fatal(err)
			}
			dst := a.FindAll(nil, text)
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				dst = a.FindAll(dst[:0], text)
			}
		})
		b.Run(fmt.Sprintf("corpus=%s/impl=cloudflare", k), func(b *testing.B) {
			m := ahocorasick.NewStringMatcher(keywords)
			lower := bytes.ToLower(text)
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				_ = m.Match(lower)
			}
		})
	}
}
