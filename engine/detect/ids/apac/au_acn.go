package apac

import "github.com/datafog/datafog-api/engine/detect"

// AUACN finds Australian Company Numbers (ASIC; Corporations Act 2001
// s. 1344): nine digits, compact or 3-3-3, the last (10 - S mod 10) mod
// 10 with the first eight weighted 8 down to 1. One number in ten passes,
// so a context word is required.
var AUACN = &detect.Detector{
	Name: "au_acn",
	Types: []detect.Type{{
		Name: "au_acn", Family: detect.NationalID, Confidence: confWord, NeedsContext: true,
		Confirm: "9 digits, weights 8..1, mod 10 complement check digit; needs a context word",
	}},
	Source: "ASIC, Australian Company Number check digit (Corporations Act 2001 s. 1344)",
	Context: []detect.Word{
		{Text: "ACN", Conf: confWord}, {Text: "Australian company number", Conf: confWord},
	},
	Digits: &detect.OnDigits{
		Compact: 1 << 9, OnCompact: acnCompact,
		GroupFirst: 1 << 3, OnGrouped: acnGrouped,
	},
	Examples: []detect.Example{
		{Text: "ACN 004 085 616", Span: "004 085 616", Valid: true},
		{Text: "ACN: 010499966", Span: "010499966", Valid: true},
		{Text: "ACN 004 085 617"},
		{Text: "ref 004 085 616"},
	},
}

// acnCompact and acnGrouped handle nine bare digits and 3-3-3.
func acnCompact(s *detect.Scan, i, j int)         { auNine(s, false, s.T[i:j], i, j) }
func acnGrouped(s *detect.Scan, g *detect.Groups) { auNineGrouped(s, g, false) }
