package engine

import (
	"math/bits"

	"github.com/datafog/datafog-api/engine/automaton"
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets"
)

// Locality bounds (see detect.Scan): every candidate comes from one anchor
// position q and its detector reads only t[q-lookBack : q+reach+2]. A
// short candidate [s, e) from anchor q has q-anchorSpan <= s <=
// q+anchorSpan and e <= q+reach. The streaming Scanner relies on these
// bounds; see stream.go.
const (
	anchorSpan = detect.AnchorSpan
	lookBack   = detect.LookBack
	reach      = detect.Reach
	// maxShort is the longest candidate other than a pending one.
	maxShort = reach + anchorSpan
)

// The PEM detector's limit is what the stream's holdback is sized from.
const _ = uint(MaxHoldback-maxShort-anchorSpan-secrets.PEMMax) + uint(secrets.PEMMax-(MaxHoldback-maxShort-anchorSpan))

// scanState is the per-scan scratch space. Scan borrows one from the
// engine's pool; a Scanner owns one.
type scanState struct {
	e    *Engine
	s    detect.Scan
	keep []bool
	dm   []automaton.Match
	// keyCache caches assignment key-name verdicts across scans.
	keyCache keyCache
	keyDets  []int32
	keyMs    []automaton.Match
	// g and a are handed to detectors by pointer; they live here so that
	// they do not escape to the heap on every call.
	g detect.Groups
	a detect.Assignment
	// exhaustive turns every shortcut of the scan loop off: the reference
	// path that FuzzShortcuts compares the fast one with.
	exhaustive bool
	// inner scans decoded base64 blobs (base64.go); nested is set on it,
	// so that a blob inside a blob is not opened.
	inner  *scanState
	nested bool
	// folded and fmap hold a whole-buffer scan's folded text (fold.go).
	// With foldCheck, detect stops at the first lookalike that folds:
	// sawFold says it did, foldAt where (foldscan.go).
	folded    []byte
	fmap      foldMap
	foldCheck bool
	sawFold   bool
	foldAt    int
}

// Scan appends the findings in text to dst and returns the extended slice:
// ascending Start, non-overlapping, deterministic. It allocates nothing when
// dst has room for the findings.
//
// Text with lookalike characters (fullwidth forms, other scripts' decimal
// digits, zero-width characters) is scanned in its folded form, and the
// findings' offsets are those of the original bytes (fold.go).
func (e *Engine) Scan(dst []Finding, text []byte, f Filter) []Finding {
	st := e.pool.get()
	st.reset(e, f.minConf)
	var m *foldMap
	st.foldCheck = true
	st.detect(text, 0, 0, len(text))
	st.foldCheck = false
	if st.sawFold {
		m = st.scanFolded(text)
	}
	dst = st.emit(dst, &f, m)
	st.s.T = nil
	e.pool.put(st)
	return dst
}

// emit resolves overlaps and appends the kept, selected candidates to dst,
// their offsets mapped through m when the text was folded.
func (st *scanState) emit(dst []Finding, f *Filter, m *foldMap) []Finding {
	n := st.resolve()
	kinds := st.e.kinds
	for i := 0; i < n; i++ {
		if c := &st.s.Cands[i]; st.keep[i] && !c.Hidden {
			if k := &kinds[c.Kind]; f.allows(k.bit) {
				fd := Finding{Type: k.typ, Start: c.Start, End: c.End, Confidence: c.Conf, Validated: c.Validated}
				if m != nil {
					fd.Start, fd.End = m.start(c.Start), m.end(c.End)
				}
				dst = append(dst, fd)
			}
		}
	}
	return dst
}

// reset prepares st for a new scan by e.
func (st *scanState) reset(e *Engine, minConf float64) {
	st.e = e
	st.sawFold = false
	st.s.Reset(e.words, minConf)
}

// detect runs every detector over t (whose first byte is at absolute offset
// base), processing the anchors at indexes from..to-1. A digit run that
// starts before from is skipped, not treated as an anchor. Detectors read
// t beyond to (up to reach+2 bytes past an anchor, or a whole PEM block).
//
// The pass takes t in blocks of 64 bytes. For each block it builds a mask
// with one bit per trigger byte (triggerMask: nibble lookups in vector
// registers, or eight table lookups per eight bytes; no branches) and
// visits the set bits in order; a stop that
// consumes bytes (a digit run) clears their bits. Dense text thus costs one
// branch per stop instead of a skip loop that exits at a different point
// each time.
func (st *scanState) detect(t []byte, base int64, from, to int) {
	st.s.Window(t, base)
	d := st.e.dispatch
	num, tk := &d.num, &d.tok
	i := from
	if i > 0 {
		for i < len(t) && detect.IsDigit(t[i]) && detect.IsDigit(t[i-1]) {
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
		switch {
		case st.exhaustive:
			m = d.tailMask(t[blk:min(n, blk+64)])
		case blk+64 <= n && useVector:
			// triggerMask, written out: a call per block costs more than
			// the kernel's own work on text without stops.
			var broken, high uint64
			m, broken, high = triggerMaskAVX2(&t[blk], &d.nib)
			m &^= broken & d.leadsOnly
			if high != 0 && d.dropsDead && blk > 0 && blk+64 < n {
				// An ASCII stop between two non-ASCII bytes, when
				// such stops are all dead; then the rest (dead.go).
				m &^= ^high & high << 1 & (high >> 1) & d.dead.amidHigh
				m = d.dropDead(t, blk, m)
			}
		case blk+64 <= n:
			m = d.triggerMaskTable(t[blk : blk+64])
		default:
			m = d.tailMask(t[blk:n])
		}
		next := blk + 64
		for m != 0 {
			i = blk + bits.TrailingZeros64(m)
			if i >= to {
				break blocks
			}
			adv := i + 1
			if c := d.class[t[i]]; c == clsDigit {
				j := detect.DigitEnd(t, i+1)
				adv = j
				// Most digit runs in logs cannot start a candidate; they
				// are dismissed here, as the dispatch rules would, without
				// a call: a run that continues a number ("02" of
				// "2024-02-28") or a word, a letter-glued run that no
				// token detector can take, and an inert run.
				if i > 0 {
					cc := detect.ClassOf(t[i-1])
					switch {
					case cc&(detect.Digit|detect.Under) != 0 || cc&detect.NumGlue != 0 && i >= 2 && detect.IsDigit(t[i-2]):
						goto next
					case cc&detect.Alpha != 0:
						if tk.lowerFirst[t[i]] || cc&detect.Upper != 0 && tk.minLead > 0 && (tk.minLead < 2 || i >= 2 && detect.IsUpper(t[i-2])) {
							st.letterToken(i, j)
						}
						goto next
					case !st.exhaustive && j+1 < n && j-i < len(num.inert) && num.inert[j-i][t[j]] && !num.afterSet[t[i-1]] &&
						(detect.ClassOf(t[j])&detect.GroupSep == 0 || !detect.IsDigit(t[j+1])) && (t[j] != ':' || !num.colonLen[j-i]) &&
						!(num.leadSet[t[i]] && detect.IsAlpha(t[j])) && !(tk.digitFirst && detect.IsUpper(t[j])):
						// An inert run: its length is inert (no Compact or
						// Short detector takes it); no After byte such as
						// '+' or '(' precedes it; no second group follows
						// (a separator and a digit, which Grouped, Dotted
						// and ISO need, or a ':' where a Colon detector
						// takes the length); it is not a Lead (no letter
						// follows a run that starts with a Lead byte); and
						// it does not start a token (no upper-case letter
						// follows it while a DigitFirst detector exists). So
						// digits would call nothing for it.
						goto next
					}
				}
				adv = st.digitRun(i, j)
			} else if c == clsNone {
				// A false positive of inexact nibble tables (trigger.go).
			} else if c == clsTerm {
				st.termsAt(i)
			} else if c == clsFold {
				if st.foldStop(t, i) {
					break blocks
				}
				if d.termAt[clsFold] {
					st.termsAt(i)
				}
			} else if d.quoted[c] && i >= 16 && t[i-1] == '"' && !st.exhaustive && (i+1 >= n || d.callAfter[uint16(c)<<8|uint16(t[i+1])]&^d.both[c] == 0) {
				// A JSON key `"name":`: nothing but an assignment can
				// start here (dispatch.quoted; a detector that needs both
				// neighbours cannot start after the quote), and the key's
				// verdict is cached (keyCache).
				if st.keyCache.quotedKey(st, t, i) {
					st.assignment(i)
				}
			} else if sd := d.solo[c]; sd != nil {
				// One byte detector and nothing else (dispatch.solo).
				prev, next := neighbours(t, i)
				if d.calls(c, prev, next) != 0 {
					st.s.Enter(sd.b, i)
					sd.find(&st.s, i)
				}
			} else if d.assignOnly[c] && !st.exhaustive && (i+1 >= n || !d.assignNext[uint16(c)<<8|uint16(t[i+1])]) {
				// An assignment byte with nothing else to do, and no
				// assignment can start here (dispatch.assignOnly).
			} else if d.prefixOnly[c] {
				// Only literals are anchored here (dispatch.prefixOnly).
				prev, next := neighbours(t, i)
				// prefixBit is never in always or both: the two tables say it.
				if (d.callBefore[uint16(c)<<8|uint16(prev)]|d.callAfter[uint16(c)<<8|uint16(next)])&prefixBit != 0 {
					st.fire(&d.cls[c], prefixBit, i)
				}
			} else if d.numSep[c] && !st.exhaustive && i > 0 && i+1 < n && detect.IsDigit(t[i-1]) && detect.IsDigit(t[i+1]) && !st.sepLive(d, c, i) {
				// A separator inside a number, where nothing can start
				// (dispatch.numSep).
			} else {
				st.stop(d, c, i)
			}
		next:
			dd := adv - blk
			if dd >= 64 {
				next = adv
				break
			}
			m &^= 1<<uint(dd) - 1
		}
		i = next
	}
	if st.sawFold {
		to = max(from, st.foldAt-foldRewind)
	}
	if len(st.e.dictGroups) > 0 {
		st.dictionaries(from, to)
	}
	for k := range d.terms {
		st.terms(&d.terms[k], from, to)
	}
}

// terms calls an OnTerms detector for every match of its automaton that
// starts at an index in from..to-1, searching t[from-1:to+L+1] (L the
// longest term) as dictionaries does.
func (st *scanState) terms(td *termsDet, from, to int) {
	t := st.s.T
	h := max(0, from-1)
	lim := min(len(t), to+td.aut.MaxPatternLen()+1)
	if h >= lim {
		return
	}
	st.dm = td.aut.FindAll(st.dm[:0], t[h:lim])
	for _, m := range st.dm {
		m.Start += int64(h)
		m.End += int64(h)
		if m.Start < int64(from) || m.Start >= int64(to) {
			continue
		}
		st.s.Enter(td.b, int(m.Start))
		td.find(&st.s, m)
	}
}

// termsAt calls the word-start term detectors (OnTerms.WordStart) for
// the terms that start at t[i], when no word byte stands before it.
func (st *scanState) termsAt(i int) {
	t := st.s.T
	if i > 0 && detect.IsWord(t[i-1]) {
		return
	}
	starts := st.e.dispatch.starts
	for k := range starts {
		td := &starts[k]
		if !td.first[t[i]] {
			continue
		}
		st.dm = td.aut.StartsAt(st.dm[:0], t[:min(len(t), i+td.aut.MaxPatternLen())], i)
		for _, m := range st.dm {
			st.s.Enter(td.b, i)
			td.find(&st.s, m)
		}
	}
}

// stop handles the trigger byte t[i] of class c (not a digit): the byte
// detectors and literal prefixes its neighbours call for, and an
// assignment. For a JSON key `"name":` the assignment's verdict is
// cached (keyCache), so the call is saved for every key no key detector
// takes.
func (st *scanState) stop(d *dispatch, c uint8, i int) {
	if d.termAt[c] {
		st.termsAt(i)
	}
	t := st.s.T
	prev, next := neighbours(t, i)
	bf, af := d.callBefore[uint16(c)<<8|uint16(prev)], d.callAfter[uint16(c)<<8|uint16(next)]
	if call := d.always[c] | bf | af; call != 0 {
		both := d.both[c]
		if call = d.always[c] | (bf|af)&^both | bf&af&both; call != 0 {
			st.fire(&d.cls[c], call, i)
		}
	}
	if d.assign[c] && d.assignNext[uint16(c)<<8|uint16(next)] && (prev != '"' || i < 16 || st.exhaustive || st.keyCache.quotedKey(st, t, i)) {
		st.assignment(i)
	}
}

// neighbours returns the bytes before and after t[i], 0 where there is
// none (0 is in no class).
func neighbours(t []byte, i int) (prev, next byte) {
	if i > 0 {
		prev = t[i-1]
	}
	if i+1 < len(t) {
		next = t[i+1]
	}
	return prev, next
}

// runHolds reports whether the BeforeRun and Edge conditions of bd hold
// at t[i] (the byte right before t[i] is checked by the tables).
func (bd *byteDet) runHolds(t []byte, i int) bool {
	return i >= bd.run && detect.All(t[i-bd.run:i-1], bd.before) && !(i > bd.run && detect.Is(t[i-bd.run-1], bd.edge))
}

// sepLive reports whether a byte detector of numSepRun[c] passes its
// BeforeRun and Edge conditions at the separator t[i] (i >= 1): by the
// tables of numSepTwo[c] where it has them, else by runLive.
func (st *scanState) sepLive(d *dispatch, c uint8, i int) bool {
	if q := d.numSepTwo[c]; q != nil {
		return q.live(st.s.T, i)
	}
	return st.runLive(&d.cls[c], d.numSepRun[c], i)
}

// runLive reports whether a byte detector of ci in run passes its
// BeforeRun and Edge conditions at t[i], as fire checks them.
func (st *scanState) runLive(ci *classInfo, run uint8, i int) bool {
	t := st.s.T
	for m := run; m != 0; m &= m - 1 {
		bd := &ci.dets[bits.TrailingZeros8(m)]
		if bd.runHolds(t, i) {
			return true
		}
	}
	return false
}

// fire runs the byte detectors and literal prefixes that call (the class
// ci's before/after bits for the neighbours of t[i]) names.
func (st *scanState) fire(ci *classInfo, call uint8, i int) {
	t := st.s.T
	for m := call & ci.run; m != 0; m &= m - 1 {
		k := bits.TrailingZeros8(m)
		bd := &ci.dets[k]
		if !bd.runHolds(t, i) {
			call &^= 1 << k
		}
	}
	for m := call &^ prefixBit; m != 0; m &= m - 1 {
		bd := &ci.dets[bits.TrailingZeros8(m)]
		st.s.Enter(bd.b, i)
		bd.find(&st.s, i)
	}
	if call&prefixBit == 0 {
		return
	}
	for _, ps := range ci.pres {
		if a, b := i+ps.ka, i+ps.kb; a >= 0 && b < len(t) {
			if key := uint16(t[a])<<8 | uint16(t[b]); ps.bits[key/64]&(1<<(key%64)) != 0 {
				st.prefixes(ps, i, key)
			}
		}
	}
}

// prefixes calls the detectors of the literals of ps whose key is key
// and that stand at the anchor t[p].
func (st *scanState) prefixes(ps *prefixSet, p int, key uint16) {
	t := st.s.T
	for _, l := range ps.lits[key] {
		if b := p - l.off; detect.HasPrefix(t, b, l.lit) {
			st.s.Enter(l.b, p)
			l.find(&st.s, b, b+len(l.lit))
		}
	}
}

// tailMask is triggerMask for a block shorter than 64 bytes.
func (d *dispatch) tailMask(w []byte) uint64 {
	var m uint64
	for k, c := range w {
		if d.class[c] != clsNone {
			m |= 1 << uint(k)
		}
	}
	return m
}

// dictionaries adds a candidate for every dictionary match starting at
// an index in from..to-1. The automaton searches t[from-1:to+L+1], L the
// group's longest pattern:
// the byte on each side of every such match lies inside that slice, so
// whole-word checks see the same neighbours as over all of t.
func (st *scanState) dictionaries(from, to int) {
	e := st.e
	t := st.s.T
	h := from - 1
	if h < 0 {
		h = 0
	}
	nb := len(BuiltinTypes)
	for _, g := range e.dictGroups {
		lim := min(len(t), to+g.aut.MaxPatternLen()+1)
		if h >= lim {
			continue
		}
		st.dm = g.aut.FindAll(st.dm[:0], t[h:lim])
		for _, m := range st.dm {
			s, end := h+int(m.Start), h+int(m.End)
			if s < from || s >= to {
				continue
			}
			for _, d := range g.pats[g.patStart[m.Pattern]:g.patStart[m.Pattern+1]] {
				k := nb + int(d)
				conf := e.kinds[k].conf
				if conf < st.s.MinConf {
					continue
				}
				st.s.Cands = append(st.s.Cands, detect.Cand{
					Start: st.s.Base + int64(s), End: st.s.Base + int64(end), Anchor: st.s.Base + int64(s),
					Conf: conf, Kind: uint16(k), // #nosec G115 -- k < len(BuiltinTypes)+maxDicts (New and Load check), under 2^16
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
	c := st.s.Cands
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
		if l := c[i].End - c[i].Start; l > maxLen {
			maxLen = l
		}
	}
	kinds := st.e.kinds
	for i := 0; i < n; i++ {
		keep := true
		for j := i + 1; j < n && c[j].Start < c[i].End; j++ {
			if outranks(&c[j], &c[i], kinds) {
				keep = false
				break
			}
		}
		for j := i - 1; keep && j >= 0 && c[i].Start-c[j].Start < maxLen; j-- {
			if c[j].End > c[i].Start && !outranks(&c[i], &c[j], kinds) {
				keep = false
			}
		}
		st.keep[i] = keep
	}
	return n
}

// candLess orders candidates by start, then end, then kind, then hidden
// after shown.
func candLess(a, b *detect.Cand) bool {
	if a.Start != b.Start {
		return a.Start < b.Start
	}
	if a.End != b.End {
		return a.End < b.End
	}
	if a.Kind != b.Kind {
		return a.Kind < b.Kind
	}
	return !a.Hidden && b.Hidden
}

// outranks reports whether a beats b when they overlap: a specific type
// that covers a generic one wins (detect.Type.Generic); otherwise the
// evidence decides, as its confidence says (a checksum with a context word scores
// highest, a shape without one lowest), then validated over unvalidated,
// then longer, then the type order.
// On a complete tie the earlier one (in candLess order) wins; a must then
// be the earlier one for outranks to be true, which callers arrange by
// asking "does the later outrank the earlier" strictly and "does the
// earlier fail to outrank the later" otherwise.
func outranks(a, b *detect.Cand, kinds []kindInfo) bool {
	if ga, gb := kinds[a.Kind].generic, kinds[b.Kind].generic; ga != gb {
		if gb && a.Start <= b.Start && a.End >= b.End {
			return true // a specific type over a generic one (detect.Type.Generic)
		}
		if ga && b.Start <= a.Start && b.End >= a.End {
			return false
		}
	}
	if a.Conf != b.Conf {
		return a.Conf > b.Conf
	}
	if a.Validated != b.Validated {
		return a.Validated
	}
	la, lb := a.End-a.Start, b.End-b.Start
	if la != lb {
		return la > lb
	}
	ra, rb := kinds[a.Kind].rank, kinds[b.Kind].rank
	if ra != rb {
		return ra < rb
	}
	return false
}

// calls returns the byte detectors (and prefixBit) that the neighbours
// prev and next of a byte of class c call for: those called always,
// those whose Before or After condition holds, and those with Both whose
// two conditions hold.
func (d *dispatch) calls(c, prev, next byte) uint8 {
	bf, af := d.callBefore[uint16(c)<<8|uint16(prev)], d.callAfter[uint16(c)<<8|uint16(next)]
	return d.always[c] | (bf|af)&^d.both[c] | bf&af&d.both[c]
}
