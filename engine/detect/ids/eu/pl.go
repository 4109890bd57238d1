package eu

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// PLPESEL finds Polish PESEL numbers: eleven digits, the birth date
// YYMMDD with the century in the month (plus 80 for the 1800s, 20 for the
// 2000s, 40, 60 beyond), a serial number whose last digit gives the sex,
// and a check digit, ten minus the sum weighted 1 3 7 9 1 3 7 9 1 3 mod 10
// (Ustawa z dnia 24 września 2010 r. o ewidencji ludności, art. 15;
// Ministerstwo Cyfryzacji, "Numer PESEL"). Eleven digits pass one time
// in ten, so a context word is required.
var PLPESEL = &detect.Detector{
	Name: "pl_pesel",
	Types: []detect.Type{{
		Name: "pl_pesel", Family: detect.NationalID, Confidence: confWord, NeedsContext: true,
		Confirm: "11 digits: birth date with the century in the month, serial, weighted check digit (1379...); needs a context word",
	}},
	Source:  "Ustawa o ewidencji ludności (2010) art. 15; Ministerstwo Cyfryzacji, numer PESEL",
	Context: words(confWord, "pesel", "nr pesel", "numer pesel", "nr. pesel", "numer ewidencyjny", "pesel number"),
	Digits:  &detect.OnDigits{Compact: 1 << 11, OnCompact: peselCompact},
	Examples: []detect.Example{
		{Text: "PESEL 44051401359", Span: "44051401359", Valid: true},
		{Text: "nr PESEL: 02270803624", Span: "02270803624", Valid: true},
		{Text: "ref 44051401359"},
		{Text: "PESEL 44051401358"},
		{Text: "PESEL 4405140135"},
	},
}

// peselCompact handles eleven bare digits: a failing number is vetoed
// only when its birth date holds.
func peselCompact(s *detect.Scan, i, j int) {
	d := s.T[i:j]
	if validate.PolishPESEL(d) {
		needWord(s, i, j, true)
		return
	}
	m := twoDigits(d, 2) % 20
	if m >= 1 && m <= 12 && twoDigits(d, 4) >= 1 && twoDigits(d, 4) <= 31 {
		vetoIfWord(s, i, j)
	}
}

// PLNIP finds Polish tax identification numbers (NIP): ten digits whose
// first nine weighted 6 5 7 2 3 4 5 6 7 sum, mod 11, to the tenth
// (Ustawa z dnia 13 października 1995 r. o zasadach ewidencji i
// identyfikacji podatników i płatników; Rozporządzenie Ministra Finansów
// w sprawie nadawania NIP). Compact, "123-456-32-18" or "123-45-63-218";
// a context word is required.
var PLNIP = &detect.Detector{
	Name: "pl_nip",
	Types: []detect.Type{{
		Name: "pl_nip", Family: detect.NationalID, Confidence: confWord, NeedsContext: true,
		Confirm: "10 digits, weighted mod 11 check digit; needs a context word",
	}},
	Source: "Ustawa o zasadach ewidencji i identyfikacji podatników i płatników (1995); Rozporządzenie MF w sprawie nadawania NIP",
	Context: words(confWord, "nip", "nr nip", "numer nip", "nr. nip", "numer identyfikacji podatkowej",
		"identyfikacji podatkowej", "polish tax id", "polish nip"),
	Digits: &detect.OnDigits{
		Compact: 1 << 10, OnCompact: nipCompact,
		GroupFirst: 1 << 3, GroupSecond: 1<<2 | 1<<3, OnGrouped: nipGrouped,
	},
	Examples: []detect.Example{
		{Text: "NIP 1234563218", Span: "1234563218", Valid: true},
		{Text: "NIP: 123-456-32-18", Span: "123-456-32-18", Valid: true},
		{Text: "NIP 123-45-63-218", Span: "123-45-63-218", Valid: true},
		{Text: "ref 1234563218"},
		{Text: "NIP 1234563217"},
	},
}

// nipCompact handles ten bare digits. Ten-digit numbers are common and a
// NIP has no structure beyond its check, so a failing one is not vetoed.
func nipCompact(s *detect.Scan, i, j int) {
	if validate.PolishNIP(s.T[i:j]) {
		needWord(s, i, j, true)
	}
}

// nipGrouped handles 3-3-2-2 and 3-2-2-3 groups joined by '-' or ' '.
func nipGrouped(s *detect.Scan, g *detect.Groups) {
	t := s.T
	if g.N < 4 || !(g.Shape(3, 3, 2, 2) || g.Shape(3, 2, 2, 3)) || !detect.NumRight(t, g.E[3]) ||
		g.SameSep(4, "- ") == 0 || g.N > 4 && g.Sep[3] == g.Sep[0] {
		return
	}
	var buf [40]byte
	needWord(s, g.S[0], g.E[3], validate.PolishNIP(g.Concat(t, 4, &buf)))
}
