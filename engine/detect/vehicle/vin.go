// Package vehicle holds the detectors of vehicle identifiers.
package vehicle

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// VIN finds Vehicle Identification Numbers (ISO 3779:2009; US 49 CFR
// 565.15): 17 digits and upper-case letters other than I, O and Q. The
// ninth character is a check digit (the weighted sum of the
// transliterated characters mod 11, X for 10), mandatory for every
// vehicle built for North America since model year 1981 and used by
// many other makers too.
//
// Confidence:
//   - check digit valid: 0.9 alone, 0.99 after a context word;
//   - check digit not valid, and the world manufacturer identifier does
//     not start with 1-5 (a vehicle made outside North America, where
//     ISO 3779 does not require the check digit): a shape-only match,
//     0.7 after a context word ("VIN", "Fahrgestellnummer", "numéro de
//     châssis", ...) and 0.35 (below the default minimum) without;
//   - check digit not valid and a North American identifier (1-5): not
//     a VIN; with a context word the span is vetoed, so that it does not
//     fall through to a weaker type.
//
// A VIN holds letters and digits; seventeen digits alone are not taken
// (they are far more often an account or order number).
var VIN = &detect.Detector{
	Name: "vin",
	Types: []detect.Type{{
		Name: "vin", Family: detect.Vehicle, Confidence: 0.9,
		Confirm: "17 characters without I/O/Q, check digit in position 9; non-North-American VINs without it need a context word",
	}},
	Source: "ISO 3779:2009 Road vehicles — Vehicle identification number; 49 CFR 565.15 (check digit, Tables IV and V)",
	Context: []detect.Word{
		{Text: "vin", Conf: 0.99}, {Text: "vehicle identification", Conf: 0.99}, {Text: "chassis", Conf: 0.99},
		{Text: "fahrgestellnummer", Conf: 0.99}, {Text: "fahrzeug-identifizierungsnummer", Conf: 0.99},
		{Text: "châssis", Conf: 0.99}, {Text: "numéro de série", Conf: 0.99}, {Text: "bastidor", Conf: 0.99},
		{Text: "telaio", Conf: 0.99}, {Text: "chassinummer", Conf: 0.99}, {Text: "carrozzeria", Conf: 0.99},
	},
	Tokens: &detect.OnToken{MinLen: 17, MaxLen: 17, MinLead: 2, MaxLead: 16, Find: findVIN},
	// VINs that start with digits are taken as a Lead (OnDigits.Lead)
	// rather than OnToken.DigitFirst, so that the main loop's inert-run
	// shortcut does not dismiss them.
	Digits: &detect.OnDigits{Lead: "0123456789", LeadLen: 1<<17 - 2, LeadNext: detect.Capitals, LeadTok: 17, OnLead: findVINLead},
	Examples: []detect.Example{
		{Text: "VIN 1M8GDM9AXKP042788", Span: "1M8GDM9AXKP042788", Valid: true},
		{Text: "car 1HGCM82633A004352 sold", Span: "1HGCM82633A004352", Valid: true},
		{Text: "Fahrgestellnummer: WVWZZZ1JZXW000001", Span: "WVWZZZ1JZXW000001", Valid: true},
		{Text: "VIN 1M8GDM9A1KP042788"},
		{Text: "car 1HGCM82633A004352X sold"},
		{Text: "VIN 1M8GDM9AXKP04278"},
		{Text: "VIN 1M8GDM9AXKO042788"},
	},
}

// findVINLead handles a token that starts with the digit run t[i:j] and
// a letter: a VIN when it is 17 upper-case letters and digits.
func findVINLead(s *detect.Scan, i, j int) {
	t := s.T
	if !detect.IsUpper(t[j]) {
		return
	}
	te := detect.Span(t, j, i+18-j, detect.Upper|detect.Digit)
	if te-i == 17 && detect.FreeRight(t, te) {
		findVIN(s, i, te)
	}
}

// findVIN handles a 17-character token with a digit.
func findVIN(s *detect.Scan, ts, te int) {
	t := s.T
	v := t[ts:te]
	if validate.VIN(v) {
		s.Add(0, ts, te, max(0.9, s.Context(ts)), true)
		return
	}
	if !validate.VINShape(v) || !hasLetter(v) {
		return
	}
	c := s.Context(ts)
	switch {
	case v[0] >= '1' && v[0] <= '5':
		if c > 0 {
			s.Veto(ts, te, c)
		}
	case c > 0:
		s.Add(0, ts, te, 0.7, false)
	default:
		s.Add(0, ts, te, 0.35, false)
	}
}

// hasLetter reports whether v holds an ASCII letter.
func hasLetter(v []byte) bool {
	for _, c := range v {
		if detect.IsAlpha(c) {
			return true
		}
	}
	return false
}
