package financial

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// LEI finds Legal Entity Identifiers (ISO 17442-1:2020; GLEIF, "The
// Legal Entity Identifier (LEI) — ISO 17442"): 20 upper-case letters and
// digits, the last two check digits under ISO/IEC 7064 MOD 97-10 (the
// code read with A=10 … Z=35 is ≡ 1 mod 97). One random code in 97 passes
// the check, so a code with letters scores 0.85 alone and 0.99 after a
// context word; a code of 20 digits only (as long as many order or
// account numbers) needs the context word.
//
// An LEI is taken as a token whose first digit run follows two or more
// letters, or that starts with digits (the issuers' prefixes, such as
// 5493 or 2138, are digits). A code whose first character is a letter
// and second a digit is not found: taking tokens with a one-letter lead
// would send every "X11" or "T10" of a text through the token dispatch.
var LEI = &detect.Detector{
	Name: "lei",
	Types: []detect.Type{{
		Name: "lei", Family: detect.Financial, Confidence: 0.85,
		Confirm: "20 characters, ISO 7064 mod 97-10 check digits; all-digit codes need a context word",
	}},
	Source: "ISO 17442-1:2020 Legal Entity Identifier; ISO/IEC 7064 MOD 97-10; GLEIF LEI code structure",
	Context: []detect.Word{
		{Text: "lei", Conf: 0.99}, {Text: "legal entity identifier", Conf: 0.99}, {Text: "gleif", Conf: 0.99},
		{Text: "code lei", Conf: 0.99}, {Text: "lei-code", Conf: 0.99},
	},
	Tokens: &detect.OnToken{MinLen: 20, MaxLen: 20, MinLead: 2, MaxLead: 18, Find: findLEIToken},
	Digits: &detect.OnDigits{
		Compact: 1 << 20, OnCompact: findLEIDigits,
		Lead: digitBytes, LeadLen: 1<<20 - 2, LeadNext: detect.Capitals, LeadTok: 20, OnLead: findLEILead,
	},
	Examples: []detect.Example{
		{Text: "LEI 5493001KJTIIGC8Y1R12", Span: "5493001KJTIIGC8Y1R12", Valid: true},
		{Text: "issuer HWUPKR0MPOU8FGXBT394 filed", Span: "HWUPKR0MPOU8FGXBT394", Valid: true},
		{Text: "LEI 5493001KJTIIGC8Y1R13"},
		{Text: "LEI 5493001KJTIIGC8Y1R1"},
		{Text: "LEI 5493001kjtiigc8y1r12"},
		{Text: "LEI 5493001KJTIIGC8Y1R12X"},
	},
}

// findLEIToken handles a 20-character token with letters and digits. A
// token of an LEI's shape (capitals and digits, the last two digits: the
// check digits) that fails the check is vetoed under an LEI context word;
// other tokens, such as AWS access key ids, are not looked at twice.
func findLEIToken(s *detect.Scan, ts, te int) {
	t := s.T
	if validate.LEI(t[ts:te]) {
		s.Add(0, ts, te, max(0.85, s.Context(ts)), true)
	} else if detect.IsDigit(t[te-2]) && detect.IsDigit(t[te-1]) && detect.All(t[ts:te], detect.Upper|detect.Digit) {
		if c := s.Context(ts); c > 0 {
			s.Veto(ts, te, c)
		}
	}
}

// findLEILead handles a token that starts with the digit run t[i:j]
// and a letter.
func findLEILead(s *detect.Scan, i, j int) {
	if te := upperToken(s.T, i, j, 20); te > 0 {
		findLEIToken(s, i, te)
	}
}

// findLEIDigits handles 20 bare digits: an LEI only with a context word.
func findLEIDigits(s *detect.Scan, i, j int) {
	if validate.LEI(s.T[i:j]) {
		if c := s.Context(i); c > 0 {
			s.Add(0, i, j, c, true)
		}
	}
}
