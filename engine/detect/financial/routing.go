package financial

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// BankRouting finds ABA routing transit numbers: nine digits whose first
// two are a valid Federal Reserve prefix, with the 3-7-1 weighted check
// digit (ABA Key to Routing Numbers; Federal Reserve Financial Services,
// "Routing Number Administration"), compact or in the 4-4-1 groups of
// the MICR line and cheques ("0210-0002-1"). Nine-digit numbers are
// everywhere, so a context word is required.
var BankRouting = &detect.Detector{
	Name: "bank_routing",
	Types: []detect.Type{{
		Name: "bank_routing", Family: detect.Financial, Confidence: 0.95, NeedsContext: true,
		Confirm: "ABA 3-7-1 checksum and a valid Fed prefix; needs a context word",
	}},
	Source: "American Bankers Association, Key to Routing Numbers; Federal Reserve routing number administration",
	Context: []detect.Word{
		{Text: "routing", Conf: 0.95}, {Text: "aba", Conf: 0.95}, {Text: "rtn", Conf: 0.95}, {Text: "transit", Conf: 0.95},
	},
	Digits: &detect.OnDigits{
		Compact: 1 << 9, OnCompact: routingCompact,
		GroupFirst: 1 << 4, GroupSecond: 1 << 4, OnGrouped: routingGrouped,
	},
	Examples: []detect.Example{
		{Text: "routing number 021000021", Span: "021000021", Valid: true},
		{Text: "ABA: 011000015.", Span: "011000015", Valid: true},
		{Text: "Routing: 0210-0002-1", Span: "0210-0002-1", Valid: true},
		{Text: "routing number 021000022"},
		{Text: "routing 0210-0002-2"},
		{Text: "account 021000021"},
	},
}

// routingGrouped handles 4-4-1 groups joined by '-' or ' '.
func routingGrouped(s *detect.Scan, g *detect.Groups) {
	t := s.T
	if g.N < 3 || !g.Shape(4, 4, 1) || !detect.NumRight(t, g.E[2]) || g.SameSep(3, "- ") == 0 {
		return
	}
	var buf [40]byte
	if d := g.Concat(t, 3, &buf); validate.ABARouting(d) {
		if c := s.Context(g.S[0]); c > 0 {
			s.Add(0, g.S[0], g.E[2], c, true)
		}
	}
}

// routingCompact handles a whole nine-digit number.
func routingCompact(s *detect.Scan, i, j int) {
	if validate.ABARouting(s.T[i:j]) {
		if c := s.Context(i); c > 0 {
			s.Add(0, i, j, c, true)
		}
	}
}
