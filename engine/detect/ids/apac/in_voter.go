package apac

import "github.com/datafog/datafog-api/engine/detect"

// INVoter finds Indian voter ID numbers, the EPIC number of the Electoral
// Photo Identity Card (Election Commission of India): a three-letter
// functional unique serial number of the constituency and seven digits.
// The Commission publishes no check digit, so a context word is required.
var INVoter = &detect.Detector{
	Name: "in_voter",
	Types: []detect.Type{{
		Name: "in_voter", Family: detect.NationalID, Confidence: 0.8, NeedsContext: true,
		Confirm: "3 letters and 7 digits (EPIC number); needs a context word",
	}},
	Source: "Election Commission of India, Electoral Photo Identity Card (EPIC) number format",
	Context: []detect.Word{
		{Text: "EPIC", Conf: 0.8}, {Text: "EPIC number", Conf: 0.8}, {Text: "voter id", Conf: 0.8},
		{Text: "voter card", Conf: 0.8}, {Text: "electoral photo identity card", Conf: 0.8}, {Text: "election card", Conf: 0.8},
		{Text: "मतदाता पहचान पत्र", Conf: 0.8}, {Text: "वोटर आईडी", Conf: 0.8},
	},
	Tokens: &detect.OnToken{MinLen: 10, MaxLen: 10, MinLead: 3, MaxLead: 3, Find: findINVoter},
	Examples: []detect.Example{
		{Text: "Voter ID: WKH1186253", Span: "WKH1186253", Valid: true},
		{Text: "EPIC no. ABC1234567 issued", Span: "ABC1234567", Valid: true},
		{Text: "Voter ID: WKH118625"},
		{Text: "Voter ID: WK1186253A"},
		{Text: "batch WKH1186253"},
	},
}

// findINVoter checks the ten-character token t[ts:te].
func findINVoter(s *detect.Scan, ts, te int) {
	t := s.T
	if !detect.All(t[ts+3:te], detect.Digit) {
		return
	}
	if c := s.Context(ts); c > 0 {
		s.Add(0, ts, te, c, true)
	}
}
