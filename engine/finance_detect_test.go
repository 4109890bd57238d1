package engine

import (
	"fmt"
	"strings"
	"testing"
)

// describe renders findings as "type:value@conf" for comparison.
func describe(text string, fs []Finding) string {
	var parts []string
	for _, f := range fs {
		parts = append(parts, fmt.Sprintf("%s:%s@%g", f.Type, text[f.Start:f.End], f.Confidence))
	}
	return strings.Join(parts, " ")
}

// TestFinanceDeviceDefaults pins the confidence rules of the finance,
// vehicle and device detectors at the default minimum confidence: what
// is reported alone, what needs a context word, and which collisions go
// to which type.
func TestFinanceDeviceDefaults(t *testing.T) {
	e := mustEngine(t, Config{})
	f := Filter{}.WithMinConfidence(DefaultMinConfidence)
	cases := []struct{ text, want string }{
		// swift_bic: digits alone, letters only after a label.
		{"wire to NWBKGB2L today", ""}, // no context word: 0.4, below the default
		{"wire to DEUTDEFF today", ""},
		{"BIC: DEUTDEFF", "swift_bic:DEUTDEFF@0.9"},
		{"SWIFT code: DEUTDEFF500.", "swift_bic:DEUTDEFF500@0.9"},
		{"SWIFT/BIC: COBADEFFXXX", "swift_bic:COBADEFFXXX@0.9"},
		{`{"swift_code":"BNPAFRPP"}`, "swift_bic:BNPAFRPP@0.9"},
		{"BIC: DEUTUKFF", ""},
		{"the SWIFT PROGRAMMING guide", ""},
		// lei: letters alone, digits only with the word.
		{"issuer HWUPKR0MPOU8FGXBT394 filed", "lei:HWUPKR0MPOU8FGXBT394@0.85"},
		{"LEI: HWUPKR0MPOU8FGXBT394", "lei:HWUPKR0MPOU8FGXBT394@0.99"},
		{"LEI: HWUPKR0MPOU8FGXBT395", ""},
		// isin: context required.
		{"order US0378331005", ""},
		{"ISIN US0378331005", "isin:US0378331005@0.95"},
		// cusip: context required; a nine-digit SSN-like number stays
		// what it is.
		{"ref 037833100", ""},
		{"CUSIP 037833100", "cusip:037833100@0.9"},
		{"CUSIP: 38259P508", "cusip:38259P508@0.9"},
		// vin: check digit alone; a non-North-American VIN without it
		// only with the word; a North American one without it never.
		{"car 1HGCM82633A004352 sold", "vin:1HGCM82633A004352@0.9"},
		{"VIN 1HGCM82633A004352", "vin:1HGCM82633A004352@0.99"},
		{"car WVWZZZ1JZXW000001 sold", ""},
		{"VIN: WVWZZZ1JZXW000001", "vin:WVWZZZ1JZXW000001@0.7"},
		{"VIN 1HGCM82623A004352", ""},
		// imei: context required; the word makes a Luhn-valid 15-digit
		// number an IMEI.
		{"order 490154203237518", ""},
		{"IMEI 490154203237518", "imei:490154203237518@0.99"},
		{"IMEI: 35-209900-176148-1", "imei:35-209900-176148-1@0.99"},
		{"IMEISV 35 209900 176148 23", "imei:35 209900 176148 23@0.75"},
	}
	for _, c := range cases {
		if got := describe(c.text, e.Scan(nil, []byte(c.text), f)); got != c.want {
			t.Errorf("%q: got %q, want %q", c.text, got, c.want)
		}
	}
}
