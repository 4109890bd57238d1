//go:build !race

package engine

import (
	"strings"
	"testing"
)

// TestProviderSecretAllocs: scanning every provider detector's examples,
// valid and invalid, allocates nothing.
func TestProviderSecretAllocs(t *testing.T) {
	e := mustEngine(t, Config{})
	var b strings.Builder
	for _, d := range providerSecretDetectors() {
		for _, ex := range d.Examples {
			b.WriteString(ex.Text)
			b.WriteString("\n")
		}
	}
	text := []byte(b.String())
	dst := make([]Finding, 0, 1024)
	if n := testing.AllocsPerRun(20, func() { dst = e.Scan(dst[:0], text, Filter{}) }); n != 0 {
		t.Errorf("%v allocations per Scan of the provider examples, want 0", n)
	}
	if len(dst) < 100 {
		t.Errorf("only %d findings in the provider examples", len(dst))
	}
}
