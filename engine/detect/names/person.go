package names

import (
	"github.com/datafog/datafog-api/engine/automaton"
	"github.com/datafog/datafog-api/engine/detect"
)

// Person finds people's names by gazetteer and evidence, not by a
// statistical model. The gazetteers (data/DATA.md) are the US Social
// Security Administration's national given-name counts (1880-2024), the
// US Census Bureau's 1990 surname list, faker-js's person names for 41
// Latin-script locales (Europe, Latin America, India, Africa, Vietnam,
// Indonesia, Turkey) and its Chinese names romanized in Hanyu Pinyin.
//
// A word of a list is only a candidate; what makes a finding is the
// evidence around it (see score): a given name followed by a surname, an
// initial before a surname, a title (Mr, Dr, Frau, Mme, Sra, Dott, ...),
// a greeting or header ("Dear", "From:", "Signed by"), or a name key
// (key.go). A lone capitalised list word scores 0.3, below the default
// minimum. The span is the whole name (particles, hyphenated parts,
// initials and "Jr." included) and never the title.
//
// The trigger is one case-sensitive automaton of the first K bytes of
// every name's Title-case and upper-case forms (table.go), so a scan
// stops only at capitalised words; the whole word is then looked up in
// the embedded word table.
var Person = &detect.Detector{
	Name: "person",
	Types: []detect.Type{{
		Name: "person", Family: detect.Personal, Confidence: 0.85,
		Confirm: "given-name and surname gazetteers, confirmed by a second name, an initial, a title, a greeting or header, or a name key",
	}},
	Source: "US SSA national baby names 1880-2024; US Census Bureau 1990 surnames; faker-js 10.6.0 person names (41 locales, MIT); " +
		"pinyin-pro 3.29.4 romanization of faker-js zh_CN/zh_TW names; SCOWL size-35 common words (see engine/detect/names/data/DATA.md)",
	Terms: &detect.OnTerms{Automaton: triggers, Find: findTerm, WordStart: true},
	Keys:  &detect.OnKey{Words: keyWords, MinValue: 1, Find: findKey},
	Examples: []detect.Example{
		{Text: "Please ask Maria Garcia to sign.", Span: "Maria Garcia", Valid: true},
		{Text: "Dr. Maria del Carmen García-López will call.", Span: "Maria del Carmen García-López", Valid: true},
		{Text: "Dear Anna, thanks for the update.", Span: "Anna", Valid: true},
		{Text: "Mr Smith approved it.", Span: "Smith", Valid: true},
		{Text: "NAME: JOHN SMITH", Span: "JOHN SMITH", Valid: true},
		{Text: `{"first_name": "Priya", "id": 7}`, Span: "Priya", Valid: true},
		{Text: "Smith approved it."},
		{Text: "Calvin Klein Company shipped 40 units."},
		{Text: "ERROR WARN INFO GET POST 404 Not Found"},
		{Text: "We met in May Johnson had left."},
		{Text: "The Rose Garden opens in June."},
	},
}

// reportFloor is the least confidence reported at all: a bare list word
// (0.3) and two common words that are also names (0.3) would otherwise
// flood a scan at min_confidence 0 with every capitalised word.
const reportFloor = 0.4

// triggers returns the trigger automaton (loaded once per process).
func triggers() (*automaton.Automaton, error) {
	tb, err := Load()
	if err != nil {
		return nil, err
	}
	return tb.aut, nil
}

// findTerm handles a trigger prefix t[m.Start:m.End]: a capitalised word
// that starts as a name or a title does.
func findTerm(s *detect.Scan, m automaton.Match) {
	t := s.T
	a, me := int(m.Start), int(m.End)
	if me-a < K && !(me-a == KUpper && isUpperASCII(t[a+1])) && t[me-1] < 0xC0 && me < len(t) && asciiCase[t[me]]&3 != 0 && t[me] != '\'' {
		return // a prefix of a longer word that is not its trigger prefix
	}
	if a > 0 && (t[a-1] < 0x80 && gluedBefore[t[a-1]] || t[a-1] >= 0x80 && !freeBefore(t, a)) {
		return // glued to a word or an identifier (freeBefore)
	}
	w, h, fast := asciiWord(t, a)
	if !fast {
		w = scanWord(t, a)
	}
	if w.shape != shapeTitle && w.shape != shapeUpper || me > w.e+1 {
		return // not a name's spelling, or a short name's pattern across words
	}
	tb := loaded.Load()
	if tb == nil {
		if tb = table(); tb == nil {
			return
		}
	}
	var info uint32
	var ok bool
	if fast {
		if !tb.mayTrigger(h) {
			return // no name, title or greeting (the filter has no false negatives)
		}
		info, ok = tb.findHashed(t[w.s:w.e], h, true) // letters only: wordTrigger's apostrophe case cannot arise
	} else {
		info, ok = tb.wordTrigger(t, w)
	}
	if !ok {
		return // no name, title or greeting that starts a chain
	}
	var i int
	switch {
	case info&(bitTitle|bitGreeting) != 0 && (!isName(info) || w.e < len(t) && t[w.e] == '.'):
		// A title or a greeting: the name starts at the next word.
		e := w.e
		if e < len(t) && t[e] == '.' {
			e++
		}
		if e+1 >= len(t) || t[e] != ' ' {
			return
		}
		i = e + 1
		if nw, nh, hashed := scanWordHash(t, i); nw.shape != shapeNone {
			if ni := tb.infoOf(t, nw, nh, hashed); ni&bitTitle != 0 && !isName(ni) {
				return // "Prof. Dr. Hans": the second title starts the name
			}
		}
	case isName(info) && (info&bitCommon == 0 || given(info) != 0 || info&cueBits != 0):
		// A common word that is only a surname ("During", "Garden")
		// makes a name only with another name or a title, which trigger
		// the same chain themselves.
		i = tb.chainStart(t, a)
	default:
		return
	}
	tb.report(s, i)
}

// report builds the chain at T[i], weighs its evidence and adds it.
func (tb *Table) report(s *detect.Scan, i int) {
	t := s.T
	var c chain
	tb.build(&c, t, i)
	if c.n == 0 || c.names() == 0 {
		return
	}
	ev := tb.before(t, c.toks[0].s)
	conf := tb.score(t, &c, ev)
	if conf < reportFloor {
		return
	}
	st, en := c.span()
	s.Add(0, st, en, conf, false)
}

// isUpperASCII reports whether c is an ASCII capital.
func isUpperASCII(c byte) bool { return c-'A' < 26 }
