package us

import "github.com/datafog/datafog-api/engine/detect"

// BankNumber finds US bank account numbers: 8 to 17 digits, the range
// that US banks use (account numbers have no national format or check
// digit; the ABA routing number, which does, is bank_routing). Only a
// number right after an account label and named by a context word is
// reported.
var BankNumber = &detect.Detector{
	Name: "us_bank_number",
	Types: []detect.Type{{
		Name: "us_bank_number", Family: detect.Financial, Confidence: 0.7, NeedsContext: true,
		Confirm: "8-17 digits after an account label; needs a context word",
	}},
	Source: "ABA / Federal Reserve: US deposit account numbers (no national format; 8-17 digits in practice)",
	Context: []detect.Word{
		{Text: "account number", Conf: 0.75}, {Text: "account no", Conf: 0.75}, {Text: "account #", Conf: 0.75},
		{Text: "account_number", Conf: 0.75}, {Text: "accountnumber", Conf: 0.75}, {Text: "acct", Conf: 0.7},
		{Text: "bank account", Conf: 0.8}, {Text: "checking account", Conf: 0.8}, {Text: "savings account", Conf: 0.8},
	},
	Digits: &detect.OnDigits{Compact: 0x3ff << 8, OnCompact: bankNumber},
	Examples: []detect.Example{
		{Text: "bank account 00012345678", Span: "00012345678", Valid: true},
		{Text: "acct no. 12345678", Span: "12345678", Valid: true},
		{Text: "bank account 1234567"},            // too short
		{Text: "bank account 123456789012345678"}, // too long
		{Text: "order 00012345678"},               // no context word
	},
}

// accountLabels are the endings of a label that may stand right before an
// account number.
var accountLabels = []string{"account", "acct", "number", "no", "nr", "num"}

// accountEnds are the last bytes of accountLabels.
const accountEnds = "trom"

// bankNumber handles a whole number of 8 to 17 digits.
func bankNumber(s *detect.Scan, i, j int) {
	if !afterLabel(s.T, i, accountEnds, accountLabels) {
		return
	}
	if c := s.Context(i); c > 0 {
		s.Add(0, i, j, c, false)
	}
}
