package uk

import "github.com/datafog/datafog-api/engine/detect"

// Postcode finds UK postcodes: an outward code that is in use (a postcode
// area and one of its districts, from Royal Mail's list; see DATA.md),
// a space and an inward code (a sector digit and two unit letters, none
// of C I K M O V), as Royal Mail's Programmers' Guide to the Postcode
// Address File defines them: "SW1A 1AA", "M1 1AE", "DN55 1PT". The
// compact form "SW1A1AA" is found too. A postcode carries no check, so a
// context word is required.
var Postcode = &detect.Detector{
	Name: "uk_postcode",
	Types: []detect.Type{{
		Name: "uk_postcode", Family: detect.Location, Confidence: 0.85, NeedsContext: true,
		Confirm: "an outward code in use (Royal Mail areas and districts) and an inward code; needs a context word",
	}},
	Source: "Royal Mail, Programmers' Guide to PAF (postcode format); postcode areas and districts in use (DATA.md)",
	Context: []detect.Word{
		{Text: "postcode", Conf: 0.85}, {Text: "post code", Conf: 0.85}, {Text: "postal code", Conf: 0.8},
		{Text: "post_code", Conf: 0.85},
	},
	Tokens: &detect.OnToken{MinLen: 2, MaxLen: 7, MinLead: 1, MaxLead: 2, Find: findPostcode},
	Examples: []detect.Example{
		{Text: "Postcode: SW1A 1AA", Span: "SW1A 1AA", Valid: true},
		{Text: "post code DN55 1PT, Doncaster", Span: "DN55 1PT", Valid: true},
		{Text: "postcode M11AE", Span: "M11AE", Valid: true},
		{Text: "Postcode: QA1 1AA"},  // Q starts no area
		{Text: "Postcode: AB17 1AA"}, // no district AB17
		{Text: "Postcode: SW1A 1AC"}, // C is no unit letter
		{Text: "order SW1A 1AA"},     // no context word
	},
}

// findPostcode handles a token of one or two capitals and a digit: an
// outward code followed by a space and an inward code, or a whole
// compact postcode.
func findPostcode(s *detect.Scan, ts, te int) {
	t := s.T
	n := te - ts
	switch {
	case n <= 4 && te+4 <= len(t) && t[te] == ' ' && detect.IsDigit(t[te+1]) && detect.FreeRight(t, te+4):
		if validOutward(t[ts:te]) && validInward(t[te+1:te+4]) {
			postcode(s, ts, te+4)
		}
	case n >= 5:
		if validOutward(t[ts:te-3]) && validInward(t[te-3:te]) {
			postcode(s, ts, te)
		}
	}
}

// postcode reports t[b:e] when a context word names it.
func postcode(s *detect.Scan, b, e int) {
	if c := s.Context(b); c > 0 {
		s.Add(0, b, e, c, true)
	}
}
