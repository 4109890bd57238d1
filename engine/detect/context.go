package detect

import (
	"encoding/binary"
	"math/bits"
)

// Context words. A detector asks whether one of its context words stands
// in the window before a candidate (Scan.Context). Every enabled
// detector's words are patterns of one automaton (Words), and a word
// counts only where it stands alone, so a word can only begin where the
// byte before it is not an ASCII letter or digit: at most a dozen places
// in a window of prose, two or three in one of digits and punctuation
// (wordStarts). The search looks for words at those places only,
// anchored (automaton.StartsAt), and skips the places whose first bytes
// begin no word (wordHeads); it is not made at all for a detector whose
// own words begin with none of the places' first two bytes
// (Words.mayOwn). A window is walked byte by byte only on the exhaustive
// reference path (Scan.NoCache), by the unanchored search that
// FuzzShortcuts and FuzzContext hold this one equal to.

// Context returns the highest confidence among the current detector's
// context words that stand within ContextWindow bytes before T[start], or
// 0 when none does. A word stands alone when the byte before it is not an
// ASCII letter or digit, and the byte after it is neither a digit nor a
// letter of the same case as the word's last letter (so "routingNumber"
// counts, "SINGLE" and "using" do not).
//
// The places where a word may begin are kept until the next call at
// another start, and so are the words found there, so the detectors that
// share an anchor search its window once; a detector none of whose words
// begins with the first two bytes of any of the places (Words.mayOwn)
// gets 0 without the search.
func (s *Scan) Context(start int) float64 {
	ws := max(0, start-ContextWindow)
	if s.NoCache {
		s.ctxPats = s.wordsBeforeWalk(s.ctxPats[:0], ws, start)
		return s.bestOwn(s.ctxPats)
	}
	if s.ctxAt != start {
		s.ctxAt, s.ctxDone = start, false
		s.ctxStarts = wordStarts(s.T, ws, start, s.words.heads.anyFirst)
	}
	if !s.ctxDone {
		if !s.words.mayOwn(s.cur.Index, s.T, s.ctxStarts, ws, start) {
			return 0
		}
		s.ctxPats = s.wordsAt(s.ctxPats[:0], s.ctxStarts, ws, start)
		s.ctxDone = true
	}
	return s.bestOwn(s.ctxPats)
}

// ContextWithin is Context for a narrower window: the current detector's
// context words that stand wholly within the n bytes before T[start] (n
// at most ContextWindow). It is not cached; a detector uses it when it
// knows where the label of a value is, such as a JSON key.
func (s *Scan) ContextWithin(start, n int) float64 {
	ws := max(0, start-min(n, ContextWindow))
	if s.NoCache {
		s.inPats = s.wordsBeforeWalk(s.inPats[:0], ws, start)
		return s.bestOwn(s.inPats)
	}
	at := wordStarts(s.T, ws, start, s.words.heads.anyFirst)
	if !s.words.mayOwn(s.cur.Index, s.T, at, ws, start) {
		return 0
	}
	s.inPats = s.wordsAt(s.inPats[:0], at, ws, start)
	return s.bestOwn(s.inPats)
}

// bestOwn returns the highest confidence that one of the words pats
// gives as a context word of the current detector, or 0.
func (s *Scan) bestOwn(pats []int32) float64 {
	best := 0.0
	idx := s.cur.Index
	for _, p := range pats {
		for _, o := range s.words.Owners(p) {
			if o.Det == idx && !o.Key && o.Conf > best {
				best = o.Conf
			}
		}
	}
	return best
}

// wordsAt appends to dst every context word (pattern) that stands alone
// wholly within T[ws:end] (end-ws at most 64), once per occurrence, given
// the places in the window where a word may begin (wordStarts).
func (s *Scan) wordsAt(dst []int32, at uint64, ws, end int) []int32 {
	t, w := s.T, s.words
	for at = w.heads.filter(t, at, ws, end); at != 0; at &= at - 1 {
		a := ws + bits.TrailingZeros64(at)
		s.ms = w.aut.StartsAt(s.ms[:0], t[:end], a)
		for _, m := range s.ms {
			if w.context[m.Pattern] && s.standsAlone(a, int(m.End)) {
				dst = append(dst, int32(m.Pattern)) // #nosec G115 -- pattern indexes are below the word count
			}
		}
	}
	return dst
}

// wordsBeforeWalk appends to dst what wordsAt does, found by an
// unanchored search of every byte of the window: the reference the
// anchored search is held equal to.
func (s *Scan) wordsBeforeWalk(dst []int32, ws, end int) []int32 {
	s.ms = s.words.aut.FindAllShort(s.ms[:0], s.T[ws:end])
	for _, m := range s.ms {
		if a, b := ws+int(m.Start), ws+int(m.End); s.words.context[m.Pattern] && s.standsAlone(a, b) {
			dst = append(dst, int32(m.Pattern)) // #nosec G115 -- pattern indexes are below the word count
		}
	}
	return dst
}

// standsAlone reports whether the word at T[a:b] stands alone (see
// Context).
func (s *Scan) standsAlone(a, b int) bool {
	t := s.T
	if a > 0 && IsAlnum(t[a-1]) {
		return false
	}
	if b < len(t) {
		c := t[b]
		if IsDigit(c) || IsLower(c) && IsLower(t[b-1]) || IsUpper(c) && IsUpper(t[b-1]) {
			return false
		}
	}
	return true
}

// wordHeads is a filter on the places where a context word may begin.
// A word stands alone, so it begins where the byte before it is not an
// ASCII letter or digit; and its first bytes are those of some word,
// under the automaton's case folding (ASCII letters only). The filter may
// let through places that hold no word, never drop one that does.
type wordHeads struct {
	// anyFirst is true when some word begins with a byte that is neither
	// an ASCII letter nor a non-ASCII byte (a digit, say): places are
	// then not narrowed by their first byte.
	anyFirst bool
	// keys is a bit set over hashed keys (headKey) of the words' first
	// four bytes (first three, two or one for the shorter words): one
	// table, eight kilobytes, so that it stays in the first-level cache.
	keys [1 << 10]uint64
}

// add records the word p, in ASCII lower case.
func (h *wordHeads) add(p string) {
	if p == "" {
		return
	}
	if c := p[0]; c < 0x80 && !IsAlpha(c) {
		h.anyFirst = true
	}
	var b [4]byte
	copy(b[:], p)
	q := quad(b[0], b[1], b[2], b[3])
	switch len(p) {
	case 1:
		for c := 0; c < 256; c++ {
			h.set(quad(p[0], byte(c), 0, 0) & 0xffff)
		}
	case 2:
		h.set(q & 0xffff)
	case 3:
		h.set(q & 0xffffff)
	default:
		h.set(q)
	}
}

// set adds key k to the bit set.
func (h *wordHeads) set(k uint32) {
	i := headKey(k)
	h.keys[i>>6] |= 1 << (i & 63)
}

// has reports whether key k may be in the bit set.
func (h *wordHeads) has(k uint32) uint64 {
	i := headKey(k)
	return h.keys[i>>6] >> (i & 63) & 1
}

// filter keeps the places of at (bit k for t[ws+k]) whose first four
// bytes may begin a word, without a branch per place: word starts in
// prose are too irregular to predict.
func (h *wordHeads) filter(t []byte, at uint64, ws, end int) uint64 {
	var keep uint64
	for m := at; m != 0; m &= m - 1 {
		k := bits.TrailingZeros64(m)
		a := ws + k
		if a+4 > end {
			keep |= m // too near the end for four bytes: let StartsAt judge
			break
		}
		q := quad(t[a], t[a+1], t[a+2], t[a+3])
		keep |= (h.has(q) | h.has(q&0xffffff) | h.has(q&0xffff)) << uint(k)
	}
	return keep
}

// quad is four first bytes as one little-endian word, each with its 0x20
// bit set: that equates the two cases of an ASCII letter and, harmlessly
// for a filter, a few other pairs of bytes. The first three and first two
// bytes are its low 24 and 16 bits; no four bytes give those values, as
// a fourth byte with its 0x20 bit set is not zero.
func quad(a, b, c, d byte) uint32 {
	return (uint32(a) | uint32(b)<<8 | uint32(c)<<16 | uint32(d)<<24) | 0x20202020
}

// headKey hashes a key to sixteen bits.
func headKey(k uint32) uint32 { return k * 0x9e3779b1 >> 16 }

// wordStarts returns the places in t[ws:end] (end-ws at most 64) that may
// begin a word that stands alone: bit k for t[ws+k] when the byte before
// it, if any, is not an ASCII letter or digit, and t[ws+k] is an ASCII
// letter or a non-ASCII byte (any byte when anyFirst is set). It tests
// eight bytes at a time (SWAR), in lanes: bit 7 of byte k of a word
// stands for byte k of the eight. The words are read back from end, so
// that a short window (a JSON key) is one read; the bytes before ws that
// this reads are dropped from the result.
func wordStarts(t []byte, ws, end int, anyFirst bool) uint64 {
	const highs = 0x8080808080808080
	n := end - ws
	if n <= 0 {
		return 0
	}
	from := end - (n+7)/8*8 // the first byte read
	if from < 0 {
		from = 0
	}
	var carry uint64 // bit 7: the byte before t[from] is an ASCII letter or digit
	if from > 0 && IsAlnum(t[from-1]) {
		carry = 0x80
	}
	var m uint64
	for off := from; off < end; off += 8 {
		var x uint64
		if off+8 <= end {
			x = binary.LittleEndian.Uint64(t[off:])
		} else { // only at the start of the text
			for k := end - 1; k >= off; k-- {
				x = x<<8 | uint64(t[k])
			}
		}
		d, l, hi := byteKinds(x)
		first := l | hi
		if anyFirst {
			first = highs
		}
		alnum := d | l
		m |= gather(first&^(alnum<<8|carry)) << uint(off-from)
		carry = alnum >> 56
	}
	m >>= uint(ws - from)
	if n < 64 {
		m &= 1<<uint(n) - 1
	}
	return m
}

// byteKinds returns, for the eight bytes of x, the high bit of each byte
// that is an ASCII digit (d), an ASCII letter (l), or not ASCII (hi).
func byteKinds(x uint64) (d, l, hi uint64) {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	hi = x & highs
	y := x &^ highs // each byte below 0x80, so adding below 0x81 carries into no neighbour
	// A byte y is in [lo, up] when y+(0x80-lo) has its high bit set and
	// y+(0x7f-up) has not.
	d = (y + ones*(0x80-'0')) &^ (y + ones*(0x7f-'9')) &^ hi & highs
	z := y | ones*0x20 // the lower case of a letter; no other byte becomes one
	l = (z + ones*(0x80-'a')) &^ (z + ones*(0x7f-'z')) &^ hi & highs
	return d, l, hi
}

// gather packs the high bits of the eight bytes of x (every other bit
// clear) into the low eight bits, byte k's at bit k.
func gather(x uint64) uint64 {
	return (x >> 7) * 0x0102040810204080 >> 56
}
