package de

import "github.com/datafog/datafog-api/engine/detect"

// Passport finds the serial numbers of German passports (Reisepass; §4
// PassG and the Passverordnung, Anlage 11): nine characters, a
// four-character authority code and a five-character number, of the
// digits and the consonants C F G H J K L M N P R T V W X Y Z, the first
// a letter of C F G H J K ("C01X00T47"); or ten, with the ICAO Doc 9303
// check digit (weights 7 3 1) of the machine-readable zone
// ("C01X00T478"). The check digit, where present, is verified; a context
// word is required either way.
var Passport = &detect.Detector{
	Name: "de_passport",
	Types: []detect.Type{{
		Name: "de_passport", Family: detect.NationalID, Confidence: 0.9, NeedsContext: true,
		Confirm: "9-character serial (document alphabet, first letter C-K), ICAO 9303 7-3-1 check digit when given; needs a context word",
	}},
	Source: "§4 PassG; Passverordnung Anlage 11 (Seriennummer); ICAO Doc 9303 Part 3 §4.9 (check digit)",
	Context: []detect.Word{
		{Text: "reisepass", Conf: 0.85}, {Text: "reisepassnummer", Conf: 0.85}, {Text: "passnummer", Conf: 0.85},
		{Text: "pass-nr", Conf: 0.85}, {Text: "passnr", Conf: 0.85}, {Text: "german passport", Conf: 0.85},
		{Text: "passport", Conf: 0.55},
	},
	Tokens: &detect.OnToken{MinLen: 9, MaxLen: 10, MinLead: 1, MaxLead: 9, Find: passport},
	Examples: []detect.Example{
		{Text: "Reisepass C01X00T478", Span: "C01X00T478", Valid: true},
		{Text: "Passnummer: C01X00T47", Span: "C01X00T47", Valid: true},
		{Text: "Reisepass C01X00T479"}, // check digit
		{Text: "Reisepass T220001293"}, // an identity card's first letter
		{Text: "Bestellung C01X00T478"},
	},
}

// passport handles a token of one to four capitals and digits.
func passport(s *detect.Scan, ts, te int) { document(s, ts, te, 'P') }
