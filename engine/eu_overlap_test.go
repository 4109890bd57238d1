package engine

import (
	"reflect"
	"strings"
	"testing"

	"github.com/datafog/datafog-api/engine/internal/corpus"
)

// TestEUOverlaps pins how the European national identifiers resolve
// against the types they collide with (issue 15): a number confirmed by
// its check and labelled by a context word beats a shape-only type on the
// same span, and a number labelled as the type but failing its check is
// vetoed, so that it falls through to no weaker type.
func TestEUOverlaps(t *testing.T) {
	e := mustEngine(t, Config{})
	for _, tc := range []struct {
		name, text string
		want       []Finding
	}{
		// PESEL vs phone. 12252412340 is a PESEL (born 24 May 2012) and
		// also 1 + a NANP number (225) 241-2340.
		{"pesel with word", "PESEL 12252412340", []Finding{{Type: "pl_pesel", Start: 6, End: 17, Confidence: 0.995, Validated: true}}},
		{"phone without word", "tel 12252412340", []Finding{{Type: Phone, Start: 4, End: 15, Confidence: 0.6, Validated: true}}},
		{"pesel failing its check", "PESEL 12252412341", nil},
		{"pesel and a phone apart", "PESEL 44051401359 tel 212-555-1234", []Finding{
			{Type: "pl_pesel", Start: 6, End: 17, Confidence: 0.995, Validated: true},
			{Type: Phone, Start: 22, End: 34, Confidence: 0.85, Validated: true},
		}},

		// NIR vs phone. The carte Vitale groups are no phone shape; a
		// NANP number after the NIR word keeps its own shape and stays a
		// phone; a NIR failing its key hides nothing else.
		{"nir with word", "NIR 2 95 10 99 126 111 93", []Finding{{Type: "fr_nir", Start: 4, End: 25, Confidence: 0.995, Validated: true}}},
		{"nir without word", "tél 2 95 10 99 126 111 93", nil},
		{"nir failing its key", "NIR 2 95 10 99 126 111 99", nil},
		{"phone after the nir word", "NIR inconnu, tél 1 212 555 1234", []Finding{{Type: Phone, Start: 18, End: 32, Confidence: 0.85, Validated: true}}},
		{"nir and phone", "NIR 185057800608491 / 212-555-1234", []Finding{
			{Type: "fr_nir", Start: 4, End: 19, Confidence: 0.995, Validated: true},
			{Type: Phone, Start: 22, End: 34, Confidence: 0.85, Validated: true},
		}},

		// BSN vs SSN-like. 123-45-6782 is SSN-shaped and passes the
		// eleven test; 123-45-6789 is SSN-shaped and fails it.
		{"bsn in ssn groups", "BSN 123-45-6782", []Finding{{Type: "nl_bsn", Start: 4, End: 15, Confidence: 0.995, Validated: true}}},
		{"bsn failing the 11-test", "BSN 123-45-6789", nil},
		{"ssn without the bsn word", "SSN 123-45-6782", []Finding{{Type: SSN, Start: 4, End: 15, Confidence: 0.95, Validated: true}}},
		{"compact bsn", "BSN: 123456782", []Finding{{Type: "nl_bsn", Start: 5, End: 14, Confidence: 0.995, Validated: true}}},
		{"compact ssn", "SSN: 123456782", []Finding{{Type: SSN, Start: 5, End: 14, Confidence: 0.9, Validated: true}}},
		{"both words", "SSN/BSN 123456782", []Finding{{Type: "nl_bsn", Start: 8, End: 17, Confidence: 0.995, Validated: true}}},

		// A labelled SIRET that is also a valid Diners Club number.
		{"siret over card", "SIRET 36090015338261", []Finding{{Type: "fr_siret", Start: 6, End: 20, Confidence: 0.995, Validated: true}}},
		{"card without word", "card 36090015338261", []Finding{{Type: CreditCard, Start: 5, End: 19, Confidence: 0.99, Validated: true}}},
	} {
		got := e.Scan(nil, []byte(tc.text), Filter{})
		if fmtFindings(got) != fmtFindings(tc.want) {
			t.Errorf("%s: %q: got %s, want %s", tc.name, tc.text, fmtFindings(got), fmtFindings(tc.want))
		}
	}
}

// TestEUScannerMatchesScan: the European detectors decide a stream
// exactly as a whole-buffer scan does, whatever the chunking (their
// context windows, look-backs before a number's prefix and vetoes).
func TestEUScannerMatchesScan(t *testing.T) {
	e := mustEngine(t, Config{})
	var b strings.Builder
	for _, r := range corpus.TypeRecords(7, 6) {
		b.WriteString(r.Text)
		b.WriteByte("\n ,"[len(b.String())%3])
	}
	for _, d := range registry {
		for _, ex := range d.Examples {
			b.WriteString(ex.Text)
			b.WriteByte('\n')
		}
	}
	text := []byte(b.String())
	want := e.Scan(nil, text, Filter{})
	eu := 0
	for _, f := range want {
		if strings.Contains("es_ it_ fr_ nl_ be_ pl_ se_ fi_ no_ dk_ ch_ at_ ie_ pt_ cz_ ro_ eu_", string(f.Type)[:3]) {
			eu++
		}
	}
	if eu < 300 {
		t.Fatalf("only %d European findings in the test text", eu)
	}
	for _, sizes := range [][]int{{1}, {5}, {63, 64, 65}, {4096}, {1 << 20}} {
		if got := streamAll(t, e, text, sizes); !reflect.DeepEqual(got, want) {
			t.Fatalf("chunks %v: %d findings, want %d; first difference %s", sizes, len(got), len(want), firstDiff(got, want))
		}
	}
}
