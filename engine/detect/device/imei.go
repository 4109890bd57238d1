// Package device holds the detectors of device identifiers.
package device

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// IMEI finds International Mobile Equipment Identities (3GPP TS 23.003
// §6.2, Annex B; GSMA, "IMEI Allocation and Approval Process"): the IMEI
// of 15 digits (an eight-digit type allocation code, a six-digit serial
// number and the Luhn check digit) and the IMEISV of 16 (the same
// without the check digit, and a two-digit software version). An IMEI is
// found compact or in the usual groups 2-6-6-1 or 8-6-1 joined by one
// separator, space or dash; an IMEISV only in its groups 2-6-6-2 or
// 8-6-2, since sixteen bare digits are far more often a card or account
// number. Fifteen-digit numbers with a Luhn check digit are common (one
// in ten passes), so a context word is required: an IMEI scores 0.99
// with one and 0.4 without; an IMEISV has no check digit and scores 0.75
// after "IMEISV" or "IMEI", never alone. A grouped number after the word
// that fails the check is vetoed (a compact one is not: looking for the
// word before every 15-digit number would cost more than the check).
var IMEI = &detect.Detector{
	Name: "imei",
	Types: []detect.Type{{
		Name: "imei", Family: detect.Device, Confidence: 0.4, NeedsContext: true,
		Confirm: "15 digits with the Luhn check digit (IMEISV: 16 digits); needs a context word",
	}},
	Source:  "3GPP TS 23.003 §6.2 (IMEI and IMEISV) and Annex B (check digit); GSMA IMEI allocation guidelines",
	Context: []detect.Word{{Text: "imei", Conf: 0.99}, {Text: "imeisv", Conf: 0.99}, {Text: "equipment identity", Conf: 0.99}},
	Digits: &detect.OnDigits{
		Compact: 1 << 15, OnCompact: findIMEICompact,
		GroupFirst: 1<<2 | 1<<8, OnGrouped: findIMEIGrouped,
	},
	Examples: []detect.Example{
		{Text: "IMEI 490154203237518", Span: "490154203237518", Valid: true},
		{Text: "IMEI: 35-209900-176148-1", Span: "35-209900-176148-1", Valid: true},
		{Text: "imei 35209900 176148 1.", Span: "35209900 176148 1", Valid: true},
		{Text: "IMEISV 35-209900-176148-23", Span: "35-209900-176148-23", Valid: true},
		{Text: "IMEI 490154203237519"},
		{Text: "IMEI 35-209900-176148-2"},
		{Text: "IMEISV 3520990017614823"},
		{Text: "IMEI 49015420323751"},
	},
}

// findIMEICompact handles 15 bare digits.
func findIMEICompact(s *detect.Scan, i, j int) {
	if validate.IMEI(s.T[i:j]) {
		s.Add(0, i, j, max(0.4, s.Context(i)), true)
	}
}

// findIMEIGrouped handles 2-6-6-1 and 8-6-1 groups (IMEISV: a last
// group of two) with one separator, space or dash, throughout.
func findIMEIGrouped(s *detect.Scan, g *detect.Groups) {
	t := s.T
	var k int
	switch {
	case g.N >= 4 && g.Shape(2, 6, 6):
		k = 4
	case g.N >= 3 && g.Shape(8, 6):
		k = 3
	default:
		return
	}
	if l := g.Len(k - 1); l != 1 && l != 2 || !detect.NumRight(t, g.E[k-1]) || g.SameSep(k, "- ") == 0 {
		return
	}
	var buf [40]byte
	d := g.Concat(t, k, &buf)
	i, j := g.S[0], g.E[k-1]
	c := s.Context(i)
	switch {
	case len(d) == 16:
		if c > 0 {
			s.Add(0, i, j, 0.75, false)
		}
	case validate.IMEI(d):
		s.Add(0, i, j, max(0.4, c), true)
	case c > 0:
		s.Veto(i, j, c)
	}
}
