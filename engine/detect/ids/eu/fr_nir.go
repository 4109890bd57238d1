package eu

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// FRNIR finds French social security numbers: the NIR (numéro
// d'inscription au répertoire national d'identification des personnes
// physiques) and its two-digit key, 15 characters: the sex, the year and
// month of birth, the département (2A and 2B for Corsica) and commune or
// country of birth, the order number, and the key, 97 minus the first
// thirteen digits mod 97, with 2A read as 19 and 2B as 18 (décret n°
// 82-103 du 22 janvier 1982, art. 4; INSEE, "NIR" XML schema,
// xml.insee.fr/schema/nir.html). Compact ("185057800608436"), in the
// groups of the carte Vitale ("1 85 05 78 006 084 36", spaces, dots or
// dashes), or with the key apart ("1850578006084 36"). A fifteen-digit
// number is as often a card or an IMEI, so a context word is required.
var FRNIR = &detect.Detector{
	Name: "fr_nir",
	Types: []detect.Type{{
		Name: "fr_nir", Family: detect.NationalID, Confidence: confWord, NeedsContext: true,
		Confirm: "15 characters: sex, year, month, département (2A/2B), commune, order, key = 97 - (n mod 97); needs a context word",
	}},
	Source: "Décret n° 82-103 du 22 janvier 1982, art. 4; INSEE, NIR (xml.insee.fr/schema/nir.html)",
	Context: words(confWord, "nir", "nirpp", "numéro de sécurité sociale", "numero de securite sociale",
		"n° de sécurité sociale", "no de sécurité sociale", "sécurité sociale", "securite sociale", "sécu", "n° sécu",
		"numéro insee", "numero insee", "insee", "carte vitale", "numéro d'inscription au répertoire",
		"french social security number", "social security number"),
	Digits: &detect.OnDigits{
		Short: 1 << 6, ShortNext: "AB", OnShort: nirCorsica,
		Compact: 1<<15 | 1<<13, OnCompact: nirCompact,
		GroupFirst: 1 << 1, OnGrouped: nirGrouped,
	},
	Examples: []detect.Example{
		{Text: "NIR 295109912611193", Span: "295109912611193", Valid: true},
		{Text: "numéro de sécurité sociale : 2 95 10 99 126 111 93", Span: "2 95 10 99 126 111 93", Valid: true},
		{Text: "n° sécu 2 53 07 2B 073 004 70.", Span: "2 53 07 2B 073 004 70", Valid: true},
		{Text: "NIR: 253072A07300443", Span: "253072A07300443", Valid: true},
		{Text: "INSEE 2951099126111 93", Span: "2951099126111 93", Valid: true},
		{Text: "ref 295109912611193"},
		{Text: "NIR 295109912611199"},
		{Text: "NIR 2 95 10 99 126 111 9"},
		{Text: "NIR 253072C07300443"},
	},
}

// nirShape reports whether the fifteen characters v have a NIR's
// structure but for the key: the sex and month digits and a département
// (digits, 2A or 2B).
func nirShape(v []byte) bool {
	switch v[0] {
	case '1', '2', '3', '4', '7', '8':
	default:
		return false
	}
	if !detect.IsDigit(v[3]) || !detect.IsDigit(v[4]) {
		return false
	}
	m := twoDigits(v, 3)
	if m == 0 || m > 12 && m < 20 {
		return false
	}
	return v[5] == '2' && (v[6] == 'A' || v[6] == 'B') || detect.IsDigit(v[5]) && detect.IsDigit(v[6])
}

// nirCheck reports the NIR v (15 characters) written as t[b:e], or vetoes
// it when it has the structure but not the key.
func nirCheck(s *detect.Scan, v []byte, b, e int) {
	if validate.FrenchNIR(v) {
		needWord(s, b, e, true)
	} else if nirShape(v) {
		vetoIfWord(s, b, e)
	}
}

// nirCorsica handles a compact Corsican NIR, "253072A07300443": the run
// t[i:j] of its first six digits.
func nirCorsica(s *detect.Scan, i, j int) {
	t := s.T
	if j >= len(t) || t[j] != 'A' && t[j] != 'B' || t[j-1] != '2' || !digitsAt(t, j+1, 8) || !detect.FreeRight(t, j+9) {
		return
	}
	nirCheck(s, t[i:j+9], i, j+9)
}

// nirCompact handles fifteen digits, and thirteen followed by a space and
// the key.
func nirCompact(s *detect.Scan, i, j int) {
	t := s.T
	switch j - i {
	case 15:
		nirCheck(s, t[i:j], i, j)
	case 13:
		if j+3 <= len(t) && t[j] == ' ' && digitsAt(t, j+1, 2) && detect.NumRight(t, j+3) {
			var v [15]byte
			copy(v[:13], t[i:j])
			copy(v[13:], t[j+1:j+3])
			nirCheck(s, v[:], i, j+3)
		}
	}
}

// nirGroups are the lengths of the groups of a NIR as printed on the
// carte Vitale.
var nirGroups = [...]int{1, 2, 2, 2, 3, 3, 2}

// nirGrouped handles "1 85 05 78 006 084 36" with one separator (' ',
// '.' or '-') throughout; the fourth group may be 2A or 2B.
func nirGrouped(s *detect.Scan, g *detect.Groups) {
	t := s.T
	p := g.S[0]
	if p+1 >= len(t) {
		return
	}
	sep := t[p+1]
	if sep != ' ' && sep != '.' && sep != '-' {
		return
	}
	var v [15]byte
	n := 0
	for k, l := range nirGroups {
		if k > 0 {
			if p >= len(t) || t[p] != sep {
				return
			}
			p++
		}
		if p+l > len(t) {
			return
		}
		for x := 0; x < l; x++ {
			c := t[p+x]
			if !detect.IsDigit(c) && !(k == 3 && x == 1 && (c == 'A' || c == 'B') && t[p] == '2') {
				return
			}
			v[n] = c
			n++
		}
		p += l
	}
	if !detect.NumRight(t, p) || p+1 < len(t) && t[p] == sep && detect.IsDigit(t[p+1]) {
		return // glued to more digits, or followed by another group
	}
	nirCheck(s, v[:], g.S[0], p)
}
