package pii

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// Phone finds telephone numbers: North American numbers under the North
// American Numbering Plan (area code and exchange start 2-9 and are not
// N11; NANPA, "NANP numbering resources"), with or without a leading 1,
// compact, in 3-3-4 groups or with the area code in brackets; and
// international numbers in E.164 form, '+' then a country calling code
// assigned by the ITU (ITU-T E.164 and its list of assigned codes) and 8
// to 15 digits in all.
var Phone = &detect.Detector{
	Name: "phone",
	Types: []detect.Type{{
		Name: "phone", Family: detect.Contact, Confidence: 0.85,
		Confirm: "NANP (area and exchange start 2-9, not N11) or E.164 +CC with a real country calling code and 8-15 digits",
	}},
	Source: "NANPA numbering plan; ITU-T E.164 and the list of assigned country codes",
	Digits: &detect.OnDigits{
		After: "+(", OnAfter: phoneAfter,
		Compact: 1<<10 | 1<<11, OnCompact: phoneCompact,
		GroupFirst: 1<<1 | 1<<3, OnGrouped: phoneGrouped,
	},
	Examples: []detect.Example{
		{Text: "call 212-555-1234 now", Span: "212-555-1234", Valid: true},
		{Text: "call (212) 555-1234 now", Span: "(212) 555-1234", Valid: true},
		{Text: "call 212.555.1234", Span: "212.555.1234", Valid: true},
		{Text: "call 1-212-555-1234", Span: "1-212-555-1234", Valid: true},
		{Text: "uk +44 20 7946 0958.", Span: "+44 20 7946 0958", Valid: true},
		{Text: "call 112-555-1234"},
		{Text: "call 212-155-1234"},
		{Text: "dial +999 1234 5678"},
	},
}

// phoneCompact handles a whole number of 10 or 11 digits.
func phoneCompact(s *detect.Scan, i, j int) {
	d := s.T[i:j]
	switch len(d) {
	case 10:
		if validate.NANP(d) {
			s.Add(0, i, j, 0.6, true)
		}
	case 11:
		if d[0] == '1' && validate.NANP(d[1:]) {
			s.Add(0, i, j, 0.6, true)
		}
	}
}

// phoneGrouped handles 3-3-4 and 1-3-3-4 groups, with one separator
// ('-', '.' or space) throughout.
func phoneGrouped(s *detect.Scan, g *detect.Groups) {
	t := s.T
	var buf [40]byte
	if g.N >= 3 && g.Shape(3, 3, 4) && detect.NumRight(t, g.E[2]) && g.SameSep(3, "-. ") != 0 {
		if d := g.Concat(t, 3, &buf); validate.NANP(d) {
			s.Add(0, g.S[0], g.E[2], 0.85, true)
		}
	}
	if g.N >= 4 && g.Shape(1, 3, 3, 4) && t[g.S[0]] == '1' && g.SameSep(4, "-. ") != 0 && detect.NumRight(t, g.E[3]) {
		if d := g.Concat(t, 4, &buf); validate.NANP(d[1:]) {
			s.Add(0, g.S[0], g.E[3], 0.85, true)
		}
	}
}

// phoneAfter handles a run right after '+' (E.164) or '(' (a bracketed
// NANP area code).
func phoneAfter(s *detect.Scan, i, j int) {
	if s.T[i-1] == '+' {
		var g detect.Groups
		g.Parse(s.T, i, j)
		e164(s, &g, i)
		return
	}
	parenPhone(s, i, j)
}

// e164 handles "+" followed by the groups g: an E.164 number of 8-15
// digits with a real country calling code. The longest valid form wins.
func e164(s *detect.Scan, g *detect.Groups, i int) {
	t := s.T
	if !detect.NumLeft(t, i-1) {
		return
	}
	var buf [40]byte
	for k := g.N; k >= 1; k-- {
		if k > 1 && g.Sep[k-2] == '/' || !detect.NumRight(t, g.E[k-1]) {
			continue
		}
		d := g.Concat(t, k, &buf)
		if len(d) >= 8 && len(d) <= 15 && validate.E164(d) {
			if d[0] == '1' && !validate.NANP(d[1:]) {
				continue
			}
			s.Add(0, i-1, g.E[k-1], 0.9, true)
			return
		}
	}
}

// parenPhone handles "(212) 555-1234" with t[i:j] the area code.
func parenPhone(s *detect.Scan, i, j int) {
	t := s.T
	if j-i != 3 || j >= len(t) || t[j] != ')' || !detect.NumLeft(t, i-1) {
		return
	}
	k := j + 1
	if k < len(t) && t[k] == ' ' {
		k++
	}
	if k+8 > len(t) {
		return
	}
	x := t[k : k+8]
	if !detect.IsDigit(x[0]) || !detect.IsDigit(x[1]) || !detect.IsDigit(x[2]) || !(x[3] == '-' || x[3] == '.' || x[3] == ' ') ||
		!detect.IsDigit(x[4]) || !detect.IsDigit(x[5]) || !detect.IsDigit(x[6]) || !detect.IsDigit(x[7]) {
		return
	}
	if !detect.NumRight(t, k+8) {
		return
	}
	var d [10]byte
	copy(d[:3], t[i:j])
	copy(d[3:6], x[0:3])
	copy(d[6:], x[4:8])
	if validate.NANP(d[:]) {
		s.Add(0, i-1, k+8, 0.85, true)
	}
}
