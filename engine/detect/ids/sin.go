package ids

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// CASIN finds Canadian Social Insurance Numbers: nine digits with the
// Luhn check digit (Employment and Social Development Canada, "Social
// Insurance Number — validation"), compact or 3-3-3. A context word is
// required: "SIN", "social insurance", or the French "NAS" (numéro
// d'assurance sociale).
var CASIN = &detect.Detector{
	Name: "ca_sin",
	Types: []detect.Type{{
		Name: "ca_sin", Family: detect.NationalID, Confidence: 0.95, NeedsContext: true,
		Confirm: "9 digits, Luhn; needs a context word",
	}},
	Source: "Employment and Social Development Canada, Social Insurance Number (Luhn check digit)",
	Context: []detect.Word{
		{Text: "sin", Conf: 0.95}, {Text: "social insurance", Conf: 0.95},
		{Text: "nas", Conf: 0.95}, {Text: "assurance sociale", Conf: 0.95},
	},
	Digits: &detect.OnDigits{
		Compact: 1 << 9, OnCompact: sinCompact,
		GroupFirst: 1 << 3, GroupSecond: 1 << 3, OnGrouped: sinGrouped,
	},
	Examples: []detect.Example{
		{Text: "SIN 046 454 286", Span: "046 454 286", Valid: true},
		{Text: "sin: 046454286", Span: "046454286", Valid: true},
		{Text: "NAS : 046 454 286", Span: "046 454 286", Valid: true},
		{Text: "numéro d'assurance sociale 046-454-286", Span: "046-454-286", Valid: true},
		{Text: "SIN 046 454 287"},
		{Text: "id 046454286"},
	},
}

// sinCompact handles nine bare digits.
func sinCompact(s *detect.Scan, i, j int) {
	if validate.CASIN(s.T[i:j]) {
		if c := s.Context(i); c > 0 {
			s.Add(0, i, j, c, true)
		}
	}
}

// sinGrouped handles 3-3-3 groups joined by ' ' or '-'.
func sinGrouped(s *detect.Scan, g *detect.Groups) {
	t := s.T
	if g.N < 3 || !g.Shape(3, 3, 3) || !detect.NumRight(t, g.E[2]) || g.SameSep(3, "- ") == 0 {
		return
	}
	var buf [40]byte
	if d := g.Concat(t, 3, &buf); validate.CASIN(d) {
		if c := s.Context(g.S[0]); c > 0 {
			s.Add(0, g.S[0], g.E[2], c, true)
		}
	}
}
