package engine

import (
	"encoding/binary"
	"sort"
	"unicode"
	"unicode/utf8"
)

// Lookalike folding. Text can carry PII in characters that look like
// ASCII but are not: fullwidth digits and '＠' (Japanese and Chinese
// input methods produce them), the decimal digits of other scripts
// (Arabic-Indic, Devanagari, Bengali, Thai, ... every script Unicode
// lists in Nd), and zero-width or formatting characters that split a
// number without showing. Detectors read ASCII, so before a scan the
// engine folds such text: each Nd digit becomes its ASCII digit, each
// fullwidth ASCII character (U+FF01-U+FF5E) and the ideographic space its
// ASCII counterpart, and each zero-width or bidi formatting character is
// dropped. Findings are reported at the original bytes (foldMap), so that
// redaction replaces exactly what was there.
//
// Text that is all ASCII, or whose non-ASCII characters fold to nothing,
// is scanned as it is: the check is one test of eight bytes at a time for
// a high bit, then a decode of the non-ASCII characters only.

// foldRune returns what r folds to: an ASCII byte b, or nothing (del),
// or ok false when r is not folded.
func foldRune(r rune) (b byte, del, ok bool) {
	switch {
	case r < utf8.RuneSelf:
		return 0, false, false
	case r >= 0xFF01 && r <= 0xFF5E:
		return byte(r - 0xFEE0), false, true
	case r == 0x3000:
		return ' ', false, true
	case r == 0x00AD, r == 0x180E, r >= 0x200B && r <= 0x200F, r >= 0x202A && r <= 0x202E,
		r >= 0x2060 && r <= 0x2064, r >= 0x2066 && r <= 0x2069, r == 0xFEFF:
		return 0, true, true
	}
	if d, ok := digitValue(r); ok {
		return '0' + d, false, true
	}
	return 0, false, false
}

// foldRanges returns ranges of runes that hold every rune foldRune
// folds (and others besides): the explicit ones and the Nd runs.
func foldRanges() [][2]rune {
	out := [][2]rune{{0x00AD, 0x00AD}, {0x180E, 0x180E}, {0x200B, 0x206F}, {0x3000, 0x3000}, {0xFEFF, 0xFF5E}}
	return append(out, ndRanges...)
}

// ndRanges are the runs of Unicode decimal digits (category Nd) beyond
// ASCII, from the unicode package's table, in ascending order. Every run
// starts at a zero and holds one or more whole sets of ten (the
// mathematical digits hold five), so a digit's value is its distance from
// the run's start, modulo ten. TestFoldEveryDecimalDigit checks that.
var ndRanges = func() (out [][2]rune) {
	for _, r := range unicode.Nd.R16 {
		if r.Lo >= utf8.RuneSelf && r.Stride == 1 {
			out = append(out, [2]rune{rune(r.Lo), rune(r.Hi)})
		}
	}
	for _, r := range unicode.Nd.R32 {
		if r.Stride == 1 {
			out = append(out, [2]rune{rune(r.Lo), rune(r.Hi)})
		}
	}
	return out
}()

// digitValue returns the value of the non-ASCII decimal digit r.
func digitValue(r rune) (byte, bool) {
	k := sort.Search(len(ndRanges), func(i int) bool { return ndRanges[i][1] >= r })
	if k == len(ndRanges) || r < ndRanges[k][0] {
		return 0, false
	}
	return byte((r - ndRanges[k][0]) % 10), true
}

// firstNonASCII returns the index of the first byte of b with its high
// bit set, or -1. It tests 32 bytes at a time (four words, or-ed), then
// eight.
func firstNonASCII(b []byte) int {
	const highs = 0x8080808080808080
	i := 0
	for ; len(b)-i >= 32; i += 32 {
		w := b[i : i+32 : i+32]
		if (binary.LittleEndian.Uint64(w[0:8])|binary.LittleEndian.Uint64(w[8:16])|
			binary.LittleEndian.Uint64(w[16:24])|binary.LittleEndian.Uint64(w[24:32]))&highs != 0 {
			break
		}
	}
	for ; len(b)-i >= 8; i += 8 {
		if binary.LittleEndian.Uint64(b[i:i+8])&highs != 0 {
			break
		}
	}
	for ; i < len(b); i++ {
		if b[i] >= utf8.RuneSelf {
			return i
		}
	}
	return -1
}

// foldsAt reports whether the character that starts at b[i] folds.
func foldsAt(b []byte, i int) bool {
	r, _ := utf8.DecodeRune(b[i:])
	_, _, ok := foldRune(r)
	return ok
}

// needsFold reports whether b holds a character that folds.
func needsFold(b []byte) bool {
	i := firstNonASCII(b)
	if i < 0 {
		return false
	}
	for b = b[i:]; len(b) > 0; {
		if b[0] < utf8.RuneSelf {
			k := firstNonASCII(b)
			if k < 0 {
				return false
			}
			b = b[k:]
		}
		r, n := utf8.DecodeRune(b)
		if _, _, ok := foldRune(r); ok {
			return true
		}
		b = b[n:]
	}
	return false
}

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

// foldAppend appends the folded form of src, whose first byte is at
// original offset o and folded offset f, to dst, recording breakpoints in
// m. It returns dst and the number of bytes of src consumed: a UTF-8
// sequence cut at the end of src is left unconsumed (unless final), so
// that a stream can complete it with its next chunk.
func foldAppend(dst, src []byte, o, f int64, m *foldMap, final bool) ([]byte, int) {
	i := 0
	for i < len(src) {
		c := src[i]
		if c < utf8.RuneSelf {
			dst = append(dst, c)
			i++
			continue
		}
		if !final && !utf8.FullRune(src[i:]) {
			break
		}
		r, n := utf8.DecodeRune(src[i:])
		b, del, ok := foldRune(r)
		switch {
		case !ok:
			dst = append(dst, src[i:i+n]...)
		case del:
			m.add(f+int64(len(dst)), o+int64(i+n), true)
		default:
			dst = append(dst, b)
			m.add(f+int64(len(dst)), o+int64(i+n), false)
		}
		i += n
	}
	return dst, i
}
