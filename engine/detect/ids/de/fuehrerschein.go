package de

import "github.com/datafog/datafog-api/engine/detect"

// Fuehrerschein finds German driving licence numbers (Führerscheinnummer;
// Fahrerlaubnis-Verordnung, Anlage 8 and the card's field 5): eleven
// capitals and digits, the issuing authority's four-character code, a
// five-character serial, a check character and the issue number
// ("B072RRE2I55"). The check character's algorithm is not published, so
// only the shape is checked and a context word is required.
var Fuehrerschein = &detect.Detector{
	Name: "de_fuehrerschein",
	Types: []detect.Type{{
		Name: "de_fuehrerschein", Family: detect.NationalID, Confidence: 0.8, NeedsContext: true,
		Confirm: "11 capitals and digits (authority code, serial, check character, issue number); needs a context word",
	}},
	Source: "Fahrerlaubnis-Verordnung (FeV) Anlage 8, Führerscheinnummer (Feld 5)",
	Context: []detect.Word{
		{Text: "führerschein", Conf: 0.8}, {Text: "fuehrerschein", Conf: 0.8}, {Text: "führerscheinnummer", Conf: 0.85},
		{Text: "fuehrerscheinnummer", Conf: 0.85}, {Text: "führerschein-nr", Conf: 0.85}, {Text: "fahrerlaubnis", Conf: 0.8},
		{Text: "german driving licence", Conf: 0.8}, {Text: "german driving license", Conf: 0.8},
	},
	Tokens: &detect.OnToken{MinLen: 11, MaxLen: 11, MinLead: 1, MaxLead: 10, Find: fuehrerscheinToken},
	Examples: []detect.Example{
		{Text: "Führerscheinnummer B072RRE2I55", Span: "B072RRE2I55", Valid: true},
		{Text: "Führerschein: J010000SD51", Span: "J010000SD51", Valid: true},
		{Text: "Führerscheinnummer B072RRE2I5"},  // ten characters
		{Text: "Führerscheinnummer BXXXRREXIXX"}, // letters only
		{Text: "Kundennummer B072RRE2I55"},       // no context word
	},
}

// fuehrerscheinToken handles an eleven-character token that starts with
// letters (a number that starts with digits is not found).
func fuehrerscheinToken(s *detect.Scan, ts, te int) { licence(s, ts, te) }

// licence reports t[b:e] when it holds only capitals and digits, at
// least two digits, and a context word names it.
func licence(s *detect.Scan, b, e int) {
	t := s.T
	digits := 0
	for _, c := range t[b:e] {
		switch {
		case detect.IsDigit(c):
			digits++
		case !detect.IsUpper(c):
			return
		}
	}
	if digits < 2 {
		return
	}
	if c := s.Context(b); c > 0 {
		s.Add(0, b, e, c, false)
	}
}
