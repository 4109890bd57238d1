package apac

import "github.com/datafog/datafog-api/engine/detect"

// PHTIN finds Philippine Taxpayer Identification Numbers (Bureau of
// Internal Revenue; National Internal Revenue Code s. 236(j)): nine
// digits and a branch code of three (000 for the head office) or, since
// 2024, five digits, written 3-3-3(-3) with dashes or spaces, or bare.
// The BIR publishes no check digit, so a context word is required.
var PHTIN = &detect.Detector{
	Name: "ph_tin",
	Types: []detect.Type{{
		Name: "ph_tin", Family: detect.NationalID, Confidence: 0.8, NeedsContext: true,
		Confirm: "9 digits and a 3- or 5-digit branch code (3-3-3-3 or 3-3-3-5); needs a context word",
	}},
	Source: "Bureau of Internal Revenue (Philippines), TIN format (NIRC s. 236(j); RMC 5-2024 five-digit branch codes)",
	Context: []detect.Word{
		{Text: "TIN", Conf: 0.8}, {Text: "taxpayer identification number", Conf: 0.8}, {Text: "tax identification number", Conf: 0.8},
		{Text: "BIR", Conf: 0.8}, {Text: "tax id", Conf: 0.55},
	},
	Digits: &detect.OnDigits{
		Compact: 1<<9 | 1<<12, OnCompact: phTINCompact,
		GroupFirst: 1 << 3, GroupSecond: 1 << 3, OnGrouped: phTINGrouped,
	},
	Examples: []detect.Example{
		{Text: "TIN 123-456-789-000", Span: "123-456-789-000", Valid: true},
		{Text: "BIR TIN: 123 456 789", Span: "123 456 789", Valid: true},
		{Text: "TIN 123-456-789-00000", Span: "123-456-789-00000", Valid: true},
		{Text: "TIN: 123456789000", Span: "123456789000", Valid: true},
		{Text: "TIN 123-456-78"},
		{Text: "ref 123-456-789-000"},
	},
}

// phTINCompact handles nine or twelve bare digits.
func phTINCompact(s *detect.Scan, i, j int) {
	if c := s.Context(i); c > 0 {
		s.Add(0, i, j, c, true)
	}
}

// phTINGrouped handles 3-3-3 with an optional branch code of 3 or 5
// digits, one separator (dash or space) throughout.
func phTINGrouped(s *detect.Scan, g *detect.Groups) {
	t := s.T
	if g.N < 3 || g.Len(1) != 3 || g.Len(2) != 3 {
		return
	}
	k := 3
	if g.N >= 4 && (g.Len(3) == 3 || g.Len(3) == 5) && g.Sep[2] == g.Sep[0] {
		k = 4
	}
	if g.SameSep(k, "- ") == 0 || !groupsAlone(t, g, k) {
		return
	}
	if c := s.Context(g.S[0]); c > 0 {
		s.Add(0, g.S[0], g.E[k-1], c, true)
	}
}
