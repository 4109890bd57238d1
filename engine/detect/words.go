package detect

import (
	"fmt"
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
	// word; heads filters the places where those may begin.
	context []bool
	heads   wordHeads
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
	for _, e := range entries {
		if e.Text == "" {
			return nil, fmt.Errorf("detect: detector %d has an empty word", e.Owner.Det)
		}
		for _, k := range caseForms(e.Text) {
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
	w := &Words{text: pats, start: make([]int32, 0, len(pats)+1)}
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
