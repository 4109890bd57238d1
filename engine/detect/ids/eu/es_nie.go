package eu

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// ESNIE finds Spanish foreigner identity numbers (Número de Identidad de
// Extranjero): X, Y or Z, seven digits and the control letter, which is
// the DNI control letter of the eight-digit number with X, Y and Z read as
// 0, 1 and 2 ("X1234567L", also "X-1234567-L" and "X1234567-L"). Real
// Decreto 557/2011, art. 206 (the NIE), and Orden INT/2058/2008 (the Y
// and Z series); the control letter of Real Decreto 1553/2005, art. 11.
var ESNIE = &detect.Detector{
	Name: "es_nie",
	Types: []detect.Type{{
		Name: "es_nie", Family: detect.NationalID, Confidence: confCheck,
		Confirm: "X/Y/Z, 7 digits and the control letter (mod 23 with X=0, Y=1, Z=2)",
	}},
	Source: "Real Decreto 557/2011 art. 206; Orden INT/2058/2008; control letter of Real Decreto 1553/2005 art. 11",
	Context: words(confWord, "nie", "n.i.e.", "número de identidad de extranjero", "numero de identidad de extranjero",
		"identidad de extranjero", "tarjeta de residencia", "foreigner identity number", "número d'identitat d'estranger"),
	Tokens: &detect.OnToken{MinLen: 8, MaxLen: 9, MinLead: 1, MaxLead: 1, Find: nieToken},
	Bytes:  []detect.OnByte{{Byte: '-', Before: detect.Upper, Find: nieDashed}},
	Examples: []detect.Example{
		{Text: "NIE X1234567L", Span: "X1234567L", Valid: true},
		{Text: "resident Y1234567X.", Span: "Y1234567X", Valid: true},
		{Text: "NIE: X-1234567-L", Span: "X-1234567-L", Valid: true},
		{Text: "NIE Z1234567-R", Span: "Z1234567-R", Valid: true},
		{Text: "NIE X1234567T"},
		{Text: "NIE W1234567L"},
		{Text: "NIE X123456L"},
	},
}

// nieToken handles "X1234567L", and "X1234567" followed by "-L".
func nieToken(s *detect.Scan, ts, te int) {
	t := s.T
	c := t[ts]
	if c < 'X' || c > 'Z' || !digitsAt(t, ts+1, 7) {
		return
	}
	var v [9]byte
	switch te - ts {
	case 9:
		if !detect.IsUpper(t[ts+8]) {
			return
		}
		copy(v[:], t[ts:te])
	case 8:
		if te+1 >= len(t) || t[te] != '-' || !letterEnd(t, te+1) {
			return
		}
		copy(v[:8], t[ts:te])
		v[8] = t[te+1]
		te += 2
	default:
		return
	}
	nieCheck(s, v[:], ts, te)
}

// nieCheck reports or vetoes the NIE v written as t[b:e].
func nieCheck(s *detect.Scan, v []byte, b, e int) {
	if validate.SpanishNIE(v) {
		checked(s, 0, b, e)
	} else {
		vetoIfWord(s, b, e)
	}
}

// nieDashed handles "X-1234567-L" at its first dash, t[p].
func nieDashed(s *detect.Scan, p int) {
	t := s.T
	if t[p-1] < 'X' || t[p-1] > 'Z' || !detect.FreeLeft(t, p-1) || !digitsAt(t, p+1, 7) ||
		p+9 >= len(t) || t[p+8] != '-' || !letterEnd(t, p+9) {
		return
	}
	var v [9]byte
	v[0] = t[p-1]
	copy(v[1:8], t[p+1:p+8])
	v[8] = t[p+9]
	nieCheck(s, v[:], p-1, p+10)
}
