package engine

import (
	"fmt"
	"math/bits"
	"slices"
	"unicode/utf8"

	"github.com/datafog/datafog-api/engine/automaton"
	"github.com/datafog/datafog-api/engine/detect"
)

// The dispatch table is every enabled detector's triggers compiled into
// the structures the scan loop reads: one trigger class per byte (digits,
// or a byte that some detector's OnByte, literal prefix or assignment
// needs), per class the byte detectors, the literal prefixes anchored at
// it and whether it starts an assignment; per digit-run form the
// detectors that asked for it; the token detectors; and the key
// detectors, whose key words live in the one word automaton with every
// detector's context words.

// Trigger classes of the main pass: clsNone bytes are skipped, clsDigit
// starts a digit run, clsFold is the first byte of a UTF-8 sequence that
// may fold (fold.go), clsTerm a byte that starts a word-start term and
// nothing else (OnTerms.WordStart), every other class indexes
// dispatch.cls.
const (
	clsNone  = 0
	clsDigit = 1
	clsFold  = 2
	clsTerm  = 3
)

// foldLeads are the first bytes of the UTF-8 encodings of every character
// that folds.
var foldLeads = func() (t [256]bool) {
	var buf [utf8.UTFMax]byte
	for _, rg := range foldRanges() {
		for r := rg[0]; r <= rg[1]; r++ {
			if _, _, ok := foldRune(r); ok {
				utf8.EncodeRune(buf[:], r)
				t[buf[0]] = true
			}
		}
	}
	return t
}()

// bound is one enabled detector and the binding the Scan gets when the
// engine calls it.
type bound struct {
	d *detect.Detector
	b detect.Binding
}

// dispatch is the compiled trigger table.
type dispatch struct {
	bound []bound

	class  [256]uint8
	trigAt [8][256]uint8 // trigAt[k][c] is 1<<k when c is a trigger byte
	// nib are the vector kernel's tables (trigger.go); nibExact says they
	// classify exactly (no false positives to skip).
	nib      nibbleTables
	nibExact bool
	// leadsOnly is all ones when every non-ASCII trigger byte is the lead
	// byte of a character that a class needs whole (a lookalike, clsFold,
	// or the first letter of a word-start term, clsTerm), so that the
	// vector kernel may drop such a byte when no continuation byte follows
	// it (trigger.go); else 0.
	leadsOnly uint64
	cls       []classInfo
	// For class c, always[c], callBefore[c<<8|b] and callAfter[c<<8|b]
	// are bit sets over cls[c].dets (bit k for dets[k]): the detectors
	// called at every such byte, and those whose Before or After class
	// holds b, the byte before or after it (0 stands for no byte: it is
	// in no class); both[c] are the dets that need both. Bit prefixBit
	// says that a literal anchored there may stand at this byte (its
	// key's first byte matches). assign[c] says the byte starts an
	// assignment.
	always, both          [256]uint8
	callBefore, callAfter [1 << 16]uint8
	assign                [256]bool
	// assignNext[c<<8|b] says that an assignment may start at class c's
	// byte when b follows it (a call's '(' needs a quote after it, an
	// XML '>' a value byte, '=' and ':' what valueStart takes); quoted[c] that after a '"' only an
	// assignment can start at it, unless callAfter names the next byte
	// for a literal or a detector that does not need both neighbours.
	assignNext [1 << 16]bool
	quoted     [256]bool
	// solo[c] is class c's one byte detector when nothing else happens
	// at its bytes (no other detector, no literal prefix, no assignment,
	// no term, no run condition): the main loop calls it without stop's
	// general work. nil otherwise.
	solo [256]*byteDet
	// numSep[c] says that at a byte of class c with a digit on each side
	// (a separator inside a number: "1988-06-07", "453-37-0120") nothing
	// can start but, perhaps, the byte detectors numSepRun[c], whose
	// BeforeRun and Edge conditions the main loop then checks itself: no
	// other detector's Before and After classes both admit digits, no
	// literal has a digit next to its anchor byte there, and the byte
	// starts no assignment or term. The main loop skips such a byte
	// without stop's general work when no detector of numSepRun[c] passes.
	numSep    [256]bool
	numSepRun [256]uint8
	// numSepTwo[c], when every detector of numSepRun[c] has a run of two
	// (a MAC address's "ab-"), holds their conditions as two tables over
	// the bytes before the run's first one (sepTwo); nil otherwise.
	numSepTwo [256]*sepTwo
	// assignOnly[c] says that only an assignment may start at a byte of
	// class c (no byte detector, literal or term): the main loop checks
	// assignNext itself and calls stop only when it holds.
	assignOnly [256]bool
	// prefixOnly[c] says that only literal prefixes are anchored at a
	// byte of class c (no byte detector, assignment or term): the main
	// loop checks their neighbour bit itself.
	prefixOnly [256]bool
	// dead says which stops call nothing, by class and neighbours
	// (dead.go); dropsDead that the main loop uses it, as enough stops
	// in random bytes are dead.
	dead      *deadTables
	dropsDead bool

	num   numeric
	tok   tokens
	keys  keys
	terms []termsDet
	// starts are the WordStart term lists; termAt[c] says that a byte of
	// class c may start one of their terms (always for clsTerm).
	starts []termsDet
	termAt [256]bool
}

// termsDet is one OnTerms trigger with its automaton; first holds the
// bytes its terms start with.
type termsDet struct {
	aut   *automaton.Automaton
	find  func(*detect.Scan, automaton.Match)
	b     *detect.Binding
	first [256]bool
}

// classInfo is what one trigger byte starts. The bit sets that say which
// of its byte detectors to call live in the dispatch table's flat
// arrays (always, callBefore, callAfter), indexed by class.
type classInfo struct {
	dets []byteDet
	// run holds the dets whose Before class must cover more than the one
	// byte before the trigger (byteDet.run bytes), checked in fire.
	run uint8
	// pres are the literal prefixes anchored at this byte, one set per
	// key mode in use.
	pres []*prefixSet
}

// maxByteDets is the most OnByte detectors one trigger byte may have;
// the eighth bit of a class's call sets is prefixBit.
const maxByteDets = 7

// prefixBit marks, in classInfo.before and after, a byte that a literal
// anchored at the class's byte may have there.
const prefixBit = 1 << maxByteDets

// byteDet is one OnByte trigger.
type byteDet struct {
	find   func(*detect.Scan, int)
	b      *detect.Binding
	before detect.Class
	run    int
	edge   detect.Class
}

// numDet is a detector for a digit-run form that takes the run t[i:j]:
// of a length in lens (zero: any) and followed by a byte in next (nil:
// anything, the end of the text included). A Lead detector's conditions
// are in the leads bit sets instead.
type numDet struct {
	find func(*detect.Scan, int, int)
	b    *detect.Binding
	lens uint64
	next *[256]bool
}

// leads holds the Lead detectors of one first digit, dets, and what each
// takes as bit sets over dets (bit k for dets[k]): the run's length
// (byLen), the byte after the run (byNext), the byte before it (byPrev;
// 256: none), and the capitals and digits in a row from the run's first
// digit on (byRow: the detectors whose LeadTok is at most the row; tok:
// those with a LeadTok at all). callLead ANDs them, so a run no detector
// takes costs no call and no branch per detector.
type leads struct {
	dets   []numDet
	byLen  [detect.MaxRun + 1]uint32
	byNext [256]uint32
	byPrev [257]uint32
	byRow  [detect.MaxLeadTok + 1]uint32
	tok    uint32
}

// maxLeads is the most Lead detectors one first digit may have.
const maxLeads = 32

// groupDet is a detector for grouped numbers whose second group has a
// length in second (a bit set; every bit when the detector takes any).
type groupDet struct {
	find   func(*detect.Scan, *detect.Groups)
	b      *detect.Binding
	second uint64
}

// numeric holds the OnDigits detectors by form (see detect.OnDigits).
type numeric struct {
	lead     [10]leads
	leadSet  [256]bool
	after    [256][]numDet
	afterSet [256]bool
	dotted   []numDet
	compact  [detect.MaxRun + 1][]numDet
	grouped  [detect.MaxRun + 1][]groupDet
	colon    [detect.MaxRun + 1][]numDet
	short    [detect.MaxRun + 1][]numDet
	iso      []numDet
	// inert[l][b] is true when no Compact or Short detector takes a run
	// of length l followed by byte b (every length above MaxRun is inert);
	// colonLen[l] when a Colon detector takes it. shortNext[l][b] says
	// that some Short detector takes a run of length l followed by b (b
	// 256: the end of the text).
	inert     [64][256]bool
	colonLen  [64]bool
	shortNext [detect.MaxRun + 1][257]bool
}

// tokDet is one OnToken trigger; what it takes is in the tokens bit
// sets.
type tokDet struct {
	find func(*detect.Scan, int, int)
	b    *detect.Binding
}

// tokens holds the OnToken detectors and what the main loop needs to
// dismiss letter-glued runs cheaply.
type tokens struct {
	dets []tokDet
	// minLead is the fewest upper-case letters before a token's first
	// digit run that any detector takes (0: no detector takes upper-case
	// tokens), and maxLead the most letters any detector takes.
	minLead, maxLead int
	// lowerFirst[c]: some detector takes lower-case tokens whose first
	// digit run starts with c.
	lowerFirst [256]bool
	digitFirst bool
	// byLead[l] is the set of detectors (bit k for dets[k]) that take a
	// token whose first digit run follows l letters (l == 0: a token that
	// starts with digits), and maxLen[l] the longest token they take;
	// lowerOK[c] the set that takes lower-case tokens whose first digit
	// run starts with c; byLen[n] the set that takes tokens of n bytes.
	byLead  [maxToken + 1]uint64
	maxLen  [maxToken + 1]int
	lowerOK [256]uint64
	byLen   [maxToken + 1]uint64
}

// maxToken is the longest token any detector may ask for.
const maxToken = 128

// keys holds what the assignment parser needs.
type keys struct {
	on bool
	// minValue is the fewest value bytes any key detector needs.
	minValue int
}

// compileDispatch builds the dispatch table and the word automaton of
// every detector in reg that has a type not disabled in cfg. custom maps
// the types of custom rules' detectors to their kinds.
func compileDispatch(reg []*detect.Detector, cfg map[EntityType]DetectorConfig, custom map[EntityType]uint16) (*dispatch, *detect.Words, error) {
	d := &dispatch{cls: make([]classInfo, clsTerm+1)}
	for c := '0'; c <= '9'; c++ {
		d.class[c] = clsDigit
	}
	for c, lead := range foldLeads {
		if lead {
			d.class[c] = clsFold
		}
	}
	var words []detect.WordEntry
	for _, det := range reg {
		b := detect.Binding{
			Kinds:       make([]uint16, len(det.Types)),
			On:          make([]bool, len(det.Types)),
			Min:         make([]float64, len(det.Types)),
			Placeholder: det.Placeholder,
		}
		any := false
		for k, t := range det.Types {
			dc := cfg[EntityType(t.Name)]
			b.Kinds[k] = kindOf(EntityType(t.Name), custom)
			b.On[k] = !dc.Disabled
			b.Min[k] = dc.MinConfidence
			any = any || b.On[k]
		}
		if !any {
			continue
		}
		b.Plain = b.Placeholder == nil
		for k := range b.On {
			b.Plain = b.Plain && b.On[k] && b.Min[k] == 0
		}
		b.Index = int32(len(d.bound)) // #nosec G115 -- a few hundred detectors
		d.bound = append(d.bound, bound{d: det, b: b})
	}
	for i := range d.bound {
		bd := &d.bound[i]
		det, b := bd.d, &bd.b
		for _, w := range det.Context {
			words = append(words, detect.WordEntry{Text: w.Text, Owner: detect.WordOwner{Det: b.Index, Conf: w.Conf}})
		}
		for _, t := range det.Bytes {
			if t.Byte >= '0' && t.Byte <= '9' || t.Find == nil {
				return nil, nil, fmt.Errorf("engine: detector %s: byte trigger %q is a digit or has no Find", det.Name, t.Byte)
			}
			ci := d.classFor(t.Byte)
			cl := int(d.class[t.Byte])
			if len(ci.dets) == maxByteDets {
				return nil, nil, fmt.Errorf("engine: detector %s: more than %d byte detectors on %q", det.Name, maxByteDets, t.Byte)
			}
			bit := uint8(1) << len(ci.dets)
			if t.Edge != 0 && t.BeforeRun < 2 {
				return nil, nil, fmt.Errorf("engine: detector %s: byte trigger %q: Edge needs a BeforeRun of two or more", det.Name, t.Byte)
			}
			ci.dets = append(ci.dets, byteDet{find: t.Find, b: b, before: t.Before, run: t.BeforeRun, edge: t.Edge})
			if t.Before == 0 && t.After == 0 {
				d.always[cl] |= bit
			}
			if t.Both {
				if t.Before == 0 || t.After == 0 {
					return nil, nil, fmt.Errorf("engine: detector %s: byte trigger %q: Both needs Before and After", det.Name, t.Byte)
				}
				d.both[cl] |= bit
			}
			if t.BeforeRun > 1 {
				ci.run |= bit
			}
			for c := range 256 {
				if detect.Is(byte(c), t.Before) {
					d.callBefore[cl<<8|c] |= bit
				}
				if detect.Is(byte(c), t.After) {
					d.callAfter[cl<<8|c] |= bit
				}
			}
		}
		if p := det.Prefixes; p != nil {
			for _, lit := range p.Literals {
				if err := d.addPrefix(lit, p.Find, b); err != nil {
					return nil, nil, fmt.Errorf("engine: detector %s: %w", det.Name, err)
				}
			}
		}
		if n := det.Digits; n != nil {
			if err := d.num.add(n, b); err != nil {
				return nil, nil, fmt.Errorf("engine: detector %s: %w", det.Name, err)
			}
		}
		if t := det.Tokens; t != nil {
			if err := d.tok.add(t, b); err != nil {
				return nil, nil, fmt.Errorf("engine: detector %s: %w", det.Name, err)
			}
		}
		if tr := det.Terms; tr != nil {
			if tr.Automaton == nil || tr.Find == nil {
				return nil, nil, fmt.Errorf("engine: detector %s: terms trigger needs an Automaton and a Find", det.Name)
			}
			aut, err := tr.Automaton()
			if err != nil {
				return nil, nil, fmt.Errorf("engine: detector %s: %w", det.Name, err)
			}
			td := termsDet{aut: aut, find: tr.Find, b: b, first: aut.FirstBytes()}
			if !tr.WordStart {
				d.terms = append(d.terms, td)
			} else {
				for c := '0'; c <= '9'; c++ {
					if td.first[c] {
						return nil, nil, fmt.Errorf("engine: detector %s: a word-start term starts with the digit %q", det.Name, c)
					}
				}
				d.starts = append(d.starts, td)
			}
		}
		if k := det.Keys; k != nil {
			if k.Find == nil || len(k.Words) == 0 || k.MinValue < 1 {
				return nil, nil, fmt.Errorf("engine: detector %s: key trigger needs words, a Find and MinValue >= 1", det.Name)
			}
			for _, w := range k.Words {
				words = append(words, detect.WordEntry{Text: w, Owner: detect.WordOwner{Det: b.Index, Key: true}})
			}
			if !d.keys.on || k.MinValue < d.keys.minValue {
				d.keys.minValue = k.MinValue
			}
			d.keys.on = true
		}
	}
	if d.keys.on {
		for _, c := range []byte{'=', ':', '>', '('} {
			d.classFor(c)
			cl := int(d.class[c])
			d.assign[cl] = true
			for b := range 256 {
				switch c {
				case '(':
					d.assignNext[cl<<8|b] = b == '"' || b == '\''
				case '>':
					d.assignNext[cl<<8|b] = detect.Is(byte(b), detect.Value)
				default:
					d.assignNext[cl<<8|b] = valueStart(byte(b))
				}
			}
		}
	}
	for _, td := range d.starts {
		for c, ok := range td.first {
			if !ok {
				continue
			}
			if d.class[c] == clsNone {
				d.class[c] = clsTerm
			}
			d.termAt[d.class[c]] = true
		}
	}
	for c := range d.cls {
		d.quoted[c] = d.assign[c] && d.always[c] == 0 && d.callBefore[c<<8|'"'] == 0 && !d.termAt[c]
		ci := &d.cls[c]
		if c > clsTerm && len(ci.dets) == 1 && len(ci.pres) == 0 && ci.run == 0 && !d.assign[c] && !d.termAt[c] {
			d.solo[c] = &ci.dets[0]
		}
		d.numSep[c], d.numSepRun[c] = d.betweenDigits(c)
		d.numSepTwo[c] = newSepTwo(ci, d.numSepRun[c])
		d.prefixOnly[c] = c > clsTerm && !d.assign[c] && len(ci.dets) == 0 && len(ci.pres) > 0 && !d.termAt[c]
		d.assignOnly[c] = c > clsTerm && d.assign[c] && len(ci.dets) == 0 && len(ci.pres) == 0 && !d.termAt[c]
	}
	d.num.finish()
	d.buildDead()
	d.nib, d.nibExact = buildNibbleTables(&d.class)
	d.leadsOnly = ^uint64(0)
	for c := 0x80; c < 256; c++ {
		if cl := d.class[c]; cl != clsNone && (c < 0xc2 || cl != clsFold && cl != clsTerm) {
			d.leadsOnly = 0
		}
	}
	for k := range d.trigAt {
		for c := range d.trigAt[k] {
			if d.class[c] != clsNone {
				d.trigAt[k][c] = 1 << k
			}
		}
	}
	w, err := detect.BuildWords(words)
	if err != nil {
		return nil, nil, fmt.Errorf("engine: %w", err)
	}
	return d, w, nil
}

// classFor returns the class of trigger byte c, adding one if needed.
func (d *dispatch) classFor(c byte) *classInfo {
	if d.class[c] == clsNone {
		d.class[c] = uint8(len(d.cls)) // #nosec G115 -- at most 255 distinct trigger bytes (the non-digit ASCII punctuation and letters)
		d.cls = append(d.cls, classInfo{})
	}
	return &d.cls[d.class[c]]
}

// add registers an OnDigits trigger.
func (n *numeric) add(o *detect.OnDigits, b *detect.Binding) error {
	if o.OnLead != nil {
		if o.LeadTok < 0 || o.LeadTok > detect.MaxLeadTok {
			return fmt.Errorf("LeadTok %d is not within 0..%d", o.LeadTok, detect.MaxLeadTok)
		}
		next, prev := byteSet(o.LeadNext), byteSet(o.LeadPrev)
		for x := 0; x < len(o.Lead); x++ {
			c := o.Lead[x]
			ld := &n.lead[c-'0']
			if len(ld.dets) == maxLeads {
				return fmt.Errorf("more than %d Lead detectors on %q", maxLeads, c)
			}
			bit := uint32(1) << len(ld.dets)
			ld.dets = append(ld.dets, numDet{find: o.OnLead, b: b})
			n.leadSet[c] = true
			for l := range ld.byLen {
				if o.LeadLen == 0 || o.LeadLen>>l&1 != 0 {
					ld.byLen[l] |= bit
				}
			}
			for v := range 256 {
				if next == nil || next[v] {
					ld.byNext[v] |= bit
				}
				if prev == nil || prev[v] {
					ld.byPrev[v] |= bit
				}
			}
			if prev == nil {
				ld.byPrev[256] |= bit
			}
			for r := range ld.byRow {
				if r >= o.LeadTok {
					ld.byRow[r] |= bit
				}
			}
			if o.LeadTok > 0 {
				ld.tok |= bit
			}
		}
	}
	if o.OnAfter != nil {
		for x := 0; x < len(o.After); x++ {
			c := o.After[x]
			n.after[c] = append(n.after[c], numDet{find: o.OnAfter, b: b})
			n.afterSet[c] = true
		}
	}
	if o.Dotted != nil {
		n.dotted = append(n.dotted, numDet{find: o.Dotted, b: b})
	}
	if o.ISO != nil {
		n.iso = append(n.iso, numDet{find: o.ISO, b: b})
	}
	for l := 1; l <= detect.MaxRun; l++ {
		if o.OnCompact != nil && o.Compact>>l&1 != 0 {
			n.compact[l] = append(n.compact[l], numDet{find: o.OnCompact, b: b})
		}
		if o.OnGrouped != nil && o.GroupFirst>>l&1 != 0 {
			second := o.GroupSecond
			if second == 0 {
				second = ^uint64(0)
			}
			n.grouped[l] = append(n.grouped[l], groupDet{find: o.OnGrouped, b: b, second: second})
		}
		if o.OnColon != nil && o.Colon>>l&1 != 0 {
			n.colon[l] = append(n.colon[l], numDet{find: o.OnColon, b: b})
			n.colonLen[l] = true
		}
		if o.OnShort != nil && o.Short>>l&1 != 0 {
			next := byteSet(o.ShortNext)
			n.short[l] = append(n.short[l], numDet{find: o.OnShort, b: b, next: next})
			n.shortNext[l][256] = n.shortNext[l][256] || next == nil
			for v := range 256 {
				n.shortNext[l][v] = n.shortNext[l][v] || next == nil || next[v]
			}
		}
	}
	return nil
}

// byteSet returns the set of the bytes of s, or nil for an empty s.
func byteSet(s string) *[256]bool {
	if s == "" {
		return nil
	}
	var set [256]bool
	for k := 0; k < len(s); k++ {
		set[s[k]] = true
	}
	return &set
}

// finish derives the inert runs: a Compact detector can take a run only
// when no word byte follows it (NumRight), a Short detector when it takes
// the byte that follows.
func (n *numeric) finish() {
	for l := range n.inert {
		for b := range 256 {
			n.inert[l][b] = l > detect.MaxRun ||
				(len(n.compact[l]) == 0 || detect.IsWord(byte(b))) && !n.shortNext[l][b]
		}
	}
}

// add registers an OnToken trigger.
func (t *tokens) add(o *detect.OnToken, b *detect.Binding) error {
	if o.Find == nil || o.MinLen < 2 || o.MaxLen > maxToken || o.MinLen > o.MaxLen || o.MinLead < 1 && !o.DigitFirst || o.MaxLead < o.MinLead || o.MaxLead >= o.MaxLen {
		return fmt.Errorf("token trigger: lengths %d..%d (within 2..%d), leads %d..%d (MinLead >= 1 or DigitFirst), and a Find are needed", o.MinLen, o.MaxLen, maxToken, o.MinLead, o.MaxLead)
	}
	td := tokDet{find: o.Find, b: b}
	for x := 0; x < len(o.Lower); x++ {
		t.lowerFirst[o.Lower[x]] = true
	}
	if o.MinLead >= 1 && (t.minLead == 0 || o.MinLead < t.minLead) {
		t.minLead = o.MinLead
	}
	if len(t.dets) == 64 {
		return fmt.Errorf("token trigger: more than 64 token detectors")
	}
	t.maxLead = max(t.maxLead, o.MaxLead)
	t.digitFirst = t.digitFirst || o.DigitFirst
	bit := uint64(1) << len(t.dets)
	for l := range t.byLead {
		if l == 0 && o.DigitFirst || l > 0 && l >= o.MinLead && l <= o.MaxLead {
			t.byLead[l] |= bit
			t.maxLen[l] = max(t.maxLen[l], o.MaxLen)
		}
	}
	for x := 0; x < len(o.Lower); x++ {
		t.lowerOK[o.Lower[x]] |= bit
	}
	for n := o.MinLen; n <= o.MaxLen; n++ {
		t.byLen[n] |= bit
	}
	t.dets = append(t.dets, td)
	return nil
}

// prefixSet holds the literal prefixes anchored at one trigger byte
// with one key mode. A literal's anchor is its first byte that is not a
// lower-case letter or a digit; off is the anchor's offset in the
// literal. At an anchor p the engine forms a 16-bit key from the two
// bytes t[p+ka] and t[p+kb], which lie inside every literal of the set:
// the two before the anchor when off >= 2 (mode 2), the one before and
// the one after when off == 1 (mode 1), the two after when off == 0
// (mode 0). It tests the key's bit, and only on a hit compares literals.
type prefixSet struct {
	ka, kb int
	bits   [1 << 16 / 64]uint64
	lits   map[uint16][]prefixLit
}

// prefixLit is one literal prefix.
type prefixLit struct {
	lit  string
	off  int
	find func(*detect.Scan, int, int)
	b    *detect.Binding
}

// prefixOffsets returns the key offsets of an anchor at offset off.
func prefixOffsets(off int) (ka, kb int) {
	switch {
	case off >= 2:
		return -2, -1
	case off == 1:
		return -1, 1
	default:
		return 1, 2
	}
}

// prefixAnchor returns the offset of a literal's anchor: its first byte
// that is neither a letter, a digit nor '.' (such punctuation is rarer in
// text than capitals), else its first upper-case letter other than 'T'
// and 'Z' (every ISO timestamp holds both), else its first upper-case
// letter, else its first '.' (a full stop is in every sentence), else -1.
func prefixAnchor(lit string) int {
	upper, dot := -1, -1
	for k := 0; k < len(lit); k++ {
		switch c := lit[k]; {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
		case c >= 'A' && c <= 'Z':
			if upper < 0 || (lit[upper] == 'T' || lit[upper] == 'Z') && c != 'T' && c != 'Z' {
				upper = k
			}
		case c == '.':
			if dot < 0 {
				dot = k
			}
		default:
			return k
		}
	}
	if upper >= 0 {
		return upper
	}
	return dot
}

// addPrefix registers one literal.
func (d *dispatch) addPrefix(lit string, find func(*detect.Scan, int, int), b *detect.Binding) error {
	if find == nil || len(lit) < 3 || len(lit) > detect.AnchorSpan {
		return fmt.Errorf("literal prefix %q: 3 to %d bytes and a Find are needed", lit, detect.AnchorSpan)
	}
	off := prefixAnchor(lit)
	if off < 0 {
		return fmt.Errorf("literal prefix %q has no trigger byte (all lower-case letters and digits)", lit)
	}
	ci := d.classFor(lit[off])
	ka, kb := prefixOffsets(off)
	var ps *prefixSet
	for _, x := range ci.pres {
		if x.ka == ka && x.kb == kb {
			ps = x
		}
	}
	if ps == nil {
		ps = &prefixSet{ka: ka, kb: kb, lits: map[uint16][]prefixLit{}}
		ci.pres = append(ci.pres, ps)
	}
	key := uint16(lit[off+ka])<<8 | uint16(lit[off+kb])
	cl := int(d.class[lit[off]])
	if ka < 0 {
		d.callBefore[cl<<8|int(lit[off-1])] |= prefixBit
	} else {
		d.callAfter[cl<<8|int(lit[off+1])] |= prefixBit
	}
	ps.bits[key/64] |= 1 << (key % 64)
	ps.lits[key] = append(ps.lits[key], prefixLit{lit: lit, off: off, find: find, b: b})
	// Longer literals first, so that a longer prefix that contains a
	// shorter one is seen first (both are called).
	slices.SortStableFunc(ps.lits[key], func(x, y prefixLit) int { return len(y.lit) - len(x.lit) })
	return nil
}

// sepTwo judges, at a separator t[i] between digits, whether a byte
// detector whose run is two bytes passes its BeforeRun and Edge
// conditions (byteDet.runHolds): bit k of before[t[i-2]] is set when
// detector k's Before class holds the run's first byte, and bit k of
// edge[t[i-3]] when the byte before the run is of its Edge class.
type sepTwo struct {
	before, edge [256]uint8
}

// newSepTwo returns the sepTwo of the detectors run of ci, or nil when
// one of them has a run other than two (or there are none).
func newSepTwo(ci *classInfo, run uint8) *sepTwo {
	if run == 0 {
		return nil
	}
	q := new(sepTwo)
	for m := run; m != 0; m &= m - 1 {
		k := bits.TrailingZeros8(m)
		bd := &ci.dets[k]
		if bd.run != 2 {
			return nil
		}
		for x := range 256 {
			if detect.Is(byte(x), bd.before) {
				q.before[x] |= 1 << k
			}
			if detect.Is(byte(x), bd.edge) {
				q.edge[x] |= 1 << k
			}
		}
	}
	return q
}

// live reports whether some detector of q passes at t[i], i >= 1.
func (q *sepTwo) live(t []byte, i int) bool {
	if i < 2 {
		return false
	}
	ok := q.before[t[i-2]]
	if i > 2 {
		ok &^= q.edge[t[i-3]]
	}
	return ok != 0
}

// betweenDigits returns numSep[c] and numSepRun[c] (see dispatch): the
// union, over every digit before and every digit after a byte of class c,
// of the detectors the tables call there must hold only byte detectors
// with a BeforeRun condition.
func (d *dispatch) betweenDigits(c int) (ok bool, run uint8) {
	if c <= clsTerm || d.assign[c] || d.termAt[c] || d.solo[c] != nil {
		return false, 0
	}
	var call uint8
	for p := byte('0'); p <= '9'; p++ {
		for n := byte('0'); n <= '9'; n++ {
			call |= d.calls(byte(c), p, n) // #nosec G115 -- c < 256, a class index
		}
	}
	if call&^d.cls[c].run != 0 {
		return false, 0 // a literal, or a detector without a run condition
	}
	return true, call
}
