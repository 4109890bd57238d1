//go:build !race

package names_test

import (
	"testing"

	"github.com/datafog/datafog-api/engine"
)

// TestScanAllocsNames pins Scan allocation-free on text full of names,
// keys and addresses (the person and street_address hot paths).
func TestScanAllocsNames(t *testing.T) {
	e := mustEngine(t)
	text := streamText(9, 64<<10)
	dst := make([]engine.Finding, 0, 1<<14)
	dst = e.Scan(dst[:0], text, engine.Filter{})
	if n := testing.AllocsPerRun(20, func() { dst = e.Scan(dst[:0], text, engine.Filter{}) }); n != 0 {
		t.Errorf("%v allocations per Scan, want 0", n)
	}
}
