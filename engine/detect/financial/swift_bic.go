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
//     "DEUTDEFF500") scores 0.6 alone: the token is triggered by its
//     digits and its structure (letters, a real country, the location
//     rules) is rare in other tokens;
//   - a BIC of letters only ("DEUTDEFF", "BNPAFRPPXXX") looks like any
//     upper-case word and is considered only after a label: the words
//     "BIC", "SWIFT" or "Swift" before it (within 24 bytes, over spaces,
//     "code", "/", ":" or "-"), or an assignment to a key such as "bic",
//     "swift" or "swift_code";
//   - with a context word either kind scores 0.9.
var SwiftBIC = &detect.Detector{
	Name: "swift_bic",
	Types: []detect.Type{{
		Name: "swift_bic", Family: detect.Financial, Confidence: 0.6,
		Confirm: "ISO 9362: 4 letters, a real ISO 3166 country, location and branch rules; letters-only codes need a BIC/SWIFT label",
	}},
	Source: "ISO 9362:2022 Business Identifier Code (SWIFT BIC Directory rules); ISO 3166-1 alpha-2",
	Context: []detect.Word{
		{Text: "bic", Conf: 0.9}, {Text: "swift", Conf: 0.9}, {Text: "swift code", Conf: 0.9},
		{Text: "bank identifier code", Conf: 0.9}, {Text: "business identifier code", Conf: 0.9},
		{Text: "code banque", Conf: 0.9}, {Text: "codice swift", Conf: 0.9}, {Text: "código swift", Conf: 0.9},
	},
	Tokens:   &detect.OnToken{MinLen: 8, MaxLen: 11, MinLead: 6, MaxLead: 10, Find: findBICToken},
	Prefixes: &detect.OnPrefix{Literals: []string{"BIC", "SWIFT", "Swift"}, Find: findBICLabel},
	Keys:     &detect.OnKey{Words: []string{"bic", "swift", "swiftbic", "swiftcode"}, MinValue: 8, Find: findBICKey},
	Examples: []detect.Example{
		{Text: "pay to NWBKGB2L today", Span: "NWBKGB2L", Valid: true},
		{Text: "SWIFT code: DEUTDEFF", Span: "DEUTDEFF", Valid: true},
		{Text: "BIC DEUTDEFF500, IBAN follows", Span: "DEUTDEFF500", Valid: true},
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
		s.Add(0, ts, te, max(0.6, s.Context(ts)), true)
	}
}

// findBICLabel handles the label "BIC", "SWIFT" or "Swift" at
// t[start:end]: the first token after it, over at most 24 bytes of
// spaces, "code", "/BIC", ":", "-" or "#", is tried as a BIC of any kind.
func findBICLabel(s *detect.Scan, start, end int) {
	t := s.T
	if !detect.FreeLeft(t, start) {
		return
	}
	k := end
	lim := min(len(t), end+24)
	for k < lim {
		switch c := t[k]; {
		case c == ' ' || c == ':' || c == '-' || c == '/' || c == '#' || c == '(' || c == ')':
			k++
		case detect.HasPrefixFold(t, k, "code"):
			k += 4
		case detect.HasPrefix(t, k, "BIC") && !detect.IsUpper(byteAt(t, k+3)):
			k += 3
		default:
			bicAt(s, k, 0.9)
			return
		}
	}
}

// findBICKey handles an assignment to a BIC-like key.
func findBICKey(s *detect.Scan, a *detect.Assignment) {
	bicAt(s, a.Value, 0.9)
}

// bicAt reports the BIC that starts at t[k], if it is one: a whole token
// of 8 or 11 upper-case letters and digits.
func bicAt(s *detect.Scan, k int, conf float64) {
	t := s.T
	if !detect.FreeLeft(t, k) {
		return
	}
	e := detect.Span(t, k, 12, detect.Upper|detect.Digit)
	if (e-k == 8 || e-k == 11) && detect.FreeRight(t, e) && validate.BIC(t[k:e]) {
		s.Add(0, k, e, conf, true)
	}
}

// byteAt returns t[k], or 0 past the end.
func byteAt(t []byte, k int) byte {
	if k < len(t) {
		return t[k]
	}
	return 0
}
