package de

import "github.com/datafog/datafog-api/engine/detect"

// TaxNumber finds German tax numbers (Steuernummer) in the formats the
// states print them (ELSTER, "Aufbau der Steuernummer" by Land):
// 2/3/5 digits (Baden-Württemberg, Berlin, Hamburg, Niedersachsen,
// Schleswig-Holstein: "21/815/08150"), 3/3/5 (Bayern, Brandenburg,
// Mecklenburg-Vorpommern, Saarland, Sachsen, Sachsen-Anhalt, Thüringen:
// "181/815/08155"), 3/4/4 (Nordrhein-Westfalen: "133/8150/8159"),
// 2/3/4/1 (Rheinland-Pfalz: "22/815/0815/4"), with spaces in Bremen
// ("75 815 08152") and Hessen ("013 815 08153"), and the unified
// thirteen-digit federal form ("2181508150" with the Land's prefix,
// "9181081508155"). The check digit differs by Land and is not checked,
// so a context word is required.
var TaxNumber = &detect.Detector{
	Name: "de_tax_number",
	Types: []detect.Type{{
		Name: "de_tax_number", Family: detect.NationalID, Confidence: 0.8, NeedsContext: true,
		Confirm: "a Land's Steuernummer format (2/3/5, 3/3/5, 3/4/4, 2/3/4/1, or 13 digits); needs a context word",
	}},
	Source: "ELSTER / BMF, Aufbau der Steuernummer (Länderformate und bundeseinheitliche 13-stellige Steuernummer)",
	Context: []detect.Word{
		{Text: "steuernummer", Conf: 0.85}, {Text: "steuer-nr", Conf: 0.85}, {Text: "steuer nr", Conf: 0.85},
		{Text: "st.-nr", Conf: 0.8}, {Text: "st-nr", Conf: 0.8}, {Text: "stnr", Conf: 0.8},
		{Text: "tax number", Conf: 0.75}, {Text: "tax no", Conf: 0.75},
	},
	Digits: &detect.OnDigits{
		Compact: 1<<10 | 1<<11 | 1<<13, OnCompact: taxNumberCompact,
		GroupFirst: 1<<2 | 1<<3, OnGrouped: taxNumberGrouped,
	},
	Examples: []detect.Example{
		{Text: "Steuernummer 181/815/08155", Span: "181/815/08155", Valid: true},
		{Text: "St.-Nr. 133/8150/8159", Span: "133/8150/8159", Valid: true},
		{Text: "Steuernummer: 22/815/0815/4", Span: "22/815/0815/4", Valid: true},
		{Text: "Steuernummer 9181081508155", Span: "9181081508155", Valid: true},
		{Text: "Steuernummer 181/81/08155"}, // no Land writes 3/2/5
		{Text: "Steuernummer 18/815/0815"},  // 2/3/4
		{Text: "Rechnung 181/815/08155"},    // no context word
	},
}

// taxNumberCompact handles 10, 11 or 13 bare digits.
func taxNumberCompact(s *detect.Scan, i, j int) {
	if c := s.Context(i); c > 0 {
		s.Add(0, i, j, c, false)
	}
}

// taxNumberGrouped handles the Länder's grouped forms.
func taxNumberGrouped(s *detect.Scan, g *detect.Groups) {
	t := s.T
	if g.N < 3 {
		return
	}
	sep := g.Sep[0]
	var k int
	switch {
	case sep == '/' && g.N >= 4 && g.Shape(2, 3, 4, 1) && g.Sep[1] == '/' && g.Sep[2] == '/':
		k = 4
	case sep == '/' && g.Sep[1] == '/' && (g.Shape(2, 3, 5) || g.Shape(3, 3, 5) || g.Shape(3, 4, 4)):
		k = 3
	case sep == ' ' && g.Sep[1] == ' ' && (g.Shape(2, 3, 5) || g.Shape(3, 3, 5)):
		k = 3
	default:
		return
	}
	if !detect.NumRight(t, g.E[k-1]) {
		return
	}
	if c := s.Context(g.S[0]); c > 0 {
		s.Add(0, g.S[0], g.E[k-1], c, false)
	}
}
