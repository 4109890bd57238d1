package automaton

// Anchored search: the matches that start at one position. A caller that
// knows where its patterns may start (at the start of a word, say) finds
// those places in a pass it already makes and asks there, instead of
// walking the whole text once more.

// StartsAt appends to dst every match that starts at haystack[i], shortest
// first: the patterns that haystack[i:] begins with, under the automaton's
// case folding. The whole-word filter and the match kind do not apply.
// Offsets are relative to haystack[0]. It allocates only when dst lacks
// capacity.
func (a *Automaton) StartsAt(dst []Match, haystack []byte, i int) []Match {
	if !a.dense {
		return a.startsAtNFA(dst, haystack, i)
	}
	trans, classes, depth := a.trans, &a.classes, a.depth
	s := a.rootIdx * a.nclass
	matchID := a.matchStart * a.nclass
	for k := i; k < len(haystack); k++ {
		s = trans[s+int32(classes[haystack[k]])]
		idx := divByMagic(s, a.idxMagic)
		if int(depth[idx]) != k+1-i {
			// The state is the longest suffix of haystack[i:k+1] in the
			// trie; shorter than all of it, no pattern starts at i and
			// goes on from here.
			break
		}
		if s >= matchID {
			dst = a.appendOwn(dst, idx, i, k+1)
		}
	}
	return dst
}

// startsAtNFA is StartsAt for the compact NFA.
func (a *Automaton) startsAtNFA(dst []Match, haystack []byte, i int) []Match {
	s := a.rootIdx
	for k := i; k < len(haystack); k++ {
		s = a.nfaNext(s, haystack[k])
		if int(a.depth[s]) != k+1-i {
			break
		}
		if s >= a.matchStart {
			dst = a.appendOwn(dst, s, i, k+1)
		}
	}
	return dst
}

// appendOwn appends the patterns of state idx itself (not of its
// suffixes), each spanning haystack[i:e].
func (a *Automaton) appendOwn(dst []Match, idx int32, i, e int) []Match {
	for _, p := range a.out[a.outOff[idx]:a.outOff[idx+1]] {
		dst = append(dst, Match{Pattern: int(p), Start: int64(i), End: int64(e)})
	}
	return dst
}

// FirstBytes reports, for every byte value, whether a pattern starts with
// it (under the automaton's case folding).
func (a *Automaton) FirstBytes() (first [256]bool) {
	root := a.rootID()
	for b := range first {
		first[b] = a.depth[a.index(a.next(root, byte(b)))] == 1
	}
	return first
}

// ShortState is where a resumable short search stands: the automaton's
// state after the bytes searched so far (FindAllShortFrom).
type ShortState struct{ id int32 }

// Resumable reports whether FindAllShortFrom may be used: a dense
// overlapping automaton without the whole-word filter.
func (a *Automaton) Resumable() bool {
	return a.dense && a.kind == Overlapping && !a.wholeWord
}

// ShortStart is the state of a short search that has read nothing.
func (a *Automaton) ShortStart() ShortState { return ShortState{a.rootIdx * a.nclass} }

// FindAllShortFrom is FindAllShort continued from st, as if haystack
// followed the bytes that led to st, and returns the state after
// haystack. Offsets are relative to haystack[0]; a match that began in
// the earlier bytes has a negative Start. The automaton must be
// Resumable. Searching a text in pieces this way finds exactly the
// matches of one search over the whole.
func (a *Automaton) FindAllShortFrom(dst []Match, haystack []byte, st ShortState) ([]Match, ShortState) {
	trans, classes := a.trans, &a.classes
	s := st.id
	matchID := a.matchStart * a.nclass
	for i, b := range haystack {
		s = trans[s+int32(classes[b])]
		if s >= matchID {
			dst = a.appendOutputs(dst, a.index(s), int64(i+1))
		}
	}
	return dst, ShortState{s}
}
