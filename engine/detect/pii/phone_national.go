package pii

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// National phone numbers. A number written the national way has no
// country code, so it is judged against the numbering plans of every
// covered region at once (validate.NationalPhone, generated from
// libphonenumber's metadata):
//
//   - valid in a plan and written with a trunk prefix (a leading 0) in a
//     grouping that the plan's national format gives it ("0917 123 4567",
//     "030 12345678", "06 12 34 56 78"), or with the area code in
//     brackets and the rest in that grouping ("(11) 91234-5678", "(020)
//     7946 0958"): a strong format, 0.75, and 0.9 after a phone context
//     word;
//   - valid in a plan but written otherwise, compact ("09171234567"),
//     without a trunk prefix ("98765 43210") or in another grouping: 0.7
//     after a phone context word ("tel",
//     "phone", "mobile", "Telefon", "téléphone", "電話", ...), else not
//     reported (a plan range is too weak a check for any number);
//   - not valid in any covered plan: not a phone.
//
// Groupings that read as dates (two groups of one or two digits and one
// of four), decimal numbers (two groups joined by '.') and the US ZIP+4
// form (5-4 joined by '-') are not taken.

// Confidences of national numbers.
const (
	natStrong        = 0.75
	natStrongContext = 0.9
	natContext       = 0.7
)

// national reports the number written as the groups g[0:k] (the first in
// brackets when paren is set) whose digits are d, spanning t[b:e].
func national(s *detect.Scan, d []byte, sh *validate.PhoneShape, b, e int) bool {
	if sh != nil && !sh.Paren && d[0] != '0' {
		sh = nil // no trunk prefix: a strong format needs one, so only validity counts
	}
	valid, strong := validate.NationalPhone(d, sh)
	if !valid {
		return false
	}
	if !strong && sh != nil && sh.Paren {
		// The area code in brackets, the rest in the plan's grouping.
		plain := *sh
		plain.Paren = false
		_, strong = validate.NationalPhone(d, &plain)
	}
	c := s.Context(b)
	switch {
	case strong && c > 0:
		s.Add(0, b, e, natStrongContext, true)
	case strong:
		s.Add(0, b, e, natStrong, true)
	case c > 0:
		s.Add(0, b, e, natContext, true)
	}
	return true
}

// notStart reports whether a national number may not start at t[b]: it
// continues a run of digit groups, or follows a bracketed group.
func notStart(t []byte, b int) bool {
	return inGroups(t, b) || b >= 1 && t[b-1] == ')' || b >= 2 && t[b-1] == ' ' && t[b-2] == ')'
}

// inGroups reports whether t[b] continues a run of digit groups ("0574"
// in "4523 3097 0574 0370"): a group separator with a number before it
// (digits not glued to a letter, as "u3444" is).
func inGroups(t []byte, b int) bool {
	if b < 2 || !detect.Is(t[b-1], detect.GroupSep) || !detect.IsDigit(t[b-2]) {
		return false
	}
	k := b - 2
	for k > 0 && detect.IsDigit(t[k-1]) {
		k--
	}
	return k == 0 || !detect.IsWord(t[k-1])
}

// nationalGrouped tries the groups g as a national number, the longest
// form first: two to eight groups of 7 to 13 digits in all, joined by
// ' ', '-' or '.' (one of them throughout), or with a '/' after the area
// code ("030/12345678").
func nationalGrouped(s *detect.Scan, g *detect.Groups) {
	t := s.T
	if notStart(t, g.S[0]) {
		return
	}
	var buf [40]byte
	for k := g.N; k >= 2; k-- {
		n := g.Digits(k)
		if runsOn(g, k) || n < 7 || n > 13 || !detect.NumRight(t, g.E[k-1]) || !natSeparators(g, k) || dateLike(g, k) {
			continue
		}
		var sh validate.PhoneShape
		sh.N = k
		for x := 0; x < k; x++ {
			sh.Lens[x] = uint8(g.Len(x)) // #nosec G115 -- a group is at most MaxRun digits
		}
		if national(s, g.Concat(t, k, &buf), &sh, g.S[0], g.E[k-1]) {
			return
		}
	}
}

// runsOn reports whether the groups after the first k continue the
// number in its own style: the next separator is the one the number ends
// with ("2 95 10 99 126 111 93" is one number of fifteen digits, not a
// phone of thirteen and a trailing 93).
func runsOn(g *detect.Groups, k int) bool {
	return k < g.N && k >= 2 && g.Sep[k-1] == g.Sep[k-2]
}

// natSeparators reports whether the separators of groups 0..k-1 are
// spaces and dashes ("011 2345-0220"), or dots throughout, but for a '/'
// after the first group ("030/12345678"). Two groups joined by a dot are
// a decimal number ("030.1234"), not a phone: the scan skips those
// (plainDecimal) and so must this.
func natSeparators(g *detect.Groups, k int) bool {
	if k == 2 && g.Sep[0] == '.' {
		return false
	}
	from := 0
	if g.Sep[0] == '/' {
		from = 1
	}
	dots := g.Sep[from] == '.'
	for x := from; x < k-1; x++ {
		c := g.Sep[x]
		if c == '/' || (c == '.') != dots {
			return false
		}
	}
	return true
}

// dateLike reports whether groups 0..k-1 read as a date: three groups,
// one of four digits at either end, the others of one or two.
func dateLike(g *detect.Groups, k int) bool {
	if k == 2 && g.Len(0) == 5 && g.Len(1) == 4 && g.Sep[0] == '-' {
		return true // a ZIP+4 code
	}
	if k != 3 {
		return false
	}
	a, b, c := g.Len(0), g.Len(1), g.Len(2)
	return b <= 2 && (a == 4 && c <= 2 || c == 4 && a <= 2)
}

// nationalCompact handles a whole number of 9 to 12 digits that starts
// with a trunk prefix digit (0, or 8 as in Russia): valid in a plan, it
// is a phone only with a context word.
func nationalCompact(s *detect.Scan, i, j int) {
	d := s.T[i:j]
	if d[0] != '0' && d[0] != '8' || notStart(s.T, i) {
		return
	}
	national(s, d, nil, i, j)
}

// nationalParen handles a bracketed area code t[i:j] ("(11) 91234-5678",
// "(020) 7946 0958"), which may itself hold the trunk prefix and the
// area code as two groups ("(0-612) 34567" in Lithuania, "(06 1) 234
// 5678" in Hungary): the groups after the bracket, with one space or none
// between.
func nationalParen(s *detect.Scan, i, j int) {
	t := s.T
	var area [8]byte
	d := append(area[:0], t[i:min(j, i+len(area))]...)
	if j+2 < len(t) && (t[j] == '-' || t[j] == ' ') && detect.IsDigit(t[j+1]) {
		j2 := detect.DigitEnd(t, j+1)
		if j2-i > 6 {
			return
		}
		d = append(d, t[j+1:j2]...)
		j = j2
	}
	if len(d) < 1 || len(d) > 5 || j >= len(t) || t[j] != ')' || !detect.NumLeft(t, i-1) || inGroups(t, i-1) {
		return
	}
	k := j + 1
	if k < len(t) && t[k] == ' ' {
		k++
	}
	if k >= len(t) || !detect.IsDigit(t[k]) {
		return
	}
	var g detect.Groups
	g.Parse(t, k, min(detect.DigitEnd(t, k), k+detect.MaxRun))
	var buf [40]byte
	d = append(buf[:0], d...)
	for n := g.N; n >= 1; n-- {
		total := len(d) + g.Digits(n)
		if total < 7 || total > 13 || !detect.NumRight(t, g.E[n-1]) || n > 1 && !natSeparators(&g, n) {
			continue
		}
		var sh validate.PhoneShape
		sh.N, sh.Paren = n+1, true
		sh.Lens[0] = uint8(len(d)) // #nosec G115 -- at most 5
		dd := d[:len(d)]
		for x := 0; x < n; x++ {
			sh.Lens[x+1] = uint8(g.Len(x)) // #nosec G115 -- a group is at most MaxRun digits
			dd = append(dd, t[g.S[x]:g.E[x]]...)
		}
		if national(s, dd, &sh, i-1, g.E[n-1]) {
			return
		}
	}
}
