package us

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// MBI finds US Medicare Beneficiary Identifiers: eleven characters whose
// every position is a digit, a letter or either, as CMS specifies
// ("Understanding the Medicare Beneficiary Identifier (MBI) Format":
// C A AN N A AN N A A N N, no S, L, O, I, B or Z), compact
// ("1EG4TE5MK73") or with dashes after the fourth and seventh characters
// ("1EG4-TE5-MK73"). The format has no check character, so a context word
// is required; an MBI-shaped value that a context word names but that
// breaks the format is vetoed.
var MBI = &detect.Detector{
	Name: "us_mbi",
	Types: []detect.Type{{
		Name: "us_mbi", Family: detect.NationalID, Confidence: 0.85, NeedsContext: true,
		Confirm: "CMS MBI format: 11 characters C A AN N A AN N A A N N without S L O I B Z; needs a context word",
	}},
	Source: "CMS, Understanding the Medicare Beneficiary Identifier (MBI) Format (MBI format specifications)",
	Context: []detect.Word{
		{Text: "mbi", Conf: 0.9}, {Text: "medicare", Conf: 0.85}, {Text: "medicare number", Conf: 0.9},
		{Text: "medicare beneficiary", Conf: 0.9}, {Text: "beneficiary identifier", Conf: 0.85},
	},
	Digits: &detect.OnDigits{Lead: "123456789", LeadLen: 1 << 1, LeadNext: detect.Capitals, LeadTok: 4, OnLead: findMBI},
	Examples: []detect.Example{
		{Text: "Medicare number 1EG4-TE5-MK73.", Span: "1EG4-TE5-MK73", Valid: true},
		{Text: "MBI: 1EG4TE5MK73", Span: "1EG4TE5MK73", Valid: true},
		{Text: "MBI: 1SG4TE5MK73"},         // S is never used
		{Text: "MBI: 1EG4TE5MK7"},          // ten characters
		{Text: "part number 1EG4TE5MK73."}, // no context word
	},
}

// findMBI handles a one-digit run followed by a letter: the start of an
// MBI, compact or dashed.
func findMBI(s *detect.Scan, i, j int) {
	t := s.T
	if j != i+1 || !detect.IsUpper(t[j]) || !detect.FreeLeft(t, i) {
		return
	}
	var buf [11]byte
	var e int
	switch {
	case i+11 <= len(t) && detect.All(t[i:i+11], detect.Digit|detect.Upper) && detect.FreeRight(t, i+11):
		copy(buf[:], t[i:i+11])
		e = i + 11
	case i+13 <= len(t) && t[i+4] == '-' && t[i+8] == '-' && detect.FreeRight(t, i+13) &&
		detect.All(t[i:i+4], detect.Digit|detect.Upper) && detect.All(t[i+5:i+8], detect.Digit|detect.Upper) &&
		detect.All(t[i+9:i+13], detect.Digit|detect.Upper):
		copy(buf[:4], t[i:i+4])
		copy(buf[4:7], t[i+5:i+8])
		copy(buf[7:], t[i+9:i+13])
		e = i + 13
	default:
		return
	}
	c := s.Context(i)
	if c == 0 {
		return
	}
	if validate.MBI(buf[:]) {
		s.Add(0, i, e, c, true)
	} else {
		s.Veto(i, e, c)
	}
}
