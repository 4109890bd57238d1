package saas

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/shape"
)

// oktaToken reads an Okta API token, after an optional "SSWS " scheme:
// "00" and 40 base64url characters.
var oktaToken = &shape.Named{
	Provider: []string{"okta"},
	Value: func(t []byte, v int) (int, int, bool) {
		v = shape.Scheme(t, v)
		return v, v + 42, detect.HasPrefix(t, v, "00") && shape.Fixed(t, v, 42, shape.URL) && shape.Varied(t[v+2:v+42])
	},
	Conf: 0.85,
}

// OktaAPIToken finds Okta API tokens (Okta developer docs, "Create an
// API token",
// https://developer.okta.com/docs/guides/create-an-api-token/main/: the
// token is sent as "Authorization: SSWS <token>"; the tokens Okta issues
// are "00" and 40 base64url characters). They are found after that
// header, after Okta's variable names (OKTA_API_TOKEN, OKTA_CLIENT_TOKEN),
// or as the value of a token key whose name holds "okta".
var OktaAPIToken = &detect.Detector{
	Name: "okta_api_token",
	Types: []detect.Type{{
		Name: "okta_api_token", Family: detect.Secret, Confidence: 0.85, NeedsContext: true,
		Confirm: "00 + 40 base64url characters after Authorization: SSWS, an Okta variable name or a token key naming Okta",
	}},
	Source:      "Okta developer documentation, Create an API token (SSWS scheme)",
	Context:     []detect.Word{{Text: "okta", Conf: 0.85}},
	Placeholder: detect.SecretPlaceholder,
	Prefixes: &detect.OnPrefix{
		Literals: []string{"OKTA_API_TOKEN", "OKTA_CLIENT_TOKEN", "OKTA_TOKEN", "Authorization: SSWS "},
		Find:     oktaToken.FindName,
	},
	Keys: &detect.OnKey{Words: []string{"okta"}, MinValue: 42, Find: oktaToken.FindKey},
	// #nosec G101 -- the examples are fabricated credentials, not real ones.
	Examples: []detect.Example{
		{Text: "curl -H \"Authorization: SSWS 00AAs3maLBE3F0VrNG2dB4HsY3DmQypfEnbV2qa3RP\" https://acme.okta.com/api/v1/users",
			Span: "00AAs3maLBE3F0VrNG2dB4HsY3DmQypfEnbV2qa3RP", Valid: true},
		{Text: "OKTA_API_TOKEN=00AAs3maLBE3F0VrNG2dB4HsY3DmQypfEnbV2qa3RP", Span: "00AAs3maLBE3F0VrNG2dB4HsY3DmQypfEnbV2qa3RP", Valid: true},
		{Text: "OKTA_API_TOKEN=01AAs3maLBE3F0VrNG2dB4HsY3DmQypfEnbV2qa3RP"},
		{Text: "token: 00AAs3maLBE3F0VrNG2dB4HsY3DmQypfEnbV2qa3RP"},
	},
}
