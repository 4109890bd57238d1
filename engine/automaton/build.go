package automaton

import (
	"fmt"
	"math"
)

// trie is the construction-time keyword trie. Children are kept as sibling
// lists (the root's as a dense table), so memory is a few words per node.
type trie struct {
	first  []int32 // node -> first child, or -1
	next   []int32 // node -> next sibling, or -1
	label  []byte  // node -> byte on the edge from its parent
	depth  []int32
	outs   [][]int32 // node -> pattern indices ending here, ascending
	rootCh [256]int32
}

func (t *trie) newNode(label byte, depth int32) int32 {
	t.first = append(t.first, -1)
	t.next = append(t.next, -1)
	t.label = append(t.label, label)
	t.depth = append(t.depth, depth)
	t.outs = append(t.outs, nil)
	return int32(len(t.first) - 1) // #nosec G115 -- nodes <= 1 + total pattern bytes < MaxInt32, limited by compile
}

// child returns the child of v along b, or -1.
func (t *trie) child(v int32, b byte) int32 {
	if v == 0 {
		return t.rootCh[b]
	}
	for c := t.first[v]; c >= 0; c = t.next[c] {
		if t.label[c] == b {
			return c
		}
	}
	return -1
}

func (t *trie) insert(p string, fold bool, id int32) {
	v := int32(0)
	for i := 0; i < len(p); i++ {
		b := p[i]
		if fold {
			b = lower(b)
		}
		c := t.child(v, b)
		if c < 0 {
			c = t.newNode(b, t.depth[v]+1)
			if v == 0 {
				t.rootCh[b] = c
			} else {
				t.next[c] = t.first[v]
				t.first[v] = c
			}
		}
		v = c
	}
	t.outs[v] = append(t.outs[v], id)
}

// compile builds the automaton, using the dense DFA when its transition
// table fits in budget bytes.
func compile(patterns []string, opts Options, budget int) (*Automaton, error) {
	if opts.Kind != Overlapping && opts.Kind != LeftmostLongest {
		return nil, fmt.Errorf("automaton: compile: unknown match kind %d", int(opts.Kind))
	}
	if len(patterns) >= math.MaxInt32 {
		return nil, fmt.Errorf("automaton: compile: %d patterns is too many", len(patterns))
	}
	a := &Automaton{kind: opts.Kind, fold: opts.CaseInsensitive, wholeWord: opts.WholeWord}
	a.patLen = make([]int32, len(patterns))
	total := 0
	// Each pattern is below 2^30 bytes and the total below MaxInt32-1, so
	// trie nodes (at most 1 + total) and state ids fit int32.
	for i, p := range patterns {
		l := len(p)
		if l == 0 {
			return nil, fmt.Errorf("%w at index %d", errEmptyPattern, i)
		}
		if l >= math.MaxInt32/2 || total > math.MaxInt32/2 {
			return nil, fmt.Errorf("automaton: compile: pattern %d makes the set too large", i)
		}
		total += l
		a.patLen[i] = int32(l)
		a.maxLen = max(a.maxLen, int32(l))
	}

	t := &trie{}
	for b := range t.rootCh {
		t.rootCh[b] = -1
	}
	t.newNode(0, 0)
	for i, p := range patterns {
		t.insert(p, opts.CaseInsensitive, int32(i))
	}
	n := int32(len(t.first)) // #nosec G115 -- nodes <= 1 + total pattern bytes < MaxInt32, checked above

	// Breadth-first order, failure links and dictionary links.
	order := make([]int32, 0, n)
	fail := make([]int32, n)
	dict := make([]int32, n)
	order = append(order, 0)
	dict[0] = -1
	for h := 0; h < len(order); h++ {
		v := order[h]
		visit := func(c int32) {
			order = append(order, c)
			f := int32(0)
			if v != 0 {
				for f = fail[v]; ; f = fail[f] {
					if g := t.child(f, t.label[c]); g >= 0 {
						f = g
						break
					}
					if f == 0 {
						break
					}
				}
			}
			fail[c] = f
			if len(t.outs[f]) > 0 {
				dict[c] = f
			} else {
				dict[c] = dict[f]
			}
		}
		if v == 0 {
			for b := 0; b < 256; b++ {
				if c := t.rootCh[b]; c >= 0 {
					visit(c)
				}
			}
		} else {
			for c := t.first[v]; c >= 0; c = t.next[c] {
				visit(c)
			}
		}
	}

	// Renumber: non-match states, then the root, then match states.
	isMatch := func(v int32) bool { return len(t.outs[v]) > 0 || dict[v] >= 0 }
	idx := make([]int32, n)
	k := int32(0)
	for _, v := range order {
		if v != 0 && !isMatch(v) {
			idx[v] = k
			k++
		}
	}
	idx[0] = k
	k++
	a.rootIdx = idx[0]
	a.matchStart = k
	for _, v := range order {
		if isMatch(v) {
			idx[v] = k
			k++
		}
	}
	a.n = n

	a.depth = make([]int32, n)
	a.dict = make([]int32, n)
	a.outOff = make([]uint32, n+1)
	a.out = make([]int32, 0, len(patterns))
	inv := make([]int32, n) // new index -> trie node
	for v := int32(0); v < n; v++ {
		inv[idx[v]] = v
	}
	for s := int32(0); s < n; s++ {
		v := inv[s]
		a.depth[s] = t.depth[v]
		a.dict[s] = -1
		if dict[v] >= 0 {
			a.dict[s] = idx[dict[v]]
		}
		a.outOff[s] = uint32(len(a.out)) // #nosec G115 -- len(a.out) <= len(patterns) < MaxInt32, checked above
		a.out = append(a.out, t.outs[v]...)
	}
	a.outOff[n] = uint32(len(a.out)) // #nosec G115 -- len(a.out) == len(patterns) < MaxInt32, checked above
	a.deriveLL()

	// Byte classes: one class per distinct (folded) pattern byte, class 0
	// for every other byte.
	var used [256]bool
	for _, l := range t.label[1:] {
		used[l] = true
	}
	nclass := int32(1)
	var rep [256]uint8
	for b := 0; b < 256; b++ {
		if used[b] {
			rep[b] = uint8(nclass)
			nclass++
		}
	}
	if nclass > 256 { // every byte value is used: class == byte
		nclass = 256
		for b := 0; b < 256; b++ {
			rep[b] = uint8(b)
		}
	}
	for b := 0; b < 256; b++ {
		src := byte(b)
		if a.fold {
			src = lower(src)
		}
		a.classes[b] = rep[src]
	}
	a.nclass = nclass
	a.idxMagic = divMagic(nclass)
	if int64(n)*int64(nclass)*4 <= int64(budget) && int64(n)*int64(nclass) <= maxDFAEntries {
		a.dense = true
		a.buildDFA(t, order, fail, idx)
	} else {
		a.buildNFA(t, order, fail, idx, inv)
	}
	a.pre = buildPrefilter(patterns, a.fold)
	return a, nil
}

// divMagic returns ceil(2^40/d). For 0 <= x < 2^24 and 1 <= d <= 256,
// x*divMagic(d)>>40 == x/d: the product is below 2^24 * 2^40 = 2^64, so it
// does not overflow, and the multiplier's excess over 2^40/d is below 1, so
// the error term is below x/2^40 < 2^-16, which is less than the smallest
// gap 1/d between x/d and the next integer. DFA ids are below maxDFAEntries
// = 2^24. (Larger x is not exact: for d = 1 the product wraps from 2^24 on.)
func divMagic(d int32) uint64 {
	ud := uint64(d) // #nosec G115 -- d is a class count in [1, 256]: compile builds it so and Load rejects any other
	return (uint64(1)<<40 + ud - 1) / ud
}

// divByMagic returns x/d for 0 <= x < 2^24 (a DFA state id), given
// m = divMagic(d).
func divByMagic(x int32, m uint64) int32 {
	return int32(uint64(uint32(x)) * m >> 40) // #nosec G115 -- x is a DFA id in [0, maxDFAEntries) (compile builds only those; Load checks every stored id), so uint32(x) == x
}

// deriveLL fills llPat: the longest pattern (lowest index on ties) that
// ends at each state. It needs depth, outOff, out and dict.
func (a *Automaton) deriveLL() {
	a.llPat = make([]int32, a.n)
	for s := int32(0); s < a.n; s++ {
		a.llPat[s] = -1
		for v := s; v >= 0; v = a.dict[v] {
			if a.outOff[v] < a.outOff[v+1] {
				a.llPat[s] = a.out[a.outOff[v]]
				break
			}
		}
	}
}

func (a *Automaton) buildDFA(t *trie, order, fail, idx []int32) {
	stride := a.nclass
	a.trans = make([]int32, a.n*stride)
	rootRow := a.rootIdx * stride
	for c := int32(0); c < stride; c++ {
		a.trans[rootRow+c] = rootRow
	}
	for _, v := range order {
		row := idx[v] * stride
		if v != 0 {
			f := idx[fail[v]] * stride
			copy(a.trans[row:row+stride], a.trans[f:f+stride])
		}
		setChild := func(c int32) {
			a.trans[row+int32(a.classes[t.label[c]])] = idx[c] * stride
		}
		if v == 0 {
			for b := 0; b < 256; b++ {
				if c := t.rootCh[b]; c >= 0 {
					setChild(c)
				}
			}
		} else {
			for c := t.first[v]; c >= 0; c = t.next[c] {
				setChild(c)
			}
		}
	}
}

// nfaRowBudget bounds the dense rows of the NFA's shallow states.
const nfaRowBudget = 1 << 20

func (a *Automaton) buildNFA(t *trie, order, fail, idx, inv []int32) {
	for b := 0; b < 256; b++ {
		a.foldTab[b] = byte(b)
		if a.fold {
			a.foldTab[b] = lower(byte(b))
		}
	}
	// Dense rows for the first states in breadth-first order, as many as
	// fit the budget (the root always). A state's failure target is
	// shallower, so it comes earlier and already has its row.
	stride := a.nclass
	nrows := max(1, min(len(order), nfaRowBudget/(4*int(stride))))
	a.rows = make([]int32, 0, nrows*int(stride))
	a.rowOf = make([]int32, a.n)
	for s := range a.rowOf {
		a.rowOf[s] = -1
	}
	for _, v := range order[:nrows] {
		row := int32(len(a.rows)) // #nosec G115 -- rows hold at most max(nfaRowBudget/4, 256) entries
		a.rowOf[idx[v]] = row
		if v == 0 {
			for c := int32(0); c < stride; c++ {
				a.rows = append(a.rows, a.rootIdx)
			}
			for b := 0; b < 256; b++ {
				if c := t.rootCh[b]; c >= 0 {
					a.rows[row+int32(a.classes[b])] = idx[c]
				}
			}
			continue
		}
		f := a.rowOf[idx[fail[v]]]
		a.rows = append(a.rows, a.rows[f:f+stride]...)
		for c := t.first[v]; c >= 0; c = t.next[c] {
			a.rows[row+int32(a.classes[t.label[c]])] = idx[c]
		}
	}
	a.fail = make([]int32, a.n)
	a.edgeOff = make([]uint32, a.n+1)
	a.edgeByte = make([]byte, 0, a.n)
	a.edgeNext = make([]int32, 0, a.n)
	for s := int32(0); s < a.n; s++ {
		v := inv[s]
		a.fail[s] = idx[fail[v]]
		a.edgeOff[s] = uint32(len(a.edgeByte)) // #nosec G115 -- one edge per non-root state: len < n <= MaxInt32
		if v == 0 {
			continue // the root's row has all its transitions
		}
		lo := len(a.edgeByte)
		for c := t.first[v]; c >= 0; c = t.next[c] {
			// Insertion sort by byte; fan-out is small except near the root.
			a.edgeByte = append(a.edgeByte, t.label[c])
			a.edgeNext = append(a.edgeNext, idx[c])
			for j := len(a.edgeByte) - 1; j > lo && a.edgeByte[j-1] > a.edgeByte[j]; j-- {
				a.edgeByte[j-1], a.edgeByte[j] = a.edgeByte[j], a.edgeByte[j-1]
				a.edgeNext[j-1], a.edgeNext[j] = a.edgeNext[j], a.edgeNext[j-1]
			}
		}
	}
	a.edgeOff[a.n] = uint32(len(a.edgeByte)) // #nosec G115 -- one edge per non-root state: len < n <= MaxInt32
}
