package apac

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// THTNIN finds Thai national identification numbers (เลขประจำตัวประชาชน;
// Department of Provincial Administration, Civil Registration Act B.E.
// 2534): thirteen digits, a person category 1-8, the registration
// office (province code 10-96 first), and a check digit (11 - S mod 11)
// mod 10 over the first twelve weighted 13 down to 2. Written 1-4-5-2-1,
// as on the card, a valid number stands alone; thirteen bare digits need
// a context word.
var THTNIN = &detect.Detector{
	Name: "th_tnin",
	Types: []detect.Type{{
		Name: "th_tnin", Family: detect.NationalID, Confidence: confAlone,
		Confirm: "13 digits, category 1-8, province 10-96, mod 11 check digit (weights 13..2); bare digits need a context word",
	}},
	Source: "Department of Provincial Administration (Thailand), population identification number; mod 11 check digit",
	Context: []detect.Word{
		{Text: "เลขประจำตัวประชาชน", Conf: confWord}, {Text: "เลขบัตรประชาชน", Conf: confWord}, {Text: "บัตรประชาชน", Conf: confWord},
		{Text: "Thai national ID", Conf: confWord}, {Text: "Thai ID", Conf: confWord}, {Text: "TNIN", Conf: confWord},
	},
	Digits: &detect.OnDigits{
		Compact: 1 << 13, OnCompact: tninCompact,
		GroupFirst: 1 << 1, GroupSecond: 1 << 4, OnGrouped: tninGrouped,
	},
	Examples: []detect.Example{
		{Text: "เลขประจำตัวประชาชน 1 1017 00207 03 0", Span: "1 1017 00207 03 0", Valid: true},
		{Text: "card 3-1006-00445-63-5.", Span: "3-1006-00445-63-5", Valid: true},
		{Text: "Thai ID: 1101700207030", Span: "1101700207030", Valid: true},
		{Text: "เลขประจำตัวประชาชน 1 1017 00207 03 1"},
		{Text: "ref 1101700207030"},
	},
}

// tninCompact handles thirteen bare digits.
func tninCompact(s *detect.Scan, i, j int) {
	if validate.THTNIN(s.T[i:j]) {
		if c := s.Context(i); c > 0 {
			s.Add(0, i, j, c, true)
		}
	}
}

// tninGrouped handles 1-4-5-2-1 joined by spaces or dashes.
func tninGrouped(s *detect.Scan, g *detect.Groups) {
	t := s.T
	if g.N < 5 || g.Len(1) != 4 || g.Len(2) != 5 || g.Len(3) != 2 || g.Len(4) != 1 || g.SameSep(5, " -") == 0 || !groupsAlone(t, g, 5) {
		return
	}
	var buf [40]byte
	b, e := g.S[0], g.E[4]
	c := s.Context(b)
	switch {
	case validate.THTNIN(g.Concat(t, 5, &buf)):
		s.Add(0, b, e, max(c, confAlone), true)
	case c > 0:
		s.Veto(b, e, confVeto)
	}
}
