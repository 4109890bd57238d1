package us

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// ITIN finds US Individual Taxpayer Identification Numbers: nine digits
// 9XX-XX-XXXX whose fourth and fifth digits are in a range the IRS
// assigns (50-65, 70-88, 90-92, 94-99; IRS, "Individual Taxpayer
// Identification Number (ITIN)", and IRM 3.21.263), written with dashes,
// spaces or compact. There is no check digit, so a context word is
// required; a number that a context word names as an ITIN but that breaks
// the IRS's ranges is vetoed.
var ITIN = &detect.Detector{
	Name: "us_itin",
	Types: []detect.Type{{
		Name: "us_itin", Family: detect.NationalID, Confidence: 0.9, NeedsContext: true,
		Confirm: "9XX-XX-XXXX with the group in the IRS ranges 50-65, 70-88, 90-92, 94-99; needs a context word",
	}},
	Source: "IRS, Individual Taxpayer Identification Number (ITIN); IRM 3.21.263 (ITIN format)",
	Context: []detect.Word{
		{Text: "itin", Conf: 0.95}, {Text: "individual taxpayer", Conf: 0.95},
		{Text: "taxpayer identification", Conf: 0.85}, {Text: "tax id", Conf: 0.8},
	},
	Digits: &detect.OnDigits{
		Compact: 1 << 9, OnCompact: itinCompact,
		GroupFirst: 1 << 3, GroupSecond: 1 << 2, OnGrouped: itinGrouped,
	},
	Examples: []detect.Example{
		{Text: "ITIN 912-70-1234 on file", Span: "912-70-1234", Valid: true},
		{Text: "itin: 999 94 0001", Span: "999 94 0001", Valid: true},
		{Text: "Individual Taxpayer ID 900701234", Span: "900701234", Valid: true},
		{Text: "ITIN 912-45-1234"},  // group 45 is not an ITIN range
		{Text: "ITIN 912-93-1234"},  // nor is 93
		{Text: "ITIN 812-70-1234"},  // an ITIN starts with 9
		{Text: "order 912-70-1234"}, // no context word
	},
}

// itinCompact handles nine bare digits.
func itinCompact(s *detect.Scan, i, j int) {
	d := s.T[i:j]
	if d[0] == '9' {
		itin(s, i, j, d[0:3], d[3:5], d[5:9])
	}
}

// itinGrouped handles 3-2-4 groups joined by one '-' or ' ' throughout.
func itinGrouped(s *detect.Scan, g *detect.Groups) {
	t := s.T
	if t[g.S[0]] != '9' || g.N < 3 || !g.Shape(3, 2, 4) || !detect.NumRight(t, g.E[2]) || g.SameSep(3, "- ") == 0 {
		return
	}
	itin(s, g.S[0], g.E[2], t[g.S[0]:g.E[0]], t[g.S[1]:g.E[1]], t[g.S[2]:g.E[2]])
}

// itin reports t[b:e], an ITIN-shaped number, when a context word names
// it: as an ITIN when the group is in the IRS's ranges, else as a veto.
func itin(s *detect.Scan, b, e int, area, group, serial []byte) {
	c := s.Context(b)
	if c == 0 {
		return
	}
	if validate.ITIN(area, group, serial) {
		s.Add(0, b, e, c, true)
	} else {
		s.Veto(b, e, c)
	}
}
