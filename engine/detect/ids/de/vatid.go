package de

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// VATID finds German VAT identification numbers (Umsatzsteuer-
// Identifikationsnummer, §27a UStG; BZSt): "DE" and nine digits, the
// ninth an ISO/IEC 7064 MOD 11,10 check digit over the first eight,
// compact ("DE123456788") or with a space after the country code. The
// country prefix and the check digit confirm it without a context word; a
// context word raises the confidence, and a number it names that fails
// is vetoed.
var VATID = &detect.Detector{
	Name: "de_vat_id",
	Types: []detect.Type{{
		Name: "de_vat_id", Family: detect.NationalID, Confidence: 0.9,
		Confirm: "DE + 9 digits, ISO 7064 MOD 11,10 check digit (BZSt)",
	}},
	Source: "§27a UStG; BZSt, Aufbau der USt-IdNr. (DE + 9 Ziffern, Prüfziffer nach ISO/IEC 7064 MOD 11,10)",
	Context: []detect.Word{
		{Text: "ust-idnr", Conf: 0.98}, {Text: "ust-id", Conf: 0.98}, {Text: "ustidnr", Conf: 0.98},
		{Text: "umsatzsteuer-identifikationsnummer", Conf: 0.98}, {Text: "umsatzsteuer-id", Conf: 0.98},
		{Text: "vat", Conf: 0.95}, {Text: "vat id", Conf: 0.98}, {Text: "vat number", Conf: 0.98},
	},
	Tokens: &detect.OnToken{MinLen: 11, MaxLen: 11, MinLead: 2, MaxLead: 2, Find: vatToken},
	Digits: &detect.OnDigits{Compact: 1 << 9, OnCompact: vatSpaced},
	Examples: []detect.Example{
		{Text: "USt-IdNr.: DE123456788", Span: "DE123456788", Valid: true},
		{Text: "seller DE 812345673, Berlin", Span: "DE 812345673", Valid: true},
		{Text: "USt-IdNr.: DE123456789"}, // check digit
		{Text: "USt-IdNr.: DE12345678"},  // eight digits
		{Text: "ref FR123456788"},        // not DE
	},
}

// vatToken handles "DE" and nine digits.
func vatToken(s *detect.Scan, ts, te int) {
	t := s.T
	if t[ts] != 'D' || t[ts+1] != 'E' || detect.DigitEnd(t, ts+2) != te {
		return
	}
	vat(s, ts, te, t[ts+2:te])
}

// vatSpaced handles nine digits after "DE ".
func vatSpaced(s *detect.Scan, i, j int) {
	t := s.T
	if i >= 3 && t[i-1] == ' ' && t[i-2] == 'E' && t[i-3] == 'D' && detect.FreeLeft(t, i-3) {
		vat(s, i-3, j, t[i:j])
	}
}

// vat reports t[b:e], whose nine digits are d.
func vat(s *detect.Scan, b, e int, d []byte) {
	ok := validate.DEVATID(d)
	c := s.Context(b)
	switch {
	case ok && c > 0:
		s.Add(0, b, e, c, true)
	case ok:
		s.Add(0, b, e, 0.9, true)
	case c > 0:
		s.Veto(b, e, c)
	}
}
