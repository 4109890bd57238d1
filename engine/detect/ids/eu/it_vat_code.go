package eu

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// ITVATCode finds Italian VAT numbers (partita IVA): eleven digits, the
// company number (seven), the code of the provincial office (001-100,
// 120, 121, 888, 999) and a check digit (the Luhn algorithm), per DPR
// 633/1972, art. 35, and Decreto del Ministro delle Finanze 23 dicembre
// 1976. With the IT prefix of the EU VAT form ("IT00743110157", "IT
// 00743110157") it is reported without a context word; eleven bare
// digits, passing a one-in-ten check, need one. It is this detector, not
// eu_vat_id, that reports Italian VAT numbers.
var ITVATCode = &detect.Detector{
	Name: "it_vat_code",
	Types: []detect.Type{{
		Name: "it_vat_code", Family: detect.NationalID, Confidence: confCheck, NeedsContext: true,
		Confirm: "11 digits: company number, provincial office code, Luhn check digit; IT prefix or a context word",
	}},
	Source: "DPR 633/1972 art. 35; DM Finanze 23 dicembre 1976 (check digit); Agenzia delle Entrate",
	Context: words(confWord, "partita iva", "partita i.v.a.", "p.iva", "p. iva", "p.i.", "piva", "p.iva/c.f.",
		"numero di partita iva", "codice iva", "iva", "vat", "vat number", "vat no", "vat id", "italian vat"),
	Tokens: &detect.OnToken{MinLen: 13, MaxLen: 13, MinLead: 2, MaxLead: 2, Find: itVATToken},
	Digits: &detect.OnDigits{Compact: 1 << 11, OnCompact: itVATCompact},
	Examples: []detect.Example{
		{Text: "P.IVA 00743110157", Span: "00743110157", Valid: true},
		{Text: "partita IVA: 07643520567", Span: "07643520567", Valid: true},
		{Text: "supplier IT00743110157.", Span: "IT00743110157", Valid: true},
		{Text: "supplier IT 00743110157", Span: "IT 00743110157", Valid: true},
		{Text: "ref 00743110157"},
		{Text: "P.IVA 00743110158"},
		{Text: "supplier IT00743110158"},
		{Text: "P.IVA 00743111157"}, // office 111
	},
}

// itVATToken handles "IT" and eleven digits.
func itVATToken(s *detect.Scan, ts, te int) {
	t := s.T
	if t[ts] != 'I' || t[ts+1] != 'T' || !digitsAt(t, ts+2, 11) {
		return
	}
	if validate.ItalianVAT(t[ts+2 : te]) {
		checked(s, 0, ts, te)
	} else {
		vetoIfWord(s, ts, te)
	}
}

// itVATCompact handles eleven bare digits, or "IT " and eleven digits.
func itVATCompact(s *detect.Scan, i, j int) {
	t := s.T
	ok := validate.ItalianVAT(t[i:j])
	if i >= 3 && t[i-1] == ' ' && t[i-3] == 'I' && t[i-2] == 'T' && detect.FreeLeft(t, i-3) {
		if ok {
			checked(s, 0, i-3, j)
		} else {
			vetoIfWord(s, i-3, j)
		}
		return
	}
	needWord(s, i, j, ok)
}
