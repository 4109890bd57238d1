package transform

import (
	"io"

	"github.com/datafog/datafog-api/engine"
)

// NewWriter returns a Writer that scans the stream with sc, which must be
// fresh (or Reset) and is owned by the Writer from now on, and writes the
// transformed stream to w. Call Close at the end of the stream.
func (t *Transformer) NewWriter(w io.Writer, sc *engine.Scanner) *Writer {
	return t.newWriter(w, sc)
}
