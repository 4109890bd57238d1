package transform

import (
	"bytes"
	"io"
	"math/rand/v2"
	"testing"

	"github.com/datafog/datafog-api/engine"
)

// benchText is about 1 MiB of the engine test documents.
func benchText() []byte {
	r := rand.New(rand.NewPCG(1, 1))
	var b []byte
	for len(b) < 1<<20 {
		b = append(b, engineText(r, 100)...)
		b = append(b, bytes.Repeat([]byte("ordinary prose without personal data. "), 40)...)
	}
	return b
}

func BenchmarkApply(b *testing.B) {
	e := newEngine(b)
	text := benchText()
	findings := e.Scan(nil, text, engine.Filter{})
	for _, m := range Modes() {
		b.Run(string(m), func(b *testing.B) {
			tr, _ := New(Options{Default: m, Key: testKey})
			dst := make([]byte, 0, 2*len(text))
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				tr.Apply(dst[:0], text, findings)
			}
		})
	}
}

func BenchmarkWriter(b *testing.B) {
	e := newEngine(b)
	text := benchText()
	tr, _ := New(Options{Default: Redact})
	w := tr.NewWriter(io.Discard, e.NewScanner(engine.Filter{}))
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		w.Reset(io.Discard)
		for c := text; len(c) > 0; c = c[min(len(c), 16<<10):] {
			w.Write(c[:min(len(c), 16<<10)])
		}
		w.Close()
	}
}

func BenchmarkScanThenApply(b *testing.B) {
	e := newEngine(b)
	text := benchText()
	tr, _ := New(Options{Default: Redact})
	dst := make([]byte, 0, 2*len(text))
	fs := make([]engine.Finding, 0, 1<<16)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		tr.Apply(dst[:0], text, e.Scan(fs[:0], text, engine.Filter{}))
	}
}
