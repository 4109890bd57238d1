package saas

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/shape"
)

// airtablePAT reads an Airtable personal access token, after an
// optional "Bearer ": "pat", a 14-character token id, "." and 64
// hexadecimal digits.
var airtablePAT = &shape.Named{
	Provider: []string{"airtable"},
	Value: func(t []byte, v int) (int, int, bool) {
		v = shape.Scheme(t, v)
		if !detect.HasPrefix(t, v, "pat") || v+3+14+1+64 > len(t) || !detect.All(t[v+3:v+17], shape.Alnum) || t[v+17] != '.' {
			return 0, 0, false
		}
		return v, v + 82, shape.HexAt(t, v+18, 64)
	},
	Conf: 0.95,
	Self: true,
}

// AirtablePersonalAccessToken finds Airtable personal access tokens
// (Airtable support, "Personal access tokens",
// https://airtable.com/developers/web/guides/personal-access-tokens: the
// token is its id, "pat" and 14 characters, "." and the secret, 64
// hexadecimal digits). The prefix is lower-case and has no trigger
// byte, so a token is found where it is stored or sent: after Airtable's
// variable names, in an Authorization header with the Bearer scheme, or
// as the value of any token, key, secret or password assignment.
var AirtablePersonalAccessToken = &detect.Detector{
	Name: "airtable_personal_access_token",
	Types: []detect.Type{{
		Name: "airtable_personal_access_token", Family: detect.Secret, Confidence: 0.95, NeedsContext: true,
		Confirm: "pat + 14 alphanumerics + . + 64 hex, where stored or sent",
	}},
	Source:      "Airtable developers, Personal access tokens (pat<id>.<secret>)",
	Placeholder: detect.SecretPlaceholder,
	Prefixes: &detect.OnPrefix{
		Literals: []string{"AIRTABLE_API_KEY", "AIRTABLE_TOKEN", "AIRTABLE_PAT", "AIRTABLE_ACCESS_TOKEN", "Authorization: Bearer "},
		Find:     airtablePAT.FindName,
	},
	Keys: &detect.OnKey{Words: []string{"airtable", "token", "key", "secret", "password"}, MinValue: 12, Find: airtablePAT.FindKey},
	// #nosec G101 -- the examples are fabricated credentials, not real ones.
	Examples: []detect.Example{
		{Text: "AIRTABLE_TOKEN=pat2Fe4ySuhFqNw3l.bb0a2968b79763fe873c2189a32beed8c67235cfefcf77d235eac5300d003621",
			Span: "pat2Fe4ySuhFqNw3l.bb0a2968b79763fe873c2189a32beed8c67235cfefcf77d235eac5300d003621", Valid: true},
		{Text: `{"apiKey": "pat2Fe4ySuhFqNw3l.bb0a2968b79763fe873c2189a32beed8c67235cfefcf77d235eac5300d003621"}`,
			Span: "pat2Fe4ySuhFqNw3l.bb0a2968b79763fe873c2189a32beed8c67235cfefcf77d235eac5300d003621", Valid: true},
		{Text: "AIRTABLE_TOKEN=pat2Fe4ySuhFqNw3l.bb0a2968b79763fe873c2189a32beed8c67235cfefcf77d235eac5300d00362"},
		{Text: "AIRTABLE_TOKEN=pat2Fe4ySuhFqNw3.bb0a2968b79763fe873c2189a32beed8c67235cfefcf77d235eac5300d003621"},
		// A lookalike under a name or prefix that says what it is: vetoed, so
		// not the generic api_key either.
		{Text: `airtable_token=patCUvnK14eeCOGRJ.b83eb11b32925b0bb9f6fc33d3f82d73dfa2071a411dd5c3c3dce385b7ba`, Type: "api_key"},
	},
}
