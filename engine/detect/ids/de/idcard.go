package de

import "github.com/datafog/datafog-api/engine/detect"

// IDCard finds the serial numbers of German identity cards
// (Personalausweis; §5 PAuswG and the Personalausweisverordnung): nine
// characters, a four-character authority code and a five-character
// number, of the digits and the consonants C F G H J K L M N P R T V W X
// Y Z, the first a letter of L M N P R T V W X Y (cards issued since
// November 2010), as printed on the front ("L01X00T47"); or ten, with the
// ICAO Doc 9303 check digit (weights 7 3 1) that the machine-readable
// zone adds ("L01X00T471"). The check digit, where present, is verified;
// a context word is required either way.
var IDCard = &detect.Detector{
	Name: "de_id_card",
	Types: []detect.Type{{
		Name: "de_id_card", Family: detect.NationalID, Confidence: 0.9, NeedsContext: true,
		Confirm: "9-character serial (document alphabet, first letter L-Y), ICAO 9303 7-3-1 check digit when given; needs a context word",
	}},
	Source: "§5 PAuswG; Personalausweisverordnung (Seriennummer); ICAO Doc 9303 Part 3 §4.9 (check digit)",
	Context: []detect.Word{
		{Text: "personalausweis", Conf: 0.85}, {Text: "personalausweisnummer", Conf: 0.85}, {Text: "ausweisnummer", Conf: 0.85},
		{Text: "ausweis-nr", Conf: 0.85}, {Text: "ausweis nr", Conf: 0.85}, {Text: "perso", Conf: 0.8},
		{Text: "identity card", Conf: 0.55}, {Text: "id card", Conf: 0.55}, {Text: "german id", Conf: 0.8},
	},
	Tokens: &detect.OnToken{MinLen: 9, MaxLen: 10, MinLead: 1, MaxLead: 9, Find: idCard},
	Examples: []detect.Example{
		{Text: "Personalausweis T220001293", Span: "T220001293", Valid: true},
		{Text: "Ausweisnummer: L01X00T47", Span: "L01X00T47", Valid: true},
		{Text: "Personalausweis T220001294"}, // check digit
		{Text: "Personalausweis C01X00T478"}, // a passport's first letter
		{Text: "Personalausweis LA1X00T47"},  // A is not in the alphabet
		{Text: "Bestellung T220001293"},      // no context word
	},
}

// idCard handles a token of one to four capitals and digits.
func idCard(s *detect.Scan, ts, te int) { document(s, ts, te, 'I') }
