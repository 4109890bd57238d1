package eu

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// BENationalNumber finds Belgian national register numbers
// (Rijksregisternummer / numéro de registre national, also the INSZ/NISS
// social security number) and BIS numbers: the birth date YYMMDD (the
// month raised by 20 or 40 in a BIS number, 00 when unknown), a serial
// number 001-997, and the check number, 97 minus the first nine digits
// mod 97, or for people born from 2000 on, 97 minus 2 followed by the
// nine digits, mod 97 (Wet van 8 augustus 1983 tot regeling van een
// Rijksregister; Koninklijk besluit van 3 april 1984; Rijksregister,
// "Structuur van het Rijksregisternummer"). Written "85.07.30-033.28",
// "850730-033-28", "850730 033 28" or compact; a context word is
// required.
var BENationalNumber = &detect.Detector{
	Name: "be_national_number",
	Types: []detect.Type{{
		Name: "be_national_number", Family: detect.NationalID, Confidence: confWord, NeedsContext: true,
		Confirm: "11 digits: birth date (BIS: month + 20/40), serial, check = 97 - mod 97 (2 prefixed from 2000); needs a context word",
	}},
	Source: "Wet van 8 augustus 1983 (Rijksregister); KB 3 april 1984; Rijksregister, structuur van het rijksregisternummer",
	Context: words(confWord, "rijksregisternummer", "rijksregister", "rijksregisternr", "insz", "insz-nummer", "niss",
		"numéro de registre national", "numero de registre national", "registre national", "numéro national",
		"n° national", "nationaal nummer", "identificatienummer", "nationalregisternummer", "bis-nummer", "numéro bis",
		"national register number", "national number", "belgian national number"),
	Digits: &detect.OnDigits{
		Compact: 1 << 11, OnCompact: beCompact,
		GroupFirst: 1<<2 | 1<<6, OnGrouped: beGrouped,
	},
	Examples: []detect.Example{
		{Text: "rijksregisternummer 93.05.18-223.61", Span: "93.05.18-223.61", Valid: true},
		{Text: "NISS: 93051822361", Span: "93051822361", Valid: true},
		{Text: "INSZ 000125-567-77", Span: "000125-567-77", Valid: true},
		{Text: "numéro national 85270000232", Span: "85270000232", Valid: true},
		{Text: "ref 93051822361"},
		{Text: "rijksregisternummer 93.05.18-223.62"},
		{Text: "INSZ 93.13.18-223.61"},
	},
}

// beStructure reports whether the eleven digits d have a plausible birth
// date (month 0-12 after removing a BIS offset, day 0-31).
func beStructure(d []byte) bool {
	m, day := twoDigits(d, 2), twoDigits(d, 4)
	if m >= 40 {
		m -= 40
	} else if m >= 20 {
		m -= 20
	}
	return m <= 12 && day <= 31
}

// beCheck reports the eleven digits d written as t[b:e], or vetoes them.
func beCheck(s *detect.Scan, d []byte, b, e int) {
	if validate.BelgianNationalNumber(d) {
		needWord(s, b, e, true)
	} else if beStructure(d) {
		vetoIfWord(s, b, e)
	}
}

// beCompact handles eleven bare digits.
func beCompact(s *detect.Scan, i, j int) { beCheck(s, s.T[i:j], i, j) }

// beGrouped handles 2-2-2-3-2 ("85.07.30-033.28") and 6-3-2
// ("850730-033-28", "850730 033 28", "850730-033.28") groups.
func beGrouped(s *detect.Scan, g *detect.Groups) {
	t := s.T
	var k int
	switch {
	case g.N >= 5 && g.Shape(2, 2, 2, 3, 2):
		k = 5
		if g.Sep[0] != '.' || g.Sep[1] != '.' || g.Sep[2] != '-' && g.Sep[2] != ' ' && g.Sep[2] != '.' || g.Sep[3] != '.' && g.Sep[3] != '-' {
			return
		}
	case g.N >= 3 && g.Shape(6, 3, 2):
		k = 3
		if g.Sep[0] != '-' && g.Sep[0] != ' ' || g.Sep[1] != '-' && g.Sep[1] != ' ' && g.Sep[1] != '.' {
			return
		}
	default:
		return
	}
	if !detect.NumRight(t, g.E[k-1]) || g.N > k && g.Sep[k-1] == g.Sep[k-2] {
		return
	}
	var buf [40]byte
	beCheck(s, g.Concat(t, k, &buf), g.S[0], g.E[k-1])
}
