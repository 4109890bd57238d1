//go:build !race

package transform

import (
	"io"
	"testing"

	"github.com/datafog/datafog-api/engine"
)

func TestApplyAllocations(t *testing.T) {
	text := []byte(sampleText)
	dst := make([]byte, 0, 4096)
	for _, m := range Modes() {
		tr, err := New(Options{Default: m, Key: testKey})
		if err != nil {
			t.Fatal(err)
		}
		if n := testing.AllocsPerRun(100, func() { tr.Apply(dst[:0], text, nil) }); n != 0 {
			t.Errorf("%s: Apply without findings: %v allocs, want 0", m, n)
		}
		// With findings, the only allocation is the returned ByType map
		// (its header and one group of slots).
		if n := testing.AllocsPerRun(100, func() { tr.Apply(dst[:0], text, sampleFindings) }); n != 2 {
			t.Errorf("%s: Apply with findings: %v allocs, want 2", m, n)
		}
	}
}

func TestWriterAllocations(t *testing.T) {
	e := newEngine(t)
	tr, err := New(Options{Default: Tokenize, Key: testKey})
	if err != nil {
		t.Fatal(err)
	}
	chunk := []byte("plain prose without anything sensitive, repeated many times over. ")
	w := tr.NewWriter(io.Discard, e.NewScanner(engine.Filter{}))
	for range 2000 { // reach steady-state buffer sizes
		w.Write(chunk)
	}
	if n := testing.AllocsPerRun(200, func() { w.Write(chunk) }); n != 0 {
		t.Errorf("Writer.Write without findings: %v allocs, want 0", n)
	}
	hot := []byte("card 4111 1111 1111 1111 and more prose after it. ")
	for range 2000 {
		w.Write(hot)
	}
	if n := testing.AllocsPerRun(200, func() { w.Write(hot) }); n != 0 {
		t.Errorf("Writer.Write with a finding per chunk: %v allocs, want 0", n)
	}
}
