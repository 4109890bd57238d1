package detect

import (
	"github.com/datafog/datafog-api/engine/automaton"
	"github.com/datafog/datafog-api/engine/validate"
)

// Locality bounds. Every candidate comes from one anchor position q (a
// trigger byte, a prefix, the start of a digit run or token, an
// assignment's operator) and its detector reads only
// t[q-LookBack : q+Reach+2]. A short candidate [s, e) from anchor q has
// q-AnchorSpan <= s <= q+AnchorSpan and e <= q+Reach. The streaming
// Scanner relies on these bounds; a detector whose candidate may run past
// the end of the text it was given (a PEM block) reports Pending instead.
const (
	AnchorSpan = 80
	LookBack   = 160
	Reach      = 4096
	// MaxLong is the longest candidate a detector that marks pending
	// (Scan.MarkPending) may report; every other candidate ends within
	// Reach of its anchor.
	MaxLong = 61_280
	// ContextWindow is how far before a candidate a context word may
	// stand: the whole word must lie in [start-ContextWindow, start).
	ContextWindow = 64
)

// Cand is a candidate finding, with absolute offsets.
type Cand struct {
	Start, End int64
	Anchor     int64
	Conf       float64
	Kind       uint16
	Validated  bool
	// Hidden candidates are never reported; they only outrank what they
	// overlap (Scan.Veto).
	Hidden bool
}

// Binding is what the engine tells a Scan about the detector it is about
// to call: the engine's kind for each of the detector's types, whether
// each is enabled and its minimum confidence. It is the engine's to fill.
type Binding struct {
	Index       int32 // the detector's index among the enabled detectors
	Kinds       []uint16
	On          []bool
	Min         []float64
	Placeholder func(v []byte) bool
	// Plain is true when every type is on with no minimum and there is
	// no Placeholder: Add then has nothing to check but the scan's
	// minimum.
	Plain bool
}

// Scan is a detector's view of the text being scanned, and the scratch
// space of one scan. The engine owns it; a detector reads T and reports
// through Add, Veto and Pending.
type Scan struct {
	// T is the text (a window of the stream). Detectors must not modify
	// it.
	T []byte
	// Base is the stream offset of T[0].
	Base int64
	// Cands are the candidates reported so far.
	Cands []Cand
	// Pending is the smallest index in T of an anchor whose candidate
	// may end beyond T (a PEM block whose END line has not arrived), or
	// -1.
	Pending int
	// MinConf drops candidates below it (the request's minimum
	// confidence); hidden candidates are kept.
	MinConf float64
	// NoCache turns the scan's caches off (the engine's exhaustive
	// reference path).
	NoCache bool

	cur    *Binding
	anchor int
	words  *Words

	// ctxStarts are the places where a word may begin before T[ctxAt],
	// and ctxPats the context words there once ctxDone (Context); inPats
	// and ms are scratch space of ContextWithin and of the word searches.
	ctxAt     int
	ctxStarts uint64
	ctxDone   bool
	ctxPats   []int32
	inPats    []int32
	ms        []automaton.Match

	tld     tldCache
	scratch []byte
}

// Reset prepares s for a new scan with the given word index.
func (s *Scan) Reset(w *Words, minConf float64) {
	s.words = w
	s.Cands = s.Cands[:0]
	s.Pending = -1
	s.MinConf = minConf
	s.ctxAt = -1
}

// Window sets the text the next calls scan: t, whose first byte is at
// stream offset base.
func (s *Scan) Window(t []byte, base int64) {
	s.T, s.Base = t, base
	s.ctxAt = -1
}

// Enter tells s which detector the engine calls next, and its anchor.
func (s *Scan) Enter(b *Binding, anchor int) {
	s.cur, s.anchor = b, anchor
}

// Anchor returns the current anchor.
func (s *Scan) Anchor() int { return s.anchor }

// Add reports a candidate T[start:end] of the current detector's type k
// (an index into Detector.Types), with its confidence, and whether a
// checksum or structural rule confirmed it. It drops the candidate when
// the type is disabled, the confidence is below the type's or the scan's
// minimum, or the detector's Placeholder rejects the text. A placeholder
// is vetoed as well, below the default minimum (WeakVetoConf): a
// provider's own documentation example is no more a credential to the
// generic api_key than to the provider.
func (s *Scan) Add(k, start, end int, conf float64, validated bool) {
	b := s.cur
	if conf < s.MinConf {
		return
	}
	if !b.Plain {
		if !b.On[k] || conf < b.Min[k] {
			return
		}
		if b.Placeholder != nil && b.Placeholder(s.T[start:end]) {
			s.Veto(start, end, WeakVetoConf)
			return
		}
	}
	s.Cands = append(s.Cands, Cand{
		Start: s.Base + int64(start), End: s.Base + int64(end), Anchor: s.Base + int64(s.anchor),
		Conf: conf, Kind: b.Kinds[k], Validated: validated,
	})
}

// WeakVetoConf is the confidence of the veto a placeholder leaves (Add)
// and of a provider's veto of a lookalike under its own name
// (secrets/shape.VetoValue). It is below the default minimum, so it
// outranks the generic api_key, which any specific type that covers it
// does, and shape-only guesses, but nothing found on its own evidence.
const WeakVetoConf = 0.3

// Veto reports that T[start:end] has the current detector's shape and a
// context word naming its type, but fails its check. It is not reported;
// it outranks, as a confirmed candidate of confidence conf, every weaker
// candidate it overlaps, so that the number does not fall through to a
// weaker type ("NHS number 993 241 8230" is not a phone).
func (s *Scan) Veto(start, end int, conf float64) {
	s.Cands = append(s.Cands, Cand{
		Start: s.Base + int64(start), End: s.Base + int64(end), Anchor: s.Base + int64(s.anchor),
		Conf: conf, Kind: s.cur.Kinds[0], Validated: true, Hidden: true,
	})
}

// MarkPending records that the candidate anchored at T[p] may end beyond
// T: a stream must hold the text from p back until more arrives.
func (s *Scan) MarkPending(p int) {
	if s.Pending < 0 || p < s.Pending {
		s.Pending = p
	}
}

// Scratch returns a buffer of length n for a detector's own use (a
// decoded value, say). It is valid until the next call to Scratch; it
// is allocated once per Scan and grows at most to the largest n asked.
func (s *Scan) Scratch(n int) []byte {
	if cap(s.scratch) < n {
		s.scratch = make([]byte, n)
	}
	return s.scratch[:n]
}

// TLD reports whether label is an IANA top-level domain, through a cache
// that lives as long as the Scan.
func (s *Scan) TLD(label []byte) bool {
	if s.NoCache {
		return validate.TLD(label)
	}
	return s.tld.tld(label)
}

// tldCache remembers validate.TLD's verdicts for labels of one to eight
// bytes, direct-mapped by the label's bytes. It is exact: an entry holds
// the whole label (its bytes as one little-endian word, zero-padded, which
// with the length identifies it) and the verdict depends on nothing else.
type tldCache [tldCacheSize]tldCacheEntry

// tldCacheSize is the number of entries (a power of two).
const tldCacheSize = 64

// tldCacheEntry is one label and its verdict: 0 empty, 1 not a TLD, 2 a
// TLD.
type tldCacheEntry struct {
	w       uint64
	n       uint8
	verdict uint8
}

// tld reports validate.TLD(label), using and filling the cache.
func (c *tldCache) tld(label []byte) bool {
	n := len(label)
	if n == 0 || n > 8 {
		return validate.TLD(label)
	}
	var w uint64
	for k, b := range label {
		w |= uint64(b) << (8 * uint(k))
	}
	h := (w * 0x9e3779b97f4a7c15) >> 58 & (tldCacheSize - 1)
	en := &c[h]
	if en.verdict != 0 && en.w == w && int(en.n) == n {
		return en.verdict == 2
	}
	ok := validate.TLD(label)
	en.w, en.n, en.verdict = w, uint8(n), 1 // #nosec G115 -- n <= 8
	if ok {
		en.verdict = 2
	}
	return ok
}
