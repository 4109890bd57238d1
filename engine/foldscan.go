package engine

import (
	"bytes"

	"github.com/datafog/datafog-api/engine/detect/secrets"
)

// How Scan folds. Its first pass detects over the text as it is, and
// stops at the first lookalike that folds (scanState.foldCheck). From
// there the text alternates between folded segments and stretches
// scanned as they are, all in the coordinates of the folded text:
//
//   - A pass as it is that stops at lookalike p rewinds: the candidates
//     of its anchors from c = p-Reach-2 on are dropped, because their
//     detectors may have read p. A PEM block is the one candidate that
//     runs further than Reach (secrets.PEMMax); if one may begin within
//     PEMMax before p, c moves back to its BEGIN line.
//   - The folded segment covers anchors c..s: s is lookBack past the end
//     of the last lookalike that folds before a stretch of
//     lookBack+Reach+2 bytes where none does. Its buffer runs from
//     c-lookBack to s+Reach+2, further when a PEM block in it may run on
//     (Scan.Pending), with every lookalike in it folded.
//   - The next pass as it is starts at s, reading from s-lookBack (no
//     lookalike folds there), and stops at the next lookalike that folds.
//
// Each anchor is thus detected, in the end, over text identical to the
// folded text wherever its detector reads, as a pass over the whole
// folded text would (TestFoldScanSegments and FuzzFoldScan check that).
// A lookalike that folds alone costs about two detections of Reach bytes;
// random bytes hold one or two every megabyte.

// foldRewind is how far before a lookalike that folds a pass as it is
// rewinds; detect stops its own later passes there.
const foldRewind = reach + 2

// pemBegin starts every PEM block the private_key detector reports.
const pemBegin = "-----BEGIN "

// foldStop reports, in a pass as it is (foldCheck), whether a lookalike
// that folds starts at t[i], and if so records it: the pass stops there.
func (st *scanState) foldStop(t []byte, i int) bool {
	if !st.foldCheck || !mayFold(t, i) || !foldsAt(t, i) {
		return false
	}
	st.sawFold, st.foldAt = true, i
	return true
}

// scanFolded finishes a Scan whose first pass, over all of text, stopped
// at st.foldAt. It returns the map from folded offsets to original ones.
func (st *scanState) scanFolded(text []byte) *foldMap {
	m := &st.fmap
	m.reset(0, 0)
	n := len(text)
	// x is the first anchor of the pass as it is that stopped at p; shift
	// is how many bytes folding removed before x; k0 is how many
	// candidates there were before that pass.
	x, shift, p, k0 := 0, 0, st.foldAt, 0
	for {
		st.sawFold = false
		c := rewindTo(text, x, p)
		st.dropFrom(k0, int64(c-shift))
		k1 := len(st.s.Cands)
		s, end := foldSegment(text, p)
		fb := max(0, c-lookBack) // the bytes from fb to p fold to themselves
		fbase := int64(fb - shift)
		buf := append(st.folded[:0], text[fb:p]...)
		buf = foldAppend(buf, text, p, s, int64(p), fbase, m)
		si := len(buf)
		for {
			buf = foldAppend(buf[:si], text, s, end, int64(s), fbase, nil)
			st.s.Pending = -1
			st.detect(buf, fbase, c-fb, si)
			if st.s.Pending < 0 || end == n {
				break
			}
			// A PEM block may run past the buffer: read further.
			st.s.Cands = st.s.Cands[:k1]
			end = min(n, end+secrets.PEMMax)
		}
		st.folded = buf
		shift = s - (fb - shift) - si
		if s == n {
			return m
		}
		tb := max(0, s-lookBack)
		k0 = len(st.s.Cands)
		st.foldCheck, st.sawFold = true, false
		st.detect(text[tb:], int64(tb-shift), s-tb, n-tb)
		st.foldCheck = false
		if !st.sawFold {
			return m
		}
		x, p = s, tb+st.foldAt
	}
}

// dropFrom drops the candidates from index k on whose anchor is at or
// after a.
func (st *scanState) dropFrom(k int, a int64) {
	kept := st.s.Cands[:k]
	for _, cd := range st.s.Cands[k:] {
		if cd.Anchor < a {
			kept = append(kept, cd)
		}
	}
	st.s.Cands = kept
}

// rewindTo returns the first anchor to detect again, over folded text,
// when a pass as it is from anchor x stopped at the lookalike text[p]
// that folds: p-Reach-2, or the BEGIN line of a PEM block that may reach
// p, but not before x.
func rewindTo(text []byte, x, p int) int {
	c := max(x, p-foldRewind)
	if lo := max(x, p-secrets.PEMMax); lo < c {
		if k := bytes.Index(text[lo:min(len(text), c+len(pemBegin)-1)], []byte(pemBegin)); k >= 0 {
			c = lo + k
		}
	}
	return c
}

// foldSegment returns where the folded segment that starts with the
// lookalike text[p] ends: s, lookBack past the end of the last lookalike
// that folds before lookBack+Reach+2 bytes where none does, and end,
// Reach+2 past s, where its buffer ends.
func foldSegment(text []byte, p int) (s, end int) {
	n := len(text)
	k, _, _ := lookalikeAt(text, p)
	qe := p + k
	for {
		q := firstFold(text, qe, min(n, qe+lookBack+reach+2))
		if q < 0 {
			break
		}
		k, _, _ = lookalikeAt(text, q)
		qe = q + k
	}
	s = min(n, qe+lookBack)
	return s, min(n, s+reach+2)
}
