package engine

import (
	"math/bits"

	"github.com/datafog/datafog-api/engine/detect"
)

// digitRun handles the digit run t[i:j] and returns where the scan
// resumes: the end of the run, or of an ISO timestamp's time. The main
// loop has dismissed the runs that continue a number or a word, sent the
// letter-glued ones to letterToken, and (but on the exhaustive path)
// dismissed inert runs.
//
// Three exact shortcuts apply (none is taken on the exhaustive path, which
// FuzzShortcuts compares with this one): a run that no form can take, by
// its length and neighbours, is dismissed in the main loop (an inert
// run); the year of an ISO
// timestamp goes straight to the ISO detectors and the timestamp's inner
// anchors are skipped (isoTimeEnd); and digits skips decimals and gives
// dotted quads to the Dotted detectors.
func (st *scanState) digitRun(i, j int) int {
	t := st.s.T
	d := st.e.dispatch
	adv := j
	if !st.exhaustive && j-i == 4 && j < len(t) && t[j] == '-' {
		adv = isoTimeEnd(t, i, j)
		if adv != j && detect.NumLeft(t, i) && (i == 0 || t[i-1] != '+') {
			for _, nd := range d.num.iso {
				st.s.Enter(nd.b, i)
				nd.find(&st.s, i, j)
			}
			return adv
		}
	}
	st.digits(i, j)
	return adv
}

// digits sorts the digit run t[i:j] into the forms of detect.OnDigits and
// calls the detectors that asked for each.
func (st *scanState) digits(i, j int) {
	t := st.s.T
	nm := &st.e.dispatch.num
	if j-i > detect.MaxRun || !detect.NumLeft(t, i) {
		return
	}
	if j < len(t) && detect.IsAlpha(t[j]) {
		if nm.leadSet[t[i]] {
			st.callLead(&nm.lead[t[i]-'0'], i, j)
		}
		if st.e.dispatch.tok.digitFirst && detect.IsUpper(t[j]) {
			st.token(i, i, j)
		}
	}
	if i > 0 && nm.afterSet[t[i-1]] {
		st.callNum(nm.after[t[i-1]], i, j)
		if t[i-1] == '+' {
			return // a signed number goes to the After('+') detectors only
		}
	}
	if !st.exhaustive {
		if plainDecimal(t, j) {
			return
		}
		if e, ok := dottedQuad(t, i, j); ok {
			for _, nd := range nm.dotted {
				st.s.Enter(nd.b, i)
				nd.find(&st.s, i, e)
			}
			return
		}
	}
	l := j - i
	if len(nm.compact[l]) > 0 && detect.NumRight(t, j) {
		st.callNum(nm.compact[l], i, j)
	}
	// A second group needs a separator and a digit right after the run.
	if gs := nm.grouped[l]; len(gs) > 0 && j+1 < len(t) && detect.ClassOf(t[j])&detect.GroupSep != 0 && detect.IsDigit(t[j+1]) {
		g := &st.g
		g.Parse(t, i, j)
		second := uint64(1) << min(g.Len(1), 63) // g.N >= 2: a separator and a digit follow
		for k := range gs {
			gd := &gs[k]
			if gd.second&second == 0 {
				continue
			}
			st.s.Enter(gd.b, i)
			gd.find(&st.s, g)
		}
	}
	if cs := nm.colon[l]; len(cs) > 0 && j+1 < len(t) && t[j] == ':' && detect.IsDigit(t[j+1]) {
		st.callNum(cs, i, j)
	}
	next := 256
	if j < len(t) {
		next = int(t[j])
	}
	if nm.shortNext[l][next] {
		st.callNum(nm.short[l], i, j)
	}
}

// callNum calls each detector of ds that takes the run t[i:j] (its
// length and the byte after it: numDet.lens and next).
func (st *scanState) callNum(ds []numDet, i, j int) {
	t := st.s.T
	for k := range ds {
		nd := &ds[k]
		if nd.lens != 0 && nd.lens>>uint(j-i)&1 == 0 || nd.next != nil && (j >= len(t) || !nd.next[t[j]]) {
			continue
		}
		st.s.Enter(nd.b, i)
		nd.find(&st.s, i, j)
	}
}

// callLead calls each Lead detector of ld that takes the run t[i:j],
// which a letter follows (leads). The row of capitals and digits is
// measured only when a detector that needs one remains.
func (st *scanState) callLead(ld *leads, i, j int) {
	t := st.s.T
	prev := 256
	if i > 0 {
		prev = int(t[i-1])
	}
	m := ld.byLen[j-i] & ld.byNext[t[j]] & ld.byPrev[prev]
	if m&ld.tok != 0 {
		row := detect.Span(t, j, detect.MaxLeadTok-(j-i), detect.Upper|detect.Digit) - i
		m &= ld.byRow[row]
	}
	for ; m != 0; m &= m - 1 {
		nd := &ld.dets[bits.TrailingZeros32(m)]
		st.s.Enter(nd.b, i)
		nd.find(&st.s, i, j)
	}
}

// isoTimeEnd returns where the anchors that follow the year t[i:j] of an
// ISO timestamp "YYYY-MM-DDTHH:MM[:SS[.fff]]" may be skipped to, or j when
// t[j:] does not continue so (or t[i-1] is a key-name byte). None of the
// skipped anchors can start a candidate: the two dashes have digits
// before and after them (no prefix, PEM or MAC fits); the day, minute,
// second and fraction runs continue a number (the main loop dismisses
// them); the hour run follows "DT", a letter after a digit (no token
// starts there); neither colon has the word boundary before it that MAC
// and IPv6 need, and a colon's key name would be "YYYY-MM-DDTHH" (it
// starts with a digit: the byte before the year ends it) or "MM" (no
// letter), so no assignment either. FuzzShortcuts checks this against the
// exhaustive path.
func isoTimeEnd(t []byte, i, j int) int {
	if len(t)-j < 12 || i > 0 && detect.ClassOf(t[i-1])&detect.KeyName != 0 {
		return j
	}
	w := t[j : j+12]
	if w[0] != '-' || w[3] != '-' || w[6] != 'T' || w[9] != ':' ||
		detect.ClassOf(w[1])&detect.ClassOf(w[2])&detect.ClassOf(w[4])&detect.ClassOf(w[5])&
			detect.ClassOf(w[7])&detect.ClassOf(w[8])&detect.ClassOf(w[10])&detect.ClassOf(w[11])&detect.Digit == 0 {
		return j
	}
	if len(t)-j >= 15 && t[j+12] == ':' && detect.IsDigit(t[j+13]) && detect.IsDigit(t[j+14]) {
		if len(t)-j >= 17 && t[j+15] == '.' && detect.IsDigit(t[j+16]) {
			return detect.DigitEnd(t, j+17)
		}
		return j + 15
	}
	return j + 12
}

// plainDecimal reports whether the digit run ending at t[j] is followed
// by '.' and one more digit run that ends the number (no separator and
// digit after it, and no '.' and hex letter: the third group of a Cisco
// MAC address, "0012.3456.abcd"), as in "23638.69". No detector finds
// anything in such a number: Compact needs the run to end the number, and
// the only grouped form with two groups joined by '.' (Cisco's) has a
// third.
func plainDecimal(t []byte, j int) bool {
	if j+1 >= len(t) || t[j] != '.' || !detect.IsDigit(t[j+1]) {
		return false
	}
	e := detect.DigitEnd(t, j+2)
	return !(e+1 < len(t) && (detect.ClassOf(t[e])&detect.GroupSep != 0 && detect.IsDigit(t[e+1]) || t[e] == '.' && detect.IsHex(t[e+1])))
}

// dottedQuad reports whether the digit run t[i:j] starts exactly four
// groups of one to three digits joined by '.', with no fifth group after
// them (a group separator and a digit), and returns the end of the fourth.
// Only the Dotted detectors are called for it: the grouped forms find the
// same (an IPv4 address) and nothing else there.
func dottedQuad(t []byte, i, j int) (int, bool) {
	if j-i > 3 {
		return 0, false
	}
	k := j
	for g := 1; g < 4; g++ {
		if k+1 >= len(t) || t[k] != '.' || !detect.IsDigit(t[k+1]) {
			return 0, false
		}
		e := detect.DigitEnd(t, k+2)
		if e-k > 4 {
			return 0, false
		}
		k = e
	}
	if k+1 < len(t) && detect.ClassOf(t[k])&detect.GroupSep != 0 && detect.IsDigit(t[k+1]) {
		return 0, false
	}
	return k, true
}

// letterToken handles the digit run t[i:j] glued to letters before it:
// when it is the token's first digit run and no more letters precede it
// than some detector takes, the token goes to the token detectors.
func (st *scanState) letterToken(i, j int) {
	t := st.s.T
	ls := i - 1
	lim := st.e.dispatch.tok.maxLead
	for ls > 0 && i-ls <= lim && detect.IsAlpha(t[ls-1]) {
		ls--
	}
	if ls > 0 && detect.IsWord(t[ls-1]) {
		return // a digit or '_' before the letters (not the token's first run, or glued), or too many letters
	}
	st.token(ls, i, j)
}

// token calls the token detectors for the token that starts at t[ts] and
// whose first digit run is t[i:j]: those that take its lead (the letters
// before t[i]), its length, and its case.
func (st *scanState) token(ts, i, j int) {
	t := st.s.T
	tk := &st.e.dispatch.tok
	lead := i - ts
	// The detectors that take the lead, as a bit set.
	want := tk.byLead[lead]
	if want == 0 {
		return
	}
	lower := false
	for _, c := range t[ts:i] {
		lower = lower || detect.IsLower(c)
	}
	if lower {
		if want &= tk.lowerOK[t[i]]; want == 0 {
			return
		}
	}
	lim := min(len(t), ts+tk.maxLen[lead]+1)
	te := j
	for te < lim && detect.IsAlnum(t[te]) {
		lower = lower || detect.IsLower(t[te])
		te++
	}
	n := te - ts
	if n > tk.maxLen[lead] || te < len(t) && detect.IsWord(t[te]) {
		return // too long, or glued to '_'
	}
	want &= tk.byLen[n]
	if lower {
		want &= tk.lowerOK[t[i]]
	}
	for want != 0 {
		k := bits.TrailingZeros64(want)
		want &= want - 1
		td := &tk.dets[k]
		st.s.Enter(td.b, i)
		td.find(&st.s, ts, te)
	}
}
