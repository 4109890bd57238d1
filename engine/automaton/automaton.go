// Package automaton is a streaming, position-reporting multi-pattern
// matcher in the Aho-Corasick family.
//
// Compile turns a list of byte-string patterns into an immutable *Automaton.
// Small pattern sets become a dense DFA whose transition table is indexed by
// premultiplied state id plus byte class; sets whose DFA would exceed
// dfaBudget bytes become a compact NFA (sparse transitions plus failure
// links). Both engines report identical matches. FindAll searches one buffer;
// a Stream searches input that arrives in chunks and reports exactly the
// matches FindAll would report on the concatenation.
//
// See DESIGN.md for the representation, the match semantics and measurements.
package automaton

import (
	"errors"
	"fmt"
)

// MatchKind selects which matches are reported.
type MatchKind int

const (
	// Overlapping reports every occurrence of every pattern, ordered by
	// End, then by Start (longer first), then by pattern index.
	Overlapping MatchKind = iota
	// LeftmostLongest reports non-overlapping matches: scanning left to
	// right, the match with the leftmost start and, among those, the
	// longest; equal-length ties go to the lowest pattern index. The search
	// resumes at the end of the reported match.
	LeftmostLongest
)

// String returns "overlapping" or "leftmost-longest".
func (k MatchKind) String() string {
	switch k {
	case Overlapping:
		return "overlapping"
	case LeftmostLongest:
		return "leftmost-longest"
	}
	return fmt.Sprintf("MatchKind(%d)", int(k))
}

// Options configure Compile.
type Options struct {
	// CaseInsensitive folds ASCII letters (A-Z == a-z). Other bytes,
	// including non-ASCII UTF-8, must match exactly.
	CaseInsensitive bool
	// Kind selects overlapping or leftmost-longest matches.
	Kind MatchKind
	// WholeWord keeps only occurrences whose preceding byte and following
	// byte are not ASCII word bytes [A-Za-z0-9_] (input edges count as
	// non-word). With LeftmostLongest the filter applies before the
	// leftmost-longest choice.
	WholeWord bool
}

// Match is one occurrence of a pattern.
type Match struct {
	Pattern    int   // index into the patterns given to Compile
	Start, End int64 // byte offsets from the start of the input or stream; End is exclusive
}

// dfaBudget is the largest dense transition table, in bytes, that Compile
// builds; larger automata use the NFA. Tests lower it to force the NFA.
const dfaBudget = 16 << 20

// maxDFAEntries bounds the dense transition table (states times classes),
// whatever the budget, so that every premultiplied state id is below 2^24
// and the multiply-shift in divByMagic cannot overflow 64 bits. Compile with
// dfaBudget stays far below it (2^22 entries); Load rejects larger tables.
const maxDFAEntries = 1 << 24

// Automaton is a compiled pattern set. It is immutable and safe for
// concurrent use by any number of goroutines.
type Automaton struct {
	kind      MatchKind
	fold      bool
	wholeWord bool

	patLen []int32 // pattern index -> length in bytes
	maxLen int32

	// States are numbered 0..n-1 and ordered so that states without
	// matches come first, then the root (rootIdx = matchStart-1), then
	// every state that has at least one match (idx >= matchStart).
	n          int32
	rootIdx    int32
	matchStart int32
	depth      []int32  // state -> length of the trie path it represents
	outOff     []uint32 // state -> own outputs are out[outOff[s]:outOff[s+1]]
	out        []int32  // pattern indices, ascending per state
	dict       []int32  // state -> nearest proper suffix state with own outputs, or -1
	llPat      []int32  // state -> longest pattern ending here (derived), or -1

	// Dense DFA (dense == true). State ids in trans are premultiplied:
	// id = idx * nclass (the row stride), and trans[id+class[b]] is the
	// next id.
	dense    bool
	nclass   int32
	idxMagic uint64 // divMagic(nclass): divByMagic(id, idxMagic) == id/nclass for every id (derived)
	classes  [256]uint8
	trans    []int32

	// Compact NFA (dense == false). The shallowest states (the root at
	// least) also get dense rows, like DFA rows but holding state indices:
	// rows[rowOf[s]+classes[b]]; rowOf[s] is -1 for the others.
	foldTab  [256]byte
	rowOf    []int32
	rows     []int32
	fail     []int32
	edgeOff  []uint32 // state -> edges edgeByte/edgeNext[edgeOff[s]:edgeOff[s+1]], sorted by byte
	edgeByte []byte
	edgeNext []int32

	pre prefilter
}

var errEmptyPattern = errors.New("automaton: compile: empty pattern")

// Compile builds an automaton for patterns. Patterns are byte strings (any
// bytes, not only UTF-8) and must be non-empty; duplicates are allowed and
// each reports its own index. A nil or empty list gives an automaton that
// never matches.
func Compile(patterns []string, opts Options) (*Automaton, error) {
	return compile(patterns, opts, dfaBudget)
}

// PatternCount returns the number of patterns given to Compile.
func (a *Automaton) PatternCount() int { return len(a.patLen) }

// MaxPatternLen returns the length in bytes of the longest pattern (0 when
// there are none).
func (a *Automaton) MaxPatternLen() int { return int(a.maxLen) }

// Kind returns the match kind the automaton was compiled with.
func (a *Automaton) Kind() MatchKind { return a.kind }

// IsDFA reports whether the automaton uses the dense DFA (true) or the
// compact NFA (false).
func (a *Automaton) IsDFA() bool { return a.dense }

// MemoryUsage returns the approximate number of heap bytes held by the
// automaton.
func (a *Automaton) MemoryUsage() int {
	const fixed = 3*256 + 512 // classes, foldTab, headers and prefilter
	return fixed + 4*(len(a.patLen)+len(a.depth)+len(a.outOff)+len(a.out)+len(a.dict)+
		len(a.llPat)+len(a.trans)+len(a.rowOf)+len(a.rows)+len(a.fail)+len(a.edgeOff)+len(a.edgeNext)) + len(a.edgeByte)
}

// FindAll appends every match in haystack to dst and returns the extended
// slice. Offsets are relative to haystack[0]. It allocates only when dst
// lacks capacity.
func (a *Automaton) FindAll(dst []Match, haystack []byte) []Match {
	sc := scanner{a: a}
	sc.reset()
	sc.chunk = haystack
	return sc.run(dst, true)
}

// isWord reports whether b is an ASCII word byte [A-Za-z0-9_].
func isWord(b byte) bool { return wordTab[b] }

var wordTab = func() (t [256]bool) {
	for b := 0; b < 256; b++ {
		t[b] = b == '_' || ('0' <= b && b <= '9') || ('a' <= b && b <= 'z') || ('A' <= b && b <= 'Z')
	}
	return t
}()

// lower folds an ASCII upper-case letter to lower case.
func lower(b byte) byte {
	if 'A' <= b && b <= 'Z' {
		return b + ('a' - 'A')
	}
	return b
}

// FindAllShort is FindAll for a short haystack (tens of bytes, such as
// the window before a candidate), where the set-up of the general search
// (its scanner, prefilter and lanes) costs more than the walk. For a
// dense overlapping automaton without the whole-word filter it is one
// plain loop over the bytes; otherwise it is FindAll. The matches are the
// same, in the same order.
func (a *Automaton) FindAllShort(dst []Match, haystack []byte) []Match {
	if !a.dense || a.kind != Overlapping || a.wholeWord {
		return a.FindAll(dst, haystack)
	}
	trans, classes := a.trans, &a.classes
	s := a.rootIdx * a.nclass
	matchID := a.matchStart * a.nclass
	for i, b := range haystack {
		s = trans[s+int32(classes[b])]
		if s >= matchID {
			dst = a.appendOutputs(dst, a.index(s), int64(i+1))
		}
	}
	return dst
}

// Contains reports whether any pattern occurs in haystack (under the
// automaton's case folding; the whole-word filter and the match kind do
// not matter for it). It allocates nothing.
func (a *Automaton) Contains(haystack []byte) bool {
	if !a.dense || a.wholeWord {
		var buf [1]Match
		return len(a.FindAll(buf[:0], haystack)) > 0
	}
	trans, classes := a.trans, &a.classes
	s := a.rootIdx * a.nclass
	matchID := a.matchStart * a.nclass
	for _, b := range haystack {
		if s = trans[s+int32(classes[b])]; s >= matchID {
			return true
		}
	}
	return false
}
