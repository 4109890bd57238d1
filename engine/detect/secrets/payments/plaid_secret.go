package payments

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/shape"
)

// plaidSecret reads a Plaid client secret: 30 lower-case hexadecimal
// digits.
var plaidSecret = &shape.Named{
	Provider: []string{"plaid"},
	Value:    shape.Hex(30),
	Key:      func(name []byte) bool { return shape.HasWord(name, "secret") },
	Conf:     0.8,
}

// PlaidClientSecret finds Plaid API client secrets (Plaid docs, "Keys":
// https://plaid.com/docs/api/#api-access, a client_id and a secret per
// environment, 30 hexadecimal digits), which have no prefix: they are
// found after Plaid's variable names (PLAID_SECRET,
// PLAID_CLIENT_SECRET, PLAID_SANDBOX_SECRET, ...) or as the value of a
// key whose name holds "plaid".
var PlaidClientSecret = &detect.Detector{
	Name: "plaid_client_secret",
	Types: []detect.Type{{
		Name: "plaid_client_secret", Family: detect.Secret, Confidence: 0.8, NeedsContext: true,
		Confirm: "30 hex digits after a Plaid secret variable name or a secret key naming Plaid",
	}},
	Source:      "Plaid API documentation, API access (client_id and secret)",
	Context:     []detect.Word{{Text: "plaid", Conf: 0.8}},
	Placeholder: detect.SecretPlaceholder,
	Prefixes: &detect.OnPrefix{
		Literals: []string{"PLAID_SECRET", "PLAID_CLIENT_SECRET", "PLAID_SANDBOX_SECRET", "PLAID_DEVELOPMENT_SECRET", "PLAID_PRODUCTION_SECRET"},
		Find:     plaidSecret.FindName,
	},
	Keys: &detect.OnKey{Words: []string{"plaid"}, MinValue: 30, Find: plaidSecret.FindKey},
	// #nosec G101 -- the examples are fabricated credentials, not real ones.
	Examples: []detect.Example{
		{Text: "PLAID_SECRET=8e1f0c3a9b7d2e6f4a5c1b0d9e8f7a", Span: "8e1f0c3a9b7d2e6f4a5c1b0d9e8f7a", Valid: true},
		{Text: `{"plaidSecret": "0d9e8f7a6b8e1f0c3a9b7d2e6f4a5c"}`, Span: "0d9e8f7a6b8e1f0c3a9b7d2e6f4a5c", Valid: true},
		{Text: "PLAID_SECRET=8e1f0c3a9b7d2e6f4a5c1b0d9e8f7"},
		{Text: `{"secret": "0d9e8f7a6b8e1f0c3a9b7d2e6f4a5c"}`},
		{Text: "PLAID_CLIENT_ID=8e1f0c3a9b7d2e6f4a5c1b0d"},
	},
}
