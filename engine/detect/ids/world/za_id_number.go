package world

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// ZAIDNumber finds South African identity numbers (Department of Home
// Affairs; Identification Act 68 of 1997): thirteen digits YYMMDD SSSS C
// A Z, a birth date, a sequence (gender), a citizenship digit 0, 1 or 2
// and a Luhn check digit. Thirteen-digit numbers include millisecond
// timestamps, so a context word is required.
var ZAIDNumber = &detect.Detector{
	Name: "za_id_number",
	Types: []detect.Type{{
		Name: "za_id_number", Family: detect.NationalID, Confidence: confWord, NeedsContext: true,
		Confirm: "13 digits: a real birth date, citizenship 0-2, Luhn check digit; needs a context word",
	}},
	Source: "Department of Home Affairs (South Africa), identity number (Identification Act 68 of 1997); Luhn check digit",
	Context: []detect.Word{
		{Text: "ID number", Conf: confWord}, {Text: "identity number", Conf: confWord}, {Text: "South African ID", Conf: confWord},
		{Text: "SA ID", Conf: confWord}, {Text: "RSA ID", Conf: confWord}, {Text: "ID no", Conf: confWord},
		{Text: "identiteitsnommer", Conf: confWord}, {Text: "ID-nommer", Conf: confWord},
	},
	Digits: &detect.OnDigits{Compact: 1 << 13, OnCompact: zaIDCompact},
	Examples: []detect.Example{
		{Text: "ID number 8001015009087", Span: "8001015009087", Valid: true},
		{Text: "identiteitsnommer: 0002295009084", Span: "0002295009084", Valid: true},
		{Text: "ID number 8001015009088"},
		{Text: "ID number 8013015009082"},
		{Text: "ts 8001015009087"},
	},
}

// zaIDCompact handles thirteen bare digits.
func zaIDCompact(s *detect.Scan, i, j int) {
	if validate.ZAIDNumber(s.T[i:j]) {
		if c := s.Context(i); c > 0 {
			s.Add(0, i, j, c, true)
		}
	}
}
