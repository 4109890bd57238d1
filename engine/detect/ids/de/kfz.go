package de

import (
	"strings"

	"github.com/datafog/datafog-api/engine/detect"
)

// Kfz finds German vehicle registrations (amtliches Kennzeichen;
// Fahrzeug-Zulassungsverordnung §§8-10 and Anlage 1): an
// Unterscheidungszeichen from the official list (one to three letters,
// the district: "B", "M", "HH", "BAD"; see DATA.md), a hyphen, one or
// two letters, a space and one to four digits without a leading zero,
// with an optional E (electric) or H (historic vehicle); at most eight
// letters and digits in all: "B-AB 1234", "M-X 12E". The letters after
// the district carry no check, so a context word is required.
//
// The hyphen is the trigger, after a capital: a district code that ends
// in an umlaut ("MÜ-", "WÜ-") is not found.
var Kfz = &detect.Detector{
	Name: "de_kfz",
	Types: []detect.Type{{
		Name: "de_kfz", Family: detect.Vehicle, Confidence: 0.85, NeedsContext: true,
		Confirm: "a real Unterscheidungszeichen (FZV Anlage 1), 1-2 letters and 1-4 digits; needs a context word",
	}},
	Source: "Fahrzeug-Zulassungsverordnung (FZV) §§8-10 and Anlage 1 (Unterscheidungszeichen)",
	Context: []detect.Word{
		{Text: "kennzeichen", Conf: 0.85}, {Text: "kfz-kennzeichen", Conf: 0.85}, {Text: "amtliches kennzeichen", Conf: 0.85},
		{Text: "nummernschild", Conf: 0.85}, {Text: "kfz", Conf: 0.8}, {Text: "license plate", Conf: 0.8},
		{Text: "licence plate", Conf: 0.8}, {Text: "number plate", Conf: 0.8}, {Text: "autokennzeichen", Conf: 0.85},
	},
	Bytes: []detect.OnByte{{Byte: '-', Before: detect.Upper, Find: findKfz}},
	Examples: []detect.Example{
		{Text: "Kennzeichen B-AB 1234", Span: "B-AB 1234", Valid: true},
		{Text: "Kfz-Kennzeichen: BAD-K 17E.", Span: "BAD-K 17E", Valid: true},
		{Text: "Kennzeichen DÜW-XY 99", Span: "DÜW-XY 99", Valid: true},
		{Text: "Kennzeichen XX-AB 1234"},  // XX is no district
		{Text: "Kennzeichen B-AB 0123"},   // leading zero
		{Text: "Kennzeichen BAD-XY 1234"}, // nine characters
		{Text: "Bestellung B-AB 1234"},    // no context word
	},
}

// kfzSet holds kfzCodes.
var kfzSet = func() map[string]bool {
	m := map[string]bool{}
	for _, c := range strings.Fields(kfzCodes) {
		m[c] = true
	}
	return m
}()

// findKfz handles a hyphen after a capital: the end of a district code.
func findKfz(s *detect.Scan, p int) {
	t := s.T
	// The district code: up to three letters, capitals or the UTF-8
	// umlauts Ä Ö Ü (0xC3 0x84, 0x96, 0x9C).
	b, letters := p, 0
	for letters < 3 && b > 0 {
		switch {
		case detect.IsUpper(t[b-1]):
			b--
		case b >= 2 && t[b-2] == 0xC3 && (t[b-1] == 0x84 || t[b-1] == 0x96 || t[b-1] == 0x9C):
			b -= 2
		default:
			goto done
		}
		letters++
	}
done:
	if letters == 0 || b > 0 && (detect.IsWord(t[b-1]) || t[b-1] >= 0x80) || !kfzSet[string(t[b:p])] {
		return
	}
	k := p + 1
	for k < len(t) && k-p <= 2 && detect.IsUpper(t[k]) {
		k++
	}
	n := k - p - 1
	if n == 0 || k+1 >= len(t) || t[k] != ' ' || t[k+1] < '1' || t[k+1] > '9' {
		return
	}
	j := detect.DigitEnd(t, k+1)
	digits := j - k - 1
	if digits > 4 || letters+n+digits > 8 {
		return
	}
	if j < len(t) && (t[j] == 'E' || t[j] == 'H') {
		j++
	}
	if !detect.FreeRight(t, j) {
		return
	}
	if c := s.Context(b); c > 0 {
		s.Add(0, b, j, c, true)
	}
}
