package uk

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// NINO finds UK National Insurance numbers: two prefix letters, six digits
// and a suffix A-D, under HMRC's allocation rules (HMRC National Insurance
// Manual NIM39110: no D, F, I, Q, U or V in the prefix, no O second, and
// never BG, GB, KN, NK, NT, TN or ZZ), compact ("QQ123456C") or in the
// printed groups ("QQ 12 34 56 C"). There is no check character, so a
// context word is required; a NINO-shaped value that a context word names
// but that breaks the rules is vetoed.
var NINO = &detect.Detector{
	Name: "uk_nino",
	Types: []detect.Type{{
		Name: "uk_nino", Family: detect.NationalID, Confidence: 0.9, NeedsContext: true,
		Confirm: "HMRC NIM39110: allocated prefix, six digits, suffix A-D; needs a context word",
	}},
	Source: "HMRC National Insurance Manual NIM39110 (format of National Insurance numbers)",
	Context: []detect.Word{
		{Text: "national insurance", Conf: 0.95}, {Text: "nino", Conf: 0.95}, {Text: "ni number", Conf: 0.9},
		{Text: "ni no", Conf: 0.9}, {Text: "nin", Conf: 0.85}, {Text: "insurance number", Conf: 0.85},
	},
	Tokens: &detect.OnToken{MinLen: 9, MaxLen: 9, MinLead: 2, MaxLead: 2, Find: ninoToken},
	Digits: &detect.OnDigits{GroupFirst: 1 << 2, GroupSecond: 1 << 2, OnGrouped: ninoGrouped},
	Examples: []detect.Example{
		{Text: "National Insurance number AB123456C", Span: "AB123456C", Valid: true},
		{Text: "NINO: JG 10 37 56 A.", Span: "JG 10 37 56 A", Valid: true},
		{Text: "NINO: GB123456A"},  // GB is never allocated
		{Text: "NINO: AB123456E"},  // suffix E
		{Text: "NINO: AO123456A"},  // O second
		{Text: "ticket AB123456C"}, // no context word
	},
}

// ninoToken handles two letters, six digits and a letter.
func ninoToken(s *detect.Scan, ts, te int) {
	t := s.T
	if !detect.IsUpper(t[ts]) || !detect.IsUpper(t[ts+1]) || detect.DigitEnd(t, ts+2) != ts+8 || !detect.IsUpper(t[ts+8]) {
		return
	}
	nino(s, ts, te, t[ts:te])
}

// ninoGrouped handles "AB 12 34 56 C": the run is the first pair of
// digits.
func ninoGrouped(s *detect.Scan, g *detect.Groups) {
	t := s.T
	b, i := g.S[0]-3, g.S[0]
	if b < 0 || t[i-1] != ' ' || !detect.IsUpper(t[b]) || !detect.IsUpper(t[b+1]) || !detect.FreeLeft(t, b) ||
		g.N < 3 || !g.Shape(2, 2, 2) || g.Sep[0] != ' ' || g.Sep[1] != ' ' {
		return
	}
	e := g.E[2]
	if e+2 > len(t) || t[e] != ' ' || !detect.IsUpper(t[e+1]) || !detect.FreeRight(t, e+2) {
		return
	}
	var buf [9]byte
	buf[0], buf[1], buf[8] = t[b], t[b+1], t[e+1]
	copy(buf[2:4], t[g.S[0]:g.E[0]])
	copy(buf[4:6], t[g.S[1]:g.E[1]])
	copy(buf[6:8], t[g.S[2]:g.E[2]])
	nino(s, b, e+2, buf[:])
}

// nino reports t[b:e], whose compact form is v, when a context word names
// it.
func nino(s *detect.Scan, b, e int, v []byte) {
	c := s.Context(b)
	if c == 0 {
		return
	}
	if validate.NINO(v) {
		s.Add(0, b, e, c, true)
	} else {
		s.Veto(b, e, c)
	}
}
