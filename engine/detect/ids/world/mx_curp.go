package world

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// MXCURP finds Mexican population registry codes (Clave Única de
// Registro de Población; RENAPO, "Instructivo normativo para la
// asignación de la CURP"): four letters from the name, a birth date, the
// sex (H, M or X), a state code (or NE, born abroad), three internal
// consonants, a differentiator and a check digit, (10 - S mod 10) mod
// 10 over the first seventeen characters valued 0-9, A=10 ... (Ñ after
// N) and weighted 18 down to 2.
var MXCURP = &detect.Detector{
	Name: "mx_curp",
	Types: []detect.Type{{
		Name: "mx_curp", Family: detect.NationalID, Confidence: confAlone,
		Confirm: "18 characters: name letters, real birth date, sex, RENAPO state code, consonants, check digit",
	}},
	Source: "RENAPO (Mexico), Instructivo normativo para la asignación de la CURP; check digit",
	Context: []detect.Word{
		{Text: "CURP", Conf: confWord}, {Text: "clave única de registro de población", Conf: confWord},
		{Text: "clave unica de registro de poblacion", Conf: confWord}, {Text: "clave única", Conf: confWord},
	},
	Tokens: &detect.OnToken{MinLen: 18, MaxLen: 18, MinLead: 4, MaxLead: 4, Find: findCURP},
	Examples: []detect.Example{
		{Text: "CURP BOXW310820HNERXN09", Span: "BOXW310820HNERXN09", Valid: true},
		{Text: "solicitante HEGG560427MVZRRL04.", Span: "HEGG560427MVZRRL04", Valid: true},
		{Text: "CURP BOXW310820HNERXN08"},
		{Text: "CURP BOXW310820HZZRXN04"}, // no state ZZ
	},
}

// mxStates are RENAPO's state codes, and NE for births abroad.
const mxStates = "AS BC BS CC CH CL CM CS DF DG GR GT HG JC MC MN MS NE NL NT OC PL QR QT SL SP SR TC TL TS VZ YN ZS"

// mxState reports whether ab is a state code.
func mxState(a, b byte) bool {
	for k := 0; k+1 < len(mxStates); k += 3 {
		if mxStates[k] == a && mxStates[k+1] == b {
			return true
		}
	}
	return false
}

// findCURP checks the eighteen-character token t[ts:te].
func findCURP(s *detect.Scan, ts, te int) {
	v := s.T[ts:te]
	if !detect.All(v[4:10], detect.Digit) || !detect.IsUpper(v[10]) {
		return
	}
	if validate.CURP(v) && mxState(v[11], v[12]) {
		s.Add(0, ts, te, max(s.Context(ts), confAlone), true)
	} else if s.Context(ts) > 0 {
		s.Veto(ts, te, confVeto)
	}
}
