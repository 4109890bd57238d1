package engine

import (
	"testing"

	"github.com/datafog/datafog-api/bench/baseline"
	"github.com/datafog/datafog-api/engine/internal/corpus"
)

// The regexp-per-entity baseline (the datafog-api way: one Go regexp per
// entity type, run in sequence) is bench/baseline's, the same one the bench
// suite runs.

const benchSize = 4 << 20

var benchCorpora = map[string][]byte{}

func benchCorpus(name string) []byte {
	if c, ok := benchCorpora[name]; ok {
		return c
	}
	var c []byte
	switch name {
	case "prose":
		c = corpus.Prose(42, benchSize)
	case "jsonlogs":
		c = corpus.JSONLogs(42, benchSize)
	}
	benchCorpora[name] = c
	return c
}

// BenchmarkScan compares, on the same corpora in the same run, our
// whole-buffer Scan (impl=ours), the streaming Scanner in 64 KiB chunks
// (impl=stream) and the regexp-per-entity baseline (impl=regexp).
func BenchmarkScan(b *testing.B) {
	e := mustEngine(b, Config{})
	for _, name := range []string{"prose", "jsonlogs"} {
		text := benchCorpus(name)
		b.Run("corpus="+name+"/impl=ours", func(b *testing.B) {
			dst := make([]Finding, 0, 1<<16)
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				dst = e.Scan(dst[:0], text, Filter{})
			}
			b.ReportMetric(float64(len(dst)), "findings")
		})
		b.Run("corpus="+name+"/impl=stream", func(b *testing.B) {
			sc := e.NewScanner(Filter{})
			n := 0
			emit := func(Finding) { n++ }
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				n = 0
				sc.Reset()
				for i := 0; i < len(text); i += 64 << 10 {
					sc.Write(text[i:min(len(text), i+64<<10)], emit)
				}
				sc.Close(emit)
			}
			b.ReportMetric(float64(n), "findings")
		})
		b.Run("corpus="+name+"/impl=regexp", func(b *testing.B) {
			// The baseline runs at well under 1 MB/s, so it gets the first
			// 256 KiB of the corpus (same text, same MB/s meaning).
			s := string(text[:256<<10])
			var out []baseline.Finding
			b.SetBytes(int64(len(s)))
			b.ReportAllocs()
			for b.Loop() {
				out = baseline.Scan(s, nil)
			}
			b.ReportMetric(float64(len(out)), "findings")
		})
	}
}
