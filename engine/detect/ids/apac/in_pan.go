package apac

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// INPAN finds Indian Permanent Account Numbers (Income Tax Department,
// Income-tax Act 1961 s. 139A; "Permanent Account Number (PAN)"): five
// letters, the fourth the holder type (P individual, C company, H Hindu
// undivided family, F firm, A association of persons, T trust, B body of
// individuals, L local authority, J artificial juridical person, G
// government, K krish), four digits and a letter. The last letter is a
// check character whose algorithm is not published, so a context word is
// required.
var INPAN = &detect.Detector{
	Name: "in_pan",
	Types: []detect.Type{{
		Name: "in_pan", Family: detect.NationalID, Confidence: 0.8, NeedsContext: true,
		Confirm: "5 letters (the 4th a holder type), 4 digits, a letter; needs a context word",
	}},
	Source: "Income Tax Department of India, Permanent Account Number (Income-tax Act 1961 s. 139A); holder type codes",
	Context: []detect.Word{
		{Text: "PAN", Conf: 0.8}, {Text: "permanent account number", Conf: 0.8}, {Text: "PAN card", Conf: 0.8},
		{Text: "स्थायी खाता संख्या", Conf: 0.8}, {Text: "पैन", Conf: 0.8},
	},
	Tokens: &detect.OnToken{MinLen: 10, MaxLen: 10, MinLead: 5, MaxLead: 5, Find: findINPAN},
	Examples: []detect.Example{
		{Text: "PAN: AAPPV8261K", Span: "AAPPV8261K", Valid: true},
		{Text: "permanent account number ACUPA7085R.", Span: "ACUPA7085R", Valid: true},
		{Text: "PAN: AAPXV8261K"}, // X is no holder type
		{Text: "PAN: AAPPV0000K"},
		{Text: "SKU AAPPV8261K"},
	},
}

// findINPAN checks the ten-character token t[ts:te].
func findINPAN(s *detect.Scan, ts, te int) {
	if validate.INPAN(s.T[ts:te]) {
		if c := s.Context(ts); c > 0 {
			s.Add(0, ts, te, c, true)
		}
	}
}
