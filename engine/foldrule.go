package engine

// Which lookalikes fold. Folding is for values: a lookalike attack hides
// a number, an address, a name or a key by writing some of its
// characters as lookalikes, so each lookalike it uses stands next to
// another lookalike, or among the ASCII letters, digits and separators of
// the value it hides. A lookalike is folded when
//
//  1. the character just before or just after it is a lookalike too (a
//     number or word written in fullwidth forms or another script's
//     digits, a run of zero-width characters);
//  2. it is part of a number of at least foldDigits digits, its own
//     included when it is a digit: digits (ASCII or lookalike) joined by
//     at most foldGap separators in a row (ASCII space or punctuation, a
//     lookalike that is punctuation or the ideographic space),
//     formatting characters skipped. A number that stands alone is that
//     long (an IPv4 address has four digits, a date as many); a shorter
//     one is rule 4's. A digit cut off from a number by more than foldGap
//     separators cannot complete it;
//  3. the words around it hold at least foldWord letters and digits
//     (foldWordDigit when it is a digit), its own included: ASCII and
//     lookalike letters and digits, in words joined by the punctuation
//     that tokens hold ('.', '@', '-', '_', '+', ':', '/') or by single
//     spaces, formatting characters skipped; a lookalike that is
//     punctuation first steps over up to foldGap spaces or punctuation
//     characters on each side (an operator between a key and its quoted
//     value). That covers a fullwidth letter in a name, a fullwidth '@'
//     in an address, a fullwidth '=' or ':' after a key, a zero-width
//     space inside a key or after a name, and a lookalike digit inside
//     a key, an IBAN or anything else that mixes letters and digits;
//  4. it is, or stands next to, a number of any length, and one space
//     before or after that number stands a word of at least foldName
//     ASCII letters: a house number before its street, a day beside its
//     month.
//
// Everything else is left as it is: a lookalike with no number or word
// around it hides nothing, because no detector would take the characters
// around it, folded or not. Random bytes hold a lookalike every two
// kilobytes or so (most of them two-byte Arabic-Indic and N'Ko digits),
// and for most of them no rule holds: a digit, the common case, needs
// three more digits close by, a space and three letters, or seven ASCII
// letters and digits around it; any other lookalike two or three. Random
// bytes seldom have those (the binary benchmark corpus: about two
// lookalikes in a megabyte fold, of five hundred). So binary data is
// scanned as it is but for a few short stretches.
//
// What the rule gives up: a value of one or two characters with a
// lookalike in it, next to nothing but punctuation and other non-words
// (a surname such as "Li" written with a fullwidth L, alone), a number
// of three digits or fewer with a lookalike digit and no word beside it
// (the IPv6 address "::1" written with a fullwidth colon or digit), and
// a lookalike letter that follows punctuation at the end of a value
// (the value is reported without it).
//
// The rule reads at most foldContext bytes on each side of the
// lookalike, and nothing beyond the text or stream, so that Scan and the
// Scanner, which sees the text in chunks, decide alike.
const (
	foldContext   = 32
	foldDigits    = 4
	foldGap       = 2
	foldWord      = 3
	foldWordDigit = 8
	foldName      = 3
)

// Classes of the characters around a lookalike, beside the lookalike
// kinds (lk*, which are greater).
const (
	chOther  uint8 = 0x10 + iota // the edge of the context, a control byte, invalid UTF-8, a character that does not fold
	chSpace                      // an ASCII space
	chPunct                      // ASCII punctuation or a symbol
	chJoin                       // ASCII punctuation that tokens hold: . @ - _ + : /
	chDigit                      // an ASCII digit
	chLetter                     // an ASCII letter
)

// asciiClass is the class of each ASCII byte.
var asciiClass = func() (t [128]uint8) {
	for c := range t {
		switch {
		case c >= '0' && c <= '9':
			t[c] = chDigit
		case c|0x20 >= 'a' && c|0x20 <= 'z':
			t[c] = chLetter
		case c == ' ':
			t[c] = chSpace
		case c == '.' || c == '@' || c == '-' || c == '_' || c == '+' || c == ':' || c == '/':
			t[c] = chJoin
		case c > ' ' && c < 0x7F:
			t[c] = chPunct
		default:
			t[c] = chOther
		}
	}
	return t
}()

// isLookalike reports whether the class c is a lookalike kind.
func isLookalike(c uint8) bool { return c != lkNone && c < chOther }

// mayFold reports whether b[i] and the byte after it can start a
// lookalike: the cheap, inlined test that turns away most bytes before
// foldsAt.
func mayFold(b []byte, i int) bool {
	return i+1 < len(b) && foldPairs[b[i]&63]>>(b[i+1]&63)&1 != 0
}

// foldsAt reports whether a lookalike that folds in the text b starts at
// b[i].
func foldsAt(b []byte, i int) bool {
	n, _, k := lookalikeAt(b, i)
	return k != lkNone && foldHere(b, i, n, k)
}

// foldHere reports whether the lookalike b[i:i+n] of kind k folds (the
// rule above), reading b[i-foldContext : i+n+foldContext] at most.
func foldHere(b []byte, i, n int, k uint8) bool {
	lo, hi := max(0, i-foldContext), min(len(b), i+n+foldContext)
	if before, _ := classBefore(b, lo, i); isLookalike(before) {
		return true
	}
	if after, _ := classAt(b, i+n, hi); isLookalike(after) {
		return true
	}
	switch k {
	case lkDigit:
		return digitsAround(b, lo, i, i+n, hi, 1, 0) >= foldDigits || wordBeside(b, lo, i, i+n, hi, true) ||
			tokenAround(b, lo, i, i+n, hi, 1, foldWordDigit, 0) >= foldWordDigit
	case lkLetter:
		return tokenAround(b, lo, i, i+n, hi, 1, foldWord, 0) >= foldWord
	case lkPunct, lkJoin:
		return digitsAround(b, lo, i, i+n, hi, 0, 1) >= foldDigits || wordBeside(b, lo, i, i+n, hi, false) ||
			tokenAround(b, lo, i, i+n, hi, 0, foldWord, foldGap) >= foldWord
	}
	return digitsAround(b, lo, i, i+n, hi, 0, 0) >= foldDigits || wordBeside(b, lo, i, i+n, hi, false) ||
		tokenAround(b, lo, i, i+n, hi, 0, foldWord, foldGap) >= foldWord
}

// classBefore returns the class of the character that ends at b[i] and
// where it starts, reading b[lo:i] only.
func classBefore(b []byte, lo, i int) (class uint8, start int) {
	if i <= lo {
		return chOther, i
	}
	if c := b[i-1]; c < 0x80 {
		return asciiClass[c], i - 1
	}
	for j := i - 1; j >= max(lo, i-4); j-- {
		if c := b[j]; c >= 0xC0 {
			if n, _, k := lookalikeAt(b[:i], j); j+n == i && k != lkNone {
				return k, j
			}
			break
		} else if c < 0x80 {
			break
		}
	}
	return chOther, i - 1
}

// classAt returns the class of the character that starts at b[i] and
// its length, reading b[i:hi] only.
func classAt(b []byte, i, hi int) (class uint8, n int) {
	if i >= hi {
		return chOther, 0
	}
	if c := b[i]; c < 0x80 {
		return asciiClass[c], 1
	}
	if n, _, k := lookalikeAt(b[:hi], i); k != lkNone {
		return k, n
	}
	return chOther, 1
}

// digitsAround counts the digits of the number around the lookalike
// b[i:j], reading b[lo:hi] only, from count (1 when the lookalike is a
// digit) and with gap separators already in a row (1 when it is
// punctuation, which separates); it stops counting at foldDigits.
func digitsAround(b []byte, lo, i, j, hi, count, gap int) int {
	gap0 := gap
	for p := i; count < foldDigits; {
		c, s := classBefore(b, lo, p)
		if !numberStep(c, &count, &gap) {
			break
		}
		p = s
	}
	gap = gap0
	for p := j; count < foldDigits; {
		c, n := classAt(b, p, hi)
		if !numberStep(c, &count, &gap) {
			break
		}
		p += n
	}
	return count
}

// numberStep takes a character of class c while walking a number away
// from a lookalike digit: a digit counts, a formatting character is
// skipped, up to foldGap separators in a row are stepped over. It reports
// whether the walk goes on.
func numberStep(c uint8, count, gap *int) bool {
	switch c {
	case chDigit, lkDigit:
		*count++
		*gap = 0
	case lkDrop:
	case chSpace, chPunct, chJoin, lkPunct, lkJoin:
		if *gap++; *gap > foldGap {
			return false
		}
	default:
		return false
	}
	return true
}

// tokenAround counts the letters and digits of the words around the
// lookalike b[i:j], starting from self (1 when the lookalike is a letter
// or digit itself), reading b[lo:hi] only: on each side, it first steps
// over up to skip spaces and punctuation characters (the spaces and
// quotes around an operator), then over letters, digits, joiners,
// formatting characters and single spaces. It stops counting at need.
func tokenAround(b []byte, lo, i, j, hi, self, need, skip int) int {
	count := self
	for p, skipped, sp := i, 0, 0; count < need; {
		c, s := classBefore(b, lo, p)
		if skipped < skip && (c == chSpace || c == chPunct) {
			skipped++
		} else if skipped = skip; !tokenStep(c, &count, &sp) {
			break
		}
		p = s
	}
	for p, skipped, sp := j, 0, 0; count < need; {
		c, n := classAt(b, p, hi)
		if skipped < skip && (c == chSpace || c == chPunct) {
			skipped++
		} else if skipped = skip; !tokenStep(c, &count, &sp) {
			break
		}
		p += n
	}
	return count
}

// tokenStep takes a character of class c while walking the words around
// a lookalike: a letter or digit counts, a joiner or a formatting
// character is stepped over, and so is a single space (sp counts the
// spaces in a row). It reports whether the walk goes on.
func tokenStep(c uint8, count, sp *int) bool {
	switch c {
	case chDigit, chLetter, lkDigit, lkLetter:
		*count++
		*sp = 0
	case chJoin, lkJoin, lkDrop:
	case chSpace:
		if *sp != 0 {
			return false
		}
		*sp = 1
	default:
		return false
	}
	return true
}

// wordBeside reports whether the lookalike b[i:j] is a digit (digits)
// or stands next to one, and one space before or after the number they
// make a word of at least foldName ASCII letters stands, reading b[lo:hi]
// only.
func wordBeside(b []byte, lo, i, j, hi int, digits bool) bool {
	for {
		c, s := classBefore(b, lo, i)
		if c != chDigit && c != lkDigit {
			break
		}
		i, digits = s, true
	}
	for {
		c, n := classAt(b, j, hi)
		if c != chDigit && c != lkDigit {
			break
		}
		j, digits = j+n, true
	}
	if !digits {
		return false
	}
	if i-lo > foldName && b[i-1] == ' ' && letters(b[i-1-foldName:i-1]) {
		return true
	}
	return hi-j > foldName && b[j] == ' ' && letters(b[j+1:j+1+foldName])
}

// letters reports whether w is all ASCII letters.
func letters(w []byte) bool {
	for _, c := range w {
		if c|0x20 < 'a' || c|0x20 > 'z' {
			return false
		}
	}
	return true
}
