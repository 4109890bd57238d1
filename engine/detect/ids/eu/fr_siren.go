package eu

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// French business identifiers of the Répertoire Sirene (INSEE, "Numéro
// SIREN" and "Numéro SIRET"; Code de commerce, art. R123-220 ff.): the
// SIREN of a business, nine digits with a Luhn check digit, and the SIRET
// of one of its establishments, the SIREN and a five-digit NIC, the whole
// with a Luhn check digit, except for the establishments of La Poste
// (SIREN 356 000 000), whose digit sum is a multiple of 5. A Luhn check
// passes one number in ten, so both need a context word.

// FRSIREN finds SIREN numbers, compact or "732 829 320".
var FRSIREN = &detect.Detector{
	Name: "fr_siren",
	Types: []detect.Type{{
		Name: "fr_siren", Family: detect.NationalID, Confidence: confWord, NeedsContext: true,
		Confirm: "9 digits, Luhn; needs a context word",
	}},
	Source:  "INSEE, Répertoire Sirene, numéro SIREN (Luhn); Code de commerce art. R123-220 ff.",
	Context: words(confWord, "siren", "n° siren", "numéro siren", "numero siren", "rcs", "siren number"),
	Digits: &detect.OnDigits{
		Compact: 1 << 9, OnCompact: sirenCompact,
		GroupFirst: 1 << 3, GroupSecond: 1 << 3, OnGrouped: sirenGrouped,
	},
	Examples: []detect.Example{
		{Text: "SIREN 732829320", Span: "732829320", Valid: true},
		{Text: "RCS Nanterre 732 829 320", Span: "732 829 320", Valid: true},
		{Text: "ref 732829320"},
		{Text: "SIREN 732829321"},
		{Text: "SIREN 732 829 320 00074"}, // a SIRET
	},
}

// sirenCompact handles nine bare digits.
func sirenCompact(s *detect.Scan, i, j int) {
	needWord(s, i, j, validate.SIREN(s.T[i:j]))
}

// sirenGrouped handles 3-3-3 groups joined by spaces or dots.
func sirenGrouped(s *detect.Scan, g *detect.Groups) {
	t := s.T
	if g.N < 3 || !g.Shape(3, 3, 3) || !detect.NumRight(t, g.E[2]) || g.SameSep(3, " .") == 0 ||
		g.N > 3 && g.Sep[2] == g.Sep[0] {
		return // not 3-3-3, or a longer number (a SIRET)
	}
	var buf [40]byte
	needWord(s, g.S[0], g.E[2], validate.SIREN(g.Concat(t, 3, &buf)))
}

// FRSIRET finds SIRET numbers, compact, "732 829 320 00074" or "732 829
// 320 000 74".
var FRSIRET = &detect.Detector{
	Name: "fr_siret",
	Types: []detect.Type{{
		Name: "fr_siret", Family: detect.NationalID, Confidence: confWord, NeedsContext: true,
		Confirm: "14 digits: a SIREN and the NIC, Luhn (La Poste: digit sum a multiple of 5); needs a context word",
	}},
	Source:  "INSEE, Répertoire Sirene, numéro SIRET (Luhn; La Poste exception)",
	Context: words(confWord, "siret", "n° siret", "numéro siret", "numero siret", "siret number"),
	Digits: &detect.OnDigits{
		Compact: 1 << 14, OnCompact: siretCompact,
		GroupFirst: 1 << 3, OnGrouped: siretGrouped,
	},
	Examples: []detect.Example{
		{Text: "SIRET 73282932000074", Span: "73282932000074", Valid: true},
		{Text: "SIRET : 732 829 320 00074", Span: "732 829 320 00074", Valid: true},
		{Text: "n° SIRET 356 000 000 49837", Span: "356 000 000 49837", Valid: true},
		{Text: "ref 73282932000074"},
		{Text: "SIRET 73282932000075"},
		{Text: "SIRET 35600000049838"},
	},
}

// siretCompact handles fourteen bare digits. Fourteen-digit numbers are
// common (card numbers), so a failing one is vetoed only when its SIREN
// holds.
func siretCompact(s *detect.Scan, i, j int) {
	d := s.T[i:j]
	if validate.SIRET(d) {
		needWord(s, i, j, true)
	} else if validate.SIREN(d[:9]) {
		vetoIfWord(s, i, j)
	}
}

// siretGrouped handles 3-3-3-5 and 3-3-3-3-2 groups joined by spaces or
// dots.
func siretGrouped(s *detect.Scan, g *detect.Groups) {
	t := s.T
	var k int
	switch {
	case g.N >= 4 && g.Shape(3, 3, 3, 5):
		k = 4
	case g.N >= 5 && g.Shape(3, 3, 3, 3, 2):
		k = 5
	default:
		return
	}
	if !detect.NumRight(t, g.E[k-1]) || g.SameSep(k, " .") == 0 || g.N > k && g.Sep[k-1] == g.Sep[0] {
		return
	}
	var buf [40]byte
	needWord(s, g.S[0], g.E[k-1], validate.SIRET(g.Concat(t, k, &buf)))
}
