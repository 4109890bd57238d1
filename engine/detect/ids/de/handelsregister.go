package de

import "github.com/datafog/datafog-api/engine/detect"

// Handelsregister finds German commercial register entries
// (Handelsregister; §§8 ff. HGB and the Handelsregisterverordnung, §13
// HRV): the register's division, HRA (sole traders and partnerships) or
// HRB (corporations), and the entry number ("HRB 12345", "HRB 123456 B"
// with a court's suffix). The number is only unique at its register
// court, so the court or the register must be named nearby
// ("Amtsgericht", "Registergericht", "Handelsregister").
var Handelsregister = &detect.Detector{
	Name: "de_handelsregister",
	Types: []detect.Type{{
		Name: "de_handelsregister", Family: detect.NationalID, Confidence: 0.85, NeedsContext: true,
		Confirm: "HRA or HRB and a 1-6 digit entry number; needs a court or register context word",
	}},
	Source: "§§8 ff. HGB; Handelsregisterverordnung (HRV) §13 (Abteilungen A und B, Registernummer)",
	Context: []detect.Word{
		{Text: "handelsregister", Conf: 0.85}, {Text: "amtsgericht", Conf: 0.85}, {Text: "registergericht", Conf: 0.85},
		{Text: "registernummer", Conf: 0.8}, {Text: "register court", Conf: 0.8}, {Text: "commercial register", Conf: 0.85},
		{Text: "eingetragen", Conf: 0.7},
	},
	Prefixes: &detect.OnPrefix{Literals: []string{"HRA", "HRB"}, Find: findRegister},
	Examples: []detect.Example{
		{Text: "Amtsgericht München HRB 12345", Span: "HRB 12345", Valid: true},
		{Text: "Registergericht: Amtsgericht Charlottenburg, HRB 123456 B.", Span: "HRB 123456 B", Valid: true},
		{Text: "Handelsregister: HRA 7", Span: "HRA 7", Valid: true},
		{Text: "Amtsgericht München HRB 1234567"}, // seven digits
		{Text: "Amtsgericht München HRBX 12345"},
		{Text: "see HRB 12345"}, // no context word
	},
}

// findRegister handles "HRA" or "HRB" at t[b:e]: a space or nothing, 1-6
// digits, and an optional court suffix letter after a space.
func findRegister(s *detect.Scan, b, e int) {
	t := s.T
	if !detect.FreeLeft(t, b) {
		return
	}
	i := e
	if i < len(t) && t[i] == ' ' {
		i++
	}
	j := detect.DigitEnd(t, i)
	if j == i || j-i > 6 || !detect.NumRight(t, j) {
		return
	}
	end := j
	if j+2 <= len(t) && t[j] == ' ' && detect.IsUpper(t[j+1]) && detect.FreeRight(t, j+2) {
		end = j + 2
	}
	if c := s.Context(b); c > 0 {
		s.Add(0, b, end, c, false)
	}
}
