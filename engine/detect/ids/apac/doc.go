// Package apac holds the detectors of Asia-Pacific national, tax and
// licence identifiers: Korea, India, Singapore, Australia, Thailand, the
// Philippines, Japan and China. Each detector lives in a file of its own
// and cites the issuing authority's definition; the check digits are in
// package validate.
//
// Every detector here follows one confidence rule (engine/detect's
// scale):
//
//   - a number whose check digit holds scores confWord with one of its
//     context words, and confAlone without one where its written form is
//     distinctive enough to stand alone (a bare digit run never is);
//   - a number of the type's shape that has no check digit to verify
//     scores its context word's confidence (0.8 for a word that names the
//     type, 0.55 for a generic one such as "passport", so that a detector
//     whose own word names the number outranks it), and is not
//     reported without one; the context word is what confirms it, so the
//     candidate counts as validated against shape-only rivals;
//   - a number of the type's shape with a context word that fails its
//     check is vetoed (Scan.Veto at confVeto) in the written forms where
//     such numbers are rare, so that it does not fall through to a weaker
//     type. Bare digit runs are not vetoed: that would cost a context
//     lookup for every failing number of the length.
package apac

import "github.com/datafog/datafog-api/engine/detect"

// Confidences shared by the detectors of this package.
const (
	confWord  = 1.0
	confAlone = 0.9
	confVeto  = 0.95
)

// Grouped handlers test the lengths of the groups after the first: the
// trigger (OnDigits.GroupFirst) has fixed the first.

// groupsAlone reports whether the number written as the first k groups
// of g stands alone: no group joined by the same separator before the
// first (a space is no number glue, so each group of "4111 1111 1111
// 1111" starts a run of its own) or after the last (the groups would
// begin a longer number), and no glue and digit after the last group.
func groupsAlone(t []byte, g *detect.Groups, k int) bool {
	if b := g.S[0]; b >= 2 && t[b-1] == g.Sep[0] && detect.IsDigit(t[b-2]) {
		a := b - 2
		for a > 0 && detect.IsDigit(t[a-1]) {
			a--
		}
		if a == 0 || !detect.IsAlpha(t[a-1]) && t[a-1] != '_' {
			return false // a group of the same number before ("u415 33 700..." is not)
		}
	}
	if g.N > k && g.Sep[k-1] == g.Sep[0] {
		return false
	}
	return detect.NumRight(t, g.E[k-1])
}
