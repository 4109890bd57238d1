package transform

import (
	"testing"
	"unsafe"
)

// TestParseModeDoesNotAliasInput pins that ParseMode returns the package
// constant rather than a view of its argument: transport parses modes from
// zero-copy views of request buffers and caches Transformers by mode, so an
// aliased result would change under the cache when the buffer is reused.
func TestParseModeDoesNotAliasInput(t *testing.T) {
	for _, want := range modeOrder {
		buf := []byte(want)
		view := unsafe.String(unsafe.SliceData(buf), len(buf))
		m, err := ParseMode(view)
		if err != nil || m != want {
			t.Fatalf("ParseMode(%q) = %q, %v", want, m, err)
		}
		for i := range buf {
			buf[i] = 'x'
		}
		if m != want {
			t.Errorf("ParseMode(%q) result changed to %q when the input buffer was overwritten", want, m)
		}
	}
}
