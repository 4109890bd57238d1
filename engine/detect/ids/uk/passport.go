package uk

import "github.com/datafog/datafog-api/engine/detect"

// Passport finds UK passport numbers: nine digits, as HM Passport Office
// prints them on the data page (and as the MRZ's document number field
// holds them). There is no published check digit on the number itself, so
// a context word is required; a bare "passport" scores lower than it
// does for us_passport, so only a UK context word ("UK passport",
// "British passport", "HMPO") makes a nine-digit number a UK one.
var Passport = &detect.Detector{
	Name: "uk_passport",
	Types: []detect.Type{{
		Name: "uk_passport", Family: detect.NationalID, Confidence: 0.8, NeedsContext: true,
		Confirm: "9 digits; needs a UK passport context word",
	}},
	Source: "HM Passport Office, UK passport data page (passport number); ICAO Doc 9303 Part 4",
	Context: []detect.Word{
		{Text: "uk passport", Conf: 0.8}, {Text: "british passport", Conf: 0.8}, {Text: "hmpo", Conf: 0.8},
		{Text: "hm passport", Conf: 0.8}, {Text: "gbr passport", Conf: 0.8}, {Text: "passport", Conf: 0.55},
	},
	Digits: &detect.OnDigits{Compact: 1 << 9, OnCompact: passportDigits},
	Examples: []detect.Example{
		{Text: "UK passport 925076473", Span: "925076473", Valid: true},
		{Text: "British passport number: 107185703", Span: "107185703", Valid: true},
		{Text: "UK passport 92507647"},   // eight digits
		{Text: "UK passport 9250764731"}, // ten digits
		{Text: "order 925076473"},        // no context word
	},
}

// passportDigits handles nine bare digits.
func passportDigits(s *detect.Scan, i, j int) {
	if c := s.Context(i); c > 0 {
		s.Add(0, i, j, c, false)
	}
}
