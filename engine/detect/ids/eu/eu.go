// Package eu holds the detectors of European national identifiers: tax,
// identity, social security and company numbers of EU and EEA member
// states and Switzerland, and the EU VAT identification number. Each
// detector follows the issuing authority's published format and check,
// cited in its doc comment.
//
// Confidence follows engine/detect's scale: a value confirmed by its
// check and a context word naming its type scores confWord; a value
// confirmed by its check alone scores confCheck, and only types whose
// shape is distinctive enough (a letter in a fixed place, a date and a
// sign character) are reported without a word; a value with the shape
// only (passports, identity cards, driving licences) needs a word and
// scores confShape. A value with the shape of a type and a word naming it
// that fails the type's check is vetoed (detect.Scan.Veto), so that it
// does not fall through to a weaker type such as a phone number. A veto
// matters only when another detector reports the span, and a context
// look-up costs more than the rest of a detector's work, so a value is
// vetoed only when a candidate of another detector already overlaps it
// from the same anchor (the detectors of a digit run are called in
// registry order, and the contract's types, phone and ssn among them,
// come first), and, for the common forms, only when its structure (a
// date, a prefix) holds and its check alone fails.
package eu

import "github.com/datafog/datafog-api/engine/detect"

// Confidence levels.
const (
	// confWord: confirmed by a check and a context word. It is above the
	// 0.99 of a card number or IBAN, confirmed without a word, so that a
	// number labelled as this type ("SIRET 36090015338261", also a valid
	// Diners Club number) is reported as this type.
	confWord = 0.995
	// confCheck: confirmed by a check, no context word.
	confCheck = 0.9
	// confDate: a birth date and a context word, but no check digit (a
	// Danish CPR number issued without the modulus 11 check).
	confDate = 0.8
	// confShape: the shape only, with a context word.
	confShape = 0.7
)

// words returns the context words texts, each giving conf.
func words(conf float64, texts ...string) []detect.Word {
	ws := make([]detect.Word, len(texts))
	for k, t := range texts {
		ws[k] = detect.Word{Text: t, Conf: conf}
	}
	return ws
}

// needWord handles t[b:e], which has the shape of the current detector's
// first type and needs a context word: with a word before it, a valid
// value is reported at the word's confidence and an invalid one vetoed
// (see vetoIfWord).
func needWord(s *detect.Scan, b, e int, valid bool) {
	if !valid && !contested(s, b, e) {
		return
	}
	c := s.Context(b)
	switch {
	case c == 0:
	case valid:
		s.Add(0, b, e, c, true)
	default:
		s.Veto(b, e, c)
	}
}

// checked reports t[b:e] as type k, confirmed by its check: at confCheck,
// or at a context word's confidence when one stands before it.
func checked(s *detect.Scan, k, b, e int) {
	conf := confCheck
	if c := s.Context(b); c > conf {
		conf = c
	}
	s.Add(k, b, e, conf, true)
}

// vetoIfWord vetoes t[b:e], which has the shape of the current detector's
// type but fails its check, when a context word names the type and
// another detector has reported a candidate that overlaps it from the
// same anchor.
func vetoIfWord(s *detect.Scan, b, e int) {
	if !contested(s, b, e) {
		return
	}
	if c := s.Context(b); c > 0 {
		s.Veto(b, e, c)
	}
}

// contested reports whether a shown candidate from the current anchor
// overlaps t[b:e]. A detector's candidates are appended as it runs, so
// those of the current anchor are the last ones.
func contested(s *detect.Scan, b, e int) bool {
	lo, hi, at := s.Base+int64(b), s.Base+int64(e), s.Base+int64(s.Anchor())
	for k := len(s.Cands) - 1; k >= 0; k-- {
		c := &s.Cands[k]
		if c.Anchor != at {
			return false
		}
		if !c.Hidden && c.Start < hi && c.End > lo {
			return true
		}
	}
	return false
}

// shapeWord reports t[b:e], which has the shape of type k but no check,
// when a context word stands before it.
func shapeWord(s *detect.Scan, k, b, e int) {
	if c := s.Context(b); c > 0 {
		s.Add(k, b, e, c, false)
	}
}

// isUpper2 reports whether t[i] and t[i+1] are upper-case ASCII letters.
func isUpper2(t []byte, i int) bool {
	return i >= 0 && i+1 < len(t) && detect.IsUpper(t[i]) && detect.IsUpper(t[i+1])
}

// letterEnd reports whether t[i] is an upper-case letter that ends a
// candidate (no word byte after it).
func letterEnd(t []byte, i int) bool {
	return i < len(t) && detect.IsUpper(t[i]) && detect.FreeRight(t, i+1)
}

// digitsAt reports whether t[i:i+n] are n ASCII digits.
func digitsAt(t []byte, i, n int) bool {
	if i < 0 || i+n > len(t) {
		return false
	}
	for _, c := range t[i : i+n] {
		if !detect.IsDigit(c) {
			return false
		}
	}
	return true
}

// pair reports whether the groups g start with a run of a digits, the
// separator sep and a run of b digits that ends the number (no further
// group joined by the same separator), and returns the end of the second
// run.
func pair(t []byte, g *detect.Groups, a int, sep byte, b int) (int, bool) {
	if g.N < 2 || g.Len(0) != a || g.Sep[0] != sep || g.Len(1) != b || !detect.NumRight(t, g.E[1]) ||
		g.N > 2 && g.Sep[1] == sep {
		return 0, false
	}
	return g.E[1], true
}

// twoDigits returns the number t[i:i+2] (two ASCII digits).
func twoDigits(t []byte, i int) int { return int(t[i]-'0')*10 + int(t[i+1]-'0') }
