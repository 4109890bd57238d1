package de

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// HealthInsurance finds German health insurance numbers, the permanent
// part of the Krankenversichertennummer (§290 SGB V; GKV-Spitzenverband,
// "Richtlinien zum Aufbau der Krankenversichertennummer", Anlage 1): a
// capital letter, eight digits and a check digit (the letter as 01-26,
// then the digits, weighted 1 2 1 2 ..., cross sums, modulo 10), as on
// the electronic health card: "A123456780". One number in ten passes the
// check, so a context word is required; a value it names that fails is
// vetoed.
var HealthInsurance = &detect.Detector{
	Name: "de_health_insurance",
	Types: []detect.Type{{
		Name: "de_health_insurance", Family: detect.NationalID, Confidence: 0.95, NeedsContext: true,
		Confirm: "a letter, 8 digits and the KVNR check digit (GKV-Spitzenverband, §290 SGB V); needs a context word",
	}},
	Source: "§290 SGB V; GKV-Spitzenverband, Richtlinien nach §290 SGB V (Krankenversichertennummer), Anlage 1: Prüfziffer",
	Context: []detect.Word{
		{Text: "krankenversichertennummer", Conf: 0.95}, {Text: "versichertennummer", Conf: 0.95},
		{Text: "versicherten-nr", Conf: 0.95}, {Text: "versichertennr", Conf: 0.95}, {Text: "kvnr", Conf: 0.95},
		{Text: "krankenversicherungsnummer", Conf: 0.9}, {Text: "krankenkasse", Conf: 0.8},
		{Text: "health insurance number", Conf: 0.85}, {Text: "egk", Conf: 0.8},
	},
	Tokens: &detect.OnToken{MinLen: 10, MaxLen: 10, MinLead: 1, MaxLead: 1, Find: healthInsurance},
	Examples: []detect.Example{
		{Text: "Krankenversichertennummer A123456780", Span: "A123456780", Valid: true},
		{Text: "KVNR: X234567891", Span: "X234567891", Valid: true},
		{Text: "Krankenversichertennummer A123456781"}, // check digit
		{Text: "Krankenversichertennummer A12345678"},  // too short
		{Text: "Artikel A123456780"},                   // no context word
	},
}

// healthInsurance handles a capital and nine digits.
func healthInsurance(s *detect.Scan, ts, te int) {
	t := s.T
	if !detect.IsUpper(t[ts]) || detect.DigitEnd(t, ts+1) != te {
		return
	}
	c := s.Context(ts)
	if c == 0 {
		return
	}
	if validate.DEHealthInsurance(t[ts:te]) {
		s.Add(0, ts, te, c, true)
	} else {
		s.Veto(ts, te, c)
	}
}
