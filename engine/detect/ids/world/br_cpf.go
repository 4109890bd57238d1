package world

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// BRCPF finds Brazilian individual taxpayer numbers (Cadastro de Pessoas
// Físicas; Receita Federal, IN RFB 2.172/2024): eleven digits with two
// mod 11 check digits, formatted ddd.ddd.ddd-dd or bare. Formatted, a
// valid number stands alone; eleven bare digits (phone numbers share the
// length) need a context word.
var BRCPF = &detect.Detector{
	Name: "br_cpf",
	Types: []detect.Type{{
		Name: "br_cpf", Family: detect.NationalID, Confidence: confAlone,
		Confirm: "11 digits, two mod 11 check digits; ddd.ddd.ddd-dd, or bare with a context word",
	}},
	Source: "Receita Federal do Brasil, CPF (IN RFB 2.172/2024); mod 11 check digits",
	Context: []detect.Word{
		{Text: "CPF", Conf: confWord}, {Text: "CPF/MF", Conf: confWord}, {Text: "cadastro de pessoas físicas", Conf: confWord},
		{Text: "cadastro de pessoa física", Conf: confWord}, {Text: "cadastro de pessoas fisicas", Conf: confWord},
	},
	Digits: &detect.OnDigits{
		Compact: 1 << 11, OnCompact: cpfCompact,
		GroupFirst: 1 << 3, GroupSecond: 1 << 3, OnGrouped: cpfGrouped,
	},
	Examples: []detect.Example{
		{Text: "CPF 529.982.247-25", Span: "529.982.247-25", Valid: true},
		{Text: "cliente 111.444.777-35, SP", Span: "111.444.777-35", Valid: true},
		{Text: "CPF: 52998224725", Span: "52998224725", Valid: true},
		{Text: "CPF 529.982.247-24"},
		{Text: "tel 52998224725"},
		{Text: "CPF 111.111.111-11"},
	},
}

// cpfCompact handles eleven bare digits.
func cpfCompact(s *detect.Scan, i, j int) {
	if validate.CPF(s.T[i:j]) {
		if c := s.Context(i); c > 0 {
			s.Add(0, i, j, c, true)
		}
	}
}

// cpfGrouped handles ddd.ddd.ddd-dd.
func cpfGrouped(s *detect.Scan, g *detect.Groups) {
	t := s.T
	if g.N < 4 || g.Len(1) != 3 || g.Len(2) != 3 || g.Len(3) != 2 || g.Sep[0] != '.' || g.Sep[1] != '.' || g.Sep[2] != '-' ||
		g.N > 4 || !detect.NumRight(t, g.E[3]) {
		return
	}
	var buf [40]byte
	b, e := g.S[0], g.E[3]
	if validate.CPF(g.Concat(t, 4, &buf)) {
		s.Add(0, b, e, max(s.Context(b), confAlone), true)
	} else if s.Context(b) > 0 {
		s.Veto(b, e, confVeto)
	}
}
