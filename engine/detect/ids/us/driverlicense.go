package us

import "github.com/datafog/datafog-api/engine/detect"

// DriverLicense finds US driver's license numbers in the formats the
// states issue (AAMVA DL/ID Card Design Standard, Annex D, the customer
// ID number; and each state DMV's format): all digits, 8 to 13 of them
// (Texas 8, Pennsylvania 8, New York 9, Washington DC 9, Montana 13;
// eight to thirteen are taken, since seven-digit runs are too common in
// logs to test each), one letter and 4 to 14 digits (California A1234567,
// Florida and Maryland A123456789012, Illinois A12345678901, New Jersey
// A12345678901234, ...), or two letters and 2 to 7 digits (Colorado,
// Ohio, West Virginia). No state publishes a check digit, so a context
// word is required; and because bare numbers of these lengths are
// everywhere, a number is considered only right after a label (a licence
// word, "number", "no", "dl", "#").
var DriverLicense = &detect.Detector{
	Name: "us_driver_license",
	Types: []detect.Type{{
		Name: "us_driver_license", Family: detect.NationalID, Confidence: 0.75, NeedsContext: true,
		Confirm: "a state's licence number format (8-13 digits, a letter and 4-14 digits, two letters and 2-7 digits); needs a context word",
	}},
	Source: "AAMVA DL/ID Card Design Standard (2020), Annex D; state DMV licence number formats",
	Context: []detect.Word{
		{Text: "driver license", Conf: 0.8}, {Text: "driver's license", Conf: 0.8}, {Text: "drivers license", Conf: 0.8},
		{Text: "driver licence", Conf: 0.8}, {Text: "driver's licence", Conf: 0.8}, {Text: "drivers licence", Conf: 0.8},
		{Text: "driver_license", Conf: 0.8}, {Text: "driver license number", Conf: 0.8}, {Text: "license number", Conf: 0.65},
		{Text: "dl", Conf: 0.7}, {Text: "dln", Conf: 0.75}, {Text: "cdl", Conf: 0.75},
	},
	Digits: &detect.OnDigits{Compact: 0x3f << 8, OnCompact: licenseDigits},
	Tokens: &detect.OnToken{MinLen: 4, MaxLen: 15, MinLead: 1, MaxLead: 2, Find: licenseToken},
	Examples: []detect.Example{
		{Text: "Driver's license: D1234567", Span: "D1234567", Valid: true},
		{Text: "driver license number 12345678 (TX)", Span: "12345678", Valid: true},
		{Text: "DL# A123456789012", Span: "A123456789012", Valid: true},
		{Text: "Driver's license: D123"},    // too short
		{Text: "Driver's license: 1234567"}, // seven digits are not taken
		{Text: "order D1234567 shipped"},    // no context word
		{Text: "Driver's license is valid"}, // no number
	},
}

// licenseLabels are the endings of a label that may stand right before a
// licence number.
var licenseLabels = []string{"license", "licence", "number", "no", "nr", "num", "dl", "dln", "cdl"}

// licenseEnds are the last bytes of licenseLabels.
const licenseEnds = "eroml"

// licenseDigits handles a whole number of 8 to 13 digits.
func licenseDigits(s *detect.Scan, i, j int) {
	if !afterLabel(s.T, i, licenseEnds, licenseLabels) {
		return
	}
	if c := s.Context(i); c > 0 {
		s.Add(0, i, j, c, false)
	}
}

// licenseToken handles one or two capital letters and digits.
func licenseToken(s *detect.Scan, ts, te int) {
	t := s.T
	lead := 1
	if detect.IsUpper(t[ts+1]) {
		lead = 2
	}
	if !detect.IsUpper(t[ts]) || detect.DigitEnd(t, ts+lead) != te {
		return
	}
	n := te - ts - lead
	if lead == 1 && (n < 4 || n > 14) || lead == 2 && (n < 2 || n > 7) {
		return
	}
	if !afterLabel(t, ts, licenseEnds, licenseLabels) {
		return
	}
	if c := s.Context(ts); c > 0 {
		s.Add(0, ts, te, c, false)
	}
}
