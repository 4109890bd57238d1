package data

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/shape"
)

// NewRelic finds New Relic API keys by the prefixes and suffix New Relic
// gives them (New Relic docs, "New Relic API keys",
// https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/):
//   - user keys: "NRAK-" and 27 upper-case alphanumerics;
//   - browser keys: "NRJS-" and 19 hexadecimal digits (they ship in
//     pages, but still identify the account's ingest);
//   - Insights insert and query keys: "NRII-" and "NRIQ-" and 32
//     base64url characters;
//   - license (ingest) keys: 36 hexadecimal digits (an "eu01xx" region
//     prefix counts among them) and the suffix "NRAL", 40 in all.
var NewRelic = &detect.Detector{
	Name: "new_relic",
	Types: []detect.Type{
		{Name: "new_relic_user_api_key", Family: detect.Secret, Confidence: 0.97, Confirm: "NRAK- + 27 upper-case alphanumerics"},
		{Name: "new_relic_browser_api_key", Family: detect.Secret, Confidence: 0.95, Confirm: "NRJS- + 19 hex"},
		{Name: "new_relic_insights_insert_key", Family: detect.Secret, Confidence: 0.95, Confirm: "NRII- + 32 base64url characters"},
		{Name: "new_relic_insights_query_key", Family: detect.Secret, Confidence: 0.95, Confirm: "NRIQ- + 32 base64url characters"},
		{Name: "new_relic_license_key", Family: detect.Secret, Confidence: 0.95, Confirm: "36 hex + NRAL (40 characters)"},
	},
	Source:      "New Relic documentation, New Relic API keys (key types and formats)",
	Placeholder: detect.SecretPlaceholder,
	Prefixes:    &detect.OnPrefix{Literals: []string{"NRAK-", "NRJS-", "NRII-", "NRIQ-"}, Find: findNewRelic},
	// The license key's "NRAL" suffix is found at its 'A' (a trigger
	// byte already) after two upper-case letters.
	Bytes: []detect.OnByte{{Byte: 'A', Before: detect.Upper, BeforeRun: 2, Find: findNewRelicLicense}},
	// #nosec G101 -- the examples are fabricated credentials, not real ones.
	Examples: []detect.Example{
		{Text: "NEW_RELIC_API_KEY=NRAK-TMH3MV2ZD9HRGHMMVKJ4D56RX5C", Span: "NRAK-TMH3MV2ZD9HRGHMMVKJ4D56RX5C", Valid: true},
		{Text: "NREUM.loader_config={licenseKey:\"NRJS-3f4f08ffb703c9e5143\"}", Span: "NRJS-3f4f08ffb703c9e5143", Type: "new_relic_browser_api_key", Valid: true},
		{Text: "X-Insert-Key: NRII-gAyMx6ZDy7N7PrVpSyLWvfp2AsFWNA2N", Span: "NRII-gAyMx6ZDy7N7PrVpSyLWvfp2AsFWNA2N", Type: "new_relic_insights_insert_key", Valid: true},
		{Text: "X-Query-Key: NRIQ-FIee8JHz3UAZe4XzEBPSMVoBiF9_5Jx1", Span: "NRIQ-FIee8JHz3UAZe4XzEBPSMVoBiF9_5Jx1", Type: "new_relic_insights_query_key", Valid: true},
		{Text: "license_key: 12f49f008c89979c774a360bf9f89cc67d17NRAL", Span: "12f49f008c89979c774a360bf9f89cc67d17NRAL", Type: "new_relic_license_key", Valid: true},
		{Text: "NRAK-TMH3MV2ZD9HRGHMMVKJ4D56RX5"},
		{Text: "NRAK-TMH3MV2ZD9HRGHMMVKJ4D56RX5c"},
		{Text: "12f49f008c89979c774a360bf9f89cc67d1NRAL"},
		{Text: "NRAL is a suffix"},
	},
}

// findNewRelicLicense handles 'A' at t[p] after two upper-case letters:
// a license key when t[p-2:p+2] is "NRAL" and 36 characters of key come
// before it.
func findNewRelicLicense(s *detect.Scan, p int) {
	t := s.T
	b := p - 2
	if t[b] != 'N' || t[b+1] != 'R' || p+1 >= len(t) || t[p+1] != 'L' || !detect.FreeRight(t, p+2) {
		return
	}
	ks := b - 36
	if ks >= 0 && shape.Left(t, ks, shape.Alnum) && licenseBody(t[ks:b]) {
		s.Add(4, ks, p+2, 0.95, true)
	}
}

// findNewRelic handles a prefix t[b:p].
func findNewRelic(s *detect.Scan, b, p int) {
	t := s.T
	if !shape.Left(t, b, shape.Alnum) {
		return
	}
	switch t[b+2] {
	case 'A':
		if shape.Fixed(t, p, 27, shape.UpperAlnum) && shape.Mixed(t[p:p+27]) {
			s.Add(0, b, p+27, 0.97, true)
		}
	case 'J':
		if shape.HexAt(t, p, 19) {
			s.Add(1, b, p+19, 0.95, true)
		}
	default: // NRII-, NRIQ-
		k := 2
		if t[b+3] == 'Q' {
			k = 3
		}
		if shape.Fixed(t, p, 32, shape.URL) && shape.Mixed(t[p:p+32]) {
			s.Add(k, b, p+32, 0.95, true)
		}
	}
}

// licenseBody reports whether k, the 36 characters before "NRAL", are
// hexadecimal digits with a letter and a digit among them, or the EU
// region marker "eu01xx" and 30 hexadecimal digits.
func licenseBody(k []byte) bool {
	if detect.HasPrefix(k, 0, "eu01xx") {
		return shape.LowerHex(k[6:])
	}
	return shape.LowerHex(k) && shape.Mixed(k)
}
