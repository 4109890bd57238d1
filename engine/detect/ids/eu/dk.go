package eu

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// DKCPR finds Danish personal identification numbers (CPR-nummer /
// personnummer): DDMMYY-SSSS, the seventh digit and the year giving the
// century (CPR-kontoret, "Personnummeret i CPR-systemet"). Until October
// 2007 every number passed the modulus 11 test (weights 4 3 2 7 6 5 4 3 2
// 1); since then the CPR office also issues numbers without it, valid in
// full, and so far only for people born on 1 January ("Personnumre uden
// kontrolciffer (modulus 11 kontrol)"). So a number with a real birth
// date is confirmed by the modulus 11 test, or, born on 1 January, by its
// date alone, at a lower confidence. Compact or DDMMYY-SSSS; a context
// word is required.
var DKCPR = &detect.Detector{
	Name: "dk_cpr",
	Types: []detect.Type{{
		Name: "dk_cpr", Family: detect.NationalID, Confidence: confWord, NeedsContext: true,
		Confirm: "DDMMYY-SSSS: birth date with the century from digit 7; modulus 11, or born 1 January (issued without it since 2007); needs a context word",
	}},
	Source: "CPR-kontoret: Personnummeret i CPR-systemet; Personnumre uden kontrolciffer (modulus 11 kontrol)",
	Context: words(confWord, "cpr", "cpr-nummer", "cpr-nr", "cpr-nr.", "cpr nr", "cpr.nr", "cpr.nr.", "cprnr",
		"personnummer", "cpr number", "danish personal id", "danish cpr"),
	Digits: &detect.OnDigits{
		GroupFirst: 1 << 6, GroupSecond: 1 << 4, OnGrouped: cprGrouped,
		Compact: 1 << 10, OnCompact: cprCompact,
	},
	Examples: []detect.Example{
		{Text: "CPR-nr. 211062-5629", Span: "211062-5629", Valid: true},
		{Text: "CPR 2110625629", Span: "2110625629", Valid: true},
		{Text: "CPR-nummer: 010165-4321", Span: "010165-4321", Valid: true},
		{Text: "ref 211062-5629"},
		{Text: "CPR 211062-5628"}, // fails modulus 11, not born 1 January
		{Text: "CPR 310262-5629"}, // 31 February
	},
}

// cprCheck reports the ten digits d written as t[b:e]: confirmed by the
// modulus 11 test, or by a 1 January date, or vetoed when only the date
// holds; veto reports whether to consider a veto at all.
func cprCheck(s *detect.Scan, d []byte, b, e int, veto bool) {
	if !validate.DanishCPRDate(d) {
		return
	}
	switch {
	case validate.DanishCPRMod11(d):
		needWord(s, b, e, true)
	case validate.DanishCPR(d):
		if c := s.Context(b); c > 0 {
			s.Add(0, b, e, confDate, true)
		}
	case veto:
		vetoIfWord(s, b, e)
	}
}

// cprGrouped handles "DDMMYY-SSSS".
func cprGrouped(s *detect.Scan, g *detect.Groups) {
	if e, ok := pair(s.T, g, 6, '-', 4); ok {
		var buf [40]byte
		cprCheck(s, g.Concat(s.T, 2, &buf), g.S[0], e, true)
	}
}

// cprCompact handles ten bare digits; they are common, so a failing one
// is not vetoed.
func cprCompact(s *detect.Scan, i, j int) { cprCheck(s, s.T[i:j], i, j, false) }
