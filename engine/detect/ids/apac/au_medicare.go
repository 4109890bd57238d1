package apac

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// AUMedicare finds Australian Medicare card numbers (Services Australia,
// Medicare card number format): ten digits written 4-5-1, the first 2-6,
// the ninth a check digit (the first eight weighted 1, 3, 7, 9, 1, 3, 7,
// 9, modulo 10) and the tenth the card's issue number; an eleventh digit,
// the individual reference number (1-9), may follow. One number in ten
// passes, so a context word is required.
var AUMedicare = &detect.Detector{
	Name: "au_medicare",
	Types: []detect.Type{{
		Name: "au_medicare", Family: detect.NationalID, Confidence: confWord, NeedsContext: true,
		Confirm: "10 digits (4-5-1), first 2-6, check digit in position 9 (weights 1,3,7,9), issue number; needs a context word",
	}},
	Source: "Services Australia, Medicare card number (check digit weights 1,3,7,9,1,3,7,9)",
	Context: []detect.Word{
		{Text: "medicare", Conf: confWord}, {Text: "medicare number", Conf: confWord}, {Text: "medicare card", Conf: confWord},
	},
	Digits: &detect.OnDigits{
		Compact: 1<<10 | 1<<11, OnCompact: medicareCompact,
		GroupFirst: 1 << 4, GroupSecond: 1 << 5, OnGrouped: medicareGrouped,
	},
	Examples: []detect.Example{
		{Text: "Medicare 2123 45670 1", Span: "2123 45670 1", Valid: true},
		{Text: "medicare number: 2123456701", Span: "2123456701", Valid: true},
		{Text: "medicare card 21234567012", Span: "21234567012", Valid: true},
		{Text: "Medicare 2123 45671 1"},
		{Text: "ref 2123 45670 1"},
	},
}

// medicareCompact handles ten bare digits, or eleven with the individual
// reference number.
func medicareCompact(s *detect.Scan, i, j int) {
	d := s.T[i:j]
	if len(d) == 11 && d[10] == '0' {
		return
	}
	if validate.AUMedicare(d[:10]) {
		if c := s.Context(i); c > 0 {
			s.Add(0, i, j, c, true)
		}
	}
}

// medicareGrouped handles 4-5-1 joined by spaces or dashes.
func medicareGrouped(s *detect.Scan, g *detect.Groups) {
	t := s.T
	if g.N < 3 || g.Len(1) != 5 || g.Len(2) != 1 || g.SameSep(3, " -") == 0 || !groupsAlone(t, g, 3) {
		return
	}
	var buf [40]byte
	b, e := g.S[0], g.E[2]
	if validate.AUMedicare(g.Concat(t, 3, &buf)) {
		if c := s.Context(b); c > 0 {
			s.Add(0, b, e, c, true)
		}
	}
}
