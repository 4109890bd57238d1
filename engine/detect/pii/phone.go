package pii

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// Phone finds telephone numbers:
//   - North American numbers under the North American Numbering Plan
//     (area code and exchange start 2-9 and are not N11; NANPA, "NANP
//     numbering resources"), with or without a leading 1, compact, in
//     3-3-4 groups or with the area code in brackets;
//   - international numbers in E.164 form, '+' then a country calling
//     code assigned by the ITU (ITU-T E.164 and its list of assigned
//     codes) and 8 to 15 digits in all, in groups, with the area code in
//     brackets ("+44 (20) 7123 4567") or a bracketed trunk prefix ("+44
//     (0)20 7123 4567");
//   - national numbers of the 40 most populous countries, every EU member
//     and some more (phone_national.go), judged against their numbering
//     plans (the ITU-T national numbering plans as Google's libphonenumber
//     metadata records them); see national for the confidence rules.
var Phone = &detect.Detector{
	Name: "phone",
	Types: []detect.Type{{
		Name: "phone", Family: detect.Contact, Confidence: 0.85,
		Confirm: "NANP (area and exchange start 2-9, not N11) or E.164 +CC with a real country calling code and 8-15 digits",
	}},
	Source:  "NANPA numbering plan; ITU-T E.164 and the list of assigned country codes; ITU-T national numbering plans as recorded in Google's libphonenumber metadata",
	Context: phoneWords,
	Digits: &detect.OnDigits{
		After: "+(", OnAfter: phoneAfter,
		Compact: 1<<9 | 1<<10 | 1<<11 | 1<<12, OnCompact: phoneCompact,
		GroupFirst: 1<<1 | 1<<2 | 1<<3 | 1<<4 | 1<<5, OnGrouped: phoneGrouped,
	},
	Examples: []detect.Example{
		{Text: "call 212-555-1234 now", Span: "212-555-1234", Valid: true},
		{Text: "call (212) 555-1234 now", Span: "(212) 555-1234", Valid: true},
		{Text: "call 212.555.1234", Span: "212.555.1234", Valid: true},
		{Text: "call 1-212-555-1234", Span: "1-212-555-1234", Valid: true},
		{Text: "uk +44 20 7946 0958.", Span: "+44 20 7946 0958", Valid: true},
		{Text: "office +44 (20) 7123 4567", Span: "+44 (20) 7123 4567", Valid: true},
		{Text: "office +44 (0)20 7123 4567", Span: "+44 (0)20 7123 4567", Valid: true},
		{Text: "PH mobile 0917 123 4567", Span: "0917 123 4567", Valid: true},
		{Text: "cep 0532 123 45 67", Span: "0532 123 45 67", Valid: true},
		{Text: "携帯 090-1234-5678", Span: "090-1234-5678", Valid: true},
		{Text: "office 020 7946 0958", Span: "020 7946 0958", Valid: true},
		{Text: "Telefon 030 12345678", Span: "030 12345678", Valid: true},
		{Text: "portable 06 12 34 56 78", Span: "06 12 34 56 78", Valid: true},
		{Text: "mobile 98765 43210", Span: "98765 43210", Valid: true},
		{Text: "celular (11) 91234-5678", Span: "(11) 91234-5678", Valid: true},
		{Text: "tel: 09171234567", Span: "09171234567", Valid: true},
		{Text: "call 112-555-1234"},
		{Text: "call 212-155-1234"},
		{Text: "dial +999 1234 5678"},
	},
}

// phoneWords are the phone context words, in English and in the
// languages of the covered plans.
var phoneWords = func() []detect.Word {
	var ws []detect.Word
	for _, w := range []string{
		"tel", "tel.", "tél", "phone", "telephone", "mobile", "mob", "cell", "cellphone", "fax", "whatsapp", "sms",
		"telefon", "telefonnummer", "handy", "rufnummer", "téléphone", "portable", "teléfono", "telefono", "móvil", "movil",
		"celular", "telefone", "telemóvel", "cellulare", "telefoon", "mobiel", "puhelin", "matkapuhelin", "gsm",
		"telefonu", "numer telefonu", "komórka", "mobil", "cep", "cep tel", "τηλέφωνο", "κινητό", "телефон", "тел",
		"мобильный", "電話", "携帯", "电话", "手机", "전화", "휴대폰", "핸드폰", "โทร", "โทรศัพท์", "điện thoại",
		"hp", "no hp", "nomor", "telepon", "फ़ोन", "फोन", "मोबाइल", "هاتف", "جوال", "موبايل", "טלפון", "נייד",
	} {
		ws = append(ws, detect.Word{Text: w, Conf: 0.9})
	}
	return ws
}()

// phoneCompact handles a whole number of 9 to 12 digits: NANP (10, or
// 11 with a leading 1), else a national number with a trunk prefix.
func phoneCompact(s *detect.Scan, i, j int) {
	d := s.T[i:j]
	switch {
	case len(d) == 10 && validate.NANP(d), len(d) == 11 && d[0] == '1' && validate.NANP(d[1:]):
		// Ten bare digits pass the NANP rules more often than not: only
		// a phone context word makes them a phone at the default minimum.
		conf := 0.4
		if s.Context(i) > 0 {
			conf = 0.8
		}
		s.Add(0, i, j, conf, true)
	default:
		nationalCompact(s, i, j)
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
			return
		}
	}
	if g.N >= 4 && g.Shape(1, 3, 3, 4) && t[g.S[0]] == '1' && g.SameSep(4, "-. ") != 0 && detect.NumRight(t, g.E[3]) {
		if d := g.Concat(t, 4, &buf); validate.NANP(d[1:]) {
			s.Add(0, g.S[0], g.E[3], 0.85, true)
			return
		}
	}
	if g.N >= 2 {
		nationalGrouped(s, g)
	}
}

// phoneAfter handles a run right after '+' (E.164) or '(' (a bracketed
// NANP area code).
func phoneAfter(s *detect.Scan, i, j int) {
	if s.T[i-1] == '+' {
		var g detect.Groups
		g.Parse(s.T, i, j)
		if !e164(s, &g, i) {
			e164Paren(s, i, j)
		}
		return
	}
	if !parenPhone(s, i, j) {
		nationalParen(s, i, j)
	}
}

// e164 handles "+" followed by the groups g: an E.164 number of 8-15
// digits with a real country calling code. The longest valid form wins.
// It reports whether it found one.
func e164(s *detect.Scan, g *detect.Groups, i int) bool {
	t := s.T
	if !detect.NumLeft(t, i-1) {
		return false
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
			return true
		}
	}
	return false
}

// e164Paren handles "+" and the country code t[i:j] followed by a
// bracketed area code ("+44 (20) 7123 4567", "+7 (912) 345-67-89") or a
// bracketed trunk prefix before it ("+44 (0)20 7123 4567"), then groups:
// an E.164 number of 8-15 digits (the trunk prefix not counted). The
// longest valid form wins.
func e164Paren(s *detect.Scan, i, j int) {
	t := s.T
	if !detect.NumLeft(t, i-1) || j-i > 3 {
		return
	}
	p := j
	if p < len(t) && t[p] == ' ' {
		p++
	}
	if p+2 >= len(t) || t[p] != '(' || !detect.IsDigit(t[p+1]) {
		return
	}
	q := detect.DigitEnd(t, p+1)
	if q-p-1 > 5 || q+1 >= len(t) || t[q] != ')' {
		return
	}
	trunk := q-p-1 == 1 && t[p+1] == '0'
	r := q + 1
	if r < len(t) && t[r] == ' ' {
		r++
	}
	if r >= len(t) || !detect.IsDigit(t[r]) {
		return
	}
	var g detect.Groups
	g.Parse(t, r, min(detect.DigitEnd(t, r), r+detect.MaxRun))
	var buf [40]byte
	d := append(buf[:0], t[i:j]...)
	if !trunk {
		d = append(d, t[p+1:q]...)
	}
	base := len(d)
	for k := g.N; k >= 1; k-- {
		if k > 1 && g.Sep[k-2] == '/' || !detect.NumRight(t, g.E[k-1]) {
			continue
		}
		dd := d[:base]
		for x := 0; x < k; x++ {
			dd = append(dd, t[g.S[x]:g.E[x]]...)
		}
		if len(dd) > 15 || !validate.E164(dd) || dd[0] == '1' && !validate.NANP(dd[1:]) {
			continue
		}
		s.Add(0, i-1, g.E[k-1], 0.9, true)
		return
	}
}

// parenPhone handles "(212) 555-1234" with t[i:j] the area code. It
// reports whether it found one.
func parenPhone(s *detect.Scan, i, j int) bool {
	t := s.T
	if j-i != 3 || j >= len(t) || t[j] != ')' || !detect.NumLeft(t, i-1) {
		return false
	}
	k := j + 1
	if k < len(t) && t[k] == ' ' {
		k++
	}
	if k+8 > len(t) {
		return false
	}
	x := t[k : k+8]
	if !detect.IsDigit(x[0]) || !detect.IsDigit(x[1]) || !detect.IsDigit(x[2]) || !(x[3] == '-' || x[3] == '.' || x[3] == ' ') ||
		!detect.IsDigit(x[4]) || !detect.IsDigit(x[5]) || !detect.IsDigit(x[6]) || !detect.IsDigit(x[7]) {
		return false
	}
	if !detect.NumRight(t, k+8) {
		return false
	}
	var d [10]byte
	copy(d[:3], t[i:j])
	copy(d[3:6], x[0:3])
	copy(d[6:], x[4:8])
	if validate.NANP(d[:]) {
		s.Add(0, i-1, k+8, 0.85, true)
		return true
	}
	return false
}
