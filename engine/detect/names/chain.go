package names

// A chain is the run of words that may form one name: name words
// (Title or upper case, hyphenated parts joined), initials, lower-case
// particles between them and a generational suffix, separated by single
// spaces. Every trigger inside a chain walks back to the same start and
// builds the same chain, so the candidate does not depend on which word
// of the name the automaton stopped at.

// Token kinds.
const (
	kindName = iota
	kindInitial
	kindParticle
	kindSuffix
)

// maxTokens bounds a chain; maxBack bounds the walk back to its start
// (a candidate starts within detect.AnchorSpan of its trigger).
const (
	maxTokens = 7
	maxBack   = 72
)

// tok is one token of a chain.
type tok struct {
	s, e  int
	info  uint32
	kind  int
	shape int
	known bool
}

// chain is a candidate name t[start:end] and its tokens.
type chain struct {
	toks  [maxTokens]tok
	n     int
	org   bool // a company or place word follows
	comma bool // "SURNAME, Given" form
}

// isName reports whether info makes a word a name by itself.
func isName(info uint32) bool {
	return info&(tierMask<<givenShift|tierMask<<surnameShift) != 0 && info&bitNonName == 0
}

// given returns the word's given-name tier (0: none).
func given(info uint32) uint32 { return info >> givenShift & tierMask }

// surname returns the word's surname tier (0: none).
func surname(info uint32) uint32 { return info >> surnameShift & tierMask }

// wordInfo looks the word t[w.s:w.e] up; a word with an apostrophe after
// an Irish or French prefix ("O'Brien", "D’Angelo") is also looked up
// without it, as the Census lists spell it.
func (tb *Table) wordInfo(t []byte, w word) (uint32, bool) {
	if info, ok := tb.lookup(t[w.s:w.e]); ok {
		return info, true
	}
	if w.e-w.s < 4 {
		return 0, false
	}
	if a := apostrophe(t, w.s+1); a > 0 && w.e-w.s > a+2 && t[w.s+1+a]-'A' < 26 {
		switch t[w.s] {
		case 'O', 'D', 'N', 'L':
			return tb.lookupJoin(t[w.s:w.s+1], 0, t[w.s+1+a:w.e])
		}
	}
	return 0, false
}

// scanWordHash is scanWord, and the word's wordHash when hashed: the
// common Title-case and upper-case ASCII words are read and hashed
// eight bytes at a time (asciiWord).
func scanWordHash(t []byte, i int) (w word, h uint64, hashed bool) {
	if w, h, ok := asciiWord(t, i); ok {
		return w, h, w.e-w.s >= 2
	}
	return scanWord(t, i), 0, false
}

// infoOf is wordInfo of the word w that scanWordHash read.
func (tb *Table) infoOf(t []byte, w word, h uint64, hashed bool) uint32 {
	if hashed {
		// Letters only, so wordInfo's apostrophe case cannot arise.
		info, _ := tb.findHashed(t[w.s:w.e], h, false)
		return info
	}
	info, _ := tb.wordInfo(t, w)
	return info
}

// wordTrigger is wordInfo for findTerm: it reports only the words
// findTerm acts on (triggerInfo); the others cost what a word the table
// lacks costs.
func (tb *Table) wordTrigger(t []byte, w word) (uint32, bool) {
	if w.e-w.s >= 4 && apostrophe(t, w.s+1) > 0 {
		info, ok := tb.wordInfo(t, w)
		return info, ok && triggerInfo(info)
	}
	return tb.lookupTrigger(t[w.s:w.e])
}

// freeBefore reports whether a name may start at t[i]: not glued to a
// word, an identifier ("obj.Name"), a path, an email or a variable.
func freeBefore(t []byte, i int) bool {
	if i == 0 {
		return true
	}
	if c := t[i-1]; c < 0x80 {
		return !gluedBefore[c]
	}
	return !letterBefore(t, i)
}

// gluedBefore holds the ASCII bytes that glue a word to what stands
// before it: letters, digits and '_' (letterBefore), and the marks of
// identifiers, paths, emails and variables.
var gluedBefore = func() (g [128]bool) {
	for c := byte(0); c < 128; c++ {
		g[c] = c-'a' < 26 || c-'A' < 26 || c-'0' < 10 || c == '_'
	}
	for _, c := range []byte("@/\\#$%.&*~^`|+") {
		g[c] = true
	}
	return g
}()

// freeAfter reports whether a name may end at t[e].
func freeAfter(t []byte, e int) bool {
	if e >= len(t) {
		return true
	}
	switch c := t[e]; {
	case c-'0' < 10, c == '_', c == '@', c == '(', c == '=', c == '[', c == '{', c == '/', c == '\\', c == '$':
		return false
	case c == '.' && e+1 < len(t):
		n := t[e+1]
		return !(n-'a' < 26 || n-'A' < 26 || n-'0' < 10)
	}
	return true
}

// compound reads the name word at t[i] with its hyphenated parts
// ("García-López", "Jean-Pierre", "al-Hassan" after a name). It returns
// the token, with the info of its first known part (or of the word), and
// false when t[i] holds no Title or upper-case word.
func (tb *Table) compound(t []byte, i int) (tok, bool) {
	k, _, ok := tb.compoundWord(t, i)
	return k, ok
}

// compoundWord is compound that also returns the word scanWord reads at
// t[i], for a caller that wants it when compound fails.
func (tb *Table) compoundWord(t []byte, i int) (tok, word, bool) {
	w, h, hashed := scanWordHash(t, i)
	if w.shape != shapeTitle && w.shape != shapeUpper {
		return tok{}, w, false
	}
	k := tok{s: i, e: w.e, kind: kindName, shape: w.shape}
	k.info = tb.infoOf(t, w, h, hashed)
	k.known = isName(k.info)
	for parts := 1; parts < 4 && k.e+1 < len(t) && t[k.e] == '-'; parts++ {
		p, ph, phashed := scanWordHash(t, k.e+1)
		if p.shape != shapeTitle && p.shape != shapeUpper {
			break
		}
		if !k.known {
			if info := tb.infoOf(t, p, ph, phashed); isName(info) {
				k.info, k.known = info, true
			}
		}
		k.e = p.e
	}
	return k, w, true
}

// prevWord returns the word that ends right before t[e] (letters only),
// and whether there is one of at most 32 bytes.
func prevWord(t []byte, e int) (int, bool) {
	s := e
	for s > 0 && e-s <= 32 {
		c := t[s-1]
		if c < 0x80 {
			if c-'a' < 26 || c-'A' < 26 || c == '\'' {
				s--
				continue
			}
			break
		}
		for s > 0 && t[s-1]&0xC0 == 0x80 && e-s < 32 {
			s--
		}
		if s > 0 && t[s-1] >= 0xC0 {
			s--
			if n, _ := letter(t, s); n > 0 {
				continue
			}
		}
		return 0, false
	}
	return s, s < e && e-s <= 32
}
