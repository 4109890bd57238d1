package financial

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// CUSIP finds CUSIP numbers, the identifiers of North American
// securities (CUSIP Global Services, "CUSIP Number" fact sheet; ANSI
// X9.6-2020): six issuer and two issue characters (digits and upper-case
// letters) and the "modulus 10 double add double" check digit. A CUSIP
// of nine digits is indistinguishable from a Social Security, routing or
// order number, and one random number in ten passes the check, so a
// context word ("CUSIP") is required: 0.9 with it; without, an
// alphanumeric CUSIP scores 0.4 and an all-digit one is not reported.
// Issuer codes start with digits (and CINS numbers with one letter and
// digits, which are not taken: a token with a one-letter lead would send
// every "X11" of a text through the token dispatch), so CUSIPs are taken
// as numbers and as tokens that start with digits.
var CUSIP = &detect.Detector{
	Name: "cusip",
	Types: []detect.Type{{
		Name: "cusip", Family: detect.Financial, Confidence: 0.4, NeedsContext: true,
		Confirm: "9 characters, CUSIP Global Services mod 10 double-add-double check digit; needs a context word",
	}},
	Source:  "CUSIP Global Services, CUSIP number structure and check digit; ANSI X9.6",
	Context: []detect.Word{{Text: "cusip", Conf: 0.9}, {Text: "cins", Conf: 0.9}},
	Digits: &detect.OnDigits{
		Compact: 1 << 9, OnCompact: findCUSIPDigits,
		Lead: digitBytes, LeadLen: 1<<9 - 2, LeadNext: detect.Capitals, LeadTok: 9, OnLead: findCUSIPLead,
	},
	Examples: []detect.Example{
		{Text: "CUSIP 037833100", Span: "037833100", Valid: true},
		{Text: "cusip: 38259P508", Span: "38259P508", Valid: true},
		{Text: "CUSIP 037833101"},
		{Text: "ref 037833100"},
		{Text: "ssn 078-05-1120"},
	},
}

// findCUSIPDigits handles nine bare digits.
func findCUSIPDigits(s *detect.Scan, i, j int) {
	cusip(s, i, j, false)
}

// findCUSIPLead handles a token that starts with the digit run t[i:j]
// and a letter.
func findCUSIPLead(s *detect.Scan, i, j int) {
	if te := upperToken(s.T, i, j, 9); te > 0 {
		cusip(s, i, te, true)
	}
}

// cusip reports t[i:j] when it passes the check and a context word
// stands before it. An alphanumeric candidate that fails the check is
// vetoed when the word stands there; an all-digit one is not, since
// nine of ten nine-digit numbers fail and looking for the word costs
// more than the check (the types they could fall through to need
// their own context words).
func cusip(s *detect.Scan, i, j int, letters bool) {
	t := s.T
	if !detect.IsDigit(t[j-1]) {
		return
	}
	if validate.CUSIP(t[i:j]) {
		c := s.Context(i)
		switch {
		case c > 0:
			s.Add(0, i, j, c, true)
		case letters:
			s.Add(0, i, j, 0.4, true)
		}
		return
	}
	if letters {
		if c := s.Context(i); c > 0 {
			s.Veto(i, j, c)
		}
	}
}
