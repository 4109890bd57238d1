// Package ids holds the detectors of national, tax and health
// identifiers.
package ids

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// SSN finds US Social Security numbers, AAA-GG-SSSS, under the Social
// Security Administration's rules (SSA, "Social Security Number
// Randomization", 2011, and POMS RM 10201.030): the area is not 000, 666
// or 900-999, the group not 00 and the serial not 0000. Written with
// dashes, spaces or dots, one separator throughout; nine bare digits need
// a context word.
var SSN = &detect.Detector{
	Name: "ssn",
	Types: []detect.Type{{
		Name: "ssn", Family: detect.NationalID, Confidence: 0.95,
		Confirm: "US SSN: area not 000, 666 or 9xx; group not 00; serial not 0000; the same separator throughout",
	}},
	Source:  "SSA, Social Security Number Randomization (2011); SSA POMS RM 10201.030",
	Context: []detect.Word{{Text: "ssn", Conf: 0.9}, {Text: "social security", Conf: 0.9}},
	Digits: &detect.OnDigits{
		Compact: 1 << 9, OnCompact: ssnCompact,
		GroupFirst: 1 << 3, GroupSecond: 1 << 2, OnGrouped: ssnGrouped,
	},
	Examples: []detect.Example{
		{Text: "ssn 123-45-6789.", Span: "123-45-6789", Valid: true},
		{Text: "ssn 123 45 6789.", Span: "123 45 6789", Valid: true},
		{Text: "SSN: 123456789", Span: "123456789", Valid: true},
		{Text: "SSN 123.45.6789 on file", Span: "123.45.6789", Valid: true},
		{Text: "ssn 123-45.6789"},
		{Text: "ssn 666-45-6789"},
		{Text: "ssn 123-00-6789"},
		{Text: "order 123456789"},
	},
}

// ssnCompact handles nine bare digits, which need a context word.
func ssnCompact(s *detect.Scan, i, j int) {
	d := s.T[i:j]
	if validate.SSN(d[0:3], d[3:5], d[5:9]) {
		if c := s.Context(i); c > 0 {
			s.Add(0, i, j, c, true)
		}
	}
}

// ssnGrouped handles 3-2-4 groups joined by '-' or ' '.
func ssnGrouped(s *detect.Scan, g *detect.Groups) {
	t := s.T
	if g.N < 3 || !g.Shape(3, 2, 4) || !detect.NumRight(t, g.E[2]) || g.SameSep(3, "- .") == 0 {
		return
	}
	if validate.SSN(t[g.S[0]:g.E[0]], t[g.S[1]:g.E[1]], t[g.S[2]:g.E[2]]) {
		conf := 0.95
		if g.Sep[0] != '-' {
			conf = 0.85
		}
		s.Add(0, g.S[0], g.E[2], conf, true)
	}
}
