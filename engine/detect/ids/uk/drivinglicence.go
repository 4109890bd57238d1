package uk

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// DrivingLicence finds driving licence numbers issued by the DVLA (Great
// Britain): sixteen characters that encode the holder (DVLA, "What your
// driving licence number means"; validate.UKDrivingLicence): the first
// five letters of the surname padded with 9s, the decade of birth, the
// month of birth (plus 50 for a woman), the day, the year's last digit,
// two initials, a digit and two check characters, e.g.
// "MORGA753116SM9IJ". The date must be a real one. The check characters'
// algorithm is not published, so a context word is required; a value of
// the shape that a context word names but whose structure fails is
// vetoed.
var DrivingLicence = &detect.Detector{
	Name: "uk_driving_licence",
	Types: []detect.Type{{
		Name: "uk_driving_licence", Family: detect.NationalID, Confidence: 0.9, NeedsContext: true,
		Confirm: "DVLA structure: surname, decade, month (+50 female), day, year digit, initials; a real date; needs a context word",
	}},
	Source: "DVLA, What your driving licence number means (GOV.UK); DVLA INF45",
	Context: []detect.Word{
		{Text: "driving licence", Conf: 0.9}, {Text: "driving license", Conf: 0.9}, {Text: "driver's licence", Conf: 0.85},
		{Text: "drivers licence", Conf: 0.85}, {Text: "licence number", Conf: 0.85}, {Text: "licence no", Conf: 0.85},
		{Text: "dvla", Conf: 0.9},
	},
	Tokens: &detect.OnToken{MinLen: 16, MaxLen: 16, MinLead: 1, MaxLead: 5, Find: findLicence},
	Examples: []detect.Example{
		{Text: "Driving licence MORGA753116SM9IJ", Span: "MORGA753116SM9IJ", Valid: true},
		{Text: "DVLA licence: LEE99862241AB9CD", Span: "LEE99862241AB9CD", Valid: true}, // Lee, a woman born 24 December 1981
		{Text: "Driving licence MORGA733116SM9IJ"},                                      // month 33
		{Text: "Driving licence MORGA752306SM9IJ"},                                      // 30 February
		{Text: "ref MORGA753116SM9IJ"},                                                  // no context word
	},
}

// findLicence handles a sixteen-character token that starts with 1-5
// letters.
func findLicence(s *detect.Scan, ts, te int) {
	t := s.T
	v := t[ts:te]
	// The shape first (five surname places, six digits, two initials, a
	// digit, two check characters), so that a 16-character IBAN or order
	// number costs no context look-up.
	if !detect.All(v, detect.Upper|detect.Digit) || !detect.All(v[5:11], detect.Digit) || !detect.IsUpper(v[11]) || !detect.IsDigit(v[13]) {
		return
	}
	c := s.Context(ts)
	if c == 0 {
		return
	}
	if validate.UKDrivingLicence(t[ts:te]) {
		s.Add(0, ts, te, c, true)
	} else {
		s.Veto(ts, te, c)
	}
}
