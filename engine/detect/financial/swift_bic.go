package financial

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// SwiftBIC finds Business Identifier Codes (SWIFT codes, ISO 9362:2022;
// SWIFT, "ISO 9362 Business Identifier Code (BIC)" and its BIC Directory
// rules): four letters (the party prefix), an assigned ISO 3166-1
// alpha-2 country code, a two-character location code that does not
// start with 0 or 1 and does not end in the letter O, and an optional
// three-character branch code (XXX, or one not starting with X), 8 or
// 11 upper-case characters in all.
//
// BIC has no check digit, so the confidence comes from the structure and
// the context:
//   - a BIC with a digit in its location or branch code ("NWBKGB2L",
//     "DEUTDEFF500") is triggered by its digits; without a context word
//     it scores 0.4, below the default minimum: its structure (letters,
//     a real country, the location rules) is all it has, and a third of
//     random upper-case codes of its length pass it;
//   - a BIC of letters only ("DEUTDEFF", "BNPAFRPPXXX") looks like any
//     upper-case word and is considered only as the value of a label:
//     an assignment or form field whose key names it ("BIC: …",
//     "SWIFT/BIC: …", `"swift_code": "…"`), or a "code: …" field with
//     "BIC" or "SWIFT" before it ("SWIFT code: …"). A label without
//     a colon or an equals sign ("BIC DEUTDEFF") is not enough: finding
//     it would make every "B" and "S" of every text a stop of the scan;
//   - with a context word either kind scores 0.9.
var SwiftBIC = &detect.Detector{
	Name: "swift_bic",
	Types: []detect.Type{{
		Name: "swift_bic", Family: detect.Financial, Confidence: 0.9, NeedsContext: true,
		Confirm: "ISO 9362: 4 letters, a real ISO 3166 country, location and branch rules; letters-only codes need a BIC/SWIFT label",
	}},
	Source: "ISO 9362:2022 Business Identifier Code (SWIFT BIC Directory rules); ISO 3166-1 alpha-2",
	Context: []detect.Word{
		{Text: "bic", Conf: 0.9}, {Text: "swift", Conf: 0.9}, {Text: "swift code", Conf: 0.9},
		{Text: "bank identifier code", Conf: 0.9}, {Text: "business identifier code", Conf: 0.9},
		{Text: "code banque", Conf: 0.9}, {Text: "codice swift", Conf: 0.9}, {Text: "código swift", Conf: 0.9},
	},
	Tokens: &detect.OnToken{MinLen: 8, MaxLen: 11, MinLead: 6, MaxLead: 10, Find: findBICToken},
	Keys:   &detect.OnKey{Words: []string{"bic", "swift", "code"}, MinValue: 8, Find: findBICKey},
	Examples: []detect.Example{
		{Text: "BIC NWBKGB2L for the transfer", Span: "NWBKGB2L", Valid: true},
		{Text: "pay to NWBKGB2L today"}, // no context word: below the default
		{Text: "SWIFT code: DEUTDEFF", Span: "DEUTDEFF", Valid: true},
		{Text: "BIC DEUTDEFF500, IBAN follows", Span: "DEUTDEFF500", Valid: true},
		{Text: "BIC/SWIFT = COBADEFFXXX", Span: "COBADEFFXXX", Valid: true},
		{Text: `{"bic": "BNPAFRPPXXX"}`, Span: "BNPAFRPPXXX", Valid: true},
		{Text: "Swift/BIC: UBSWCHZH80A", Span: "UBSWCHZH80A", Valid: true},
		{Text: "SWIFT code: DEUTXXFF"},    // XX is no country
		{Text: "BIC: DEUTDE1F"},           // location code starts with 1
		{Text: "route ABCDEFGH today"},    // letters only, no label
		{Text: "BIC: DEUTDEFFX12"},        // branch starts with X but is not XXX
		{Text: "the BRANDING GUIDELINES"}, // upper-case words after no label
	},
}

// findBICToken handles an upper-case token with a digit: a BIC whose
// location or branch code holds digits.
func findBICToken(s *detect.Scan, ts, te int) {
	if validate.BIC(s.T[ts:te]) {
		s.Add(0, ts, te, max(0.4, s.Context(ts)), true)
	}
}

// findBICKey handles an assignment to a key that names a BIC ("bic",
// "swift"), or to "code" after the word BIC or SWIFT.
func findBICKey(s *detect.Scan, a *detect.Assignment) {
	t := s.T
	if !detect.HasPrefixFold(t, a.KeyEnd-4, "code") || a.KeyEnd-a.KeyStart > 4 && detect.IsAlpha(t[a.KeyEnd-5]) {
		bicAt(s, a.Value, 0.9, false)
		return
	}
	bicAt(s, a.Value, 0.9, true)
}

// bicAt reports the BIC that starts at t[k], if it is one: a whole token
// of 8 or 11 upper-case letters and digits (when needContext is set,
// only after a context word).
func bicAt(s *detect.Scan, k int, conf float64, needContext bool) {
	t := s.T
	if !detect.FreeLeft(t, k) {
		return
	}
	e := detect.Span(t, k, 12, detect.Upper|detect.Digit)
	if (e-k == 8 || e-k == 11) && detect.FreeRight(t, e) && validate.BIC(t[k:e]) && (!needContext || s.Context(k) > 0) {
		s.Add(0, k, e, conf, true)
	}
}
