package financial

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// ISIN finds International Securities Identification Numbers (ISO
// 6166:2021; ANNA, "ISIN structure"): a two-letter prefix (an ISO 3166-1
// country code, or XS, XA-XD, EU), a nine-character national
// identifier and a check digit, the Luhn check over the digits obtained
// by writing each letter as A=10 … Z=35. One random code in ten passes,
// so a context word is needed to report it (0.95); alone it scores 0.45.
var ISIN = &detect.Detector{
	Name: "isin",
	Types: []detect.Type{{
		Name: "isin", Family: detect.Financial, Confidence: 0.45, NeedsContext: true,
		Confirm: "ISO 6166: real country/prefix, Luhn over the letter-expanded digits; needs a context word",
	}},
	Source: "ISO 6166:2021 International Securities Identification Number; ANNA ISIN guidelines",
	Context: []detect.Word{
		{Text: "isin", Conf: 0.95}, {Text: "securities identification", Conf: 0.95},
		{Text: "security id", Conf: 0.95}, {Text: "code isin", Conf: 0.95}, {Text: "isin-code", Conf: 0.95},
		{Text: "wertpapierkennnummer", Conf: 0.95}, {Text: "codice isin", Conf: 0.95},
	},
	Tokens: &detect.OnToken{MinLen: 12, MaxLen: 12, MinLead: 2, MaxLead: 11, Find: findISIN},
	Examples: []detect.Example{
		{Text: "ISIN US0378331005", Span: "US0378331005", Valid: true},
		{Text: "ISIN: DE000BAY0017.", Span: "DE000BAY0017", Valid: true},
		{Text: "ISIN US0378331006"},
		{Text: "ISIN ZZ0378331005"},
		{Text: "ISIN US03783310051"},
	},
}

// findISIN handles a 12-character token that starts with letters.
func findISIN(s *detect.Scan, ts, te int) {
	t := s.T
	if validate.ISIN(t[ts:te]) {
		s.Add(0, ts, te, max(0.45, s.Context(ts)), true)
	} else if detect.IsUpper(t[ts+1]) && detect.All(t[ts:te], detect.Upper|detect.Digit) && detect.IsDigit(t[te-1]) {
		if c := s.Context(ts); c > 0 {
			s.Veto(ts, te, c)
		}
	}
}
