package names_test

import (
	"os"
	"testing"

	"github.com/datafog/datafog-api/engine"
	"github.com/datafog/datafog-api/engine/detect/names"
	"github.com/datafog/datafog-api/engine/internal/corpus"
)

// BenchmarkNames measures what issue 16 bounds: the gazetteer's load time
// and the memory it holds (op=load, metrics MB-held for the automaton on
// the heap and MB-embedded for the table read in place), and the engine's
// speed on prose and JSON logs with person and street_address enabled and
// disabled (the same engine otherwise). make bench runs it (bench/suite).
func BenchmarkNames(b *testing.B) {
	img, err := os.ReadFile("names.bin")
	if err != nil {
		b.Fatal(err)
	}
	b.Run("op=load", func(b *testing.B) {
		b.SetBytes(int64(len(img)))
		var tb *names.Table
		for b.Loop() {
			if tb, err = names.Decode(img); err != nil {
				b.Fatal(err)
			}
		}
		heap, emb := tb.MemoryUsage()
		b.ReportMetric(float64(heap)/(1<<20), "MB-held")
		b.ReportMetric(float64(emb)/(1<<20), "MB-embedded")
	})
	for _, c := range []string{"prose", "jsonlogs"} {
		text := corpus.Prose(42, 4<<20)
		if c == "jsonlogs" {
			text = corpus.JSONLogs(42, 4<<20)
		}
		for _, on := range []string{"on", "off"} {
			cfg := engine.Config{}
			if on == "off" {
				cfg.Detectors = map[engine.EntityType]engine.DetectorConfig{"person": {Disabled: true}, "street_address": {Disabled: true}}
			}
			e, err := engine.New(cfg)
			if err != nil {
				b.Fatal(err)
			}
			b.Run("corpus="+c+"/names="+on, func(b *testing.B) {
				dst := make([]engine.Finding, 0, 1<<16)
				b.SetBytes(int64(len(text)))
				b.ReportAllocs()
				for b.Loop() {
					dst = e.Scan(dst[:0], text, engine.Filter{})
				}
			})
		}
	}
}
