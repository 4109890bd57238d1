package de

import "github.com/datafog/datafog-api/engine/detect"

// BSNR finds practice site numbers (Betriebsstättennummer; KBV,
// "Richtlinie der KBV nach §75 Abs. 7 SGB V zur Vergabe der Arzt-,
// Betriebsstätten- sowie der Praxisnetznummern"): nine digits, the first
// two the Kassenärztliche Vereinigung's regional code (never 00), the
// rest a serial. There is no check digit, so a context word is required.
var BSNR = &detect.Detector{
	Name: "de_bsnr",
	Types: []detect.Type{{
		Name: "de_bsnr", Family: detect.NationalID, Confidence: 0.8, NeedsContext: true,
		Confirm: "9 digits, KV regional code first (not 00); needs a context word",
	}},
	Source: "KBV, Richtlinie nach §75 Abs. 7 SGB V zur Vergabe der Arzt-, Betriebsstätten- sowie der Praxisnetznummern (BSNR)",
	Context: []detect.Word{
		{Text: "bsnr", Conf: 0.8}, {Text: "betriebsstättennummer", Conf: 0.8}, {Text: "betriebsstaettennummer", Conf: 0.8},
		{Text: "betriebsstätten-nr", Conf: 0.8}, {Text: "praxisnummer", Conf: 0.7},
	},
	Digits: &detect.OnDigits{Compact: 1 << 9, OnCompact: findBSNR},
	Examples: []detect.Example{
		{Text: "BSNR 721234500", Span: "721234500", Valid: true},
		{Text: "Betriebsstättennummer: 381234567", Span: "381234567", Valid: true},
		{Text: "BSNR 001234567"},    // no KV 00
		{Text: "BSNR 72123450"},     // eight digits
		{Text: "Auftrag 721234500"}, // no context word
	},
}

// findBSNR handles nine bare digits.
func findBSNR(s *detect.Scan, i, j int) {
	t := s.T
	if t[i] == '0' && t[i+1] == '0' {
		return
	}
	if c := s.Context(i); c > 0 {
		s.Add(0, i, j, c, false)
	}
}
