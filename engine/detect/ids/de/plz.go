package de

import "github.com/datafog/datafog-api/engine/detect"

// PLZ finds German postcodes (Postleitzahl; Deutsche Post, the five-digit
// Postleitzahlen since 1993): five digits from 01001 to 99998. Five-digit
// numbers are everywhere, so a context word ("PLZ", "Postleitzahl") is
// required; it outranks the US ZIP code reading of the same number, which
// has no context word of its own there.
var PLZ = &detect.Detector{
	Name: "de_plz",
	Types: []detect.Type{{
		Name: "de_plz", Family: detect.Location, Confidence: 0.85, NeedsContext: true,
		Confirm: "5 digits, 01001-99998; needs a context word",
	}},
	Source: "Deutsche Post AG, Postleitzahlen (fünfstellig, seit 1. Juli 1993)",
	Context: []detect.Word{
		{Text: "plz", Conf: 0.85}, {Text: "postleitzahl", Conf: 0.85}, {Text: "plz/ort", Conf: 0.85},
		{Text: "german postcode", Conf: 0.8},
	},
	Digits: &detect.OnDigits{Compact: 1 << 5, OnCompact: findPLZ},
	Examples: []detect.Example{
		{Text: "PLZ 10115 Berlin", Span: "10115", Valid: true},
		{Text: "Postleitzahl: 01067", Span: "01067", Valid: true},
		{Text: "PLZ 00999"},   // below 01001
		{Text: "PLZ 1011"},    // four digits
		{Text: "Menge 10115"}, // no context word
	},
}

// findPLZ handles five bare digits.
func findPLZ(s *detect.Scan, i, j int) {
	t := s.T
	if t[i] == '0' && (t[i+1] == '0' || string(t[i:j]) == "01000") || string(t[i:j]) == "99999" {
		return
	}
	if c := s.Context(i); c > 0 {
		s.Add(0, i, j, c, false)
	}
}
