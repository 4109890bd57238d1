package saas

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/shape"
)

// vercelLegacy reads a Vercel access token without a prefix: 24
// alphanumerics.
var vercelLegacy = &shape.Named{Value: shape.Run(24, 24, shape.Alnum), Conf: 0.8, Provider: []string{"vercel"}}

// VercelLegacyToken finds Vercel access tokens issued before the
// prefixed format (Vercel docs, "Access tokens",
// https://vercel.com/docs/accounts/access-tokens: the CLI and the REST API
// read them from VERCEL_TOKEN), 24 alphanumerics, after Vercel's
// variable names or as the value of a token key whose name holds "vercel".
var VercelLegacyToken = &detect.Detector{
	Name: "vercel_legacy_token",
	Types: []detect.Type{{
		Name: "vercel_access_token", Family: detect.Secret, Confidence: 0.92,
		Confirm: "24 alphanumerics after a Vercel variable name or a token key naming Vercel",
	}},
	Source:      "Vercel documentation, Access tokens (VERCEL_TOKEN)",
	Context:     []detect.Word{{Text: "vercel", Conf: 0.8}},
	Placeholder: detect.SecretPlaceholder,
	Prefixes: &detect.OnPrefix{
		Literals: []string{"VERCEL_TOKEN", "VERCEL_API_TOKEN", "VERCEL_ACCESS_TOKEN"},
		Find:     vercelLegacy.FindName,
	},
	Keys: &detect.OnKey{Words: []string{"vercel"}, MinValue: 24, Find: vercelLegacy.FindKey},
	// #nosec G101 -- the examples are fabricated credentials, not real ones.
	Examples: []detect.Example{
		{Text: "VERCEL_TOKEN=Xk4Vp2Lr9TmQ7Wn3Yb6Hc1Jf", Span: "Xk4Vp2Lr9TmQ7Wn3Yb6Hc1Jf", Valid: true},
		{Text: "vercel_token: Zx81kLq0PvR7tY3mW9sBn2Qe", Span: "Zx81kLq0PvR7tY3mW9sBn2Qe", Valid: true},
		{Text: "VERCEL_TOKEN=Xk4Vp2Lr9TmQ7Wn3Yb6Hc1J"},
		{Text: "token: Zx81kLq0PvR7tY3mW9sBn2Qe"},
	},
}
