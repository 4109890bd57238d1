//go:build !race

package engine

import "testing"

// TestFoldAllocs checks that text with lookalikes costs no allocation:
// Scan's folded segments reuse the scan state's buffers, and the Scanner
// its carry and folding buffers.
func TestFoldAllocs(t *testing.T) {
	e := mustEngine(t, Config{})
	short := []byte("ssn ١٢٣-٤٥-٦٧٨٩, card 4111\u200b1111\u200b1111\u200b1111, mail bob＠example.com")
	long := segmentText(3, 256<<10)
	if foldSegments(long) < 5 {
		t.Fatal("the long text makes too few folded segments")
	}
	dst := make([]Finding, 0, 8192)
	for _, text := range [][]byte{short, long} {
		dst = e.Scan(dst[:0], text, Filter{})
		if len(dst) == 0 {
			t.Fatalf("no findings in %q...", text[:min(40, len(text))])
		}
		if n := testing.AllocsPerRun(20, func() { dst = e.Scan(dst[:0], text, Filter{}) }); n != 0 {
			t.Errorf("%d bytes: %v allocations per Scan, want 0", len(text), n)
		}
	}
	sc := e.NewScanner(Filter{})
	emit := func(Finding) {}
	run := func() {
		sc.Reset()
		for i := 0; i < len(long); i += 4093 {
			sc.Write(long[i:min(len(long), i+4093)], emit)
		}
		sc.Close(emit)
	}
	run()
	if n := testing.AllocsPerRun(10, run); n != 0 {
		t.Errorf("%v allocations per streamed scan, want 0", n)
	}
}
