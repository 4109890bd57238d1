package apac

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// JPMyNumber finds Japanese Individual Numbers (マイナンバー, 個人番号;
// the My Number Act and Ordinance of the Ministry of Internal Affairs and
// Communications No. 85 of 2014, art. 5): twelve digits, compact or
// 4-4-4, the last a check digit: r = Σ P(n)·Q(n) mod 11 over the first
// eleven counted from the right, Q(n) = n+1 up to 6 and n-5 from 7, the
// check 0 when r <= 1 and 11 - r otherwise. One number in ten passes, so
// a context word is required.
var JPMyNumber = &detect.Detector{
	Name: "jp_my_number",
	Types: []detect.Type{{
		Name: "jp_my_number", Family: detect.NationalID, Confidence: confWord, NeedsContext: true,
		Confirm: "12 digits (4-4-4), check digit of MIC Ordinance No. 85 (2014) art. 5; needs a context word",
	}},
	Source: "Ministry of Internal Affairs and Communications, Ordinance No. 85 of 2014 art. 5 (Individual Number check digit)",
	Context: []detect.Word{
		{Text: "マイナンバー", Conf: confWord}, {Text: "個人番号", Conf: confWord}, {Text: "my number", Conf: confWord},
		{Text: "mynumber", Conf: confWord}, {Text: "individual number", Conf: confWord},
	},
	Digits: &detect.OnDigits{
		Compact: 1 << 12, OnCompact: myNumberCompact,
		GroupFirst: 1 << 4, GroupSecond: 1 << 4, OnGrouped: myNumberGrouped,
	},
	Examples: []detect.Example{
		{Text: "マイナンバー 1234 5678 9018", Span: "1234 5678 9018", Valid: true},
		{Text: "個人番号：123456789018", Span: "123456789018", Valid: true},
		{Text: "マイナンバー 1234 5678 9019"},
		{Text: "ref 1234 5678 9018"},
	},
}

// myNumberCompact handles twelve bare digits.
func myNumberCompact(s *detect.Scan, i, j int) {
	if validate.MyNumber(s.T[i:j]) {
		if c := s.Context(i); c > 0 {
			s.Add(0, i, j, c, true)
		}
	}
}

// myNumberGrouped handles 4-4-4 joined by spaces or dashes.
func myNumberGrouped(s *detect.Scan, g *detect.Groups) {
	t := s.T
	if g.N < 3 || g.Len(1) != 4 || g.Len(2) != 4 || g.SameSep(3, " -") == 0 || !groupsAlone(t, g, 3) {
		return
	}
	var buf [40]byte
	b, e := g.S[0], g.E[2]
	if validate.MyNumber(g.Concat(t, 3, &buf)) {
		if c := s.Context(b); c > 0 {
			s.Add(0, b, e, c, true)
		}
	} else if s.Context(b) > 0 {
		s.Veto(b, e, confVeto)
	}
}
