package engine

import (
	"encoding/binary"
	"math/bits"

	"github.com/datafog/datafog-api/engine/automaton"
	"github.com/datafog/datafog-api/engine/validate"
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
	// keyCache caches api_key key-name verdicts across scans.
	keyCache keyCache
	// tldCache caches email TLD verdicts across scans.
	tldCache tldCache
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
		conf: conf, kind: uint16(k), validated: validated, // #nosec G115 -- k < numBuiltin+maxDicts (New and Load check), under 2^16
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
//
// The pass takes t in blocks of 64 bytes. For each block it builds a mask
// with one bit per trigger byte (triggerMask, eight table lookups per
// eight bytes, no branches) and visits the set bits in order; a stop that
// consumes bytes (a digit run) clears their bits. Dense text thus costs one
// branch per stop instead of a skip loop that exits at a different point
// each time.
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
blocks:
	for i < to {
		blk := i
		var m uint64
		if blk+64 <= n {
			m = triggerMask(t[blk : blk+64])
		} else {
			m = tailMask(t[blk:n])
		}
		next := blk + 64
		for m != 0 {
			i = blk + bits.TrailingZeros64(m)
			if i >= to {
				break blocks
			}
			adv := i + 1
			// The cases are conditional branches (not a jump table), in
			// order of frequency in logs; measured about 1% faster.
			switch c := byteClass[t[i]]; {
			case c == clsDigit:
				j := digitEnd(t, i+1)
				adv = j
				// Most digit runs in logs cannot start a candidate: they
				// continue a number ("02" of "2024-02-28") or a word.
				// Dismiss them here, as digits would, without the call.
				if i > 0 {
					cc := charClass[t[i-1]]
					if cc&(chDigit|chUnder) != 0 || cc&chNumGlue != 0 && i >= 2 && isDigit(t[i-2]) ||
						cc&(chLower|chUpper) != 0 && !(i >= 2 && (cc&chUpper != 0 && isUpper(t[i-2]) || t[i] == '1')) {
						break
					}
					if inertRun(t, i, j) {
						break
					}
				}
				if j-i == 4 && j < n && t[j] == '-' {
					adv = isoTimeEnd(t, i, j)
					if adv != j && numLeft(t, i) && (i == 0 || t[i-1] != '+') {
						st.isoDate(i, j)
						break
					}
				}
				st.digits(i, j)
			case c == clsColon:
				if i >= 16 && t[i-1] == '"' {
					// A JSON key `"name":`. After a quote only "::" can
					// start an IPv6 or MAC address (colon's first test),
					// and the key name's api_key verdict is cached
					// (keyCache): assignment is called for a secret-like
					// name only, saving the call for the rest.
					if i+1 < n && t[i+1] == ':' {
						st.colon(i)
					}
					if st.e.enabled[kAPIKey] && st.keyCache.quotedKey(t, i) {
						st.assignment(i)
					}
					break
				}
				st.colon(i)
				st.assignment(i)
			case c == clsUnder:
				// underscore's prefixes end in "gh?_", "b_" or "k_".
				if i >= 2 && (t[i-2] == 'h' || t[i-1] == 'b' || t[i-1] == 'k') {
					st.underscore(i)
				}
			case c == clsAt:
				st.email(i)
			case c == clsEq:
				st.assignment(i)
			case c == clsDash:
				st.dash(i)
			case c == clsA:
				st.upperA(i)
			case c == clsJ:
				st.jwt(i)
			}
			d := adv - blk
			if d >= 64 {
				next = adv
				break
			}
			m &^= 1<<uint(d) - 1
		}
		i = next
	}
	if len(st.e.dictGroups) > 0 {
		st.dictionaries(from, to)
	}
}

// inertLens has bit l set for the digit-run lengths l for which neither
// compact nor monthDate does anything: 3, 4, 6, 7, 8 and 20 to 63 (digits
// returns at once for runs longer than maxRun; longer ones still reach it).
const inertLens uint64 = 1<<3 | 1<<4 | 1<<6 | 1<<7 | 1<<8 | 0xffff_ffff_fff0_0000

// inertRun reports, for a digit run t[i:j] that the main loop did not
// dismiss (i > 0), that digits would find nothing in it, so it need not be
// called. All of these hold then: its length is in inertLens (compact and
// monthDate need other lengths, and digits returns at once for more than
// maxRun); no letter, '+' or '(' precedes it (IBAN, bech32, E.164 and
// "(212)" phones need one); no second group follows (a separator and a
// digit, which grouped and isoTimeEnd need); it is not a base58 address
// (that needs a leading '1' or '3' and, the run being shorter than an
// address, a base58 byte right after it); and it is not the "0" of "0x"
// (a run of length one, not in inertLens).
func inertRun(t []byte, i, j int) bool {
	if inertLens>>uint(j-i)&1 == 0 || j+1 >= len(t) || !leftInert[t[i-1]] {
		return false
	}
	x := t[j]
	return (charClass[x]&chGroupSep == 0 || !isDigit(t[j+1])) &&
		(t[i]|2 != '3' || !validate.LooksBase58(x)) // t[i]|2 is '3' for '1' and '3' only
}

// leftInert[c] is true when c before a digit run starts none of the
// letter-, '+'- or '('-prefixed forms.
var leftInert = func() (t [256]bool) {
	for c := range t {
		t[c] = charClass[c]&(chLower|chUpper) == 0 && c != '+' && c != '('
	}
	return t
}()

// isoTimeEnd returns where the anchors that follow the year t[i:j] of an
// ISO timestamp "YYYY-MM-DDTHH:MM[:SS[.fff]]" may be skipped to, or j when
// t[j:] does not continue so (or t[i-1] is a key-name byte). None of the
// skipped anchors can start a candidate, whatever follows: the two dashes
// fail the MAC shape at the 'T' (the only detector a dash between digits
// runs); the day, minute, second and fraction runs continue a number (the
// main loop dismisses them); the hour run follows "DT", which no IBAN or
// bech32 prefix matches; neither colon has the word boundary before it
// that MAC and IPv6 need, and a colon's key name would be "YYYY-MM-DDTHH"
// (it starts with a digit: the byte before the year ends it) or "MM" (too
// short), so no api_key assignment either.
func isoTimeEnd(t []byte, i, j int) int {
	if len(t)-j < 12 || i > 0 && charClass[t[i-1]]&chKeyName != 0 {
		return j
	}
	w := t[j : j+12]
	if w[0] != '-' || w[3] != '-' || w[6] != 'T' || w[9] != ':' ||
		charClass[w[1]]&charClass[w[2]]&charClass[w[4]]&charClass[w[5]]&
			charClass[w[7]]&charClass[w[8]]&charClass[w[10]]&charClass[w[11]]&chDigit == 0 {
		return j
	}
	if len(t)-j >= 15 && t[j+12] == ':' && isDigit(t[j+13]) && isDigit(t[j+14]) {
		if len(t)-j >= 17 && t[j+15] == '.' && isDigit(t[j+16]) {
			return digitEnd(t, j+17)
		}
		return j + 15
	}
	return j + 12
}

// isoDate is digits for the year t[i:j] of an ISO timestamp (isoTimeEnd
// matched; numLeft holds and no '+' precedes): the date
// "YYYY-MM-DD" followed by "T" and a digit is the only candidate digits
// can find there. The other numeric forms need the number to end at the
// 'T' (numRight fails there), a run of another length, or a '+' or '('
// before it; base58 stops at the first '-', 21 bytes short.
func (st *scanState) isoDate(i, j int) {
	t := st.t
	y := atoi(t[i:j])
	m := int(t[j+1]-'0')*10 + int(t[j+2]-'0')
	d := int(t[j+4]-'0')*10 + int(t[j+5]-'0')
	if validate.Date(y, m, d) {
		st.add(kDate, i, j+6, i, 0.95, true)
	}
}

// trigAt[k][c] is 1<<k when c is a trigger byte (byteClass[c] != 0): the
// bit for position k of an eight-byte group.
var trigAt = func() (t [8][256]uint8) {
	for k := range t {
		for c := range t[k] {
			if byteClass[c] != clsNone {
				t[k][c] = 1 << k
			}
		}
	}
	return t
}()

// triggerMask returns the trigger bits of w[:64]: bit k is set when w[k] is
// a trigger byte.
func triggerMask(w []byte) uint64 {
	_ = w[63]
	return uint64(trigger8(w[0:8])) | uint64(trigger8(w[8:16]))<<8 |
		uint64(trigger8(w[16:24]))<<16 | uint64(trigger8(w[24:32]))<<24 |
		uint64(trigger8(w[32:40]))<<32 | uint64(trigger8(w[40:48]))<<40 |
		uint64(trigger8(w[48:56]))<<48 | uint64(trigger8(w[56:64]))<<56
}

// trigger8 returns the trigger bits of w[:8].
func trigger8(w []byte) uint8 {
	_ = w[7]
	return trigAt[0][w[0]] | trigAt[1][w[1]] | trigAt[2][w[2]] | trigAt[3][w[3]] |
		trigAt[4][w[4]] | trigAt[5][w[5]] | trigAt[6][w[6]] | trigAt[7][w[7]]
}

// tailMask is triggerMask for a block shorter than 64 bytes.
func tailMask(w []byte) uint64 {
	var m uint64
	for k, c := range w {
		if byteClass[c] != clsNone {
			m |= 1 << uint(k)
		}
	}
	return m
}

// digitEnd returns the end of the digit run that continues at t[j]: the
// first index at or after j that is not an ASCII digit. It tests eight
// bytes at a time: a byte is a digit when its xor with '0' is below 10.
func digitEnd(t []byte, j int) int {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	for j+8 <= len(t) {
		a := binary.LittleEndian.Uint64(t[j:]) ^ '0'*ones
		// (a|0x80) - 10 per byte never borrows; its high bit is set when
		// the low seven bits of a are 10 or more. A byte of a with its own
		// high bit set is not a digit either.
		if nd := ((a | highs) - 10*ones | a) & highs; nd != 0 {
			return j + bits.TrailingZeros64(nd)>>3
		}
		j += 8
	}
	for j < len(t) && isDigit(t[j]) {
		j++
	}
	return j
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
					conf: e.kinds[k].conf, kind: uint16(k), // #nosec G115 -- k < numBuiltin+maxDicts (New and Load check), under 2^16
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
