package transform

import (
	"errors"
	"fmt"
	"io"

	"github.com/datafog/datafog-api/engine"
)

// findingSource is the part of *engine.Scanner a Writer uses.
type findingSource interface {
	Write(chunk []byte, emit func(engine.Finding))
	Close(emit func(engine.Finding))
	Committed() int64
	Reset()
}

// writeSlice is the largest piece of a Write call fed to the scanner at
// once; it bounds the Writer's buffers to about engine.MaxHoldback plus
// writeSlice plus the replacements of one slice.
const writeSlice = 32 << 10

// flushAt is the output size at which a Writer passes bytes on early.
const flushAt = 32 << 10

// ErrClosed is returned by Write after Close.
var ErrClosed = errors.New("transform: write after close")

// Writer transforms a stream: it scans what is written to it with an engine
// Scanner and writes the text with every finding replaced to an underlying
// writer. For any chunking of the input its output is byte-identical to
// Transformer.Apply over engine.Scan of the whole input.
//
// Bytes before the scanner's committed offset are final and passed on at
// the end of each Write; only the uncommitted tail (at most about
// engine.MaxHoldback bytes) is held back until more input or Close. The
// Writer copies what it needs from p, so callers may reuse p when Write
// returns. Anonymize labels span the whole stream: a value keeps its label
// from first to last occurrence. The Writer remembers a 16-byte digest
// (never the value) for each of the first AnonymizeBudget distinct values
// and nothing for later ones, so its memory stays bounded whatever the
// stream holds.
//
// A Writer is not safe for concurrent use.
type Writer struct {
	t    *Transformer
	dst  io.Writer
	src  findingSource
	st   *state
	emit func(engine.Finding)

	buf    []byte // input from absolute offset base onward
	base   int64
	cursor int64 // input before cursor has been transformed into out
	out    []byte

	findings int
	err      error
	closed   bool
}

// newWriter returns a Writer reading findings from src.
func (t *Transformer) newWriter(dst io.Writer, src findingSource) *Writer {
	w := &Writer{t: t, dst: dst, src: src, st: t.newState()}
	w.emit = w.onFinding
	return w
}

// Write transforms p. It returns len(p) unless an error occurred: a failed
// write to the underlying writer, or a scanner that emitted findings out of
// order. After an error every later call returns it.
func (w *Writer) Write(p []byte) (int, error) {
	if w.closed {
		return 0, ErrClosed
	}
	if w.err != nil {
		return 0, w.err
	}
	written := 0
	for len(p) > 0 {
		n := min(len(p), writeSlice)
		w.buf = append(w.buf, p[:n]...)
		w.src.Write(p[:n], w.emit)
		w.advance(w.src.Committed())
		w.compact()
		w.flush()
		if w.err != nil {
			return written, w.err
		}
		written += n
		p = p[n:]
	}
	return written, nil
}

// Close ends the stream: it closes the scanner, transforms the remaining
// findings and writes every held-back byte. It does not close the
// underlying writer. Calling Close again returns the first error, if any.
func (w *Writer) Close() error {
	if w.closed {
		return w.err
	}
	w.closed = true
	if w.err != nil {
		return w.err
	}
	w.src.Close(w.emit)
	w.advance(w.base + int64(len(w.buf)))
	w.flush()
	return w.err
}

// Reset discards the Writer's state, resets its scanner and makes it write
// a new stream to dst. Held-back input that was not closed is dropped.
func (w *Writer) Reset(dst io.Writer) {
	w.src.Reset()
	w.st.reset()
	w.dst = dst
	w.buf = w.buf[:0]
	w.out = w.out[:0]
	w.base, w.cursor = 0, 0
	w.findings = 0
	w.err = nil
	w.closed = false
}

// Stats returns the stats of the stream so far. ByType is a fresh map.
func (w *Writer) Stats() Stats {
	return w.st.stats()
}

// Findings returns the number of findings the scanner has emitted so far,
// including any skipped because the scanner misbehaved.
func (w *Writer) Findings() int {
	return w.findings
}

// onFinding replaces one finding; the scanner calls it through w.emit.
func (w *Writer) onFinding(f engine.Finding) {
	w.findings++
	if w.err != nil {
		return
	}
	end := w.base + int64(len(w.buf))
	if f.Start < w.cursor || f.End > end || f.Start >= f.End {
		w.err = fmt.Errorf("transform: scanner emitted finding [%d,%d) out of order (stream position %d)", f.Start, f.End, w.cursor)
		return
	}
	w.out = append(w.out, w.buf[w.cursor-w.base:f.Start-w.base]...)
	w.out = w.st.replace(w.out, f.Type, w.buf[f.Start-w.base:f.End-w.base], w.t.ModeFor(f.Type))
	w.cursor = f.End
	if len(w.out) >= flushAt {
		w.flush()
	}
}

// advance passes input up to absolute offset to through unchanged.
func (w *Writer) advance(to int64) {
	if end := w.base + int64(len(w.buf)); to > end {
		to = end
	}
	if to <= w.cursor || w.err != nil {
		return
	}
	w.out = append(w.out, w.buf[w.cursor-w.base:to-w.base]...)
	w.cursor = to
}

// compact drops consumed input from buf once it is worth the copy.
func (w *Writer) compact() {
	dead := int(w.cursor - w.base)
	if dead == 0 || dead < len(w.buf)/2 && dead < writeSlice {
		return
	}
	n := copy(w.buf, w.buf[dead:])
	w.buf = w.buf[:n]
	w.base = w.cursor
}

// flush writes out to the underlying writer.
func (w *Writer) flush() {
	if len(w.out) == 0 || w.err != nil {
		return
	}
	n, err := w.dst.Write(w.out)
	if err == nil && n < len(w.out) {
		err = io.ErrShortWrite
	}
	if err != nil {
		w.err = fmt.Errorf("transform: write output: %w", err)
	}
	w.out = w.out[:0]
}
