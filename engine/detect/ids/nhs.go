package ids

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// UKNHSNumber finds NHS numbers (England, Wales and the Isle of Man): ten
// digits, the last a modulus 11 check digit with weights 10 to 2 (NHS
// Digital, "NHS Number" data dictionary entry), compact or 3-3-4 with
// spaces or dashes. Ten-digit numbers are everywhere, so a context word
// is required. A number with an NHS context word that fails the check is
// not an NHS number, and not a phone number either: it is vetoed.
var UKNHSNumber = &detect.Detector{
	Name: "uk_nhs_number",
	Types: []detect.Type{{
		Name: "uk_nhs_number", Family: detect.NationalID, Confidence: 0.95, NeedsContext: true,
		Confirm: "10 digits, mod 11 check digit; needs a context word",
	}},
	Source:  "NHS Data Model and Dictionary, NHS Number (modulus 11 check)",
	Context: []detect.Word{{Text: "nhs", Conf: 0.95}, {Text: "national health", Conf: 0.95}},
	Digits: &detect.OnDigits{
		Compact: 1 << 10, OnCompact: nhsCompact,
		GroupFirst: 1 << 3, GroupSecond: 1 << 3, OnGrouped: nhsGrouped,
	},
	Examples: []detect.Example{
		{Text: "NHS number 943 476 5919", Span: "943 476 5919", Valid: true},
		{Text: "nhs: 9434765919", Span: "9434765919", Valid: true},
		{Text: "NHS number 943 476 5918"},
		{Text: "ref 9434765919"},
		{Text: "NHS number 993 241 8230", Type: "phone"},
		{Text: "nhs: 2125551234", Type: "phone"},
	},
}

// nhsCompact handles ten bare digits.
func nhsCompact(s *detect.Scan, i, j int) { nhs(s, s.T[i:j], i, j) }

// nhs adds the candidate t[b:e] with digits d, or vetoes it when it has
// an NHS context word and fails the check but would pass for a phone
// number.
func nhs(s *detect.Scan, d []byte, b, e int) {
	switch {
	case validate.NHSNumber(d):
		if c := s.Context(b); c > 0 {
			s.Add(0, b, e, c, true)
		}
	case validate.NANP(d):
		if s.Context(b) > 0 {
			s.Veto(b, e, 0.95)
		}
	}
}

// nhsGrouped handles 3-3-4 groups joined by ' ' or '-'.
func nhsGrouped(s *detect.Scan, g *detect.Groups) {
	t := s.T
	if g.N < 3 || !g.Shape(3, 3, 4) || !detect.NumRight(t, g.E[2]) || g.SameSep(3, "- ") == 0 {
		return
	}
	var buf [40]byte
	nhs(s, g.Concat(t, 3, &buf), g.S[0], g.E[2])
}
