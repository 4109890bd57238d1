package pii

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// Date confidences. A calendar date is personal data when it is someone's
// date of birth, death, admission or a document's expiry; a timestamp in
// a log line is not.
const (
	dateWithContext = 0.95 // a birth/expiry-style context word before it
	datePlain       = 0.6  // a date on its own
	dateTimestamp   = 0.35 // a date with a time part and no context word
)

// Date finds calendar dates that exist in the proleptic Gregorian
// calendar (ISO 8601-1:2019 §5.2, leap years included): ISO "2024-02-29"
// (also as the date of a timestamp), US "02/29/2024", European
// "29.02.2024" and "29/02/2024" (day above 12), and month names ("Feb 29,
// 2024", "29 February 2024", "5-May-2021", "10/Oct/2000").
//
// A date with a context word (date of birth, born, dob, expiry, issued,
// admitted, ... in English and the languages the national identifiers
// cover) scores highest. A date followed by a time of day ("T10:00",
// " 10:00:00", ":13:55:36") is a timestamp, as in every log line, and
// scores below the default minimum unless a context word names it; for
// the value of a JSON key the context is the key itself
// ("birthDate":"1980-05-01T00:00:00Z").
var Date = &detect.Detector{
	Name: "date",
	Types: []detect.Type{{
		Name: "date", Family: detect.Personal, Confidence: datePlain,
		Confirm: "calendar-valid date in ISO, US, EU and month-name forms; timestamps score low without a birth/expiry-style context word",
	}},
	Source: "ISO 8601-1:2019; the Gregorian calendar's month lengths and leap years",
	Context: dateWords(
		"date of birth", "birth date", "birthdate", "birthday", "birth", "born", "dob", "d.o.b",
		"expiry", "expires", "expiration", "expiry date", "valid until", "valid thru", "exp date",
		"issued", "date of issue", "issue date", "death", "died", "deceased", "date of death",
		"admitted", "admission", "discharged", "discharge", "anniversary",
		"geburtsdatum", "geboren", "geb.", "ablaufdatum", "gültig bis",
		"fecha de nacimiento", "nacimiento", "date de naissance", "né le", "née le", "data di nascita",
		"nato il", "data de nascimento", "geboortedatum", "data urodzenia", "födelsedatum",
		"doğum tarihi", "生年月日", "出生日期", "생년월일",
	),
	Digits: &detect.OnDigits{
		ISO:        isoDate,
		GroupFirst: 1<<1 | 1<<2 | 1<<4, GroupSecond: 1<<1 | 1<<2, OnGrouped: numericDate,
		Short: 1<<1 | 1<<2, ShortNext: " ,-/", OnShort: monthDate,
	},
	Examples: []detect.Example{
		{Text: "on 2024-02-29.", Span: "2024-02-29", Valid: true},
		{Text: "on 02/29/2024.", Span: "02/29/2024", Valid: true},
		{Text: "on 29.02.2024.", Span: "29.02.2024", Valid: true},
		{Text: "on Feb 29, 2024.", Span: "Feb 29, 2024", Valid: true},
		{Text: "on 29 February 2024.", Span: "29 February 2024", Valid: true},
		{Text: "admitted 5-May-2021 to ward 3", Span: "5-May-2021", Valid: true},
		{Text: "DOB: 1980-05-01T00:00:00Z", Span: "1980-05-01", Valid: true},
		{Text: `{"birthDate":"1980-05-01T00:00:00.000Z"}`, Span: "1980-05-01", Valid: true},
		{Text: "on 2023-02-29."},
		{Text: "on 13/13/2024."},
		{Text: "on Feb 30, 2024."},
		{Text: `{"ts":"2026-12-03T02:00:00Z","level":"info"}`},
		{Text: "2026-12-03 02:00:00,123 INFO started"},
		{Text: `127.0.0.1 - - [10/Oct/2000:13:55:36 -0700] "GET / HTTP/1.0" 200 2326`},
	},
}

// dateWords gives every context word the confidence of a date with
// context.
func dateWords(ws ...string) []detect.Word {
	out := make([]detect.Word, len(ws))
	for i, w := range ws {
		out[i] = detect.Word{Text: w, Conf: dateWithContext}
	}
	return out
}

// addDate adds the date t[b:e] with the confidence its context and what
// follows it give.
func addDate(s *detect.Scan, b, e int) {
	stamp := timeFollows(s.T, e)
	var c float64
	if k := jsonKeyStart(s.T, b); k >= 0 {
		c = s.ContextWithin(b, b-k)
	} else {
		c = s.Context(b)
	}
	switch {
	case c > 0:
	case stamp:
		c = dateTimestamp
	default:
		c = datePlain
	}
	s.Add(0, b, e, c, true)
}

// timeFollows reports whether a time of day follows the date ending at
// t[e]: 'T', ' ' or ':' and then HH:MM.
func timeFollows(t []byte, e int) bool {
	if e+6 > len(t) {
		return false
	}
	w := t[e : e+6]
	return (w[0] == 'T' || w[0] == ' ' || w[0] == ':') && detect.IsDigit(w[1]) && detect.IsDigit(w[2]) &&
		w[3] == ':' && detect.IsDigit(w[4]) && detect.IsDigit(w[5])
}

// jsonKeyStart returns, for a value starting at t[b] that is a JSON
// string value (`"key":"value` or `"key": "value`), the index of its key's
// opening quote, or -1. The key is the value's label.
func jsonKeyStart(t []byte, b int) int {
	k := b - 1
	if k < 0 || t[k] != '"' {
		return -1
	}
	k--
	for k >= 0 && b-k < detect.ContextWindow && t[k] == ' ' {
		k--
	}
	if k < 1 || t[k] != ':' || t[k-1] != '"' {
		return -1
	}
	for q := k - 2; q >= 0 && b-q <= detect.ContextWindow; q-- {
		if t[q] == '"' {
			return q
		}
	}
	return -1
}

// isoDate handles the year t[i:j] of an ISO timestamp
// "YYYY-MM-DDTHH:MM": the date "YYYY-MM-DD" is the candidate.
func isoDate(s *detect.Scan, i, j int) {
	t := s.T
	y := detect.Atoi(t[i:j])
	m := int(t[j+1]-'0')*10 + int(t[j+2]-'0')
	d := int(t[j+4]-'0')*10 + int(t[j+5]-'0')
	if validate.Date(y, m, d) {
		addDate(s, i, j+6)
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
			addDate(s, b, e)
		}
	case l0 >= 1 && l0 <= 2 && l2 == 4:
		sep := g.SameSep(3, "/-.")
		if sep == 0 || !detect.NumRight(t, e) && !timeFollows(t, e) {
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
			addDate(s, b, e)
		}
	}
}

// monthDate adds month-name dates around the day number t[i:j]: "Feb 29,
// 2024", "February 29 2024", "Feb. 29, 2024", "29 February 2024", and a
// day, month abbreviation and year joined by '-' or '/' ("5-May-2021",
// "10/Oct/2000", the access-log form).
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
			if y, e, ok := year(t, k, ' '); ok && validate.Date(y, m, day) {
				addDate(s, ms, e)
			}
		}
	}
	// Month after the day.
	if j+4 >= len(t) || !detect.IsAlpha(t[j+1]) {
		return
	}
	switch sep := t[j]; sep {
	case ' ':
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
		if y, e, ok := year(t, k, ' '); ok && validate.Date(y, m, day) {
			addDate(s, i, e)
		}
	case '-', '/':
		// "5-May-2021": the abbreviation, then the same separator.
		if !detect.NumLeft(t, i) || j+9 > len(t) || detect.IsAlpha(t[j+4]) {
			return
		}
		m, ok := validate.ParseMonthName(t[j+1 : j+4])
		if !ok {
			return
		}
		if y, e, ok := year(t, j+4, sep); ok && validate.Date(y, m, day) {
			addDate(s, i, e)
		}
	}
}

// year reads sep and a four-digit year at t[k:] and returns the year and
// the end offset. The year must end the number, or start a time of day.
func year(t []byte, k int, sep byte) (int, int, bool) {
	if k+5 > len(t) || t[k] != sep {
		return 0, 0, false
	}
	d := t[k+1 : k+5]
	for _, c := range d {
		if !detect.IsDigit(c) {
			return 0, 0, false
		}
	}
	e := k + 5
	if !detect.NumRight(t, e) && !timeFollows(t, e) {
		return 0, 0, false
	}
	return detect.Atoi(d), e, true
}
