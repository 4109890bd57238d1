// Package world holds the detectors of national identifiers and
// licence plates outside Europe, North America and Asia-Pacific:
// Türkiye, Nigeria, South Africa, Brazil, Mexico and Israel. Each
// detector lives in a file of its own and cites the issuing authority's
// definition; the check digits are in package validate.
//
// The confidence rule is engine/detect/ids/apac's: a number whose check
// digit holds scores confWord with a context word and confAlone without
// one where its written form is distinctive (bare digit runs need the
// word); a number without a check digit is reported only with a context
// word, at the word's confidence (0.8 naming the type, 0.55 generic), as
// validated; a candidate of the type's shape that fails its check is
// vetoed (confVeto) when a context word stands before it, in the
// written forms where such numbers are rare.
package world

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
// first or after the last, and no glue and digit after the last group.
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
