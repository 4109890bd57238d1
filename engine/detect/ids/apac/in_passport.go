package apac

import "github.com/datafog/datafog-api/engine/detect"

// INPassport finds Indian passport numbers (Passports Act 1967, Ministry
// of External Affairs): a series letter and seven digits, the first not
// 0. There is no published check digit, so a context word is required.
var INPassport = &detect.Detector{
	Name: "in_passport",
	Types: []detect.Type{{
		Name: "in_passport", Family: detect.NationalID, Confidence: 0.8, NeedsContext: true,
		Confirm: "a letter and 7 digits (the first not 0); needs a context word",
	}},
	Source: "Ministry of External Affairs, Passports Act 1967; passport number format",
	Context: []detect.Word{
		{Text: "Indian passport", Conf: 0.8}, {Text: "पासपोर्ट", Conf: 0.8}, {Text: "पासपोर्ट संख्या", Conf: 0.8},
		{Text: "passport", Conf: 0.55},
	},
	Tokens: &detect.OnToken{MinLen: 8, MaxLen: 8, MinLead: 1, MaxLead: 1, Find: findINPassport},
	Examples: []detect.Example{
		{Text: "Indian passport J8369854", Span: "J8369854", Valid: true},
		{Text: "पासपोर्ट: A2096457", Span: "A2096457", Valid: true},
		{Text: "Indian passport J0369854"},
		{Text: "Indian passport J836985"},
		{Text: "part J8369854"},
	},
}

// findINPassport checks the eight-character token t[ts:te].
func findINPassport(s *detect.Scan, ts, te int) {
	t := s.T
	if t[ts+1] == '0' || !detect.All(t[ts+1:te], detect.Digit) {
		return
	}
	if c := s.Context(ts); c > 0 {
		s.Add(0, ts, te, c, true)
	}
}
