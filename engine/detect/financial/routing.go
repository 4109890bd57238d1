package financial

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// BankRouting finds ABA routing transit numbers: nine digits whose first
// two are a valid Federal Reserve prefix, with the 3-7-1 weighted check
// digit (ABA Key to Routing Numbers; Federal Reserve Financial Services,
// "Routing Number Administration"). Nine-digit numbers are everywhere, so
// a context word is required.
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
	Digits: &detect.OnDigits{Compact: 1 << 9, OnCompact: routingCompact},
	Examples: []detect.Example{
		{Text: "routing number 021000021", Span: "021000021", Valid: true},
		{Text: "ABA: 011000015.", Span: "011000015", Valid: true},
		{Text: "routing number 021000022"},
		{Text: "account 021000021"},
	},
}

// routingCompact handles a whole nine-digit number.
func routingCompact(s *detect.Scan, i, j int) {
	if validate.ABARouting(s.T[i:j]) {
		if c := s.Context(i); c > 0 {
			s.Add(0, i, j, c, true)
		}
	}
}
