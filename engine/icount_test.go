package engine

import (
	"os"
	"strings"
	"testing"

	benchcorpus "github.com/datafog/datafog-api/bench/corpus"
	"github.com/datafog/datafog-api/engine/internal/corpus"
)

// TestICount scans one 4 MiB corpus three times inside icountMeasure, so
// that callgrind can count the instructions of the scans alone
// (bench/icount.sh runs it: --toggle-collect=*icountMeasure). Counts are
// repeatable on a shared machine, where wall-clock figures are not. It is
// skipped unless ICOUNT_CORPUS names a corpus: prose or jsonlogs (the
// engine's own, seed 42) or a bench/corpus kind (seed 1; bench-prose and
// bench-jsonlogs for that package's prose and JSON logs). ICOUNT_DISABLE
// lists types to disable, comma-separated ("person,street_address"; "later"
// stands for every type after the contract's first 24).
func TestICount(t *testing.T) {
	name := os.Getenv("ICOUNT_CORPUS")
	if name == "" {
		t.Skip()
	}
	var text []byte
	switch name {
	case "bench-prose", "bench-jsonlogs": // what BenchmarkEngine scans
		text, _ = benchcorpus.Generate(benchcorpus.Kind(name[len("bench-"):]), 4<<20, 1)
	case "prose":
		text = corpus.Prose(42, 4<<20)
	case "jsonlogs":
		text = corpus.JSONLogs(42, 4<<20)
	default:
		text, _ = benchcorpus.Generate(benchcorpus.Kind(name), 4<<20, 1)
	}
	e, err := New(disabling(os.Getenv("ICOUNT_DISABLE")))
	if err != nil {
		t.Fatal(err)
	}
	dst := make([]Finding, 0, 1<<17)
	dst = e.Scan(dst[:0], text, Filter{})
	icountMeasure(e, text, dst)
}

//go:noinline
func icountMeasure(e *Engine, text []byte, dst []Finding) {
	for k := 0; k < 3; k++ {
		dst = e.Scan(dst[:0], text, Filter{})
	}
}

// disabling returns a Config with the types of the comma-separated list
// disabled; "later" stands for every type after the contract's first 24.
func disabling(list string) Config {
	cfg := Config{Detectors: map[EntityType]DetectorConfig{}}
	for _, typ := range strings.FieldsFunc(list, func(r rune) bool { return r == ',' }) {
		if typ == "later" {
			for _, bt := range BuiltinTypes[24:] {
				cfg.Detectors[bt] = DetectorConfig{Disabled: true}
			}
			continue
		}
		cfg.Detectors[EntityType(typ)] = DetectorConfig{Disabled: true}
	}
	return cfg
}
