package apac

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// AUTFN finds Australian Tax File Numbers (Australian Taxation Office;
// Taxation Administration Act 1953 Part VA): nine digits, compact or
// 3-3-3, whose sum weighted 1, 4, 3, 7, 5, 8, 6, 9, 10 is a multiple of
// 11. One number in eleven passes, so a context word is required.
var AUTFN = &detect.Detector{
	Name: "au_tfn",
	Types: []detect.Type{{
		Name: "au_tfn", Family: detect.NationalID, Confidence: confWord, NeedsContext: true,
		Confirm: "9 digits, weights 1,4,3,7,5,8,6,9,10 mod 11; needs a context word",
	}},
	Source: "Australian Taxation Office, tax file number (Taxation Administration Act 1953 Part VA); mod 11 check",
	Context: []detect.Word{
		{Text: "TFN", Conf: confWord}, {Text: "tax file number", Conf: confWord}, {Text: "tax file no", Conf: confWord},
	},
	Digits: &detect.OnDigits{
		Compact: 1 << 9, OnCompact: tfnCompact,
		GroupFirst: 1 << 3, OnGrouped: tfnGrouped,
	},
	Examples: []detect.Example{
		{Text: "TFN 123 456 782", Span: "123 456 782", Valid: true},
		{Text: "tax file number: 876543210", Span: "876543210", Valid: true},
		{Text: "TFN 123 456 783"},
		{Text: "ref 123 456 782"},
	},
}

// tfnCompact and tfnGrouped handle nine bare digits and 3-3-3.
func tfnCompact(s *detect.Scan, i, j int)         { auNine(s, true, s.T[i:j], i, j) }
func tfnGrouped(s *detect.Scan, g *detect.Groups) { auNineGrouped(s, g, true) }

// auNine reports the nine digits d at t[b:e] when they are a TFN (tfn)
// or an ACN and a context word stands before them. (A flag rather than
// the check function: a slice passed to a function value escapes.)
func auNine(s *detect.Scan, tfn bool, d []byte, b, e int) {
	if tfn && validate.AUTFN(d) || !tfn && validate.AUACN(d) {
		if c := s.Context(b); c > 0 {
			s.Add(0, b, e, c, true)
		}
	}
}

// auNineGrouped handles 3-3-3 joined by spaces or dashes.
func auNineGrouped(s *detect.Scan, g *detect.Groups, tfn bool) {
	t := s.T
	if g.N < 3 || g.Len(1) != 3 || g.Len(2) != 3 || g.SameSep(3, " -") == 0 || !groupsAlone(t, g, 3) {
		return
	}
	var buf [40]byte
	auNine(s, tfn, g.Concat(t, 3, &buf), g.S[0], g.E[2])
}
