package engine

import "unicode/utf8"

// MaxHoldback is the most bytes a Scanner ever holds back: after Write
// returns, Offset() - Committed() < MaxHoldback, counted in folded bytes
// (a stream of three-byte lookalike characters, each folded to one ASCII
// byte, holds back up to three times as many original bytes, and a
// lookalike near the end of what was written waits, with what follows
// it, until the 32 bytes after it have arrived). It covers
// the longest candidate (a PEM block of at most secrets.PEMMax bytes) plus
// the look-around that overlap resolution needs.
const MaxHoldback = 64 << 10

// scanEvery is how many new bytes a Scanner gathers before it scans.
const scanEvery = 48 << 10

// Scanner scans a stream in chunks. For every way of cutting the stream into
// chunks, the findings it emits, in order, equal Scan over the whole stream.
// A Scanner is not safe for concurrent use.
//
// How it stays exact: every candidate comes from an anchor whose detector
// reads at most lookBack bytes before and reach+2 bytes after it, and
// overlaps are resolved locally (a candidate is kept when it outranks every
// candidate it overlaps). Each window scan runs the detectors only at the
// anchors whose reads lie inside the window (those before its last
// reach+2 bytes), so each anchor is normally detected once; the next window
// starts at the first anchor left over. The Scanner keeps those anchors'
// candidates and emits the kept ones that start before a horizon far
// enough back that every candidate overlapping them is final. A PEM block whose END line may still
// come holds the horizon back to just before its BEGIN line; a PEM block
// outranks everything it overlaps, so its own fate needs no look-around.
//
// Lookalike characters are folded as they arrive (fold.go): inside, the
// Scanner works on folded bytes; Offset, Committed and the findings it
// emits are in original stream offsets.
type Scanner struct {
	e         *Engine
	f         Filter
	st        scanState
	buf       []byte
	bs        int64 // folded stream offset of buf[0]
	x         int64 // anchors below x have final candidates in st.cands
	scannedTo int64
	committed int64 // folded
	lastEnd   int64
	closed    bool

	// Folding: written counts original bytes. carry holds the original
	// bytes not folded yet (a UTF-8 sequence cut at the end of the last
	// chunk, or a lookalike whose context has not all arrived), after
	// ctx bytes of context before them that were (foldContext, or all
	// there were). fm maps folded offsets to original ones, folding says
	// whether any character folded yet.
	written int64
	carry   []byte
	ctx     int
	fbuf    []byte
	fm      foldMap
	folding bool
}

// NewScanner returns a Scanner that reports the types f selects.
func (e *Engine) NewScanner(f Filter) *Scanner {
	s := &Scanner{e: e, f: f}
	s.Reset()
	return s
}

// Reset discards all state so the Scanner can scan a new stream, keeping
// its buffers.
func (s *Scanner) Reset() {
	s.st.reset(s.e, s.f.minConf)
	s.buf = s.buf[:0]
	s.bs, s.x, s.scannedTo, s.committed, s.lastEnd = 0, 0, 0, 0, 0
	s.closed = false
	s.written, s.carry, s.ctx, s.folding = 0, s.carry[:0], 0, false
	s.fm.reset(0, 0)
}

// Offset returns the number of bytes written so far.
func (s *Scanner) Offset() int64 { return s.written }

// end is the folded offset of the end of the window.
func (s *Scanner) end() int64 { return s.bs + int64(len(s.buf)) }

// Committed returns the stream offset below which no finding will be
// emitted any more: every finding emitted by a later Write or Close starts
// at or after it. Bytes below it that are not inside an emitted finding
// are final. After Close it equals Offset.
func (s *Scanner) Committed() int64 {
	if s.closed {
		return s.written
	}
	return s.fm.start(s.committed)
}

// Write scans chunk, the next bytes of the stream, and calls emit for each
// finding that became final, in ascending Start order with stream offsets.
// The Scanner copies what it needs; chunk may be reused when Write
// returns. Write after Close panics.
func (s *Scanner) Write(chunk []byte, emit func(Finding)) {
	if s.closed {
		panic("engine: Scanner.Write after Close")
	}
	s.written += int64(len(chunk))
	if len(s.carry) == s.ctx && firstNonASCII(chunk) < 0 {
		s.feed(chunk, emit) // ASCII: folded bytes are the original ones
		s.keepContext(chunk)
		return
	}
	s.carry = append(s.carry, chunk...)
	s.foldFeed(false, emit)
}

// keepContext makes the last foldContext bytes of the stream so far,
// which end with chunk, the context in carry; nothing is pending.
func (s *Scanner) keepContext(chunk []byte) {
	if len(chunk) >= foldContext {
		s.carry = append(s.carry[:0], chunk[len(chunk)-foldContext:]...)
	} else {
		s.carry = append(s.carry, chunk...)
		n := copy(s.carry, s.carry[max(0, len(s.carry)-foldContext):])
		s.carry = s.carry[:n]
	}
	s.ctx = len(s.carry)
}

// foldFeed folds and scans the pending bytes of carry, except, unless
// final, those from the first character whose fold the bytes still to
// come may decide: a character cut at the end, or a lookalike fewer
// than foldContext bytes before the end. Until the first lookalike that
// folds, bytes go through as they are (the map's shift is zero).
func (s *Scanner) foldFeed(final bool, emit func(Finding)) {
	data := s.carry
	from, to := s.ctx, len(data)
	if !final {
		to -= incompleteTail(data)
		for i := max(from, to-foldContext-utf8.UTFMax); i < to; i++ {
			if n, _, k := lookalikeAt(data, i); k != lkNone && i+n+foldContext > len(data) {
				to = i
				break
			}
		}
	}
	if to > from {
		o := s.written - int64(len(data)-from) // the original offset of data[from]
		if !s.folding && firstFold(data, from, to) < 0 {
			s.feed(data[from:to], emit)
		} else {
			s.folding = true
			s.fbuf = foldAppend(s.fbuf[:0], data, from, to, o, s.end(), &s.fm)
			s.feed(s.fbuf, emit)
		}
	}
	k := max(0, to-foldContext)
	s.carry = s.carry[:copy(s.carry, data[k:])]
	s.ctx = to - k
}

// incompleteTail returns how many bytes at the end of b are the start of
// a UTF-8 sequence that b cuts short (0 to 3).
func incompleteTail(b []byte) int {
	for k := 1; k <= 3 && k <= len(b); k++ {
		c := b[len(b)-k]
		if c < 0x80 {
			return 0
		}
		if c >= 0xC0 { // a lead byte
			if utf8.FullRune(b[len(b)-k:]) {
				return 0
			}
			return k
		}
	}
	return 0
}

// feed scans folded bytes.
func (s *Scanner) feed(chunk []byte, emit func(Finding)) {
	for len(chunk) > 0 {
		room := int(s.committed + MaxHoldback - s.end())
		n := min(room, len(chunk))
		s.buf = append(s.buf, chunk[:n]...)
		chunk = chunk[n:]
		if s.end()-s.committed >= MaxHoldback || s.end()-s.scannedTo >= scanEvery {
			s.scan(false, emit)
		}
	}
}

// Close scans the rest of the stream and emits the remaining findings.
func (s *Scanner) Close(emit func(Finding)) {
	if s.closed {
		return
	}
	if len(s.carry) > s.ctx {
		s.foldFeed(true, emit)
	}
	s.scan(true, emit)
	s.closed = true
}

// scan detects over the buffered window, emits what became final, and
// trims the window.
func (s *Scanner) scan(final bool, emit func(Finding)) {
	st := &s.st
	st.s.Pending = -1
	be := s.end()
	// Anchors below exact read only bytes inside the window. Anchors at or
	// after it are left for the next window: their candidates start after
	// the emission horizon and overlap nothing emitted now, so detecting
	// them twice would be wasted work.
	exact := be - reach - 2
	to := int(max(exact, s.x) - s.bs)
	if final {
		to = len(s.buf)
	}
	st.detect(s.buf, s.bs, int(s.x-s.bs), to)
	n := st.resolve()

	if st.s.Pending >= 0 {
		exact = min(exact, s.bs+int64(st.s.Pending))
	}
	horizon := exact - maxShort - anchorSpan
	if final {
		horizon = be
	}
	kinds := s.e.kinds
	for i := 0; i < n; i++ {
		c := &st.s.Cands[i]
		if c.Start >= horizon {
			break
		}
		if !st.keep[i] || c.Start < s.committed || c.Hidden {
			continue
		}
		s.lastEnd = max(s.lastEnd, c.End)
		if k := &kinds[c.Kind]; s.f.allows(k.bit) {
			emit(Finding{Type: k.typ, Start: s.fm.start(c.Start), End: s.fm.end(c.End), Confidence: c.Conf, Validated: c.Validated})
		}
	}
	s.committed = max(s.committed, horizon, s.lastEnd)
	s.fm.trim(s.committed)
	s.scannedTo = be
	if final {
		s.committed = be
		st.s.Cands = st.s.Cands[:0]
		return
	}
	// Keep the candidates of exact anchors that may still overlap a
	// finding to come.
	nx := max(s.x, exact)
	kept := st.s.Cands[:0]
	for i := 0; i < n; i++ {
		if c := st.s.Cands[i]; c.Anchor < nx && c.End > s.committed {
			kept = append(kept, c)
		}
	}
	st.s.Cands = kept
	s.x = nx
	// Detection from nx reads back at most lookBack bytes.
	if cut := nx - lookBack - s.bs; cut > 0 {
		m := copy(s.buf, s.buf[cut:])
		s.buf = s.buf[:m]
		s.bs += cut
	}
	st.s.T = nil
}
