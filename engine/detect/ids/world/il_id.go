package world

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// ILID finds Israeli identity numbers (מספר זהות, Teudat Zehut;
// Population and Immigration Authority, Population Registry Law 1965):
// nine digits, the last a check digit (the digits weighted 1, 2, 1, 2...
// with the digits of each product added sum to a multiple of 10),
// compact or with the check digit after a dash. One number in ten
// passes, so a context word is required.
var ILID = &detect.Detector{
	Name: "il_id",
	Types: []detect.Type{{
		Name: "il_id", Family: detect.NationalID, Confidence: confWord, NeedsContext: true,
		Confirm: "9 digits, Luhn-like check digit (weights 1,2,1,2...); needs a context word",
	}},
	Source: "Population and Immigration Authority (Israel), identity number (Population Registry Law 1965); check digit",
	Context: []detect.Word{
		{Text: "תעודת זהות", Conf: confWord}, {Text: "מספר זהות", Conf: confWord}, {Text: "ת.ז.", Conf: confWord},
		{Text: "ת\"ז", Conf: confWord}, {Text: "ת״ז", Conf: confWord}, {Text: "teudat zehut", Conf: confWord},
		{Text: "mispar zehut", Conf: confWord}, {Text: "Israeli ID", Conf: confWord}, {Text: "Israel ID", Conf: confWord},
	},
	Digits: &detect.OnDigits{
		Compact: 1 << 9, OnCompact: ilIDCompact,
		GroupFirst: 1 << 8, GroupSecond: 1 << 1, OnGrouped: ilIDGrouped,
	},
	Examples: []detect.Example{
		{Text: "תעודת זהות 039337423", Span: "039337423", Valid: true},
		{Text: "mispar zehut: 12345678-2", Span: "12345678-2", Valid: true},
		{Text: "תעודת זהות 039337424"},
		{Text: "ref 039337423"},
	},
}

// ilIDCompact handles nine bare digits.
func ilIDCompact(s *detect.Scan, i, j int) {
	if validate.ILID(s.T[i:j]) {
		if c := s.Context(i); c > 0 {
			s.Add(0, i, j, c, true)
		}
	}
}

// ilIDGrouped handles eight digits, a dash and the check digit.
func ilIDGrouped(s *detect.Scan, g *detect.Groups) {
	t := s.T
	if g.N < 2 || g.Len(1) != 1 || g.Sep[0] != '-' || !groupsAlone(t, g, 2) {
		return
	}
	var buf [40]byte
	if validate.ILID(g.Concat(t, 2, &buf)) {
		if c := s.Context(g.S[0]); c > 0 {
			s.Add(0, g.S[0], g.E[1], c, true)
		}
	}
}
