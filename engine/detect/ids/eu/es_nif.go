package eu

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// ESNIF finds Spanish tax identification numbers (NIF): a person's DNI
// number and its control letter ("12345678Z", also "12345678-Z" and
// "12.345.678-Z"), the K, L and M numbers of people without a DNI, and
// the NIF of an entity (the former CIF: a kind letter, seven digits and
// a control character). Real Decreto 1553/2005, art. 11 (the DNI and
// its control letter: the number mod 23 through TRWAGMYFPDXBNJZSQVHLCKE);
// Real Decreto 1065/2007, arts. 19-21, and Orden EHA/451/2008 (the NIF of
// people and entities and the entity control character). A person's NIF
// is reported without a context word; an entity's, whose control is a
// one-in-ten check, needs one.
var ESNIF = &detect.Detector{
	Name: "es_nif",
	Types: []detect.Type{{
		Name: "es_nif", Family: detect.NationalID, Confidence: confCheck,
		Confirm: "DNI: 8 digits and the control letter (mod 23); K/L/M NIF; entity NIF (letter, 7 digits, control; needs a context word)",
	}},
	Source: "Real Decreto 1553/2005 art. 11 (DNI control letter); Real Decreto 1065/2007 arts. 19-21 and Orden EHA/451/2008 (NIF of people and entities)",
	Context: words(confWord, "nif", "n.i.f.", "dni", "d.n.i.", "cif", "c.i.f.", "dni/nif", "nif/cif",
		"documento nacional de identidad", "número de identificación fiscal", "numero de identificacion fiscal",
		"identificación fiscal", "identificacion fiscal", "document nacional d'identitat", "número d'identificació fiscal",
		"nortasun agiri nazionala", "spanish id", "spanish tax id", "spanish national id"),
	Tokens: &detect.OnToken{MinLen: 9, MaxLen: 9, MinLead: 1, MaxLead: 1, Find: nifToken},
	Digits: &detect.OnDigits{
		Short: 1 << 8, ShortNext: "- " + detect.Capitals, OnShort: nifShort,
		GroupFirst: 1 << 2, GroupSecond: 1 << 3, OnGrouped: nifDotted,
	},
	Examples: []detect.Example{
		{Text: "DNI 12345678Z", Span: "12345678Z", Valid: true},
		{Text: "client 12345678Z signed", Span: "12345678Z", Valid: true},
		{Text: "NIF: 12.345.678-Z", Span: "12.345.678-Z", Valid: true},
		{Text: "DNI 12345678-Z.", Span: "12345678-Z", Valid: true},
		{Text: "NIF K1234567L", Span: "K1234567L", Valid: true},
		{Text: "CIF: A58818501", Span: "A58818501", Valid: true},
		{Text: "NIF 12345678A"},      // wrong control letter
		{Text: "DNI 1234567Z"},       // seven digits
		{Text: "supplier A58818501"}, // an entity NIF needs a context word
		{Text: "CIF: A58818502"},
		{Text: "part 12345678ZX"}, // longer token
		{Text: "DNI 912345678Z"},  // nine digits
	},
}

// nifToken handles a nine-character token of a letter, seven digits and
// a control character.
func nifToken(s *detect.Scan, ts, te int) {
	t := s.T
	v := t[ts:te]
	switch c := v[0]; {
	case c == 'K' || c == 'L' || c == 'M':
		if !digitsAt(t, ts+1, 7) || !detect.IsUpper(v[8]) {
			return
		}
		if validate.SpanishDNI(v) {
			checked(s, 0, ts, te)
		} else {
			vetoIfWord(s, ts, te)
		}
	case c == 'X' || c == 'Y' || c == 'Z':
		// A NIE: es_nie's.
	default:
		if !digitsAt(t, ts+1, 7) || !detect.IsAlnum(v[8]) {
			return
		}
		needWord(s, ts, te, validate.SpanishCIF(v))
	}
}

// nifShort handles eight digits followed by the control letter, directly
// or after '-' or ' '.
func nifShort(s *detect.Scan, i, j int) {
	t := s.T
	k := j
	if k < len(t) && (t[k] == '-' || t[k] == ' ') {
		k++
	}
	if !letterEnd(t, k) {
		return
	}
	nifDigits(s, t[i:j], i, k+1, t[k])
}

// nifDotted handles "12.345.678-Z", "12.345.678 Z" and "12.345.678Z".
func nifDotted(s *detect.Scan, g *detect.Groups) {
	t := s.T
	if g.N < 3 || !g.Shape(2, 3, 3) || g.Sep[0] != '.' || g.Sep[1] != '.' {
		return
	}
	e := g.E[2]
	if e < len(t) && (t[e] == '-' || t[e] == ' ') {
		e++
	}
	if !letterEnd(t, e) {
		return
	}
	var buf [40]byte
	d := g.Concat(t, 3, &buf)
	nifDigits(s, d, g.S[0], e+1, t[e])
}

// nifDigits checks the eight DNI digits d and the letter, written as
// t[b:e].
func nifDigits(s *detect.Scan, d []byte, b, e int, letter byte) {
	var v [9]byte
	copy(v[:8], d)
	v[8] = letter
	if validate.SpanishDNI(v[:]) {
		checked(s, 0, b, e)
	} else {
		vetoIfWord(s, b, e)
	}
}
