package ids

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// USNPI finds US National Provider Identifiers: ten digits whose last is
// the Luhn check digit computed over the prefix 80840 and the first nine
// (CMS, "Requirements for National Provider Identifier (NPI) and NPI
// Enumerator", check digit section), compact or in groups with one
// separator throughout. A context word is required; a number with an NPI
// context word that fails the check is vetoed, so it does not fall
// through to a phone number.
var USNPI = &detect.Detector{
	Name: "us_npi",
	Types: []detect.Type{{
		Name: "us_npi", Family: detect.NationalID, Confidence: 0.95, NeedsContext: true,
		Confirm: "10 digits, Luhn over 80840 + the first 9 digits; needs a context word",
	}},
	Source: "CMS, NPI check digit (Luhn over the 80840 prefix)",
	Context: []detect.Word{
		{Text: "npi", Conf: 0.95}, {Text: "national provider", Conf: 0.95},
		{Text: "provider identifier", Conf: 0.95}, {Text: "provider id", Conf: 0.95},
	},
	Digits: &detect.OnDigits{
		Compact: 1 << 10, OnCompact: npiCompact,
		GroupFirst: 1<<2 | 1<<3 | 1<<4 | 1<<5 | 1<<6, OnGrouped: npiGrouped,
	},
	Examples: []detect.Example{
		{Text: "NPI 1234567893", Span: "1234567893", Valid: true},
		{Text: "NPI: 123-456-7893", Span: "123-456-7893", Valid: true},
		{Text: "Provider identifier 12345 67893", Span: "12345 67893", Valid: true},
		{Text: "NPI 1234567894"},
		{Text: "NPI 212-555-1234", Type: "phone"},
		{Text: "npi 1234-567.893"},
		{Text: "id 1234567893"},
	},
}

// npiCompact handles ten bare digits.
func npiCompact(s *detect.Scan, i, j int) { npi(s, s.T[i:j], i, j) }

// npiGrouped handles ten digits in two to four groups of two to six
// digits, joined by one separator (' ', '-' or '.') throughout.
func npiGrouped(s *detect.Scan, g *detect.Groups) {
	t := s.T
	total := 0
	for k := 0; k < g.N && k < 4; k++ {
		l := g.Len(k)
		if l < 2 || l > 6 {
			return
		}
		total += l
		if total == 10 {
			if k == 0 || g.SameSep(k+1, " -.") == 0 || !detect.NumRight(t, g.E[k]) {
				return
			}
			var buf [40]byte
			npi(s, g.Concat(t, k+1, &buf), g.S[0], g.E[k])
			return
		}
	}
}

// npi adds the candidate t[b:e] with digits d, or vetoes it when it has
// an NPI context word and fails the check but would pass for a phone
// number.
func npi(s *detect.Scan, d []byte, b, e int) {
	switch {
	case validate.NPI(d):
		if c := s.Context(b); c > 0 {
			s.Add(0, b, e, c, true)
		}
	case validate.NANP(d):
		if s.Context(b) > 0 {
			s.Veto(b, e, 0.95)
		}
	}
}
