package eu

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// NLBSN finds Dutch citizen service numbers (burgerservicenummer): nine
// digits that pass the eleven test, the first eight weighted 9 down to 2
// minus the ninth being a multiple of 11 (Wet algemene bepalingen
// burgerservicenummer; Rijksdienst voor Identiteitsgegevens, "Logisch
// Ontwerp BSN", the 11-proef). Compact, "1234.56.782", or in three groups
// of three; with the word, also in the 3-2-4 groups of a US SSN, so that
// "BSN 123-45-6782" is a BSN. Nine-digit numbers pass the test one time
// in eleven, so a context word is required.
var NLBSN = &detect.Detector{
	Name: "nl_bsn",
	Types: []detect.Type{{
		Name: "nl_bsn", Family: detect.NationalID, Confidence: confWord, NeedsContext: true,
		Confirm: "9 digits, 11-test (weights 9..2, -1); needs a context word",
	}},
	Source: "Wet algemene bepalingen burgerservicenummer; RvIG, Logisch Ontwerp BSN (11-proef)",
	Context: words(confWord, "bsn", "burgerservicenummer", "burger service nummer", "burgerservice nummer",
		"bsn-nummer", "sofinummer", "sofi-nummer", "sofi nummer", "citizen service number", "dutch bsn"),
	Digits: &detect.OnDigits{
		Compact: 1 << 9, OnCompact: bsnCompact,
		GroupFirst: 1<<3 | 1<<4, OnGrouped: bsnGrouped,
	},
	Examples: []detect.Example{
		{Text: "BSN 123456782", Span: "123456782", Valid: true},
		{Text: "burgerservicenummer: 1234.56.782", Span: "1234.56.782", Valid: true},
		{Text: "BSN 111 222 333", Span: "111 222 333", Valid: true},
		{Text: "BSN 123-45-6782", Span: "123-45-6782", Valid: true},
		{Text: "ref 123456782"},
		{Text: "BSN 123456789"},
		{Text: "BSN 12345678"},
	},
}

// bsnCompact handles nine bare digits.
func bsnCompact(s *detect.Scan, i, j int) {
	needWord(s, i, j, validate.DutchBSN(s.T[i:j]))
}

// bsnGrouped handles 3-3-3 (' ', '.' or '-'), 4-2-3 ('.') and 3-2-4 ('-'
// or ' ') groups.
func bsnGrouped(s *detect.Scan, g *detect.Groups) {
	t := s.T
	if g.N < 3 || g.Digits(3) != 9 || !detect.NumRight(t, g.E[2]) || g.N > 3 && g.Sep[2] == g.Sep[1] {
		return
	}
	var ok bool
	switch {
	case g.Shape(3, 3, 3):
		ok = g.SameSep(3, " .-") != 0
	case g.Shape(4, 2, 3):
		ok = g.SameSep(3, ".") != 0
	case g.Shape(3, 2, 4):
		ok = g.SameSep(3, "- ") != 0
	}
	if !ok {
		return
	}
	var buf [40]byte
	needWord(s, g.S[0], g.E[2], validate.DutchBSN(g.Concat(t, 3, &buf)))
}
