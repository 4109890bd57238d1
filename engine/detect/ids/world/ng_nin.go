package world

import "github.com/datafog/datafog-api/engine/detect"

// NGNIN finds Nigerian National Identification Numbers (National
// Identity Management Commission; NIMC Act 2007 s. 16): eleven digits.
// NIMC publishes no check digit, so a context word is required.
var NGNIN = &detect.Detector{
	Name: "ng_nin",
	Types: []detect.Type{{
		Name: "ng_nin", Family: detect.NationalID, Confidence: 0.8, NeedsContext: true,
		Confirm: "11 digits; needs a context word (NIMC publishes no check digit)",
	}},
	Source: "National Identity Management Commission (Nigeria), National Identification Number (NIMC Act 2007)",
	Context: []detect.Word{
		{Text: "NIN", Conf: 0.8}, {Text: "national identification number", Conf: 0.8}, {Text: "national identity number", Conf: 0.8},
		{Text: "NIMC", Conf: 0.8}, {Text: "NIN slip", Conf: 0.8},
	},
	Digits: &detect.OnDigits{Compact: 1 << 11, OnCompact: ngNINCompact},
	Examples: []detect.Example{
		{Text: "NIN: 12345678901", Span: "12345678901", Valid: true},
		{Text: "NIMC national identity number 70123456789.", Span: "70123456789", Valid: true},
		{Text: "NIN: 1234567890"},
		{Text: "ref 12345678901"},
	},
}

// ngNINCompact handles eleven bare digits.
func ngNINCompact(s *detect.Scan, i, j int) {
	if c := s.Context(i); c > 0 {
		s.Add(0, i, j, c, true)
	}
}
