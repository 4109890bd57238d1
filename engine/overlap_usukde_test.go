package engine

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/datafog/datafog-api/engine/validate"
)

// findingsAt returns "type:value" for every finding in text at the
// default minimum confidence.
func findingsAt(t *testing.T, e *Engine, text string) []string {
	t.Helper()
	var out []string
	for _, f := range e.Scan(nil, []byte(text), Filter{}.WithMinConfidence(DefaultMinConfidence)) {
		out = append(out, fmt.Sprintf("%s:%s", f.Type, text[f.Start:f.End]))
	}
	return out
}

// TestOverlapUSUKDE pins how the US, UK and German types resolve against
// the types they collide with: a value confirmed by its checksum (or
// structure) and named by its context word beats a shape-only reading
// of the same span, and a value that a context word names but that fails
// the named type's check is vetoed, not handed to a weaker type.
func TestOverlapUSUKDE(t *testing.T) {
	e := mustEngine(t, Config{})
	// An eleven-digit number that is both a valid Steuer-IdNr and 1 + a
	// valid NANP number, and one that is a NANP number but no Steuer-IdNr.
	var taxPhone, phoneOnly string
	for n := 12034560000; n < 12034600000 && (taxPhone == "" || phoneOnly == ""); n++ {
		s := fmt.Sprint(n)
		switch {
		case !validate.NANP([]byte(s[1:])):
		case validate.DETaxID([]byte(s)) && taxPhone == "":
			taxPhone = s
		case !validate.DETaxID([]byte(s)) && phoneOnly == "":
			phoneOnly = s
		}
	}
	if taxPhone == "" || phoneOnly == "" {
		t.Fatal("no eleven-digit number found that is both a Steuer-IdNr and a phone number")
	}
	tests := []struct{ text, want string }{
		// ITIN and SSN share the 3-2-4 shape; the area 9xx is the ITIN's.
		{"SSN 123-45-6789", "ssn:123-45-6789"},
		{"ITIN 912-70-1234", "us_itin:912-70-1234"},
		{"ITIN: 912701234", "us_itin:912701234"},
		{"SSN 912-70-1234", ""},  // an ITIN is no SSN, and "SSN" names no ITIN
		{"ITIN 912-45-1234", ""}, // group 45: vetoed
		// Steuer-IdNr and phone: checksum and context beat the NANP shape.
		// Bare compact NANP numbers need a phone context word ("call" is
		// none): below the default minimum without one.
		{"call " + phoneOnly, ""},
		{"tel " + phoneOnly, "phone:" + phoneOnly},
		{"tel " + taxPhone, "phone:" + taxPhone},
		{"Steuer-ID " + taxPhone, "de_tax_id:" + taxPhone},
		{"Steuer-ID " + phoneOnly, ""}, // named a tax id, fails its check: vetoed, not a phone
		// A Steuernummer has no check digit, but its context word gives
		// it more evidence than the compact NANP phone's numbering-plan
		// rule alone (the engine ranks by confidence first).
		{"Steuernummer " + taxPhone, "de_tax_number:" + taxPhone},
		{"Steuernummer 120/345/60072", "de_tax_number:120/345/60072"},
		// PLZ and ZIP code: the context word decides.
		{"PLZ 10115 Berlin", "de_plz:10115"},
		{"zip 10115", "zip_code:10115"},
		{"Postleitzahl 00999", ""},
		// Bank numbers: the routing number's checksum, a card's Luhn.
		{"routing 021000021", "bank_routing:021000021"},
		{"bank account 021000021", "us_bank_number:021000021"},
		{"account number 4111111111111111", "credit_card:4111111111111111"},
		// Nine-digit passports: the more specific context word wins.
		{"passport 123456789", "us_passport:123456789"},
		{"UK passport 123456789", "uk_passport:123456789"},
		{"German passport C01X00T478", "de_passport:C01X00T478"},
		// EIN and ITIN share "tax id"; the ITIN's structure is the stronger.
		{"tax id 970701234", "us_itin:970701234"},
		{"EIN 070701234", ""}, // prefix 07 is never assigned: vetoed
		// A DEA number that fails its check is not a driver's licence.
		{"DEA license number AB1234564", ""},
		// VAT id without context, and not an IBAN.
		{"seller DE123456788", "de_vat_id:DE123456788"},
	}
	for _, tt := range tests {
		got := findingsAt(t, e, tt.text)
		var want []string
		if tt.want != "" {
			want = []string{tt.want}
		}
		if !slices.Equal(got, want) {
			t.Errorf("%q: findings %q, want %q", tt.text, got, want)
		}
	}
}

// TestUSUKDEContextLanguages checks that the German context words, with
// their umlauts, and the English ones both name the German types.
func TestUSUKDEContextLanguages(t *testing.T) {
	e := mustEngine(t, Config{})
	for _, text := range []string{
		"Betriebsstättennummer 721234500", "BSNR 721234500",
		"Führerschein B072RRE2I55", "fuehrerschein B072RRE2I55",
		"Krankenversichertennummer A123456780", "health insurance number A123456780",
	} {
		got := findingsAt(t, e, text)
		if len(got) != 1 || !strings.HasSuffix(got[0], text[strings.LastIndexByte(text, ' ')+1:]) {
			t.Errorf("%q: findings %q, want one finding of the number", text, got)
		}
	}
}
