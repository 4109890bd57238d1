package eu

import "github.com/datafog/datafog-api/engine/detect"

// Italian identity documents. None of their numbers carries a check
// character, so each needs a context word naming the document.

// ITIdentityCard finds Italian identity card numbers: the electronic
// card (CIE 3.0, since 2016) "CA00000AA", two letters, five digits and
// two letters, and the paper card "AA1234567", two letters and seven
// digits (Ministero dell'Interno, "Carta d'identità elettronica",
// DM 23 dicembre 2015; Istituto Poligrafico e Zecca dello Stato).
var ITIdentityCard = &detect.Detector{
	Name: "it_identity_card",
	Types: []detect.Type{{
		Name: "it_identity_card", Family: detect.NationalID, Confidence: confShape, NeedsContext: true,
		Confirm: "CIE: 2 letters, 5 digits, 2 letters; paper card: 2 letters and 7 digits; needs a context word",
	}},
	Source: "Ministero dell'Interno, Carta d'identità elettronica (DM 23 dicembre 2015); IPZS",
	Context: words(confShape, "carta d'identità", "carta d’identità", "carta di identità", "carta d'identita",
		"carta identità", "cie", "c.i.", "documento d'identità", "documento di identità", "identity card", "italian id card"),
	Tokens: &detect.OnToken{MinLen: 9, MaxLen: 9, MinLead: 2, MaxLead: 2, Find: itIDCardToken},
	Examples: []detect.Example{
		{Text: "carta d'identità CA12345AB", Span: "CA12345AB", Valid: true},
		{Text: "CIE n. CA00000AA", Span: "CA00000AA", Valid: true},
		{Text: "carta di identità AX1234567", Span: "AX1234567", Valid: true},
		{Text: "ref CA12345AB"},
		{Text: "carta d'identità CA1234AB"},
	},
}

// itIDCardToken handles "CA12345AB" and "AX1234567".
func itIDCardToken(s *detect.Scan, ts, te int) {
	t := s.T
	if !isUpper2(t, ts) {
		return
	}
	if digitsAt(t, ts+2, 5) && isUpper2(t, ts+7) || digitsAt(t, ts+2, 7) {
		shapeWord(s, 0, ts, te)
	}
}

// ITPassport finds Italian passport numbers: two letters and seven digits
// ("YA1234567"), as printed by the Istituto Poligrafico e Zecca dello
// Stato on the electronic passport (Legge 1185/1967; Ministero degli
// Affari Esteri, "Passaporto elettronico").
var ITPassport = &detect.Detector{
	Name: "it_passport",
	Types: []detect.Type{{
		Name: "it_passport", Family: detect.NationalID, Confidence: confShape, NeedsContext: true,
		Confirm: "2 letters and 7 digits; needs a context word",
	}},
	Source:  "Legge 1185/1967 (passaporti); Ministero degli Affari Esteri e IPZS, passaporto elettronico",
	Context: words(confShape, "passaporto", "numero passaporto", "n. passaporto", "passaporto n.", "italian passport", "passport"),
	Tokens:  &detect.OnToken{MinLen: 9, MaxLen: 9, MinLead: 2, MaxLead: 2, Find: itPassport},
	Examples: []detect.Example{
		{Text: "passaporto YA1234567", Span: "YA1234567", Valid: true},
		{Text: "passport no. AA0000001.", Span: "AA0000001", Valid: true},
		{Text: "ref YA1234567"},
		{Text: "passaporto YA123456"},
	},
}

// itPassport handles two capitals and seven digits.
func itPassport(s *detect.Scan, ts, te int) {
	if isUpper2(s.T, ts) && digitsAt(s.T, ts+2, 7) {
		shapeWord(s, 0, ts, te)
	}
}

// ITDriverLicense finds Italian driving licence numbers: the provincial
// prefix (two letters), seven digits and a letter ("MI1234567A"), or, on
// the cards issued by the Motorizzazione since 1999 and the EU card, U1,
// seven letters or digits and a letter (Ministero delle Infrastrutture e
// dei Trasporti, "Patente di guida"; D.Lgs. 59/2011).
var ITDriverLicense = &detect.Detector{
	Name: "it_driver_license",
	Types: []detect.Type{{
		Name: "it_driver_license", Family: detect.NationalID, Confidence: confShape, NeedsContext: true,
		Confirm: "2 letters, 7 digits and a letter, or U1 + 7 letters/digits + a letter; needs a context word",
	}},
	Source: "Ministero delle Infrastrutture e dei Trasporti, patente di guida; D.Lgs. 59/2011",
	Context: words(confShape, "patente", "patente di guida", "numero patente", "n. patente", "licenza di guida",
		"driving licence", "driving license", "driver's license", "driver license", "drivers license"),
	Tokens: &detect.OnToken{MinLen: 10, MaxLen: 10, MinLead: 1, MaxLead: 2, Find: itDriverLicense},
	Examples: []detect.Example{
		{Text: "patente MI1234567A", Span: "MI1234567A", Valid: true},
		{Text: "patente di guida U1AB23456C", Span: "U1AB23456C", Valid: true},
		{Text: "ref MI1234567A"},
		{Text: "patente MI123456A"},
	},
}

// itDriverLicense handles "MI1234567A" and "U1" + seven characters + a
// letter.
func itDriverLicense(s *detect.Scan, ts, te int) {
	t := s.T
	v := t[ts:te]
	if !detect.IsUpper(v[9]) {
		return
	}
	switch {
	case isUpper2(t, ts) && digitsAt(t, ts+2, 7):
	case v[0] == 'U' && v[1] == '1':
		for _, c := range v[2:9] {
			if !detect.IsUpper(c) && !detect.IsDigit(c) {
				return
			}
		}
	default:
		return
	}
	shapeWord(s, 0, ts, te)
}
