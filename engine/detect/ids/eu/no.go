package eu

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// NOFodselsnummer finds Norwegian national identity numbers
// (fødselsnummer), D-numbers (the day raised by 40) and H-numbers (the
// month raised by 40): DDMMYY, the individual number, whose range with
// the year gives the century, and two mod 11 check digits with weights 3
// 7 6 1 8 9 4 5 2 and 5 4 3 2 7 6 5 4 3 2 (Folkeregisterloven § 2-2;
// Forskrift om folkeregistrering § 2-2-1; Skatteetaten, "Fødselsnummer"
// and "D-nummer"). Compact or "DDMMYY NNNNN". Numbers issued from 2032
// will have a new check-digit rule (Skatteetaten, "Nye fødselsnummer og
// d-numre fra 2032"); none is issued yet. A context word is required.
var NOFodselsnummer = &detect.Detector{
	Name: "no_fodselsnummer",
	Types: []detect.Type{{
		Name: "no_fodselsnummer", Family: detect.NationalID, Confidence: confWord, NeedsContext: true,
		Confirm: "11 digits: birth date (D: day + 40, H: month + 40), individual number with century, two mod 11 check digits; needs a context word",
	}},
	Source: "Folkeregisterloven § 2-2; Forskrift om folkeregistrering § 2-2-1; Skatteetaten, fødselsnummer og D-nummer",
	Context: words(confWord, "fødselsnummer", "fodselsnummer", "foedselsnummer", "fødselsnr", "fødselsnr.", "fnr",
		"f.nr", "f.nr.", "personnummer", "d-nummer", "d-nr", "h-nummer", "norwegian national identity number",
		"norwegian birth number", "birth number"),
	Digits: &detect.OnDigits{
		GroupFirst: 1 << 6, GroupSecond: 1 << 5, OnGrouped: fnrGrouped,
		Compact: 1 << 11, OnCompact: fnrCompact,
	},
	Examples: []detect.Example{
		{Text: "fødselsnummer 15108695088", Span: "15108695088", Valid: true},
		{Text: "fnr: 151086 95088", Span: "151086 95088", Valid: true},
		{Text: "D-nummer 55108695071", Span: "55108695071", Valid: true},
		{Text: "ref 15108695088"},
		{Text: "fødselsnummer 15108695077"},
	},
}

// fnrDate reports whether the eleven digits d have a plausible date:
// day 1-31 (41-71), month 1-12 (41-52).
func fnrDate(d []byte) bool {
	day, m := twoDigits(d, 0), twoDigits(d, 2)
	if day > 40 {
		day -= 40
	}
	if m > 40 {
		m -= 40
	}
	return day >= 1 && day <= 31 && m >= 1 && m <= 12
}

// fnrCheck reports the eleven digits d written as t[b:e], or vetoes them
// when the date holds.
func fnrCheck(s *detect.Scan, d []byte, b, e int) {
	if validate.NorwegianFodselsnummer(d) {
		needWord(s, b, e, true)
	} else if fnrDate(d) {
		vetoIfWord(s, b, e)
	}
}

// fnrCompact handles eleven bare digits.
func fnrCompact(s *detect.Scan, i, j int) { fnrCheck(s, s.T[i:j], i, j) }

// fnrGrouped handles "DDMMYY NNNNN".
func fnrGrouped(s *detect.Scan, g *detect.Groups) {
	if e, ok := pair(s.T, g, 6, ' ', 5); ok {
		var buf [40]byte
		fnrCheck(s, g.Concat(s.T, 2, &buf), g.S[0], e)
	}
}
