package oldengine

import (
	"github.com/datafog/datafog-api/engine/automaton"
)

// Locality bounds. Every candidate comes from one anchor position q (a
// trigger byte, the start of a digit run, or a dictionary match start) and
// its detector reads only t[q-lookBack : q+reach+2]. A short candidate
// [s, e) from anchor q has q-anchorSpan <= s <= q+anchorSpan and
// e <= q+reach. The streaming Scanner relies on these bounds; see stream.go.
const (
	anchorSpan = 80
	lookBack   = 160
	reach      = 4096
	// maxShort is the longest candidate other than a PEM block.
	maxShort = reach + anchorSpan
	// maxJWT is the longest JWT reported.
	maxJWT = reach
	// pemMax is the longest PEM private-key block reported, BEGIN line
	// through END line (61,280 bytes). Longer blocks are not reported, by
	// Scan or Scanner, so that both agree.
	pemMax = MaxHoldback - maxShort - anchorSpan
)

// cand is a candidate finding, with absolute offsets.
type cand struct {
	start, end int64
	anchor     int64
	conf       float64
	kind       uint16
	validated  bool
}

// scanState is the per-scan scratch space. Scan borrows one from the
// engine's pool; a Scanner owns one.
type scanState struct {
	e     *Engine
	t     []byte // the text being scanned (a window of the stream)
	base  int64  // absolute offset of t[0]
	cands []cand
	keep  []bool
	dm    []automaton.Match
	// pemPending is the smallest anchor (index into t) of a PEM block whose
	// END line may lie beyond t, or -1.
	pemPending int
	// ctxAt/ctxVal cache the last context lookup.
	ctxAt  int
	ctxVal uint32
}

// Scan appends the findings in text to dst and returns the extended slice:
// ascending Start, non-overlapping, deterministic. It allocates nothing when
// dst has room for the findings.
func (e *Engine) Scan(dst []Finding, text []byte, f Filter) []Finding {
	st := e.pool.get()
	st.reset(e)
	st.detect(text, 0, 0, len(text))
	n := st.resolve()
	for i := 0; i < n; i++ {
		if st.keep[i] {
			c := &st.cands[i]
			k := &e.kinds[c.kind]
			if f.allows(k.bit) {
				dst = append(dst, Finding{Type: k.typ, Start: c.start, End: c.end, Confidence: c.conf, Validated: c.validated})
			}
		}
	}
	st.t = nil
	e.pool.put(st)
	return dst
}

// reset prepares st for a new scan by e.
func (st *scanState) reset(e *Engine) {
	st.e = e
	st.cands = st.cands[:0]
	st.pemPending = -1
	st.ctxAt = -1
}

// add records a candidate t[s:e] of built-in kind k found from anchor q,
// unless the detector is disabled or the confidence is below its minimum.
func (st *scanState) add(k int, s, e, q int, conf float64, validated bool) {
	en := st.e
	if k < numBuiltin && (!en.enabled[k] || conf < en.minConf[k]) {
		return
	}
	st.cands = append(st.cands, cand{
		start: st.base + int64(s), end: st.base + int64(e), anchor: st.base + int64(q),
		conf: conf, kind: uint16(k), validated: validated,
	})
}

// ctx returns the context classes for a candidate starting at t[s].
func (st *scanState) ctx(s int) uint32 {
	if st.ctxAt != s {
		st.ctxAt = s
		st.ctxVal = st.e.contextMask(st.t, s)
	}
	return st.ctxVal
}

// Byte classes of the main pass. Zero bytes are skipped.
const (
	clsNone = iota
	clsDigit
	clsAt
	clsColon
	clsEq
	clsDash
	clsUnder
	clsA
	clsJ
)

var byteClass = func() (t [256]uint8) {
	for c := '0'; c <= '9'; c++ {
		t[c] = clsDigit
	}
	t['@'] = clsAt
	t[':'] = clsColon
	t['='] = clsEq
	t['-'] = clsDash
	t['_'] = clsUnder
	t['A'] = clsA
	t['J'] = clsJ
	return t
}()

// detect runs every detector over t (whose first byte is at absolute offset
// base), processing the anchors at indexes from..to-1. A digit run that
// starts before from is skipped, not treated as an anchor. Detectors read
// t beyond to (up to reach+2 bytes past an anchor, or a whole PEM block).
func (st *scanState) detect(t []byte, base int64, from, to int) {
	st.t, st.base = t, base
	i := from
	if i > 0 {
		for i < len(t) && isDigit(t[i]) && isDigit(t[i-1]) {
			i++
		}
	}
	n := len(t)
	// Anchors stop at to; the loop reads t[:n] but never starts a
	// detector at or after to.
	for i < to {
		// Skip boring bytes, eight at a time.
		for i+8 <= n {
			if byteClass[t[i]]|byteClass[t[i+1]]|byteClass[t[i+2]]|byteClass[t[i+3]]|
				byteClass[t[i+4]]|byteClass[t[i+5]]|byteClass[t[i+6]]|byteClass[t[i+7]] != 0 {
				break
			}
			i += 8
		}
		for i < n && byteClass[t[i]] == clsNone {
			i++
		}
		if i >= to {
			break
		}
		switch byteClass[t[i]] {
		case clsDigit:
			j := i + 1
			for j < n && isDigit(t[j]) {
				j++
			}
			// Most digit runs in logs cannot start a candidate: they
			// continue a number ("02" of "2024-02-28") or a word. Dismiss
			// them here, as digits would, without the call.
			if i > 0 {
				cc := charClass[t[i-1]]
				if cc&(chDigit|chUnder) != 0 || cc&chNumGlue != 0 && i >= 2 && isDigit(t[i-2]) ||
					cc&(chLower|chUpper) != 0 && !(i >= 2 && (cc&chUpper != 0 && isUpper(t[i-2]) || t[i] == '1')) {
					i = j
					continue
				}
			}
			st.digits(i, j)
			i = j
			continue
		case clsAt:
			st.email(i)
		case clsColon:
			st.colon(i)
			st.assignment(i)
		case clsEq:
			st.assignment(i)
		case clsDash:
			st.dash(i)
		case clsUnder:
			st.underscore(i)
		case clsA:
			st.upperA(i)
		case clsJ:
			st.jwt(i)
		}
		i++
	}
	if len(st.e.dictGroups) > 0 {
		st.dictionaries(from, to)
	}
}

// dictionaries adds a candidate for every dictionary match starting at
// an index in from..to-1. The automaton searches t[from-1:to+L+1], L the
// group's longest pattern:
// the byte on each side of every such match lies inside that slice, so
// whole-word checks see the same neighbours as over all of t.
func (st *scanState) dictionaries(from, to int) {
	e := st.e
	h := from - 1
	if h < 0 {
		h = 0
	}
	for _, g := range e.dictGroups {
		lim := min(len(st.t), to+g.aut.MaxPatternLen()+1)
		if h >= lim {
			continue
		}
		st.dm = g.aut.FindAll(st.dm[:0], st.t[h:lim])
		for _, m := range st.dm {
			s, end := h+int(m.Start), h+int(m.End)
			if s < from || s >= to {
				continue
			}
			for _, d := range g.pats[g.patStart[m.Pattern]:g.patStart[m.Pattern+1]] {
				k := numBuiltin + int(d)
				st.cands = append(st.cands, cand{
					start: st.base + int64(s), end: st.base + int64(end), anchor: st.base + int64(s),
					conf: e.kinds[k].conf, kind: uint16(k),
				})
			}
		}
	}
}

// resolve sorts the candidates by start and marks in st.keep those that
// outrank every candidate they overlap. It returns the number of
// candidates.
//
// The rule is local on purpose: whether a candidate is kept depends only on
// the candidates that overlap it, so a stream window that holds all of them
// decides it exactly as a scan of the whole input does.
func (st *scanState) resolve() int {
	c := st.cands
	n := len(c)
	// Insertion sort: candidates arrive nearly in order.
	for i := 1; i < n; i++ {
		x := c[i]
		j := i
		for j > 0 && candLess(&x, &c[j-1]) {
			c[j] = c[j-1]
			j--
		}
		c[j] = x
	}
	if cap(st.keep) < n {
		st.keep = make([]bool, n, n+n/2)
	}
	st.keep = st.keep[:n]
	var maxLen int64
	for i := range c {
		if l := c[i].end - c[i].start; l > maxLen {
			maxLen = l
		}
	}
	kinds := st.e.kinds
	for i := 0; i < n; i++ {
		keep := true
		for j := i + 1; j < n && c[j].start < c[i].end; j++ {
			if outranks(&c[j], &c[i], kinds) {
				keep = false
				break
			}
		}
		for j := i - 1; keep && j >= 0 && c[i].start-c[j].start < maxLen; j-- {
			if c[j].end > c[i].start && !outranks(&c[i], &c[j], kinds) {
				keep = false
			}
		}
		st.keep[i] = keep
	}
	return n
}

// candLess orders candidates by start, then end, then kind.
func candLess(a, b *cand) bool {
	if a.start != b.start {
		return a.start < b.start
	}
	if a.end != b.end {
		return a.end < b.end
	}
	return a.kind < b.kind
}

// outranks reports whether a beats b when they overlap: validated over
// unvalidated, then higher confidence, then longer, then the type order.
// On a complete tie the earlier one (in candLess order) wins; a must then
// be the earlier one for outranks to be true, which callers arrange by
// asking "does the later outrank the earlier" strictly and "does the
// earlier fail to outrank the later" otherwise.
func outranks(a, b *cand, kinds []kindInfo) bool {
	if a.validated != b.validated {
		return a.validated
	}
	if a.conf != b.conf {
		return a.conf > b.conf
	}
	la, lb := a.end-a.start, b.end-b.start
	if la != lb {
		return la > lb
	}
	ra, rb := kinds[a.kind].rank, kinds[b.kind].rank
	if ra != rb {
		return ra < rb
	}
	return false
}
