package saas

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/shape"
)

// cfLegacyToken reads an unprefixed Cloudflare API token: 40 characters
// of letters, digits, '_' and '-', under a name that says token.
var cfLegacyToken = &shape.Named{
	Provider: []string{"cloudflare", "cf"},
	Value:    shape.Run(40, 40, shape.URL),
	Key:      func(name []byte) bool { return shape.HasWord(name, "token") },
	Conf:     0.8,
}

// cfLegacyKey reads an unprefixed Cloudflare global API key: 37 to 45
// lower-case hexadecimal digits, under a name that says key.
var cfLegacyKey = &shape.Named{
	Provider: []string{"cloudflare", "cf"},
	Type:     1,
	Value: func(t []byte, v int) (int, int, bool) {
		e := v
		for e < len(t) && e-v <= 45 && shape.IsLowerHex(t[e]) {
			e++
		}
		n := e - v
		return v, e, n >= 37 && n <= 45 && detect.FreeRight(t, e) && shape.Mixed(t[v:e])
	},
	Key:  func(name []byte) bool { return shape.HasWord(name, "key") },
	Conf: 0.8,
}

// CloudflareLegacy finds Cloudflare credentials in the formats issued
// before the scannable ones (Cloudflare docs, "Token formats", pre-2026
// formats: user and account API tokens are 40-character alphanumeric
// strings, the global API key a 37 to 45 character lower-case
// hexadecimal string, sent as X-Auth-Key). They have no prefix, so they
// are found after Cloudflare's variable names (CLOUDFLARE_API_TOKEN,
// CF_API_TOKEN, CLOUDFLARE_API_KEY, CF_API_KEY), the X-Auth-Key header,
// or as the value of a token or key whose name holds "cloudflare" or
// "cf".
var CloudflareLegacy = &detect.Detector{
	Name: "cloudflare_legacy",
	Types: []detect.Type{
		{Name: "cloudflare_api_token", Family: detect.Secret, Confidence: 0.8, NeedsContext: true,
			Confirm: "40 characters [A-Za-z0-9_-] after a Cloudflare token variable or a token key naming Cloudflare"},
		{Name: "cloudflare_api_key", Family: detect.Secret, Confidence: 0.8, NeedsContext: true,
			Confirm: "37-45 hex after a Cloudflare key variable, X-Auth-Key or a key naming Cloudflare"},
	},
	Source:      "Cloudflare documentation, Token formats (pre-2026 formats); API keys (X-Auth-Key)",
	Context:     []detect.Word{{Text: "cloudflare", Conf: 0.8}},
	Placeholder: detect.SecretPlaceholder,
	Prefixes: &detect.OnPrefix{
		Literals: []string{"CLOUDFLARE_API_TOKEN", "CF_API_TOKEN", "CLOUDFLARE_TOKEN",
			"CLOUDFLARE_API_KEY", "CF_API_KEY", "X-Auth-Key"},
		Find: findCloudflareName,
	},
	Keys: &detect.OnKey{Words: []string{"cloudflare", "cf"}, MinValue: 37, Find: findCloudflareKey},
	// #nosec G101 -- the examples are fabricated credentials, not real ones.
	Examples: []detect.Example{
		{Text: "CLOUDFLARE_API_TOKEN=ucr-n4QT_8sleSMOqk7vbLACospZQqw_R5jltKv2", Span: "ucr-n4QT_8sleSMOqk7vbLACospZQqw_R5jltKv2", Valid: true},
		{Text: "curl -H 'X-Auth-Key: e5633cbecbae52366e64767f839a101fa6a7e' https://api.cloudflare.com/client/v4/zones", Span: "e5633cbecbae52366e64767f839a101fa6a7e", Type: "cloudflare_api_key", Valid: true},
		{Text: "CF_API_TOKEN=ucr-n4QT_8sleSMOqk7vbLACospZQqw_R5jltKv"},
		{Text: "api_token: ucr-n4QT_8sleSMOqk7vbLACospZQqw_R5jltKv2"},
	},
}

// findCloudflareName handles a variable or header name t[b:p].
func findCloudflareName(s *detect.Scan, b, p int) {
	cfLegacyToken.FindName(s, b, p)
	cfLegacyKey.FindName(s, b, p)
}

// findCloudflareKey handles an assignment.
func findCloudflareKey(s *detect.Scan, a *detect.Assignment) {
	cfLegacyToken.FindKey(s, a)
	cfLegacyKey.FindKey(s, a)
}
