package world

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// MXRFC finds Mexican taxpayer registry codes (Registro Federal de
// Contribuyentes; SAT, Código Fiscal de la Federación art. 27): three
// letters (a company, persona moral) or four (a person, persona física),
// a date, and the homoclave: two characters and a check digit computed
// mod 11 over the first twelve characters (a company's padded with a
// space). Written compact; codes with Ñ or & are not ASCII tokens and are
// not found.
var MXRFC = &detect.Detector{
	Name: "mx_rfc",
	Types: []detect.Type{{
		Name: "mx_rfc", Family: detect.NationalID, Confidence: confAlone,
		Confirm: "12 (moral) or 13 (física) characters: letters, real date, homoclave with mod 11 check digit",
	}},
	Source: "SAT (Mexico), Registro Federal de Contribuyentes (CFF art. 27); homoclave check digit",
	Context: []detect.Word{
		{Text: "RFC", Conf: confWord}, {Text: "R.F.C.", Conf: confWord}, {Text: "registro federal de contribuyentes", Conf: confWord},
	},
	Tokens: &detect.OnToken{MinLen: 12, MaxLen: 13, MinLead: 3, MaxLead: 4, Find: findRFC},
	Examples: []detect.Example{
		{Text: "RFC GODE561231GR8", Span: "GODE561231GR8", Valid: true},
		{Text: "Proveedor MAB9307148T4, CDMX", Span: "MAB9307148T4", Valid: true},
		{Text: "RFC VACE460910SX6"},
		{Text: "RFC GODE561331GR8"},
	},
}

// findRFC checks the token t[ts:te] of twelve or thirteen characters.
func findRFC(s *detect.Scan, ts, te int) {
	v := s.T[ts:te]
	name := len(v) - 9
	if !detect.IsUpper(v[name-1]) || !detect.All(v[name:name+6], detect.Digit) {
		return
	}
	if validate.RFC(v) {
		s.Add(0, ts, te, max(s.Context(ts), confAlone), true)
	} else if s.Context(ts) > 0 {
		s.Veto(ts, te, confVeto)
	}
}
