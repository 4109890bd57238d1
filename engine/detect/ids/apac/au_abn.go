package apac

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// AUABN finds Australian Business Numbers (Australian Business Register,
// "Format of the ABN"; A New Tax System (Australian Business Number) Act
// 1999): eleven digits; subtract 1 from the first, weight them 10, 1, 3,
// 5, 7, 9, 11, 13, 15, 17, 19, and the sum is a multiple of 89. Written
// 2-3-3-3 with spaces, as the register shows it, a valid number stands
// alone; eleven bare digits need a context word.
var AUABN = &detect.Detector{
	Name: "au_abn",
	Types: []detect.Type{{
		Name: "au_abn", Family: detect.NationalID, Confidence: abnAlone,
		Confirm: "11 digits, first digit minus 1, weights 10,1,3,...,19, mod 89; bare digits need a context word",
	}},
	Source: "Australian Business Register, Format of the ABN (mod 89 check)",
	Context: []detect.Word{
		{Text: "ABN", Conf: confWord}, {Text: "Australian business number", Conf: confWord},
	},
	Digits: &detect.OnDigits{
		Compact: 1 << 11, OnCompact: abnCompact,
		GroupFirst: 1 << 2, GroupSecond: 1 << 3, OnGrouped: abnGrouped,
	},
	Examples: []detect.Example{
		{Text: "ABN 51 824 753 556", Span: "51 824 753 556", Valid: true},
		{Text: "Acme Pty Ltd 53 004 085 616 invoice", Span: "53 004 085 616", Valid: true},
		{Text: "ABN: 51824753556", Span: "51824753556", Valid: true},
		{Text: "ABN 51 824 753 557"},
		{Text: "ref 51824753556"},
	},
}

// abnAlone is the confidence of a grouped ABN without a context word:
// the low end of the checksum band, so that an eleven-digit number
// another type's context word names (a Steuer-ID written 2-3-3-3) is
// not taken for an ABN on the checksum alone.
const abnAlone = 0.85

// abnCompact handles eleven bare digits.
func abnCompact(s *detect.Scan, i, j int) {
	if validate.AUABN(s.T[i:j]) {
		if c := s.Context(i); c > 0 {
			s.Add(0, i, j, c, true)
		}
	}
}

// abnGrouped handles 2-3-3-3 joined by spaces.
func abnGrouped(s *detect.Scan, g *detect.Groups) {
	t := s.T
	if g.N < 4 || g.Len(1) != 3 || g.Len(2) != 3 || g.Len(3) != 3 || g.SameSep(4, " ") == 0 || !groupsAlone(t, g, 4) {
		return
	}
	var buf [40]byte
	b, e := g.S[0], g.E[3]
	c := s.Context(b)
	switch {
	case validate.AUABN(g.Concat(t, 4, &buf)):
		s.Add(0, b, e, max(c, abnAlone), true)
	case c > 0:
		s.Veto(b, e, confVeto)
	}
}
