package ids

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// USNPI finds US National Provider Identifiers: ten digits whose last is
// the Luhn check digit computed over the prefix 80840 and the first nine
// (CMS, "Requirements for National Provider Identifier (NPI) and NPI
// Enumerator", check digit section). A context word is required.
var USNPI = &detect.Detector{
	Name: "us_npi",
	Types: []detect.Type{{
		Name: "us_npi", Family: detect.NationalID, Confidence: 0.95, NeedsContext: true,
		Confirm: "10 digits, Luhn over 80840 + the first 9 digits; needs a context word",
	}},
	Source:  "CMS, NPI check digit (Luhn over the 80840 prefix)",
	Context: []detect.Word{{Text: "npi", Conf: 0.95}, {Text: "national provider", Conf: 0.95}},
	Digits:  &detect.OnDigits{Compact: 1 << 10, OnCompact: npiCompact},
	Examples: []detect.Example{
		{Text: "NPI 1234567893", Span: "1234567893", Valid: true},
		{Text: "NPI 1234567894"},
		{Text: "id 1234567893"},
	},
}

// npiCompact handles ten bare digits.
func npiCompact(s *detect.Scan, i, j int) {
	if validate.NPI(s.T[i:j]) {
		if c := s.Context(i); c > 0 {
			s.Add(0, i, j, c, true)
		}
	}
}
