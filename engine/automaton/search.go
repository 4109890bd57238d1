package automaton

// scanner is the search state shared by FindAll and Stream. Positions are
// absolute offsets in the input. The bytes available to one run are
// hist (offsets [chunkBase-len(hist), chunkBase)) followed by chunk
// (offsets [chunkBase, chunkBase+len(chunk))). hist holds the tail of earlier
// chunks that a leftmost-longest restart or a whole-word boundary check may
// still read; FindAll leaves it empty.
type scanner struct {
	a   *Automaton
	s   int32 // current state: premultiplied id (DFA) or index (NFA)
	pos int64 // offset of the next byte to consume

	have bool  // LeftmostLongest: cand holds the best match so far
	cand Match //

	pend      bool  // WholeWord: matches of pendState end at pos and await the next byte
	pendState int32 // state index

	chunk     []byte
	chunkBase int64
	hist      []byte
	pc        preCache
}

// reset puts the scanner at offset 0 in the root state.
func (sc *scanner) reset() {
	sc.s = sc.a.rootID()
	sc.pos = 0
	sc.have, sc.pend = false, false
	sc.chunk, sc.hist, sc.chunkBase = nil, nil, 0
}

// rootID returns the root in the state-id space the engine's loop uses.
func (a *Automaton) rootID() int32 {
	if a.dense {
		return a.rootIdx * a.nclass
	}
	return a.rootIdx
}

// index converts a state id to a state index.
func (a *Automaton) index(s int32) int32 {
	if a.dense {
		return divByMagic(s, a.idxMagic)
	}
	return s
}

// specialID is the smallest state id the fast loops must stop at: the
// match states, plus the root when a prefilter is in use.
func (a *Automaton) specialID() int32 {
	sp := a.matchStart
	if a.pre.kind != preNone {
		sp = a.rootIdx
	}
	if a.dense {
		return sp * a.nclass
	}
	return sp
}

// next returns the state after s on input byte b.
func (a *Automaton) next(s int32, b byte) int32 {
	if a.dense {
		return a.trans[s+int32(a.classes[b])]
	}
	return a.nfaNext(s, b)
}

// nfaNext follows NFA edges and failure links until it reaches a state with
// a dense row. Failure links strictly decrease depth and the root has a row
// (both checked by Load), so the loop ends.
func (a *Automaton) nfaNext(s int32, b byte) int32 {
	fb := a.foldTab[b]
	for {
		if r := a.rowOf[s]; r >= 0 {
			return a.rows[r+int32(a.classes[b])]
		}
		lo, hi := a.edgeOff[s], a.edgeOff[s+1]
		for k := lo; k < hi; k++ {
			if eb := a.edgeByte[k]; eb >= fb {
				if eb == fb {
					return a.edgeNext[k]
				}
				break
			}
		}
		s = a.fail[s]
	}
}

// byteAt returns the input byte at absolute offset x, which must lie in the
// window hist+chunk.
func (sc *scanner) byteAt(x int64) byte {
	if x >= sc.chunkBase {
		return sc.chunk[x-sc.chunkBase]
	}
	return sc.hist[int64(len(sc.hist))-(sc.chunkBase-x)]
}

// run consumes the window up to the end of chunk, appending the matches that
// became final to dst. With final set it also treats the end of chunk as the
// end of the input and flushes everything pending.
func (sc *scanner) run(dst []Match, final bool) []Match {
	a := sc.a
	sc.pc.reset()
	end := sc.chunkBase + int64(len(sc.chunk))
	for {
		if sc.pos >= end {
			if !final {
				return dst
			}
			if sc.pend {
				sc.pend = false
				dst = sc.resolve(dst, sc.pendState, sc.pos)
			}
			if !sc.have {
				return dst
			}
			dst = append(dst, sc.cand)
			sc.restart(sc.cand.End)
			continue
		}
		if !sc.have && !sc.pend && sc.pos >= sc.chunkBase {
			if a.dense {
				dst = sc.fastDFA(dst)
			} else {
				dst = sc.fastNFA(dst)
			}
			continue
		}
		dst = sc.step(dst, sc.byteAt(sc.pos))
	}
}

// restart resumes the search from the root at offset at (after a
// leftmost-longest match ending there).
func (sc *scanner) restart(at int64) {
	sc.s = sc.a.rootID()
	sc.pos = at
	sc.have, sc.pend = false, false
}

// step consumes the byte b at sc.pos one at a time; it is the slow path used
// while a match is pending.
func (sc *scanner) step(dst []Match, b byte) []Match {
	a := sc.a
	if sc.pend {
		sc.pend = false
		if !isWord(b) {
			dst = sc.resolve(dst, sc.pendState, sc.pos)
		}
	}
	sc.s = a.next(sc.s, b)
	sc.pos++
	idx := a.index(sc.s)
	if idx >= a.matchStart {
		dst = sc.onMatch(dst, idx, sc.pos)
	}
	if sc.have && sc.cand.Start < sc.pos-int64(a.depth[idx]) {
		// No match in progress can start at or before cand.Start.
		dst = append(dst, sc.cand)
		sc.restart(sc.cand.End)
	}
	return dst
}

// onMatch handles arrival in match state idx with end offset e.
func (sc *scanner) onMatch(dst []Match, idx int32, e int64) []Match {
	a := sc.a
	if a.wholeWord {
		sc.pend, sc.pendState = true, idx
		return dst
	}
	if a.kind == Overlapping {
		return a.appendOutputs(dst, idx, e)
	}
	p := a.llPat[idx]
	sc.offer(Match{Pattern: int(p), Start: e - int64(a.patLen[p]), End: e})
	return dst
}

// offer makes m the leftmost-longest candidate if it starts no later than
// the current one (matches arrive in End order, so an equal start is longer).
func (sc *scanner) offer(m Match) {
	if !sc.have || m.Start <= sc.cand.Start {
		sc.cand, sc.have = m, true
	}
}

// appendOutputs appends every match of state idx ending at e: its own
// patterns, then those of its dictionary-suffix chain (shorter ones).
func (a *Automaton) appendOutputs(dst []Match, idx int32, e int64) []Match {
	for v := idx; v >= 0; v = a.dict[v] {
		for _, p := range a.out[a.outOff[v]:a.outOff[v+1]] {
			dst = append(dst, Match{Pattern: int(p), Start: e - int64(a.patLen[p]), End: e})
		}
	}
	return dst
}

// resolve applies the whole-word test to the matches of state idx ending at
// e, whose following byte is already known to be a non-word byte (or the
// end of input).
func (sc *scanner) resolve(dst []Match, idx int32, e int64) []Match {
	a := sc.a
	for v := idx; v >= 0; v = a.dict[v] {
		lo, hi := a.outOff[v], a.outOff[v+1]
		if lo == hi {
			continue
		}
		start := e - int64(a.depth[v])
		if start > 0 && isWord(sc.byteAt(start-1)) {
			continue
		}
		if a.kind == LeftmostLongest {
			sc.offer(Match{Pattern: int(a.out[lo]), Start: start, End: e})
			return dst
		}
		for _, p := range a.out[lo:hi] {
			dst = append(dst, Match{Pattern: int(p), Start: start, End: e})
		}
	}
	return dst
}

// fastDFA runs the dense DFA over the chunk from sc.pos while nothing is
// pending. Overlapping matches without the whole-word filter are appended
// in the loop; otherwise it returns after entering a match state. Without a
// prefilter, long stretches go through lanes4 (overlapping matches without
// the whole-word filter) or lanes2 (the other modes).
func (sc *scanner) fastDFA(dst []Match) []Match {
	a := sc.a
	hay := sc.chunk
	i := int(sc.pos - sc.chunkBase)
	s := sc.s
	trans := a.trans
	classes := &a.classes
	special := a.specialID()
	root := a.rootID()
	matchID := a.matchStart * a.nclass
	simple := a.kind == Overlapping && !a.wholeWord
	useLanes := a.pre.kind == preNone
	laneMin := 2*laneBlock + int(a.maxLen)
	if simple {
		laneMin = 4*laneBlock + int(a.maxLen)
	}
	if s == root && a.pre.kind != preNone {
		i = a.pre.skip(&sc.pc, hay, i)
	}
	for i < len(hay) {
		if useLanes && len(hay)-i >= laneMin {
			var hit bool
			if simple {
				dst, s, i, hit = a.lanes4(dst, sc.chunkBase, hay, s, i)
			} else {
				s, i, hit = a.lanes2(hay, s, i)
			}
			if !hit {
				continue
			}
		} else {
			// Too little input left for the lanes (it only shrinks).
			for i < len(hay) {
				s = trans[s+int32(classes[hay[i]])]
				i++
				if s >= special {
					break
				}
			}
			if s < special {
				continue
			}
		}
		if s < matchID { // the root, with a prefilter
			i = a.pre.skip(&sc.pc, hay, i)
			continue
		}
		e := sc.chunkBase + int64(i)
		if simple {
			dst = a.appendOutputs(dst, a.index(s), e)
			continue
		}
		sc.s, sc.pos = s, e
		return sc.onMatch(dst, a.index(s), e)
	}
	sc.s, sc.pos = s, sc.chunkBase+int64(i)
	return dst
}

// laneBlock is the stretch each lane of lanes2 and lanes4 covers.
const laneBlock = 1024

// laneEvent records a lane reaching match state id after step k.
type laneEvent struct {
	id int32
	k  int32
}

// lanes2 advances the DFA from state s at hay[i] using two independent
// lanes, which hides the load latency of one serial table walk; it serves
// the modes where every match stops the fast loop (leftmost-longest or
// whole-word). Lane 0 continues from s over hay[i:i+B+W]; lane 1 starts
// from the root at i+B and covers hay[i+B:i+2B+W] (B = laneBlock,
// W = MaxPatternLen). A state depends only on the last W bytes, so once
// lane 1 has read W bytes its state is the true state; lane 0 covers lane
// 1's first W bytes, so matches ending there (including those crossing the
// lane boundary) are lane 0's, and lane 1's own matches there are ignored.
//
// A lane stops at its first match state: lane 0's is returned at once;
// lane 1's waits while lane 0 finishes alone, since lane 0's input comes
// first. It returns dst, the state and position reached, and whether that
// state is a match state still to be handled by the caller (it is then the
// first match in the input from i on). Needs len(hay)-i >= 2B+W and no
// prefilter.
func (a *Automaton) lanes2(hay []byte, s int32, i int) (int32, int, bool) {
	w := int(a.maxLen)
	steps := laneBlock + w
	h0 := hay[i : i+steps]
	h1 := hay[i+laneBlock : i+laneBlock+steps]
	special := a.specialID()
	s1 := a.rootID()
	parked, k1, p1 := false, 0, int32(0)
	k := 0
	for k < steps {
		n, t0, t1 := walk2(a.trans, &a.classes, h0[k:], h1[k:], uint32(s), uint32(s1), uint32(special)) // #nosec G115 -- DFA ids are in [0, maxDFAEntries)
		s, s1, k = int32(t0), int32(t1), k+n                                                            // #nosec G115 -- the same ids back
		if k == steps {
			break
		}
		if s >= special {
			return s, i + k + 1, true
		}
		if s1 >= special && k+1 > w {
			parked, k1, p1 = true, k, s1
			k++
			break
		}
		k++
	}
	// Finish lane 0 alone if lane 1 stopped.
	for ; k < steps; k++ {
		s = a.trans[s+int32(a.classes[h0[k]])]
		if s >= special {
			return s, i + k + 1, true
		}
	}
	if parked {
		return p1, i + laneBlock + k1 + 1, true
	}
	return s1, i + laneBlock + steps, false
}

// fastNFA is fastDFA for the compact NFA (without lanes).
func (sc *scanner) fastNFA(dst []Match) []Match {
	a := sc.a
	hay := sc.chunk
	i := int(sc.pos - sc.chunkBase)
	s := sc.s
	special := a.specialID()
	simple := a.kind == Overlapping && !a.wholeWord
	if s == a.rootIdx && a.pre.kind != preNone {
		i = a.pre.skip(&sc.pc, hay, i)
	}
	rowOf, rows, classes := a.rowOf, a.rows, &a.classes
	for i < len(hay) {
		if r := rowOf[s]; r >= 0 {
			s = rows[r+int32(classes[hay[i]])]
		} else {
			s = a.nfaNext(s, hay[i])
		}
		i++
		if s < special {
			continue
		}
		if s < a.matchStart {
			i = a.pre.skip(&sc.pc, hay, i)
			continue
		}
		e := sc.chunkBase + int64(i)
		if simple {
			dst = a.appendOutputs(dst, s, e)
			continue
		}
		sc.s, sc.pos = s, e
		return sc.onMatch(dst, s, e)
	}
	sc.s, sc.pos = s, sc.chunkBase+int64(i)
	return dst
}

// walk2 steps two DFA lanes in lock step until either reaches a special
// state (returning its step) or the input ends (returning len(h0)). States
// are non-negative ids below maxDFAEntries, passed as uint32 so the loop
// needs no sign extension; classes is sliced once so its nil check leaves
// the loop.
//
//go:noinline
func walk2(trans []int32, classes *[256]uint8, h0, h1 []byte, s0, s1, special uint32) (int, uint32, uint32) {
	h1 = h1[:len(h0)]
	cl := classes[:]
	for k := 0; k < len(h0); k++ {
		s0 = uint32(trans[s0+uint32(cl[h0[k]])]) // #nosec G115 -- DFA ids are in [0, maxDFAEntries)
		s1 = uint32(trans[s1+uint32(cl[h1[k]])]) // #nosec G115 -- DFA ids are in [0, maxDFAEntries)
		if s0 >= special || s1 >= special {
			return k, s0, s1
		}
	}
	return len(h0), s0, s1
}

// lanes4 is the four-lane walk for simple mode (overlapping, no whole-word
// filter), where a match does not stop the fast loop. Lane j starts at
// i+j*B (lane 0 in state s, the others at the root) and covers B+W bytes,
// so lanes 1..3 each overlap their predecessor's block by W bytes and
// ignore their own matches there (see lanes2). Lane 0 appends its matches
// to dst; lanes 1..3 buffer theirs, appended in lane order after the walk.
// When lane j's buffer is full at step k, lanes j..3 are abandoned (their
// input from there on is later than lane j's step k), lanes 0..j-1 finish,
// their events and lane j's buffered ones are appended, and lane j's match
// state is returned for the caller to handle, with the position after it.
// Otherwise it returns lane 3's final state and position. Needs
// len(hay)-i >= 4B+W and no prefilter.
func (a *Automaton) lanes4(dst []Match, base int64, hay []byte, s int32, i int) ([]Match, int32, int, bool) {
	const nl = 4
	w := int(a.maxLen)
	steps := laneBlock + w
	h := hay[i : i+3*laneBlock+steps]
	special := a.specialID()
	root := a.rootID()
	var ev [nl - 1][48]laneEvent
	var nev [nl - 1]int
	st := [nl]int32{s, root, root, root}
	active := nl // lanes >= active are abandoned: their states are ignored
	k1, p1 := 0, int32(0)
	k := 0
	for k < steps {
		n, t0, t1, t2, t3 := walk4(a.trans, &a.classes, h[k:], steps-k, uint32(st[0]), uint32(st[1]), uint32(st[2]), uint32(st[3]), uint32(special)) // #nosec G115 -- DFA ids are in [0, maxDFAEntries)
		st = [nl]int32{int32(t0), int32(t1), int32(t2), int32(t3)}                                                                                   // #nosec G115 -- the same ids back
		k += n
		if k == steps {
			break
		}
		if st[0] >= special {
			dst = a.appendOutputs(dst, a.index(st[0]), base+int64(i+k+1))
		}
		if k+1 > w {
			for j := 1; j < active; j++ {
				if st[j] < special {
					continue
				}
				if nev[j-1] == len(ev[j-1]) {
					active, k1, p1 = j, k, st[j]
					break
				}
				ev[j-1][nev[j-1]] = laneEvent{id: st[j], k: int32(k)} // #nosec G115 -- k < steps = laneBlock + maxLen <= 1024 + 2^30
				nev[j-1]++
			}
		}
		k++
	}
	// The lanes that finished, and the abandoned lane's events before its
	// unbuffered match.
	for j := 1; j <= min(active, nl-1); j++ {
		off := base + int64(i+j*laneBlock+1)
		for _, e := range ev[j-1][:nev[j-1]] {
			dst = a.appendOutputs(dst, a.index(e.id), off+int64(e.k))
		}
	}
	if active < nl {
		return dst, p1, i + active*laneBlock + k1 + 1, true
	}
	return dst, st[nl-1], i + (nl-1)*laneBlock + steps, false
}
