package eu

import "github.com/datafog/datafog-api/engine/detect"

// ESPassport finds Spanish passport numbers: three letters and six
// digits ("PAA123456"; older booklets two letters and six digits), as
// issued by the Dirección General de la Policía under Real Decreto
// 896/2003 (the ordinary passport). The number carries no check digit,
// so a context word is required.
var ESPassport = &detect.Detector{
	Name: "es_passport",
	Types: []detect.Type{{
		Name: "es_passport", Family: detect.NationalID, Confidence: confShape, NeedsContext: true,
		Confirm: "2-3 letters and 6 digits; needs a context word",
	}},
	Source: "Real Decreto 896/2003 (pasaporte ordinario); Dirección General de la Policía",
	Context: words(confShape, "pasaporte", "número de pasaporte", "numero de pasaporte", "nº pasaporte",
		"passaport", "spanish passport", "passport"),
	Tokens: &detect.OnToken{MinLen: 8, MaxLen: 9, MinLead: 2, MaxLead: 3, Find: esPassport},
	Examples: []detect.Example{
		{Text: "pasaporte PAA123456", Span: "PAA123456", Valid: true},
		{Text: "Passport no. XD123456", Span: "XD123456", Valid: true},
		{Text: "ref PAA123456"},
		{Text: "pasaporte PAA12345"},
		{Text: "pasaporte PAA1234567"},
	},
}

// esPassport handles a token of two or three capitals and six digits.
func esPassport(s *detect.Scan, ts, te int) {
	t := s.T
	lead := te - ts - 6
	if (lead != 2 && lead != 3) || !isUpper2(t, ts) || lead == 3 && !detect.IsUpper(t[ts+2]) || !digitsAt(t, ts+lead, 6) {
		return
	}
	shapeWord(s, 0, ts, te)
}
