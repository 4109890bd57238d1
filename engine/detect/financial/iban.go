package financial

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// maxIBAN is the longest IBAN in compact form (ISO 13616-1 §5.1).
const maxIBAN = 34

// IBAN finds International Bank Account Numbers (ISO 13616-1:2020): a
// country code, two check digits and the BBAN, with the country's length
// from SWIFT's IBAN Registry and the ISO 7064 MOD 97-10 check, compact
// ("GB82WEST12345698765432") or in groups of four separated by single
// spaces ("GB82 WEST 1234 5698 7654 32").
var IBAN = &detect.Detector{
	Name: "iban",
	Types: []detect.Type{{
		Name: "iban", Family: detect.Financial, Confidence: 0.99,
		Confirm: "country length table plus ISO 7064 mod 97-10; compact or in groups of four",
	}},
	Source: "ISO 13616-1:2020; SWIFT IBAN Registry; ISO/IEC 7064 MOD 97-10",
	Tokens: &detect.OnToken{MinLen: 4, MaxLen: maxIBAN, MinLead: 2, MaxLead: 2, Find: findIBAN},
	Examples: []detect.Example{
		{Text: "IBAN GB82WEST12345698765432", Span: "GB82WEST12345698765432", Valid: true},
		{Text: "IBAN GB82 WEST 1234 5698 7654 32 paid", Span: "GB82 WEST 1234 5698 7654 32", Valid: true},
		{Text: "IBAN GB82WEST12345698765433"},
		{Text: "IBAN GB82WEST1234569876543"},
	},
}

// findIBAN handles the token t[ts:te] when it starts with two upper-case
// letters and two digits: the IBAN compact, or its first group of four.
// The longest valid form wins.
func findIBAN(s *detect.Scan, ts, te int) {
	t := s.T
	i := ts + 2
	if i+1 >= len(t) || !detect.IsUpper(t[ts]) || !detect.IsUpper(t[ts+1]) || !detect.IsDigit(t[i]) || !detect.IsDigit(t[i+1]) {
		return
	}
	// Compact.
	e := te
	if e-ts >= 15 && e-ts <= maxIBAN {
		if validate.IBAN(t[ts:e]) {
			s.Add(0, ts, e, 0.99, true)
		}
		return
	}
	if e-ts != 4 || e >= len(t) || t[e] != ' ' {
		return
	}
	// Groups of four.
	var buf [maxIBAN + 4]byte
	var ends [10]int
	d := append(buf[:0], t[ts:e]...)
	ng := 0
	for e < len(t) && t[e] == ' ' && ng < len(ends) {
		k := e + 1
		for k < len(t) && k-e <= 4 && (detect.IsUpper(t[k]) || detect.IsDigit(t[k])) {
			k++
		}
		l := k - e - 1
		if l == 0 || l > 4 || len(d)+l > maxIBAN || !detect.FreeRight(t, k) {
			break
		}
		d = append(d, t[e+1:k]...)
		e = k
		ends[ng] = len(d)
		ng++
		if l < 4 {
			break
		}
	}
	for ; ng > 0; ng-- {
		n := ends[ng-1]
		if n < 15 {
			return
		}
		if validate.IBAN(d[:n]) {
			// Locate the end in t: 4 chars, then groups of " xxxx".
			end := ts + 4 + (ng-1)*5 + 1 + (n - 4 - (ng-1)*4)
			s.Add(0, ts, end, 0.99, true)
			return
		}
	}
}
