package us

import "github.com/datafog/datafog-api/engine/detect"

// Passport finds US passport numbers: nine digits (passport books issued
// before 2021) or a letter and eight digits (the Next Generation Passport
// book, and passport cards, which start with C), per the US Department
// of State's passport book and card descriptions. There is no check
// digit, so a context word is required. A bare "passport" also counts,
// with less confidence than "US passport", so that a UK or German context
// word, which those detectors score higher, wins the same number.
var Passport = &detect.Detector{
	Name: "us_passport",
	Types: []detect.Type{{
		Name: "us_passport", Family: detect.NationalID, Confidence: 0.8, NeedsContext: true,
		Confirm: "9 digits, or a letter and 8 digits; needs a context word",
	}},
	Source: "US Department of State, Bureau of Consular Affairs: passport book and passport card numbers",
	Context: []detect.Word{
		{Text: "us passport", Conf: 0.8}, {Text: "u.s. passport", Conf: 0.8}, {Text: "usa passport", Conf: 0.8},
		{Text: "passport card", Conf: 0.8}, {Text: "passport", Conf: 0.6}, {Text: "passport number", Conf: 0.65},
	},
	Digits: &detect.OnDigits{Compact: 1 << 9, OnCompact: passportDigits},
	Tokens: &detect.OnToken{MinLen: 9, MaxLen: 9, MinLead: 1, MaxLead: 1, Find: passportToken},
	Examples: []detect.Example{
		{Text: "US passport 123456789", Span: "123456789", Valid: true},
		{Text: "passport no. A12345678 issued", Span: "A12345678", Valid: true},
		{Text: "US passport 12345678"},  // eight digits
		{Text: "US passport AB1234567"}, // two letters
		{Text: "invoice 123456789"},     // no context word
	},
}

// passportDigits handles nine bare digits.
func passportDigits(s *detect.Scan, i, j int) {
	if c := s.Context(i); c > 0 {
		s.Add(0, i, j, c, false)
	}
}

// passportToken handles a letter and eight digits.
func passportToken(s *detect.Scan, ts, te int) {
	t := s.T
	if !detect.IsUpper(t[ts]) || detect.DigitEnd(t, ts+1) != te {
		return
	}
	if c := s.Context(ts); c > 0 {
		s.Add(0, ts, te, c, false)
	}
}
