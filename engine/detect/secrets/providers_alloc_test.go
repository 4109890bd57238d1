//go:build !race

package secrets_test

import (
	"testing"

	"github.com/datafog/datafog-api/engine"
)

// TestProviderScanAllocs pins that scanning every provider example, with
// the base64 decoding some of them confirm by, allocates nothing.
func TestProviderScanAllocs(t *testing.T) {
	e := newEngine(t)
	text := exampleText(1)
	dst := make([]engine.Finding, 0, 4096)
	if n := testing.AllocsPerRun(20, func() { dst = e.Scan(dst[:0], text, engine.Filter{}) }); n != 0 {
		t.Errorf("%v allocations per scan of the provider examples, want 0", n)
	}
}
