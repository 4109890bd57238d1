package pii

import "github.com/datafog/datafog-api/engine/detect"

// ZipCode finds US ZIP codes, five digits or ZIP+4 ("94105-1234"; USPS
// Publication 28 §2). A bare five-digit number is as often a count or an
// id as a ZIP code, so without a context word it scores below the
// default minimum confidence.
var ZipCode = &detect.Detector{
	Name: "zip_code",
	Types: []detect.Type{{
		Name: "zip_code", Family: detect.Location, Confidence: 0.3, NeedsContext: true,
		Confirm: "US ZIP or ZIP+4; low confidence unless a context word is near",
	}},
	Source: "USPS Publication 28, Postal Addressing Standards",
	Context: []detect.Word{
		{Text: "zip", Conf: 0.9}, {Text: "zipcode", Conf: 0.9}, {Text: "zip code", Conf: 0.9},
		{Text: "postal", Conf: 0.9}, {Text: "postcode", Conf: 0.9},
	},
	Digits: &detect.OnDigits{
		Compact: 1 << 5, OnCompact: zipCompact,
		GroupFirst: 1 << 5, GroupSecond: 1 << 4, OnGrouped: zipGrouped,
	},
	Examples: []detect.Example{
		{Text: "zip 94105", Span: "94105", Valid: true},
		{Text: "ZIP code: 94105-1234", Span: "94105-1234", Valid: true},
		{Text: "zip 00000"},
	},
}

// zipCompact handles a whole five-digit number.
func zipCompact(s *detect.Scan, i, j int) { zip(s, i, j) }

// zipGrouped handles ZIP+4: five digits, '-', four digits.
func zipGrouped(s *detect.Scan, g *detect.Groups) {
	if g.Shape(5, 4) && g.Sep[0] == '-' && detect.NumRight(s.T, g.E[1]) {
		zip(s, g.S[0], g.E[1])
	}
}

// zip adds a zip_code candidate t[b:e].
func zip(s *detect.Scan, b, e int) {
	if string(s.T[b:b+5]) == "00000" {
		return
	}
	conf := 0.3
	if c := s.Context(b); c > 0 {
		conf = c
	}
	s.Add(0, b, e, conf, false)
}
