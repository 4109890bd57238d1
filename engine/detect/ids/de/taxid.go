package de

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// TaxID finds German tax identification numbers (steuerliche
// Identifikationsnummer, §139b AO; Bundeszentralamt für Steuern): eleven
// digits, the first not 0, exactly one digit repeated (twice, or three
// times but not in three consecutive places) among the first ten, and an
// ISO/IEC 7064 MOD 11,10 check digit; compact or as printed,
// "12 345 678 901". About one eleven-digit number in two hundred passes,
// so a context word is required; a number it names that fails is vetoed
// (it is then neither a phone number nor anything else).
var TaxID = &detect.Detector{
	Name: "de_tax_id",
	Types: []detect.Type{{
		Name: "de_tax_id", Family: detect.NationalID, Confidence: 0.95, NeedsContext: true,
		Confirm: "11 digits, one digit repeated among the first ten, ISO 7064 MOD 11,10 check digit; needs a context word",
	}},
	Source: "§139b Abgabenordnung; BZSt, Steuerliche Identifikationsnummer (Aufbau und Prüfziffer, ISO/IEC 7064 MOD 11,10)",
	Context: []detect.Word{
		{Text: "steuer-id", Conf: 0.95}, {Text: "steuerid", Conf: 0.95}, {Text: "steuer-idnr", Conf: 0.95},
		{Text: "steueridentifikationsnummer", Conf: 0.95}, {Text: "steuer-identifikationsnummer", Conf: 0.95},
		{Text: "identifikationsnummer", Conf: 0.9}, {Text: "idnr", Conf: 0.9}, {Text: "id-nr", Conf: 0.9},
		{Text: "tax id", Conf: 0.85}, {Text: "tax identification number", Conf: 0.9}, {Text: "tin", Conf: 0.8},
	},
	Digits: &detect.OnDigits{
		Compact: 1 << 11, OnCompact: taxIDCompact,
		GroupFirst: 1 << 2, GroupSecond: 1 << 3, OnGrouped: taxIDGrouped,
	},
	Examples: []detect.Example{
		{Text: "Steuer-ID 86095742719", Span: "86095742719", Valid: true},
		{Text: "Steueridentifikationsnummer: 47 036 892 816", Span: "47 036 892 816", Valid: true},
		{Text: "Steuer-ID 86095742718"}, // check digit
		{Text: "Steuer-ID 12345678903"}, // no digit repeated
		{Text: "Steuer-ID 11145678908"}, // three 1s in a row
		{Text: "Bestellung 86095742719"},
	},
}

// taxIDCompact handles eleven bare digits.
func taxIDCompact(s *detect.Scan, i, j int) {
	if s.T[i] != '0' {
		taxID(s, i, j, s.T[i:j])
	}
}

// taxIDGrouped handles 2-3-3-3 groups joined by spaces.
func taxIDGrouped(s *detect.Scan, g *detect.Groups) {
	t := s.T
	if g.N < 4 || !g.Shape(2, 3, 3, 3) || g.SameSep(4, " ") == 0 || !detect.NumRight(t, g.E[3]) || t[g.S[0]] == '0' {
		return
	}
	var buf [40]byte
	taxID(s, g.S[0], g.E[3], g.Concat(t, 4, &buf))
}

// taxID reports t[b:e], whose digits are d, when a context word names it.
func taxID(s *detect.Scan, b, e int, d []byte) {
	c := s.Context(b)
	if c == 0 {
		return
	}
	if validate.DETaxID(d) {
		s.Add(0, b, e, c, true)
	} else {
		s.Veto(b, e, c)
	}
}
