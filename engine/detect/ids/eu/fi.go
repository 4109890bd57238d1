package eu

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// FIPersonalIdentityCode finds Finnish personal identity codes
// (henkilötunnus / personbeteckning): DDMMYY, the century sign ('+' for
// the 1800s; '-' or, from 2023, Y, X, W, V or U for the 1900s; A or, from
// 2023, B, C, D, E or F for the 2000s), the individual number (002-899,
// 900-999 temporary) and the check character of the nine digits mod 31
// through 0-9, A-F, H, J-N, P, R-Y (Väestötietojärjestelmälaki 661/2009,
// 11 §; Valtioneuvoston asetus väestötietojärjestelmästä 128/2010 as
// amended by 1130/2022; Digi- ja väestötietovirasto, "Henkilötunnus").
// The date, the sign and the check character confirm it without a
// context word.
var FIPersonalIdentityCode = &detect.Detector{
	Name: "fi_personal_identity_code",
	Types: []detect.Type{{
		Name: "fi_personal_identity_code", Family: detect.NationalID, Confidence: confCheck,
		Confirm: "DDMMYY, century sign (+, -/YXWVU, A/BCDEF), individual number, check character mod 31",
	}},
	Source: "Väestötietojärjestelmälaki 661/2009 11 §; VN asetus 128/2010 as amended by 1130/2022; DVV, henkilötunnus",
	Context: words(confWord, "henkilötunnus", "henkilotunnus", "henkilötunnuksen", "hetu", "sosiaaliturvatunnus",
		"sotu", "personbeteckning", "personal identity code", "finnish personal identity code", "finnish id"),
	Digits: &detect.OnDigits{Short: 1 << 6, ShortNext: "+-YXWVUABCDEF", OnShort: hetuShort},
	Examples: []detect.Example{
		{Text: "henkilötunnus 131052-308T", Span: "131052-308T", Valid: true},
		{Text: "patient 131052-308T arrived", Span: "131052-308T", Valid: true},
		{Text: "hetu: 010594Y9032", Span: "010594Y9032", Valid: true},
		{Text: "born 131052A308T.", Span: "131052A308T", Valid: true},
		{Text: "henkilötunnus 131052-308U"},
		{Text: "code 131052G308T"},
		{Text: "henkilötunnus 290223A0022"}, // 29 February 2023
	},
}

// hetuShort handles a six-digit run followed by a century sign, three
// digits and the check character.
func hetuShort(s *detect.Scan, i, j int) {
	t := s.T
	if j+5 > len(t) || !digitsAt(t, j+1, 3) || !detect.FreeRight(t, j+5) {
		return
	}
	switch t[j] {
	case '+', '-', 'Y', 'X', 'W', 'V', 'U', 'A', 'B', 'C', 'D', 'E', 'F':
	default:
		return
	}
	c := t[j+4]
	if !detect.IsDigit(c) && !detect.IsUpper(c) {
		return
	}
	if validate.FinnishHetu(t[i : j+5]) {
		checked(s, 0, i, j+5)
	} else {
		vetoIfWord(s, i, j+5)
	}
}
