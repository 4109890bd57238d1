package us

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// MedicalLicense finds US DEA registration numbers, the number a
// prescriber's controlled-substance registration carries (21 CFR 1301;
// DEA Diversion Control Division): a registrant-type letter, the initial
// of the registrant's name (or 9), six digits and a check digit, the last
// digit of (d1+d3+d5) + 2(d2+d4+d6). One number in ten passes the check,
// so a context word is required; one that a context word names and that
// fails the check is vetoed.
var MedicalLicense = &detect.Detector{
	Name: "medical_license",
	Types: []detect.Type{{
		Name: "medical_license", Family: detect.NationalID, Confidence: 0.9, NeedsContext: true,
		Confirm: "DEA registration number: type letter, name initial, 7 digits with the DEA check digit; needs a context word",
	}},
	Source: "DEA Diversion Control Division, registration numbers (21 CFR 1301.11 ff.) and their check digit",
	Context: []detect.Word{
		{Text: "dea", Conf: 0.9}, {Text: "dea number", Conf: 0.95}, {Text: "dea registration", Conf: 0.95},
		{Text: "medical license", Conf: 0.85}, {Text: "medical licence", Conf: 0.85}, {Text: "prescriber", Conf: 0.75},
	},
	Tokens: &detect.OnToken{MinLen: 9, MaxLen: 9, MinLead: 2, MaxLead: 2, Find: findDEA},
	Examples: []detect.Example{
		{Text: "DEA number AB1234563 on the script", Span: "AB1234563", Valid: true},
		{Text: "dea: FJ9876547", Span: "FJ9876547", Valid: true},
		{Text: "DEA number AB1234564"}, // check digit
		{Text: "DEA number IB1234563"}, // I is no registrant type
		{Text: "flight AB1234563"},     // no context word
	},
}

// findDEA handles two letters and seven digits.
func findDEA(s *detect.Scan, ts, te int) {
	t := s.T
	if !detect.IsUpper(t[ts]) || !detect.IsUpper(t[ts+1]) || detect.DigitEnd(t, ts+2) != te {
		return
	}
	c := s.Context(ts)
	if c == 0 {
		return
	}
	if validate.DEA(t[ts:te]) {
		s.Add(0, ts, te, c, true)
	} else {
		s.Veto(ts, te, c)
	}
}
