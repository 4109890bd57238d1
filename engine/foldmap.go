package engine

import (
	"encoding/binary"
	"sort"
)

// foldMap maps offsets in folded text back to the original. A breakpoint
// says that folded offset f is original offset after, for a character
// that folded or was dropped just before it; before is where a finding
// that ends at f ends in the original (it differs from after when dropped
// characters stand at f, which the finding does not take). Between
// breakpoints the shift is constant.
type foldMap struct {
	bps []breakpoint // ascending f; bps[0] is the origin
}

// breakpoint is one entry of a foldMap.
type breakpoint struct {
	f, before, after int64
}

// reset starts a map at folded offset f, original offset o.
func (m *foldMap) reset(f, o int64) {
	m.bps = append(m.bps[:0], breakpoint{f, o, o})
}

// add records that folded offset f is original offset o (after a folded
// character), or, with del, that a character ending at original offset o
// was dropped at f.
func (m *foldMap) add(f, o int64, del bool) {
	last := &m.bps[len(m.bps)-1]
	if last.f == f {
		if !del {
			last.before = o
		}
		last.after = o
		return
	}
	before := o
	if del {
		before = last.after + (f - last.f)
	}
	m.bps = append(m.bps, breakpoint{f, before, o})
}

// find returns the last breakpoint at or before folded offset f.
func (m *foldMap) find(f int64) *breakpoint {
	k := sort.Search(len(m.bps), func(i int) bool { return m.bps[i].f > f })
	return &m.bps[max(0, k-1)]
}

// start maps the folded start offset of a finding to the original.
func (m *foldMap) start(f int64) int64 {
	bp := m.find(f)
	return bp.after + (f - bp.f)
}

// end maps the folded end offset of a finding to the original.
func (m *foldMap) end(f int64) int64 {
	bp := m.find(f)
	if bp.f == f {
		return bp.before
	}
	return bp.after + (f - bp.f)
}

// trim drops the breakpoints before the last one at or before folded
// offset f, which later lookups will not need.
func (m *foldMap) trim(f int64) {
	k := sort.Search(len(m.bps), func(i int) bool { return m.bps[i].f > f })
	if k > 1 {
		n := copy(m.bps, m.bps[k-1:])
		m.bps = m.bps[:n]
	}
}

// foldAppend appends the folded form of b[from:to] to dst and returns
// the extended slice: the lookalikes that fold there (foldrule.go) are
// folded, every other byte is copied. The rule reads b around each
// lookalike, so b must hold the context (foldContext bytes on each side,
// or up to the edge of the text). b[from] is at original offset o and
// dst[0] at folded offset f; the breakpoints go to m unless it is nil.
func foldAppend(dst, b []byte, from, to int, o, f int64, m *foldMap) []byte {
	span := from
	for i := from; ; {
		if i = nextLead(b, i, to); i >= to {
			break
		}
		if !mayFold(b, i) || !foldsAt(b, i) {
			i++
			continue
		}
		n, out, k := lookalikeAt(b, i)
		if i+n > to {
			i++
			continue
		}
		dst = append(dst, b[span:i]...)
		if k != lkDrop {
			dst = append(dst, out)
		}
		if m != nil {
			m.add(f+int64(len(dst)), o+int64(i+n-from), k == lkDrop)
		}
		i += n
		span = i
	}
	return append(dst, b[span:to]...)
}

// firstFold returns the index of the first lookalike in b[from:to] that
// folds, or -1. Like foldAppend, it reads b around each lookalike.
func firstFold(b []byte, from, to int) int {
	for i := from; ; i++ {
		if i = nextLead(b, i, to); i >= to {
			return -1
		}
		if mayFold(b, i) && foldsAt(b, i) {
			if n, _, _ := lookalikeAt(b, i); i+n <= to {
				return i
			}
		}
	}
}

// nextLead returns the index of the first byte of b[i:to] that may start
// a multi-byte character (0xC0 and above), or to. It skips eight bytes at
// a time while none does.
func nextLead(b []byte, i, to int) int {
	const highs = 0x8080808080808080
	for ; to-i >= 8; i += 8 {
		if w := binary.LittleEndian.Uint64(b[i : i+8]); w&(w<<1)&highs != 0 {
			break
		}
	}
	for ; i < to; i++ {
		if b[i] >= 0xC0 {
			return i
		}
	}
	return to
}
