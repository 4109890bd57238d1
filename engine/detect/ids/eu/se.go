package eu

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// SEPersonnummer finds Swedish personal identity numbers and
// coordination numbers (samordningsnummer, the day raised by 60):
// YYMMDD-NNNC, with '+' instead of '-' from the year a person turns 100,
// YYYYMMDD-NNNC, or compact, where C is the Luhn check digit of the ten
// digits YYMMDDNNN (Skatteverket, SKV 704 "Personnummer"; Folkbokföringslag
// (1991:481) 18 §; SKV 707 "Samordningsnummer"). A Danish CPR number has
// the same 6-4 shape, so a context word is required. The '+' form (people
// over 100) is not looked for: a six-digit run followed by '+' would cost
// a call at every six-digit number.
var SEPersonnummer = &detect.Detector{
	Name: "se_personnummer",
	Types: []detect.Type{{
		Name: "se_personnummer", Family: detect.NationalID, Confidence: confWord, NeedsContext: true,
		Confirm: "YYMMDD-NNNC (+ for 100+; day + 60 for samordningsnummer), Luhn; needs a context word",
	}},
	Source: "Skatteverket SKV 704 (Personnummer) and SKV 707 (Samordningsnummer); Folkbokföringslag (1991:481) 18 §",
	Context: words(confWord, "personnummer", "personnumret", "personnr", "person nr", "pnr", "p-nr",
		"samordningsnummer", "personal identity number", "swedish personal number", "swedish personal identity number"),
	Digits: &detect.OnDigits{
		GroupFirst: 1<<6 | 1<<8, OnGrouped: sePnrGrouped,
		Compact: 1<<10 | 1<<12, OnCompact: sePnrCompact,
	},
	Examples: []detect.Example{
		{Text: "personnummer 850709-9805", Span: "850709-9805", Valid: true},
		{Text: "personnummer: 19850709-9805", Span: "19850709-9805", Valid: true},
		{Text: "pnr 8507099805", Span: "8507099805", Valid: true},
		{Text: "samordningsnummer 850769-9802", Span: "850769-9802", Valid: true},
		{Text: "ref 850709-9805"},
		{Text: "personnummer 850709-9806"},
		{Text: "personnummer 851309-9805"},
	},
}

// sePnrDate reports whether the ten digits d have a personnummer's date
// shape: month 01-12, day 01-31 or 61-91.
func sePnrDate(d []byte) bool {
	m, day := twoDigits(d, 2), twoDigits(d, 4)
	if day > 60 {
		day -= 60
	}
	return m >= 1 && m <= 12 && day >= 1 && day <= 31
}

// sePnrGrouped handles "YYMMDD-NNNC" and "YYYYMMDD-NNNC".
func sePnrGrouped(s *detect.Scan, g *detect.Groups) {
	t := s.T
	e, ok := pair(t, g, g.Len(0), '-', 4)
	if !ok {
		return
	}
	i := g.S[0]
	var v [12]byte
	n := copy(v[:], t[i:g.E[0]])
	copy(v[n:], t[g.S[1]:e])
	if n == 8 {
		if validate.SwedishPersonnummerCentury(v[:2], v[2:12]) {
			needWord(s, i, e, true)
		} else if sePnrDate(v[2:12]) {
			vetoIfWord(s, i, e)
		}
		return
	}
	sePnrCheck(s, v[:10], i, e)
}

// sePnrCompact handles ten and twelve bare digits.
func sePnrCompact(s *detect.Scan, i, j int) {
	d := s.T[i:j]
	if len(d) == 12 {
		if validate.SwedishPersonnummerCentury(d[:2], d[2:]) {
			needWord(s, i, j, true)
		}
		return
	}
	sePnrCheck(s, d, i, j)
}

// sePnrCheck reports the ten digits d written as t[b:e], or vetoes them
// when the date holds.
func sePnrCheck(s *detect.Scan, d []byte, b, e int) {
	if validate.SwedishPersonnummer(d) {
		needWord(s, b, e, true)
	} else if e-b == 11 && sePnrDate(d) {
		vetoIfWord(s, b, e) // the 6-4 form only: ten bare digits are too common
	}
}

// SEOrganisationsnummer finds Swedish organisation numbers: ten digits
// NNNNNN-NNNC, the first a legal-form group (1-3, 5-9), the third at least
// 2 (so that it is never a personnummer's month), the last a Luhn check
// digit; also compact and with the 16 prefix of the twelve-digit form
// (Skatteverket, SKV 709 "Organisationsnummer"; Bolagsverket). A context
// word is required.
var SEOrganisationsnummer = &detect.Detector{
	Name: "se_organisationsnummer",
	Types: []detect.Type{{
		Name: "se_organisationsnummer", Family: detect.NationalID, Confidence: confWord, NeedsContext: true,
		Confirm: "NNNNNN-NNNC: group digit, third digit >= 2, Luhn; needs a context word",
	}},
	Source: "Skatteverket SKV 709 (Organisationsnummer); Bolagsverket",
	Context: words(confWord, "organisationsnummer", "org.nr", "org.nr.", "orgnr", "org nr", "org-nr",
		"organisationsnr", "organisation number", "corporate identity number", "swedish company number"),
	Digits: &detect.OnDigits{
		GroupFirst: 1 << 6, GroupSecond: 1 << 4, OnGrouped: seOrgGrouped,
		Compact: 1<<10 | 1<<12, OnCompact: seOrgCompact,
	},
	Examples: []detect.Example{
		{Text: "organisationsnummer 556016-0680", Span: "556016-0680", Valid: true},
		{Text: "org.nr: 2021005489", Span: "2021005489", Valid: true},
		{Text: "orgnr 165560160680", Span: "165560160680", Valid: true},
		{Text: "ref 556016-0680"},
		{Text: "org.nr 556016-0681"},
		{Text: "organisationsnummer 851009-9805"}, // a personnummer
	},
}

// seOrgGrouped handles "NNNNNN-NNNC".
func seOrgGrouped(s *detect.Scan, g *detect.Groups) {
	t := s.T
	e, ok := pair(t, g, 6, '-', 4)
	if !ok {
		return
	}
	var buf [40]byte
	v := g.Concat(t, 2, &buf)
	if validate.SwedishOrgNumber(v) {
		needWord(s, g.S[0], e, true)
	} else if v[2] >= '2' && v[0] != '0' && v[0] != '4' {
		vetoIfWord(s, g.S[0], e)
	}
}

// seOrgCompact handles ten bare digits, and twelve starting with 16.
func seOrgCompact(s *detect.Scan, i, j int) {
	d := s.T[i:j]
	if len(d) == 12 {
		if d[0] != '1' || d[1] != '6' {
			return
		}
		d = d[2:]
	}
	if validate.SwedishOrgNumber(d) {
		needWord(s, i, j, true)
	}
}
