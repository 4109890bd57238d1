package de

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// document reports the token t[ts:te] as a German identity document
// number of kind ('I' identity card, 'P' passport) for the current
// detector: nine characters of the document alphabet with the kind's
// first letter, or ten with the ICAO 9303 check digit. With the check
// digit it is confirmed; without, only its shape is, so it scores the
// context word's confidence less 0.1. A ten-character value that a
// context word names but whose check digit fails is vetoed.
func document(s *detect.Scan, ts, te int, kind byte) {
	t := s.T
	v := t[ts:te]
	if !detect.All(v, detect.Upper|detect.Digit) {
		return
	}
	ok := validate.DEDocumentNumber(v, kind)
	shape := ok || len(v) == 10 && validate.DEDocumentNumber(v[:9], kind) && detect.IsDigit(v[9])
	if !shape {
		return
	}
	c := s.Context(ts)
	switch {
	case c == 0:
	case ok && len(v) == 10:
		s.Add(0, ts, te, min(1, c+0.05), true)
	case ok:
		s.Add(0, ts, te, c-0.1, false)
	default:
		s.Veto(ts, te, c)
	}
}
