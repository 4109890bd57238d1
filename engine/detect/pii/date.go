package pii

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// Date finds calendar dates that exist in the proleptic Gregorian
// calendar (ISO 8601:2019 §4.3, leap years included): ISO "2024-02-29"
// (also as the date of a timestamp), US "02/29/2024", European
// "29.02.2024" and "29/02/2024" (day above 12), and month names
// ("Feb 29, 2024", "29 February 2024").
var Date = &detect.Detector{
	Name: "date",
	Types: []detect.Type{{
		Name: "date", Family: detect.Personal, Confidence: 0.9,
		Confirm: "calendar-valid date in ISO, US, EU and month-name forms",
	}},
	Source: "ISO 8601-1:2019; the Gregorian calendar's month lengths and leap years",
	Digits: &detect.OnDigits{
		ISO:        isoDate,
		GroupFirst: 1<<1 | 1<<2 | 1<<4, OnGrouped: numericDate,
		Short: 1<<1 | 1<<2, OnShort: monthDate,
	},
	Examples: []detect.Example{
		{Text: "on 2024-02-29.", Span: "2024-02-29", Valid: true},
		{Text: "on 02/29/2024.", Span: "02/29/2024", Valid: true},
		{Text: "on 29.02.2024.", Span: "29.02.2024", Valid: true},
		{Text: "on Feb 29, 2024.", Span: "Feb 29, 2024", Valid: true},
		{Text: "on 29 February 2024.", Span: "29 February 2024", Valid: true},
		{Text: "on 2023-02-29."},
		{Text: "on 13/13/2024."},
		{Text: "on Feb 30, 2024."},
	},
}

// isoDate handles the year t[i:j] of an ISO timestamp
// "YYYY-MM-DDTHH:MM": the date "YYYY-MM-DD" is the candidate.
func isoDate(s *detect.Scan, i, j int) {
	t := s.T
	y := detect.Atoi(t[i:j])
	m := int(t[j+1]-'0')*10 + int(t[j+2]-'0')
	d := int(t[j+4]-'0')*10 + int(t[j+5]-'0')
	if validate.Date(y, m, d) {
		s.Add(0, i, j+6, 0.95, true)
	}
}

// numericDate adds ISO (2024-02-29), US (02/29/2024) and EU (29.02.2024,
// 29/02/2024 when the day is above 12) dates that exist in the calendar.
func numericDate(s *detect.Scan, g *detect.Groups) {
	t := s.T
	if g.N < 3 {
		return
	}
	l0, l1, l2 := g.Len(0), g.Len(1), g.Len(2)
	if l1 < 1 || l1 > 2 {
		return
	}
	b, e := g.S[0], g.E[2]
	x, y, z := detect.Atoi(t[g.S[0]:g.E[0]]), detect.Atoi(t[g.S[1]:g.E[1]]), detect.Atoi(t[g.S[2]:g.E[2]])
	switch {
	case l0 == 4 && l2 >= 1 && l2 <= 2:
		if g.SameSep(3, "-/") == 0 {
			return
		}
		isoTime := e+1 < len(t) && t[e] == 'T' && detect.IsDigit(t[e+1])
		if (detect.NumRight(t, e) || isoTime) && validate.Date(x, y, z) {
			s.Add(0, b, e, 0.95, true)
		}
	case l0 >= 1 && l0 <= 2 && l2 == 4:
		sep := g.SameSep(3, "/-.")
		if sep == 0 || !detect.NumRight(t, e) {
			return
		}
		var yy, mm, dd int
		switch {
		case sep == '.' || x > 12:
			yy, mm, dd = z, y, x // EU day-month-year
		default:
			yy, mm, dd = z, x, y // US month/day/year
		}
		if validate.Date(yy, mm, dd) {
			s.Add(0, b, e, 0.9, true)
		}
	}
}

// monthDate adds month-name dates around the day number t[i:j]:
// "Feb 29, 2024", "February 29 2024", "Feb. 29, 2024" and "29 February 2024".
func monthDate(s *detect.Scan, i, j int) {
	t := s.T
	day := detect.Atoi(t[i:j])
	// Month before the day.
	if i >= 4 && t[i-1] == ' ' {
		me := i - 1
		if t[me-1] == '.' {
			me--
		}
		ms := me
		for ms > 0 && me-ms < 10 && detect.IsAlpha(t[ms-1]) {
			ms--
		}
		if m, ok := validate.ParseMonthName(t[ms:me]); ok && detect.FreeLeft(t, ms) && (me == i-1 || me-ms == 3) {
			k := j
			if k < len(t) && t[k] == ',' {
				k++
			}
			if y, e, ok := year(t, k); ok && validate.Date(y, m, day) {
				s.Add(0, ms, e, 0.9, true)
			}
		}
	}
	// Month after the day.
	if j+4 < len(t) && t[j] == ' ' && detect.IsAlpha(t[j+1]) {
		ms := j + 1
		me := ms
		for me < len(t) && me-ms < 10 && detect.IsAlpha(t[me]) {
			me++
		}
		m, ok := validate.ParseMonthName(t[ms:me])
		if !ok {
			return
		}
		k := me
		if k < len(t) && t[k] == '.' && me-ms == 3 {
			k++
		}
		if k < len(t) && t[k] == ',' {
			k++
		}
		if y, e, ok := year(t, k); ok && validate.Date(y, m, day) {
			s.Add(0, i, e, 0.9, true)
		}
	}
}

// year reads " YYYY" at t[k:] and returns the year and the end offset.
func year(t []byte, k int) (int, int, bool) {
	if k+5 > len(t) || t[k] != ' ' {
		return 0, 0, false
	}
	d := t[k+1 : k+5]
	for _, c := range d {
		if !detect.IsDigit(c) {
			return 0, 0, false
		}
	}
	e := k + 5
	if !detect.NumRight(t, e) {
		return 0, 0, false
	}
	return detect.Atoi(d), e, true
}
