package payments

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/shape"
)

// PlaidAccessToken finds Plaid Item access tokens (Plaid API docs,
// "Tokens", https://plaid.com/docs/api/tokens/ and the /item/public_token/
// exchange response): "access-", the environment ("sandbox",
// "development" or "production"), "-" and a lower-case UUID.
var PlaidAccessToken = &detect.Detector{
	Name: "plaid_access_token",
	Types: []detect.Type{{
		Name: "plaid_access_token", Family: detect.Secret, Confidence: 0.97,
		Confirm: "access-sandbox-/access-development-/access-production- + UUID",
	}},
	Source:      "Plaid API documentation, Tokens (access_token format)",
	Placeholder: detect.SecretPlaceholder,
	Prefixes: &detect.OnPrefix{
		Literals: []string{"access-sandbox-", "access-development-", "access-production-"},
		Find:     findPlaidAccess,
	},
	// #nosec G101 -- the examples are fabricated credentials, not real ones.
	Examples: []detect.Example{
		{Text: `{"access_token": "access-sandbox-de3ce8ef-33f8-452c-a685-8671031fc0f6"}`, Span: "access-sandbox-de3ce8ef-33f8-452c-a685-8671031fc0f6", Valid: true},
		{Text: "access-production-7b1e2a9c-4d3f-4e8a-9b2c-1f0e3d5a7c9b", Span: "access-production-7b1e2a9c-4d3f-4e8a-9b2c-1f0e3d5a7c9b", Valid: true},
		{Text: "access-sandbox-de3ce8ef-33f8-452c-a685-8671031fc0f"},
		{Text: "access-staging-de3ce8ef-33f8-452c-a685-8671031fc0f6"},
	},
}

// findPlaidAccess handles a prefix t[b:p].
func findPlaidAccess(s *detect.Scan, b, p int) {
	t := s.T
	if shape.Left(t, b, shape.Alnum) && shape.UUIDAt(t, p, '-') {
		s.Add(0, b, p+36, 0.97, true)
	}
}
