package detect

import (
	"fmt"
	"math/bits"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/datafog/datafog-api/engine/automaton"
)

// Words is the one automaton of short words that every enabled detector
// contributes to: context words (matched in the window before a
// candidate) and key words (matched in an assignment's key name). Each
// distinct word, folded to lower case, is one pattern; its owners say
// which detectors use it, how, and the confidence it gives.
type Words struct {
	aut   *automaton.Automaton
	start []int32 // owners of pattern p: own[start[p]:start[p+1]]
	own   []WordOwner
	text  []string
	// context[p] is true when some detector has pattern p as a context
	// word; heads filters the places where those may begin, and owned[d]
	// the places where detector d's may (mayOwn).
	context []bool
	heads   wordHeads
	owned   []ownPairs
}

// WordOwner is one use of a word.
type WordOwner struct {
	// Det is the detector's index among the enabled detectors.
	Det int32
	// Key is true for a key word, false for a context word.
	Key bool
	// Conf is the confidence a context word gives.
	Conf float64
}

// WordEntry is one word of one detector, for BuildWords.
type WordEntry struct {
	Text  string
	Owner WordOwner
}

// caseForms returns the forms of w the automaton must hold. Matching
// folds ASCII letters only, so a word is stored in ASCII lower case, and
// a word with other letters also in its lower-case, upper-case and
// title-case forms ("ΑΦΜ", "αφμ", "Αφμ"; "RČ", "rč").
func caseForms(w string) []string {
	forms := []string{asciiLower(w)}
	if isASCII(w) {
		return forms
	}
	lower := strings.ToLower(w)
	r, n := utf8.DecodeRuneInString(lower)
	title := string(unicode.ToUpper(r)) + lower[n:]
	for _, f := range []string{lower, strings.ToUpper(w), title} {
		if f = asciiLower(f); !slices.Contains(forms, f) {
			forms = append(forms, f)
		}
	}
	return forms
}

// asciiLower maps the ASCII capitals of w to lower case, leaving every
// other byte alone.
func asciiLower(w string) string {
	b := []byte(w)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// isASCII reports whether w is all ASCII.
func isASCII(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// BuildWords compiles the entries into one case-insensitive automaton.
func BuildWords(entries []WordEntry) (*Words, error) {
	index := map[string]int{}
	var pats []string
	var owners [][]WordOwner
	w := &Words{}
	for _, e := range entries {
		if e.Text == "" {
			return nil, fmt.Errorf("detect: detector %d has an empty word", e.Owner.Det)
		}
		if !e.Owner.Key {
			for int(e.Owner.Det) >= len(w.owned) {
				w.owned = append(w.owned, ownPairs{})
			}
		}
		for _, k := range caseForms(e.Text) {
			if !e.Owner.Key {
				w.owned[e.Owner.Det].add(k)
			}
			p, ok := index[k]
			if !ok {
				p = len(pats)
				index[k] = p
				pats = append(pats, k)
				owners = append(owners, nil)
			}
			if n := len(owners[p]); n == 0 || owners[p][n-1] != e.Owner {
				owners[p] = append(owners[p], e.Owner)
			}
		}
	}
	w.text, w.start = pats, make([]int32, 0, len(pats)+1)
	for _, o := range owners {
		w.start = append(w.start, int32(len(w.own))) // #nosec G115 -- a few thousand words at most
		w.own = append(w.own, o...)
	}
	w.start = append(w.start, int32(len(w.own))) // #nosec G115 -- as above
	if len(pats) == 0 {
		pats = []string{"\x00"} // an automaton needs a pattern; this one has no owners
		w.start = []int32{0, 0}
	}
	w.context = make([]bool, len(pats))
	for p, os := range owners {
		if slices.ContainsFunc(os, func(o WordOwner) bool { return !o.Key }) {
			w.context[p] = true
			w.heads.add(pats[p])
		}
	}
	var err error
	w.aut, err = automaton.Compile(pats, automaton.Options{CaseInsensitive: true, Kind: automaton.Overlapping})
	if err != nil {
		return nil, fmt.Errorf("detect: compile words: %w", err)
	}
	return w, nil
}

// Owners returns the uses of pattern p. The slice is shared: callers must
// not modify it.
func (w *Words) Owners(p int32) []WordOwner { return w.own[w.start[p]:w.start[p+1]] }

// mayOwn reports whether one of detector d's context words may begin at
// one of the places at in t[ws:end] (bit k for t[ws+k]), judged by the
// first two bytes of each place; false means none does.
func (w *Words) mayOwn(d int32, t []byte, at uint64, ws, end int) bool {
	if int(d) >= len(w.owned) {
		return false // the detector has no context word
	}
	f := &w.owned[d]
	for ; at != 0; at &= at - 1 {
		a := ws + bits.TrailingZeros64(at)
		if a+2 > end {
			return true // one byte left: let the search judge
		}
		if f.has(t[a], t[a+1]) {
			return true
		}
	}
	return false
}

// ownPairs is one detector's filter for mayOwn: a bit set over a 9-bit
// hash of the first two bytes of its context words, in either ASCII case
// (quad), one cache line.
type ownPairs [8]uint64

// add records the word p, in ASCII lower case; a word of one byte may be
// followed by any byte.
func (f *ownPairs) add(p string) {
	switch len(p) {
	case 0:
	case 1:
		for c := 0; c < 256; c++ {
			f.set(p[0], byte(c))
		}
	default:
		f.set(p[0], p[1])
	}
}

// set adds the pair a, b.
func (f *ownPairs) set(a, b byte) {
	k := ownKey(a, b)
	f[k>>6] |= 1 << (k & 63)
}

// has reports whether the pair a, b may be in the set.
func (f *ownPairs) has(a, b byte) bool {
	k := ownKey(a, b)
	return f[k>>6]>>(k&63)&1 != 0
}

// ownKey hashes two first bytes to nine bits.
func ownKey(a, b byte) uint32 { return (quad(a, b, 0, 0) & 0xffff) * 0x9e3779b1 >> 23 }

// Len returns the number of distinct words.
func (w *Words) Len() int { return len(w.text) }

// Find appends the matches of every word in text to dst.
func (w *Words) Find(dst []automaton.Match, text []byte) []automaton.Match {
	return w.aut.FindAll(dst, text)
}

// KeyWords appends to dst the detectors whose key words start a word of
// key (at its start, after '_', '-', '.' or a digit, or at a
// lower-to-upper case change), each once, in ascending order. ms is
// scratch space.
func (w *Words) KeyWords(dst []int32, ms *[]automaton.Match, key []byte) []int32 {
	*ms = w.aut.FindAll((*ms)[:0], key)
	for _, m := range *ms {
		a := int(m.Start)
		if a > 0 {
			p := key[a-1]
			if !(p == '_' || p == '-' || p == '.' || IsDigit(p) || IsLower(p) && IsUpper(key[a])) {
				continue
			}
		}
		for _, o := range w.Owners(int32(m.Pattern)) { // #nosec G115 -- pattern indexes are below the word count
			if o.Key {
				dst = insertOnce(dst, o.Det)
			}
		}
	}
	return dst
}

// insertOnce inserts d into the ascending list dst unless present.
func insertOnce(dst []int32, d int32) []int32 {
	i := len(dst)
	for i > 0 && dst[i-1] > d {
		i--
	}
	if i > 0 && dst[i-1] == d {
		return dst
	}
	dst = append(dst, 0)
	copy(dst[i+1:], dst[i:])
	dst[i] = d
	return dst
}
