package de

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// LANR finds lifelong physician numbers (Lebenslange Arztnummer; KBV,
// "Richtlinie der KBV nach §75 Abs. 7 SGB V zur Vergabe der Arzt-,
// Betriebsstätten- sowie der Praxisnetznummern"): nine digits, the
// doctor's six-digit number, a check digit (the first six weighted
// 4 9 4 9 4 9, ten minus the sum modulo 10) and the two-digit specialty
// group. One number in ten passes, so a context word is required; a
// number it names that fails is vetoed.
var LANR = &detect.Detector{
	Name: "de_lanr",
	Types: []detect.Type{{
		Name: "de_lanr", Family: detect.NationalID, Confidence: 0.9, NeedsContext: true,
		Confirm: "9 digits with the KBV check digit in position 7 (weights 4 9 4 9 4 9); needs a context word",
	}},
	Source: "KBV, Richtlinie nach §75 Abs. 7 SGB V zur Vergabe der Arzt-, Betriebsstätten- sowie der Praxisnetznummern (LANR, Prüfziffer)",
	Context: []detect.Word{
		{Text: "lanr", Conf: 0.9}, {Text: "arztnummer", Conf: 0.9}, {Text: "lebenslange arztnummer", Conf: 0.9},
		{Text: "arzt-nr", Conf: 0.9},
	},
	Digits: &detect.OnDigits{Compact: 1 << 9, OnCompact: findLANR},
	Examples: []detect.Example{
		{Text: "LANR 123456601", Span: "123456601", Valid: true},
		{Text: "Arztnummer: 987654450", Span: "987654450", Valid: true},
		{Text: "LANR 123456701"},    // check digit
		{Text: "LANR 12345660"},     // eight digits
		{Text: "Auftrag 123456601"}, // no context word
	},
}

// findLANR handles nine bare digits.
func findLANR(s *detect.Scan, i, j int) {
	c := s.Context(i)
	if c == 0 {
		return
	}
	if validate.DELANR(s.T[i:j]) {
		s.Add(0, i, j, c, true)
	} else {
		s.Veto(i, j, c)
	}
}
