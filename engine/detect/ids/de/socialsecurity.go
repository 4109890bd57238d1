package de

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// SocialSecurity finds German pension insurance numbers
// (Rentenversicherungsnummer, the Sozialversicherungsnummer; §147 SGB VI
// and §2 VKVV): the insurer's two-digit area number, the birth date
// DDMMYY, the initial of the birth name, a two-digit serial (00-49 men,
// 50-99 women) and a check digit (the cross sums of the digits, the
// letter as 01-26, weighted 2 1 2 5 7 1 2 1 2 1 2 1, modulo 10),
// compact ("15070649C103") or in the printed groups ("15 070649 C 103").
// One number in ten passes the check, so a context word is required; a
// value it names that fails is vetoed.
var SocialSecurity = &detect.Detector{
	Name: "de_social_security",
	Types: []detect.Type{{
		Name: "de_social_security", Family: detect.NationalID, Confidence: 0.95, NeedsContext: true,
		Confirm: "area, birth date DDMMYY, initial, serial, check digit (VKVV §2); needs a context word",
	}},
	Source: "§147 SGB VI; Versicherungsnummern-, Kontoführungs- und Versicherungsverlaufsverordnung (VKVV) §2 (Aufbau, Prüfziffer)",
	Context: []detect.Word{
		{Text: "sozialversicherungsnummer", Conf: 0.95}, {Text: "rentenversicherungsnummer", Conf: 0.95},
		{Text: "versicherungsnummer", Conf: 0.9}, {Text: "sv-nummer", Conf: 0.95}, {Text: "sv-nr", Conf: 0.95},
		{Text: "svnr", Conf: 0.95}, {Text: "rvnr", Conf: 0.95}, {Text: "rv-nummer", Conf: 0.95},
		{Text: "social security number", Conf: 0.8}, {Text: "pension insurance number", Conf: 0.9},
	},
	Digits: &detect.OnDigits{
		Short: 1 << 8, ShortNext: detect.Capitals, OnShort: socialCompact,
		GroupFirst: 1 << 2, GroupSecond: 1 << 6, OnGrouped: socialGrouped,
	},
	Examples: []detect.Example{
		{Text: "Sozialversicherungsnummer 15070649C103", Span: "15070649C103", Valid: true},
		{Text: "RVNR: 65 170839 J 003.", Span: "65 170839 J 003", Valid: true},
		{Text: "Sozialversicherungsnummer 15070649C104"}, // check digit
		{Text: "Sozialversicherungsnummer 15310249C107"}, // 31 February
		{Text: "Bestellung 15070649C103"},                // no context word
	},
}

// socialCompact handles a run of eight digits: the compact form when a
// capital and three digits follow.
func socialCompact(s *detect.Scan, i, j int) {
	t := s.T
	if i+12 > len(t) || !detect.IsUpper(t[j]) || detect.DigitEnd(t, j+1) != i+12 || !detect.FreeRight(t, i+12) {
		return
	}
	social(s, i, i+12, t[i:i+12])
}

// socialGrouped handles "65 170839 J 003".
func socialGrouped(s *detect.Scan, g *detect.Groups) {
	t := s.T
	k := g.E[0] + 7
	if g.N < 2 || g.Sep[0] != ' ' || g.Len(1) != 6 || g.E[1] != k || k+6 > len(t) || t[k] != ' ' || !detect.IsUpper(t[k+1]) ||
		t[k+2] != ' ' || detect.DigitEnd(t, k+3) != k+6 || !detect.NumRight(t, k+6) {
		return
	}
	var buf [12]byte
	copy(buf[:2], t[g.S[0]:g.E[0]])
	copy(buf[2:8], t[g.S[1]:g.E[1]])
	buf[8] = t[k+1]
	copy(buf[9:], t[k+3:k+6])
	social(s, g.S[0], k+6, buf[:])
}

// social reports t[b:e], whose compact form is v, when a context word
// names it.
func social(s *detect.Scan, b, e int, v []byte) {
	c := s.Context(b)
	if c == 0 {
		return
	}
	if validate.DESocialSecurity(v) {
		s.Add(0, b, e, c, true)
	} else {
		s.Veto(b, e, c)
	}
}
