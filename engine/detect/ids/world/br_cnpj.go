package world

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// BRCNPJ finds Brazilian company taxpayer numbers (Cadastro Nacional da
// Pessoa Jurídica; Receita Federal, IN RFB 2.119/2022): fourteen digits,
// the root, the branch and two mod 11 check digits, formatted
// dd.ddd.ddd/dddd-dd or bare. Formatted, a valid number stands alone;
// bare digits need a context word. The alphanumeric CNPJ of IN RFB
// 2.229/2024 (issued from July 2026) passes validate.CNPJ, but its
// formatted form starts with letters or breaks the digit groups, which
// the digit triggers do not see; it is not detected yet.
var BRCNPJ = &detect.Detector{
	Name: "br_cnpj",
	Types: []detect.Type{{
		Name: "br_cnpj", Family: detect.NationalID, Confidence: confAlone,
		Confirm: "14 digits, two mod 11 check digits; dd.ddd.ddd/dddd-dd, or bare with a context word",
	}},
	Source: "Receita Federal do Brasil, CNPJ (IN RFB 2.119/2022); mod 11 check digits",
	Context: []detect.Word{
		{Text: "CNPJ", Conf: confWord}, {Text: "CNPJ/MF", Conf: confWord},
		{Text: "cadastro nacional da pessoa jurídica", Conf: confWord}, {Text: "cadastro nacional da pessoa juridica", Conf: confWord},
	},
	Digits: &detect.OnDigits{
		Compact: 1 << 14, OnCompact: cnpjCompact,
		GroupFirst: 1 << 2, GroupSecond: 1 << 3, OnGrouped: cnpjGrouped,
	},
	Examples: []detect.Example{
		{Text: "CNPJ 11.222.333/0001-81", Span: "11.222.333/0001-81", Valid: true},
		{Text: "Acme Ltda 11.222.333/0001-81.", Span: "11.222.333/0001-81", Valid: true},
		{Text: "CNPJ: 11222333000181", Span: "11222333000181", Valid: true},
		{Text: "CNPJ 11.222.333/0001-82"},
		{Text: "ref 11222333000181"},
	},
}

// cnpjCompact handles fourteen bare digits.
func cnpjCompact(s *detect.Scan, i, j int) {
	if validate.CNPJ(s.T[i:j]) {
		if c := s.Context(i); c > 0 {
			s.Add(0, i, j, c, true)
		}
	}
}

// cnpjGrouped handles dd.ddd.ddd/dddd-dd.
func cnpjGrouped(s *detect.Scan, g *detect.Groups) {
	t := s.T
	if g.N != 5 || g.Len(1) != 3 || g.Len(2) != 3 || g.Len(3) != 4 || g.Len(4) != 2 ||
		g.Sep[0] != '.' || g.Sep[1] != '.' || g.Sep[2] != '/' || g.Sep[3] != '-' || !detect.NumRight(t, g.E[4]) {
		return
	}
	var buf [40]byte
	b, e := g.S[0], g.E[4]
	if validate.CNPJ(g.Concat(t, 5, &buf)) {
		s.Add(0, b, e, max(s.Context(b), confAlone), true)
	} else if s.Context(b) > 0 {
		s.Veto(b, e, confVeto)
	}
}
