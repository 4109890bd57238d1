package eu

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// CHAHV finds Swiss social security numbers (AHV-Nummer / numéro AVS /
// numero AVS, AHVN13): 756, the ISO 3166 code of Switzerland, nine digits
// and an EAN-13 check digit, written "756.1234.5678.97" or compact
// (AHVG art. 50c; Verordnung über die AHV, art. 133 ff.; Zentrale
// Ausgleichsstelle, "Die AHV-Nummer"). The prefix and the check confirm it
// without a context word.
var CHAHV = &detect.Detector{
	Name: "ch_ahv",
	Types: []detect.Type{{
		Name: "ch_ahv", Family: detect.NationalID, Confidence: confCheck,
		Confirm: "756 + 9 digits + EAN-13 check digit (756.XXXX.XXXX.XC)",
	}},
	Source: "AHVG art. 50c; AHVV art. 133 ff.; Zentrale Ausgleichsstelle (ZAS), AHV-Nummer (EAN-13)",
	Context: words(confWord, "ahv", "ahv-nr", "ahv-nr.", "ahv-nummer", "ahvn13", "avs", "n° avs", "numéro avs",
		"numero avs", "nr. avs", "oasi", "sozialversicherungsnummer", "versichertennummer", "numéro d'assuré",
		"numero d'assicurato", "swiss social security number"),
	Digits: &detect.OnDigits{
		Compact: 1 << 13, OnCompact: ahvCompact,
		GroupFirst: 1 << 3, GroupSecond: 1 << 4, OnGrouped: ahvGrouped,
	},
	Examples: []detect.Example{
		{Text: "AHV-Nr. 756.1234.5678.97", Span: "756.1234.5678.97", Valid: true},
		{Text: "insured 7561234567897", Span: "7561234567897", Valid: true},
		{Text: "numéro AVS 756 1234 5678 97", Span: "756 1234 5678 97", Valid: true},
		{Text: "AHV 756.1234.5678.98"},
		{Text: "ref 7571234567897"},
	},
}

// ahvCheck reports the thirteen digits d written as t[b:e], or vetoes
// them when they start with 756.
func ahvCheck(s *detect.Scan, d []byte, b, e int) {
	if validate.SwissAHV(d) {
		checked(s, 0, b, e)
	} else if d[0] == '7' && d[1] == '5' && d[2] == '6' {
		vetoIfWord(s, b, e)
	}
}

// ahvCompact handles thirteen bare digits.
func ahvCompact(s *detect.Scan, i, j int) { ahvCheck(s, s.T[i:j], i, j) }

// ahvGrouped handles 3-4-4-2 groups joined by dots or spaces.
func ahvGrouped(s *detect.Scan, g *detect.Groups) {
	t := s.T
	if g.N < 4 || !g.Shape(3, 4, 4, 2) || !detect.NumRight(t, g.E[3]) || g.SameSep(4, ". ") == 0 ||
		g.N > 4 && g.Sep[3] == g.Sep[0] {
		return
	}
	var buf [40]byte
	ahvCheck(s, g.Concat(t, 4, &buf), g.S[0], g.E[3])
}

// ATSVNR finds Austrian social security numbers (Versicherungsnummer):
// a three-digit serial number (not starting with 0), a check digit and
// the birth date DDMMYY (months 13-15 for substitute dates), the check
// digit being the sum weighted 3 7 9 (check) 5 8 4 2 1 6 mod 11
// (Dachverband der Sozialversicherungsträger, "Versicherungsnummer";
// ASVG § 31 Abs. 4). Written "1237 010180" or compact; a context word is
// required.
var ATSVNR = &detect.Detector{
	Name: "at_svnr",
	Types: []detect.Type{{
		Name: "at_svnr", Family: detect.NationalID, Confidence: confWord, NeedsContext: true,
		Confirm: "10 digits: serial, check digit at position 4 (weights 3 7 9 5 8 4 2 1 6 mod 11), birth date DDMMYY; needs a context word",
	}},
	Source: "Dachverband der österreichischen Sozialversicherungsträger, Versicherungsnummer; ASVG § 31 Abs. 4",
	Context: words(confWord, "svnr", "sv-nr", "sv-nr.", "sv-nummer", "sozialversicherungsnummer", "versicherungsnummer",
		"vsnr", "vnr", "e-card", "austrian social security number", "social security number"),
	Digits: &detect.OnDigits{
		Compact: 1 << 10, OnCompact: svnrCompact,
		GroupFirst: 1 << 4, GroupSecond: 1 << 6, OnGrouped: svnrGrouped,
	},
	Examples: []detect.Example{
		{Text: "SVNR 1237 010180", Span: "1237 010180", Valid: true},
		{Text: "Versicherungsnummer: 1237010180", Span: "1237010180", Valid: true},
		{Text: "SV-Nummer 1256 011365", Span: "1256 011365", Valid: true},
		{Text: "ref 1237 010180"},
		{Text: "SVNR 2237 010180"},
		{Text: "SVNR 1237 320180"},
	},
}

// svnrCompact handles ten bare digits; they are common, so a failing one
// is not vetoed.
func svnrCompact(s *detect.Scan, i, j int) {
	if validate.AustrianSVNR(s.T[i:j]) {
		needWord(s, i, j, true)
	}
}

// svnrGrouped handles "1237 010180".
func svnrGrouped(s *detect.Scan, g *detect.Groups) {
	t := s.T
	if g.N < 2 || !g.Shape(4, 6) || g.Sep[0] != ' ' || !detect.NumRight(t, g.E[1]) || g.N > 2 && g.Sep[1] == ' ' {
		return
	}
	var buf [40]byte
	needWord(s, g.S[0], g.E[1], validate.AustrianSVNR(g.Concat(t, 2, &buf)))
}
