package eu

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// ITFiscalCode finds Italian personal fiscal codes (codice fiscale): 16
// characters, upper case, encoding the surname and name (three letters
// each), the year, month letter and day of birth (plus 40 for women), the
// municipality or foreign country (a letter and three digits) and a check
// letter (Decreto del Ministro delle Finanze 23 dicembre 1976, "Sistemi
// di codificazione dei soggetti da iscrivere all'anagrafe tributaria",
// and DPR 605/1973, art. 1; Agenzia delle Entrate, "Codice fiscale").
// Homocodic codes, whose digits are replaced by the letters L-V, are
// found too. The structure and the check letter confirm a code without a
// context word.
var ITFiscalCode = &detect.Detector{
	Name: "it_fiscal_code",
	Types: []detect.Type{{
		Name: "it_fiscal_code", Family: detect.NationalID, Confidence: confCheck,
		Confirm: "16 characters: name letters, date of birth (month letter, day + 40 for women), place code, check letter (odd/even tables mod 26)",
	}},
	Source: "DM Finanze 23 dicembre 1976 (codice fiscale) and DPR 605/1973 art. 1; Agenzia delle Entrate",
	Context: words(confWord, "codice fiscale", "cod. fiscale", "cod.fisc.", "c.f.", "cf", "fiscal code",
		"tax code", "italian tax code", "codice fiscale italiano", "steuernummer"),
	Tokens: &detect.OnToken{MinLen: 16, MaxLen: 16, MinLead: 6, MaxLead: 15, Find: fiscalCode},
	Examples: []detect.Example{
		{Text: "codice fiscale RSSMRA85T10A562S", Span: "RSSMRA85T10A562S", Valid: true},
		{Text: "paziente RSSMRA85T50A562W.", Span: "RSSMRA85T50A562W", Valid: true},
		{Text: "CF: RSSMRA85T10A56NH", Span: "RSSMRA85T10A56NH", Valid: true},
		{Text: "codice fiscale RSSMRA85T10A562T"},
		{Text: "codice fiscale RSSMRA85F10A562S"}, // F is no month letter
		{Text: "codice fiscale RSSMRA85T10A562SX"},
	},
}

// fiscalCode handles a 16-character token with six or more letters
// before its first digit.
func fiscalCode(s *detect.Scan, ts, te int) {
	v := s.T[ts:te]
	if validate.ItalianFiscalCode(v) {
		checked(s, 0, ts, te)
		return
	}
	// The shape: letters where only letters go.
	for _, k := range [...]int{0, 1, 2, 3, 4, 5, 8, 11, 15} {
		if !detect.IsUpper(v[k]) {
			return
		}
	}
	vetoIfWord(s, ts, te)
}
