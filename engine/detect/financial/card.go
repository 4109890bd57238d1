// Package financial holds the detectors of payment and banking
// identifiers: card numbers, IBANs and ABA routing numbers.
package financial

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// CreditCard finds payment card numbers (ISO/IEC 7812-1): the Luhn check
// digit (ISO/IEC 7812-1 Annex B) and a length and issuer identification
// number range of a known brand (Visa, Mastercard incl. 2221-2720, Amex,
// Discover, JCB, Diners, UnionPay, Maestro, Dankort), compact or written in groups
// of four (Amex 4-6-5, Diners 4-6-4) with one separator, space or dash,
// throughout.
var CreditCard = &detect.Detector{
	Name: "credit_card",
	Types: []detect.Type{{
		Name: "credit_card", Family: detect.Financial, Confidence: 0.99,
		Confirm: "Luhn, plus the brand's IIN range and length; spaces or dashes only at group boundaries",
	}},
	Source: "ISO/IEC 7812-1:2017 (IIN and Luhn check digit, Annex B); card brands' published IIN ranges",
	Digits: &detect.OnDigits{
		Compact: (1<<20 - 1) &^ (1<<13 - 1), OnCompact: cardCompact,
		GroupFirst: 1 << 4, GroupSecond: 1<<4 | 1<<6, OnGrouped: cardGrouped,
	},
	Examples: []detect.Example{
		{Text: "visa 4111111111111111", Span: "4111111111111111", Valid: true},
		{Text: "visa 4111 1111 1111 1111.", Span: "4111 1111 1111 1111", Valid: true},
		{Text: "amex 3782 822463 10005", Span: "3782 822463 10005", Valid: true},
		{Text: "dankort 5019 7170 1010 3742", Span: "5019 7170 1010 3742", Valid: true},
		{Text: "visa 4111111111111112"},
		{Text: "visa 41111 11111 11111 1"},
		{Text: "id 123-4111111111111111"},
	},
}

// cardCompact handles a whole number of 13 to 19 digits.
func cardCompact(s *detect.Scan, i, j int) { card(s, s.T[i:j], i, j) }

// card adds a credit_card candidate t[b:e] with the given digits when the
// brand's IIN range and length match and the Luhn check holds.
func card(s *detect.Scan, d []byte, b, e int) bool {
	if _, ok := validate.CardBrand(d); ok && validate.Luhn(d) {
		s.Add(0, b, e, 0.99, true)
		return true
	}
	return false
}

// cardGrouped tries card numbers written in groups: groups of four with a
// shorter last group (13-19 digits), or Amex 4-6-5 and Diners 4-6-4, with
// one separator (space or dash) throughout. The longest valid form wins.
func cardGrouped(s *detect.Scan, g *detect.Groups) {
	if g.Sep[0] != ' ' && g.Sep[0] != '-' {
		return
	}
	t := s.T
	var buf [40]byte
	// Two groups hold at most 4+4 digits, too few for any card, so k
	// stops at 3.
	for k := min(g.N, 5); k >= 3; k-- {
		if g.SameSep(k, " -") == 0 || !detect.NumRight(t, g.E[k-1]) {
			continue
		}
		ok := g.Shape(4, 6, 5) && k == 3 || g.Shape(4, 6, 4) && k == 3
		if !ok {
			ok = true
			total := 0
			for x := 0; x < k; x++ {
				l := g.Len(x)
				total += l
				if x < k-1 && l != 4 || l < 1 || l > 4 {
					ok = false
				}
			}
			ok = ok && total >= 13 && total <= 19
		}
		if ok && card(s, g.Concat(t, k, &buf), g.S[0], g.E[k-1]) {
			return
		}
	}
}
