package main

import (
	"bytes"
	"fmt"
	"io"

	"github.com/datafog/datafog-api/engine"
	"github.com/datafog/datafog-api/internal/jsonstr"
)

// scanRun streams inputs through an engine.Scanner and hands each
// finding, with its line, column and fingerprint, to the reporter unless
// something suppresses it. Memory stays bounded: it keeps only the bytes
// a later finding can still start in (from the scanner's Committed offset
// on), and findings wait only until the line they end on has been read,
// to see a datafog:allow marker after them.
type scanRun struct {
	sc          *engine.Scanner
	rep         reporter
	fp          *fingerprinter
	showValues  bool
	allowInline bool
	ignores     *ignores
	baseline    map[string]bool
	prog        *progress // nil: no progress (progress.go)
	stderr      io.Writer

	sum summary
	err error // the first error writing the report
	buf []byte

	// The current stream: its name ("" for standard input) and the path
	// its fingerprints cover.
	name    string
	fpPath  string
	window  []byte   // stream bytes from wStart on
	wStart  int64    // stream offset of window[0]
	cur     position // where the last finding started (at or after wStart)
	allow   allowLines
	pending []record
}

// scanStream scans r, the file name ("" for standard input) whose
// fingerprints cover the path fpPath. With probe set it first reads
// binaryProbe bytes and, when they hold a NUL byte, stops and returns why
// it skipped the input.
func (s *scanRun) scanStream(r io.Reader, name, fpPath string, probe bool) (skipped string, err error) {
	s.sc.Reset()
	s.name, s.fpPath = name, fpPath
	s.window, s.wStart = s.window[:0], 0
	s.cur = startPosition()
	s.allow.reset()
	s.pending = s.pending[:0]
	var n int
	var rerr error
	if probe {
		n, rerr = io.ReadFull(r, s.buf[:binaryProbe])
		if rerr == io.ErrUnexpectedEOF {
			rerr = io.EOF
		}
		if bytes.IndexByte(s.buf[:n], 0) >= 0 {
			return fmt.Sprintf("binary file (a NUL byte in its first %d bytes)", binaryProbe), nil
		}
	} else {
		n, rerr = r.Read(s.buf)
	}
	s.sum.filesScanned++
	for {
		if n > 0 {
			s.feed(s.buf[:n])
		}
		if rerr == io.EOF {
			break
		}
		if rerr != nil {
			s.sc.Close(s.emit)
			s.settle(true)
			return "", rerr
		}
		n, rerr = r.Read(s.buf)
	}
	s.sc.Close(s.emit)
	s.settle(true)
	return "", nil
}

// feed scans the next chunk of the stream.
func (s *scanRun) feed(chunk []byte) {
	s.sum.bytesScanned += int64(len(chunk))
	s.window = append(s.window, chunk...)
	if s.allowInline {
		s.allow.read(chunk)
	}
	s.sc.Write(chunk, s.emit)
	s.settle(false)
	s.trim()
}

// trim drops the window bytes that no later finding can start in, moving
// the line cursor over them first.
func (s *scanRun) trim() {
	to := s.sc.Committed()
	if to <= s.wStart {
		return
	}
	to = min(to, s.wStart+int64(len(s.window)))
	if s.cur.off < to {
		s.cur.advance(s.window[s.cur.off-s.wStart : to-s.wStart])
	}
	n := copy(s.window, s.window[to-s.wStart:])
	s.window = s.window[:n]
	s.wStart = to
	if s.allowInline {
		first := s.cur.line
		if len(s.pending) > 0 {
			first = min(first, s.pending[0].from.line)
		}
		s.allow.forget(first)
	}
}

// emit takes a finding from the scanner: it is inside the window.
func (s *scanRun) emit(f engine.Finding) {
	lo, hi := f.Start-s.wStart, f.End-s.wStart
	if lo < 0 || hi > int64(len(s.window)) || lo > hi || f.Start < s.cur.off {
		panic(fmt.Sprintf("datafog scan: finding [%d, %d) outside the kept window [%d, %d)", f.Start, f.End, s.wStart, s.wStart+int64(len(s.window))))
	}
	s.cur.advance(s.window[s.cur.off-s.wStart : lo])
	value := s.window[lo:hi]
	to := s.cur
	to.advance(value)
	r := record{
		typ: f.Type, start: f.Start, end: f.End, conf: f.Confidence,
		file: s.name, named: s.name != "", from: s.cur, to: to,
		fingerprint: s.fp.of(f.Type, s.fpPath, value),
	}
	if s.showValues {
		r.value = append([]byte{}, value...)
	}
	s.pending = append(s.pending, r)
}

// allowReach is how far after a finding, on its line, a datafog:allow
// marker is looked for: a finding waits for the rest of its line at most
// this many bytes, so that a line of any length (minified JSON, a log
// without newlines) keeps memory bounded.
const allowReach = 64 << 10

// settle reports the pending findings whose last line has been read, or
// that lie allowReach bytes behind the input (every one at the end of the
// stream).
func (s *scanRun) settle(final bool) {
	k := 0
	read := s.sc.Offset()
	for ; k < len(s.pending); k++ {
		r := &s.pending[k]
		if !final && s.allowInline && !s.allow.complete(r.to.line) && r.end+allowReach > read {
			break
		}
		s.report(r)
	}
	if k > 0 {
		n := copy(s.pending, s.pending[k:])
		clear(s.pending[n:])
		s.pending = s.pending[:n]
	}
}

// report hands r to the reporter unless an inline marker, the ignore
// files or the baseline suppress it.
func (s *scanRun) report(r *record) {
	switch {
	case s.allowInline && (s.allow.allowed(r.from.line) || s.allow.allowed(r.to.line)):
		s.sum.allowed++
	case s.ignores.fingerprints[r.fingerprint]:
		s.sum.ignored++
	case s.baseline[r.fingerprint]:
		s.sum.baselined++
	default:
		s.sum.findings++
		s.prog.finding(r.typ)
		if s.err == nil {
			s.err = s.rep.finding(r)
		}
	}
}

// appendJSONString appends s as a JSON string, as encoding/json writes it.
func appendJSONString(b []byte, s string) []byte { return jsonstr.Append(b, s) }
