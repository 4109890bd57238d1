package apac

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// Korean resident (주민등록번호) and foreigner (외국인등록번호) registration
// numbers share one form, YYMMDD-GSSSSSC, and one decision, below.

// krNewRule reports whether a birth in year y, month m falls under the
// numbering of 5 October 2020 (Ministry of the Interior and Safety;
// Enforcement Rule of the Resident Registration Act, art. 2, as amended):
// every number assigned since then carries six random digits after the
// gender digit, so no check digit. A birth must be registered within a
// month, so every birth from September 2020 on got a number under it.
func krNewRule(y, m int) bool { return y > 2020 || y == 2020 && m >= 9 }

// krForeign reports whether the seventh digit g is a foreigner's (5-8).
func krForeign(g byte) bool { return g >= '5' && g <= '8' }

// krRegistration decides the thirteen digits d, found at t[b:e] written
// YYMMDD-GSSSSSC (dashed) or bare, as a resident (foreign false) or a
// foreigner registration number:
//
//   - the birth date exists, the number predates the 2020 rule and its
//     check digit holds: confWord with a context word, confAlone dashed
//     without one (for births since 1900: the century digits 9 and 0 of
//     the 1800s need the word);
//   - the number falls under the 2020 rule (no check digit), or is a
//     foreigner's number written dashed whose check digit fails
//     (foreigner numbers registered since the rule carry none, whatever
//     the birth date): shape only, reported with a context word at
//     krShapeConf;
//   - else, dashed with a context word: vetoed.
func krRegistration(s *detect.Scan, d []byte, b, e int, foreign, dashed bool) {
	if krForeign(d[6]) != foreign {
		return
	}
	y, m, _, ok := validate.KRBirthDate(d)
	switch {
	case ok && !krNewRule(y, m) && validate.KRRegistrationCheck(d, foreign):
		if c := s.Context(b); c > 0 {
			s.Add(0, b, e, c, true)
		} else if dashed && y >= 1900 {
			s.Add(0, b, e, confAlone, true)
		}
	case ok && (krNewRule(y, m) || foreign && dashed):
		if c := s.Context(b); c > 0 {
			s.Add(0, b, e, min(c, krShapeConf), true)
		}
	case dashed:
		if s.Context(b) > 0 {
			s.Veto(b, e, confVeto)
		}
	}
}

// krShapeConf is the confidence of a registration number confirmed by its
// shape and a context word only.
const krShapeConf = 0.8

// krCompact handles thirteen bare digits.
func krCompact(s *detect.Scan, i, j int, foreign bool) {
	krRegistration(s, s.T[i:j], i, j, foreign, false)
}

// krGrouped handles YYMMDD-GSSSSSC.
func krGrouped(s *detect.Scan, g *detect.Groups, foreign bool) {
	t := s.T
	if g.N < 2 || g.Len(1) != 7 || g.Sep[0] != '-' || !groupsAlone(t, g, 2) {
		return
	}
	var buf [40]byte
	krRegistration(s, g.Concat(t, 2, &buf), g.S[0], g.E[1], foreign, true)
}
