package eu

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// CZBirthNumber finds Czech (and Slovak) birth numbers (rodné číslo):
// YYMMDD/XXXX, the month raised by 50 for women and from 2004 by 20 more
// when a day's numbers ran out; born from 1954 on, ten digits that make a
// multiple of 11 (for numbers issued before 1985, a remainder of 10 with
// a last digit of 0), before 1954 nine digits without a check (zákon č.
// 133/2000 Sb. o evidenci obyvatel a rodných číslech, § 13; vyhláška č.
// 530/2006 Sb.). With or without the slash; a context word is required.
var CZBirthNumber = &detect.Detector{
	Name: "cz_birth_number",
	Types: []detect.Type{{
		Name: "cz_birth_number", Family: detect.NationalID, Confidence: confWord, NeedsContext: true,
		Confirm: "YYMMDD/XXXX: birth date (women + 50, + 20 from 2004), 10 digits divisible by 11 (9 digits before 1954); needs a context word",
	}},
	Source: "Zákon č. 133/2000 Sb. § 13; vyhláška č. 530/2006 Sb.",
	Context: words(confWord, "rodné číslo", "rodne cislo", "rodného čísla", "rodneho cisla", "rodné č.", "rč", "rč.",
		"r.č.", "birth number", "czech birth number", "personal identification number"),
	Digits: &detect.OnDigits{
		GroupFirst: 1 << 6, OnGrouped: rcGrouped,
		Compact: 1<<9 | 1<<10, OnCompact: rcCompact,
	},
	Examples: []detect.Example{
		{Text: "rodné číslo 710319/2745", Span: "710319/2745", Valid: true},
		{Text: "rč: 7103192745", Span: "7103192745", Valid: true},
		{Text: "rodne cislo 530101/123", Span: "530101/123", Valid: true},
		{Text: "ref 710319/2745"},
		{Text: "rodné číslo 710319/2746"},
		{Text: "rodné číslo 711319/2745"},
	},
}

// rcDate reports whether the digits d start with a plausible birth-number
// date: month 1-12 (+20, +50, +70), day 1-31.
func rcDate(d []byte) bool {
	m, day := twoDigits(d, 2), twoDigits(d, 4)
	if m > 50 {
		m -= 50
	}
	if m > 20 {
		m -= 20
	}
	return m >= 1 && m <= 12 && day >= 1 && day <= 31
}

// rcGrouped handles "YYMMDD/XXXX" and "YYMMDD/XXX".
func rcGrouped(s *detect.Scan, g *detect.Groups) {
	t := s.T
	e, ok := pair(t, g, 6, '/', 4)
	if !ok {
		if e, ok = pair(t, g, 6, '/', 3); !ok {
			return
		}
	}
	var buf [40]byte
	v := g.Concat(t, 2, &buf)
	if validate.CzechBirthNumber(v) {
		needWord(s, g.S[0], e, true)
	} else if rcDate(v) {
		vetoIfWord(s, g.S[0], e)
	}
}

// rcCompact handles nine and ten bare digits; ten-digit numbers are
// common, so only a failing nine-digit one is vetoed.
func rcCompact(s *detect.Scan, i, j int) {
	d := s.T[i:j]
	if validate.CzechBirthNumber(d) {
		needWord(s, i, j, true)
	} else if len(d) == 9 && rcDate(d) {
		vetoIfWord(s, i, j)
	}
}

// ROCNP finds Romanian personal numeric codes (Cod Numeric Personal): 13
// digits, the sex and century, the birth date, the county (01-46, 51,
// 52, and the former Bucharest sectors 47 and 48), a serial number, and
// the control digit of the weights 2 7 9 1 4 6 3 5 8 2 7 9 mod 11, 10
// read as 1 (Legea nr. 105/1996 privind evidența populației; HG nr.
// 1375/2006, normele metodologice, anexa: structura CNP). A context word
// is required.
var ROCNP = &detect.Detector{
	Name: "ro_cnp",
	Types: []detect.Type{{
		Name: "ro_cnp", Family: detect.NationalID, Confidence: confWord, NeedsContext: true,
		Confirm: "13 digits: sex/century, birth date, county, serial, control digit (weights 279146358279 mod 11); needs a context word",
	}},
	Source: "Legea nr. 105/1996; HG nr. 1375/2006, structura codului numeric personal",
	Context: words(confWord, "cnp", "c.n.p.", "cod numeric personal", "codul numeric personal", "cod numeric",
		"personal numeric code", "romanian cnp"),
	Digits: &detect.OnDigits{Compact: 1 << 13, OnCompact: cnpCompact},
	Examples: []detect.Example{
		{Text: "CNP 1630615123457", Span: "1630615123457", Valid: true},
		{Text: "cod numeric personal: 1630615123457.", Span: "1630615123457", Valid: true},
		{Text: "ref 1630615123457"},
		{Text: "CNP 1630615123458"},
		{Text: "CNP 1631315123457"},
	},
}

// cnpCompact handles thirteen bare digits: a failing number is vetoed
// when its first digit and birth date are plausible.
func cnpCompact(s *detect.Scan, i, j int) {
	d := s.T[i:j]
	if validate.RomanianCNP(d) {
		needWord(s, i, j, true)
		return
	}
	m, day := twoDigits(d, 3), twoDigits(d, 5)
	if d[0] != '0' && m >= 1 && m <= 12 && day >= 1 && day <= 31 {
		vetoIfWord(s, i, j)
	}
}
