//go:build !race

package engine

import (
	"runtime"
	"testing"

	"github.com/datafog/datafog-api/engine/internal/corpus"
)

func TestScanAllocs(t *testing.T) {
	e := mustEngine(t, Config{})
	clean := []byte("The quick brown fox: jumps over the lazy dog = 42 times - A Journey, 2 of 3, on_time.")
	findings := []byte("mail bob@example.com, card 4111 1111 1111 1111, on 2024-02-29 from 10.0.0.1 and NHS 943 476 5919")
	logs := corpus.JSONLogs(1, 64<<10)
	dst := make([]Finding, 0, 4096)
	for _, tc := range []struct {
		name string
		text []byte
	}{{"no findings", clean}, {"findings", findings}, {"json logs", logs}} {
		if n := testing.AllocsPerRun(50, func() { dst = e.Scan(dst[:0], tc.text, Filter{}) }); n != 0 {
			t.Errorf("%s: %v allocations per Scan, want 0", tc.name, n)
		}
	}
	if len(e.Scan(nil, clean, Filter{})) != 0 {
		t.Fatal("clean text has findings")
	}
}

func TestScannerAllocs(t *testing.T) {
	e := mustEngine(t, Config{})
	text := corpus.Prose(3, 256<<10)
	sc := e.NewScanner(Filter{})
	emit := func(Finding) {}
	run := func() {
		sc.Reset()
		for i := 0; i < len(text); i += 16 << 10 {
			sc.Write(text[i:min(len(text), i+16<<10)], emit)
		}
		sc.Close(emit)
	}
	run()
	if n := testing.AllocsPerRun(10, run); n != 0 {
		t.Errorf("%v allocations per streamed scan, want 0", n)
	}
}

// TestScanAllocsAfterGC checks that a garbage collection between scans does
// not make the next scan allocate: the scan state survives in the engine's
// GC-proof slots.
func TestScanAllocsAfterGC(t *testing.T) {
	e := mustEngine(t, Config{})
	text := []byte("mail bob@example.com, card 4111 1111 1111 1111, on 2024-02-29")
	dst := make([]Finding, 0, 16)
	dst = e.Scan(dst[:0], text, Filter{})
	// MemStats counts the whole process: a finalizer or cleanup of an
	// earlier test may allocate during the measured scan. A scan that
	// allocates after a collection does so on every attempt, so a round
	// fails only when all three of its attempts saw allocations.
	var before, after runtime.MemStats
	for i := 0; i < 5; i++ {
		var n uint64
		for attempt := 0; attempt < 3; attempt++ {
			runtime.GC()
			runtime.GC()
			runtime.ReadMemStats(&before)
			dst = e.Scan(dst[:0], text, Filter{})
			runtime.ReadMemStats(&after)
			if n = after.Mallocs - before.Mallocs; n == 0 {
				break
			}
		}
		if n != 0 {
			t.Fatalf("scan after GC: %d allocations, want 0", n)
		}
	}
	if len(dst) != 3 {
		t.Fatalf("got %d findings, want 3", len(dst))
	}
}
