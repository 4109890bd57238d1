package apac

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// KRBRN finds Korean business registration numbers (사업자등록번호;
// National Tax Service, Value-Added Tax Act art. 8 and its Enforcement
// Decree): ten digits written 3-2-5 (tax office, business type, serial
// and check digit), the check digit (10 - S mod 10) mod 10 with the first
// nine digits weighted 1, 3, 7, 1, 3, 7, 1, 3, 5 plus the tens of five
// times the ninth. One number in ten passes the check, so a context word
// is required.
var KRBRN = &detect.Detector{
	Name: "kr_brn",
	Types: []detect.Type{{
		Name: "kr_brn", Family: detect.NationalID, Confidence: confWord, NeedsContext: true,
		Confirm: "10 digits (3-2-5), National Tax Service check digit; needs a context word",
	}},
	Source: "National Tax Service, business registration number (Value-Added Tax Act art. 8); check digit weights 1,3,7,1,3,7,1,3,5",
	Context: []detect.Word{
		{Text: "사업자등록번호", Conf: confWord}, {Text: "사업자번호", Conf: confWord}, {Text: "사업자 등록번호", Conf: confWord},
		{Text: "business registration number", Conf: confWord}, {Text: "business registration no", Conf: confWord},
		{Text: "BRN", Conf: confWord},
	},
	Digits: &detect.OnDigits{
		Compact: 1 << 10, OnCompact: brnCompact,
		GroupFirst: 1 << 3, GroupSecond: 1 << 2, OnGrouped: brnGrouped,
	},
	Examples: []detect.Example{
		{Text: "사업자등록번호 116-82-00276", Span: "116-82-00276", Valid: true},
		{Text: "BRN: 1348672683", Span: "1348672683", Valid: true},
		{Text: "사업자등록번호 116-82-00277"},
		{Text: "ref 116-82-00276"},
		{Text: "BRN 116-82-0027"},
	},
}

// brnCompact handles ten bare digits.
func brnCompact(s *detect.Scan, i, j int) {
	if validate.KRBRN(s.T[i:j]) {
		if c := s.Context(i); c > 0 {
			s.Add(0, i, j, c, true)
		}
	}
}

// brnGrouped handles 3-2-5 joined by '-'.
func brnGrouped(s *detect.Scan, g *detect.Groups) {
	t := s.T
	if g.N < 3 || g.Len(1) != 2 || g.Len(2) != 5 || g.SameSep(3, "-") == 0 || !groupsAlone(t, g, 3) {
		return
	}
	var buf [40]byte
	b, e := g.S[0], g.E[2]
	c := s.Context(b)
	switch {
	case c == 0:
	case validate.KRBRN(g.Concat(t, 3, &buf)):
		s.Add(0, b, e, c, true)
	default:
		s.Veto(b, e, confVeto)
	}
}
