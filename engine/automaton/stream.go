package automaton

// Stream searches input that arrives in chunks. For every way of cutting an
// input into chunks, the matches a Stream emits (through Write and Close)
// are exactly those FindAll reports for the whole input, in the same order
// and with offsets from the start of the stream.
//
// When a match is emitted (its latency):
//   - Overlapping: during the Write that supplies its last byte.
//   - Overlapping with WholeWord: during the Write that supplies the byte
//     after its end (the boundary test needs it), or at Close.
//   - LeftmostLongest (with or without WholeWord): once no longer or
//     further-left match can still appear, which is at most
//     MaxPatternLen()+1 bytes after its start, or at Close.
//
// Memory is bounded: a Stream keeps at most 2*(MaxPatternLen()+1) bytes of
// earlier input (only for LeftmostLongest or WholeWord) plus a match buffer
// for one 64 KiB slice of a chunk. A Stream must be used by one goroutine
// at a time; the Automaton it came from may be shared.
type Stream struct {
	sc   scanner
	keep int     // bytes of history needed; 0 when none
	hist []byte  // last bytes of the input, at most 2*keep
	buf  []Match // reused match buffer
}

// streamPiece bounds the slice of a chunk searched before buffered matches
// are emitted, so the match buffer does not grow with the chunk size.
const streamPiece = 64 << 10

// NewStream returns a Stream positioned at offset 0.
func (a *Automaton) NewStream() *Stream {
	st := &Stream{sc: scanner{a: a}}
	if a.kind == LeftmostLongest || a.wholeWord {
		st.keep = int(a.maxLen) + 1
	}
	st.Reset()
	return st
}

// Write searches chunk, which continues the input after the bytes of earlier
// Writes, and calls emit for each match that became final, in order. The
// stream does not retain chunk after Write returns (it copies the few bytes
// it needs). emit must not call back into the Stream.
func (st *Stream) Write(chunk []byte, emit func(Match)) {
	for len(chunk) > 0 {
		piece := chunk[:min(len(chunk), streamPiece)]
		chunk = chunk[len(piece):]
		st.sc.chunk = piece
		st.sc.hist = st.hist
		st.buf = st.sc.run(st.buf[:0], false)
		st.sc.chunkBase += int64(len(piece))
		st.sc.chunk = nil
		st.remember(piece)
		for _, m := range st.buf {
			emit(m)
		}
	}
}

// Close marks the end of the input, emits every match still pending, and
// resets the stream for reuse from offset 0.
func (st *Stream) Close(emit func(Match)) {
	st.sc.chunk = nil
	st.sc.hist = st.hist
	st.buf = st.sc.run(st.buf[:0], true)
	for _, m := range st.buf {
		emit(m)
	}
	st.Reset()
}

// Reset discards all state and positions the stream at offset 0.
func (st *Stream) Reset() {
	st.sc.reset()
	st.hist = st.hist[:0]
	st.buf = st.buf[:0]
}

// Offset returns the number of bytes written since the last Reset or Close.
func (st *Stream) Offset() int64 { return st.sc.chunkBase }

// Committed returns an offset before which no later-emitted match will
// start: matches starting earlier have all been emitted already.
func (st *Stream) Committed() int64 {
	if st.sc.have {
		return st.sc.cand.Start
	}
	a := st.sc.a
	return st.sc.pos - int64(a.depth[a.index(st.sc.s)])
}

// remember appends the tail of piece to the history, keeping at most
// 2*keep bytes (and at least keep when available).
func (st *Stream) remember(piece []byte) {
	if st.keep == 0 {
		return
	}
	if len(piece) >= st.keep {
		st.hist = append(st.hist[:0], piece[len(piece)-st.keep:]...)
		return
	}
	if len(st.hist)+len(piece) > 2*st.keep {
		drop := len(st.hist) + len(piece) - st.keep
		n := copy(st.hist, st.hist[drop:])
		st.hist = st.hist[:n]
	}
	st.hist = append(st.hist, piece...)
}
