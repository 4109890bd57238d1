package eu

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// IEPPSN finds Irish Personal Public Service Numbers: seven digits, a
// check letter and, on numbers issued since 2013, a second letter (A, B
// or H) that takes part in the check; older numbers may end in W, T, X or
// Z outside it. The digits weighted 8 down to 2, plus 9 times the second
// letter's value, mod 23, give the check letter (W for 0, A-V for 1-22)
// (Social Welfare Consolidation Act 2005, s. 262; Department of Social
// Protection, "Personal Public Service Number"; Revenue, PPSN format).
// The check letter confirms it without a context word.
var IEPPSN = &detect.Detector{
	Name: "ie_ppsn",
	Types: []detect.Type{{
		Name: "ie_ppsn", Family: detect.NationalID, Confidence: confCheck,
		Confirm: "7 digits, check letter (weights 8..2, second letter x 9, mod 23), optional second letter",
	}},
	Source: "Social Welfare Consolidation Act 2005 s. 262; Department of Social Protection and Revenue, PPSN format",
	Context: words(confWord, "ppsn", "pps", "pps number", "pps no", "pps no.", "ppsno", "personal public service",
		"personal public service number", "uimhir pspp", "uimhir phearsanta seirbhíse poiblí", "irish pps"),
	Digits: &detect.OnDigits{Short: 1 << 7, ShortNext: detect.Capitals, OnShort: ppsnShort},
	Examples: []detect.Example{
		{Text: "PPS number 1234567T", Span: "1234567T", Valid: true},
		{Text: "client 1234567FA", Span: "1234567FA", Valid: true},
		{Text: "PPSN: 1234567TW.", Span: "1234567TW", Valid: true},
		{Text: "PPS 1234567U"},
		{Text: "PPS 1234567TA"},
		{Text: "ref 123456T"},
	},
}

// ppsnShort handles a seven-digit run followed by one or two capitals.
func ppsnShort(s *detect.Scan, i, j int) {
	t := s.T
	if j >= len(t) || !detect.IsUpper(t[j]) {
		return
	}
	te := j + 1
	if te < len(t) && detect.IsUpper(t[te]) {
		te++
	}
	if !detect.FreeRight(t, te) {
		return
	}
	if validate.IrishPPSN(t[i:te]) {
		checked(s, 0, i, te)
	} else {
		vetoIfWord(s, i, te)
	}
}

// PTNIF finds Portuguese tax identification numbers (Número de
// Identificação Fiscal, NIF / NIPC): nine digits whose first one or two
// say the kind of holder and whose last is the mod 11 check digit of the
// first eight weighted 9 down to 2 (Decreto-Lei n.º 14/2013; Autoridade
// Tributária e Aduaneira, "Número de Identificação Fiscal"), compact (the
// form the AT prints and forms ask for); a context word is required.
var PTNIF = &detect.Detector{
	Name: "pt_nif",
	Types: []detect.Type{{
		Name: "pt_nif", Family: detect.NationalID, Confidence: confWord, NeedsContext: true,
		Confirm: "9 digits: holder-kind prefix, mod 11 check digit (weights 9..2); needs a context word",
	}},
	Source: "Decreto-Lei n.º 14/2013; Autoridade Tributária e Aduaneira, Número de Identificação Fiscal",
	Context: words(confWord, "nif", "n.i.f.", "nipc", "contribuinte", "nº contribuinte", "n.º contribuinte",
		"n.º de contribuinte", "número de contribuinte", "numero de contribuinte", "número de identificação fiscal",
		"numero de identificacao fiscal", "portuguese tax number", "portuguese nif"),
	Digits: &detect.OnDigits{Compact: 1 << 9, OnCompact: ptNIFCompact},
	Examples: []detect.Example{
		{Text: "NIF 501964843", Span: "501964843", Valid: true},
		{Text: "contribuinte n.º 123456789", Span: "123456789", Valid: true},
		{Text: "ref 501964843"},
		{Text: "NIF 501964844"},
		{Text: "NIF 401964843"},
	},
}

// ptNIFCompact handles nine bare digits.
func ptNIFCompact(s *detect.Scan, i, j int) {
	needWord(s, i, j, validate.PortugueseNIF(s.T[i:j]))
}
