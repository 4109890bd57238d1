package ids

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// INAadhaar finds Aadhaar numbers: twelve digits, the first 2-9, the last
// a Verhoeff check digit (UIDAI, "Aadhaar Number" specification and its
// use of the Verhoeff algorithm), compact or 4-4-4 with one separator
// throughout: a space, a dash or a colon. A context word is required.
var INAadhaar = &detect.Detector{
	Name: "in_aadhaar",
	Types: []detect.Type{{
		Name: "in_aadhaar", Family: detect.NationalID, Confidence: 0.95, NeedsContext: true,
		Confirm: "12 digits, first digit 2-9, Verhoeff check digit; needs a context word",
	}},
	Source:  "UIDAI Aadhaar number format; Verhoeff (1969) check digit",
	Context: []detect.Word{{Text: "aadhaar", Conf: 0.95}, {Text: "aadhar", Conf: 0.95}, {Text: "uidai", Conf: 0.95}},
	Digits: &detect.OnDigits{
		Compact: 1 << 12, OnCompact: aadhaarCompact,
		GroupFirst: 1 << 4, GroupSecond: 1 << 4, OnGrouped: aadhaarGrouped,
		Colon: 1 << 4, OnColon: aadhaarColon,
	},
	Examples: []detect.Example{
		{Text: "Aadhaar 2345 6789 0124", Span: "2345 6789 0124", Valid: true},
		{Text: "aadhaar: 234567890124", Span: "234567890124", Valid: true},
		{Text: "Aadhaar no: 2345:6789:0124.", Span: "2345:6789:0124", Valid: true},
		{Text: "Aadhaar 2345 6789 0123"},
		{Text: "aadhaar 2345:6789-0124"},
		{Text: "id 234567890124"},
	},
}

// aadhaarCompact handles twelve bare digits.
func aadhaarCompact(s *detect.Scan, i, j int) {
	if validate.Aadhaar(s.T[i:j]) {
		if c := s.Context(i); c > 0 {
			s.Add(0, i, j, c, true)
		}
	}
}

// aadhaarColon handles 4-4-4 groups joined by ':', t[i:j] the first.
func aadhaarColon(s *detect.Scan, i, j int) {
	t := s.T
	e := i + 14
	if j != i+4 || e > len(t) || t[i+9] != ':' || !detect.NumRight(t, e) ||
		!detect.All(t[i+5:i+9], detect.Digit) || !detect.All(t[i+10:e], detect.Digit) {
		return
	}
	var d [12]byte
	copy(d[0:4], t[i:i+4])
	copy(d[4:8], t[i+5:i+9])
	copy(d[8:12], t[i+10:e])
	if validate.Aadhaar(d[:]) {
		if c := s.Context(i); c > 0 {
			s.Add(0, i, e, c, true)
		}
	}
}

// aadhaarGrouped handles 4-4-4 groups joined by ' ' or '-'.
func aadhaarGrouped(s *detect.Scan, g *detect.Groups) {
	t := s.T
	if g.N < 3 || !g.Shape(4, 4, 4) || !detect.NumRight(t, g.E[2]) || g.SameSep(3, "- ") == 0 {
		return
	}
	var buf [40]byte
	if d := g.Concat(t, 3, &buf); validate.Aadhaar(d) {
		if c := s.Context(g.S[0]); c > 0 {
			s.Add(0, g.S[0], g.E[2], c, true)
		}
	}
}
