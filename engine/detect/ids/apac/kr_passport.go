package apac

import "github.com/datafog/datafog-api/engine/detect"

// KRPassport finds Korean passport numbers (여권번호; Passport Act,
// Ministry of Foreign Affairs): a type letter (M multiple, S single, R
// travel certificate, O official, D diplomatic) and eight digits, or, on
// passports issued since December 2021, the letter, three digits, a
// letter and four digits. There is no published check digit, so a
// context word is required.
var KRPassport = &detect.Detector{
	Name: "kr_passport",
	Types: []detect.Type{{
		Name: "kr_passport", Family: detect.NationalID, Confidence: 0.8, NeedsContext: true,
		Confirm: "M, S, R, O or D and 8 digits, or the 2021 form letter-3 digits-letter-4 digits; needs a context word",
	}},
	Source: "Passport Act (Ministry of Foreign Affairs); passport number formats of 2008 and December 2021",
	Context: []detect.Word{
		{Text: "여권번호", Conf: 0.8}, {Text: "여권", Conf: 0.8}, {Text: "Korean passport", Conf: 0.8},
		{Text: "passport", Conf: 0.55},
	},
	Tokens: &detect.OnToken{MinLen: 9, MaxLen: 9, MinLead: 1, MaxLead: 1, Find: findKRPassport},
	Examples: []detect.Example{
		{Text: "여권번호 M12345678", Span: "M12345678", Valid: true},
		{Text: "Korean passport: M123A4567.", Span: "M123A4567", Valid: true},
		{Text: "여권번호 A12345678"},
		{Text: "여권번호 M1234567"},
		{Text: "part M12345678"},
	},
}

// findKRPassport checks the nine-character token t[ts:te].
func findKRPassport(s *detect.Scan, ts, te int) {
	t := s.T
	switch t[ts] {
	case 'M', 'S', 'R', 'O', 'D':
	default:
		return
	}
	v := t[ts+1 : te]
	for k, c := range v {
		if !(detect.IsDigit(c) || k == 3 && detect.IsUpper(c)) {
			return
		}
	}
	if c := s.Context(ts); c > 0 {
		s.Add(0, ts, te, c, true)
	}
}
