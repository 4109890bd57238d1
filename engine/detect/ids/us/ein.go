package us

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// EIN finds US Employer Identification Numbers: nine digits written
// XX-XXXXXXX (26 CFR 301.6109-1) or compact, whose two-digit prefix is one
// the IRS assigns to a campus, the Internet application or the SBA (IRS,
// "How EINs are assigned and valid EIN prefixes"). No check digit: a
// context word is required, and a number it names with an unassigned
// prefix is vetoed.
var EIN = &detect.Detector{
	Name: "us_ein",
	Types: []detect.Type{{
		Name: "us_ein", Family: detect.NationalID, Confidence: 0.9, NeedsContext: true,
		Confirm: "XX-XXXXXXX with a prefix the IRS assigns; needs a context word",
	}},
	Source: "IRS, How EINs are assigned and valid EIN prefixes; 26 CFR 301.6109-1",
	Context: []detect.Word{
		{Text: "ein", Conf: 0.7}, {Text: "fein", Conf: 0.9}, {Text: "employer identification", Conf: 0.9},
		{Text: "employer id", Conf: 0.85}, {Text: "federal tax id", Conf: 0.85}, {Text: "tax id", Conf: 0.75},
	},
	Digits: &detect.OnDigits{
		Compact: 1 << 9, OnCompact: einCompact,
		GroupFirst: 1 << 2, GroupSecond: 1 << 7, OnGrouped: einGrouped,
	},
	Examples: []detect.Example{
		{Text: "EIN 12-3456789", Span: "12-3456789", Valid: true},
		{Text: "Employer Identification Number: 043456789", Span: "043456789", Valid: true},
		{Text: "EIN 07-3456789"},   // 07 is not an assigned prefix
		{Text: "EIN 12-345678"},    // too short
		{Text: "part 12-3456789."}, // no context word
	},
}

// einCompact handles nine bare digits.
func einCompact(s *detect.Scan, i, j int) { ein(s, i, j, s.T[i:j]) }

// einGrouped handles two digits, '-' and seven digits.
func einGrouped(s *detect.Scan, g *detect.Groups) {
	t := s.T
	if g.Sep[0] != '-' || g.Len(1) != 7 || !detect.NumRight(t, g.E[1]) {
		return
	}
	var buf [9]byte
	copy(buf[:2], t[g.S[0]:g.E[0]])
	copy(buf[2:], t[g.S[1]:g.E[1]])
	ein(s, g.S[0], g.E[1], buf[:])
}

// ein reports t[b:e], whose digits are d, when a context word names it.
func ein(s *detect.Scan, b, e int, d []byte) {
	c := s.Context(b)
	if c == 0 {
		return
	}
	if validate.EIN(d) {
		s.Add(0, b, e, c, true)
	} else {
		s.Veto(b, e, c)
	}
}
