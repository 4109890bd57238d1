package apac

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// SGNRICFIN finds Singapore NRIC and FIN numbers (Immigration &
// Checkpoints Authority; National Registration Act): a prefix S, T
// (citizens and permanent residents), F, G or M (foreigners), seven
// digits and a check letter: the digits weighted 2, 7, 6, 5, 4, 3, 2,
// plus 4 for T and G and 3 for M, modulo 11, index the prefix's table
// (JZIHGFEDCBA, XWUTRQPNMLK, XWUTRQPNJLK).
var SGNRICFIN = &detect.Detector{
	Name: "sg_nric_fin",
	Types: []detect.Type{{
		Name: "sg_nric_fin", Family: detect.NationalID, Confidence: confAlone,
		Confirm: "S, T, F, G or M, 7 digits and the prefix's check letter (weights 2,7,6,5,4,3,2 mod 11)",
	}},
	Source: "Immigration & Checkpoints Authority of Singapore, NRIC and FIN numbers (National Registration Act); check letter tables",
	Context: []detect.Word{
		{Text: "NRIC", Conf: confWord}, {Text: "FIN", Conf: confWord}, {Text: "IC number", Conf: confWord},
		{Text: "IC no", Conf: confWord}, {Text: "identity card", Conf: confWord}, {Text: "kad pengenalan", Conf: confWord},
		{Text: "身份证", Conf: confWord}, {Text: "அடையாள அட்டை", Conf: confWord},
	},
	Tokens: &detect.OnToken{MinLen: 9, MaxLen: 9, MinLead: 1, MaxLead: 1, Find: findSGNRIC},
	Examples: []detect.Example{
		{Text: "NRIC S1234567D", Span: "S1234567D", Valid: true},
		{Text: "holder G1234567X, pass", Span: "G1234567X", Valid: true},
		{Text: "NRIC S1234567A"},
		{Text: "NRIC A1234567D"},
		{Text: "code S1234567E"},
	},
}

// findSGNRIC checks the nine-character token t[ts:te].
func findSGNRIC(s *detect.Scan, ts, te int) {
	t := s.T
	switch t[ts] {
	case 'S', 'T', 'F', 'G', 'M':
	default:
		return
	}
	if !detect.IsUpper(t[te-1]) || !detect.All(t[ts+1:te-1], detect.Digit) {
		return
	}
	c := s.Context(ts)
	switch {
	case validate.SGNRICFIN(t[ts:te]):
		s.Add(0, ts, te, max(c, confAlone), true)
	case c > 0:
		s.Veto(ts, te, confVeto)
	}
}
