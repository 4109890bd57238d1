package payments

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/shape"
)

// Shopify finds Shopify app credentials by the prefixes Shopify gives
// them (Shopify developer changelog, "New format for access tokens and
// API secret keys", 2021, https://shopify.dev/changelog, and "About
// authentication",
// https://shopify.dev/docs/apps/build/authentication-authorization):
// "shpat_" Admin API access tokens, "shpss_" app shared secrets,
// "shpca_" custom app access tokens and "shppa_" private app access
// tokens (passwords), each followed by 32 hexadecimal digits.
var Shopify = &detect.Detector{
	Name: "shopify",
	Types: []detect.Type{
		{Name: "shopify_access_token", Family: detect.Secret, Confidence: 0.97, Confirm: "shpat_ + 32 hex"},
		{Name: "shopify_shared_secret", Family: detect.Secret, Confidence: 0.97, Confirm: "shpss_ + 32 hex"},
		{Name: "shopify_custom_app_access_token", Family: detect.Secret, Confidence: 0.97, Confirm: "shpca_ + 32 hex"},
		{Name: "shopify_private_app_access_token", Family: detect.Secret, Confidence: 0.97, Confirm: "shppa_ + 32 hex"},
	},
	Source:      "Shopify developer documentation and changelog: shpat_/shpss_/shpca_/shppa_ token prefixes",
	Placeholder: detect.SecretPlaceholder,
	Prefixes:    &detect.OnPrefix{Literals: []string{"shpat_", "shpss_", "shpca_", "shppa_"}, Find: findShopify},
	// #nosec G101 -- the examples are fabricated credentials, not real ones.
	Examples: []detect.Example{
		{Text: "X-Shopify-Access-Token: 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", Span: "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", Valid: true},
		{Text: `"api_secret": "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"`, Span: "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", Type: "shopify_shared_secret", Valid: true},
		{Text: "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", Span: "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", Type: "shopify_custom_app_access_token", Valid: true},
		{Text: "password=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", Span: "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", Type: "shopify_private_app_access_token", Valid: true},
		{Text: "shpat_8e1f0c3a9b7d2e6f4a5c1b0d9e8f7a6"},
		{Text: "shpat_8e1f0c3a9b7d2e6f4a5c1b0d9e8f7a6g"},
		{Text: "shpxx_8e1f0c3a9b7d2e6f4a5c1b0d9e8f7a6b"},
	},
}

// findShopify handles a prefix t[b:p].
func findShopify(s *detect.Scan, b, p int) {
	t := s.T
	if !shape.Left(t, b, shape.Alnum) || !shape.HexAt(t, p, 32) {
		return
	}
	k := 0
	switch string(t[b+3 : b+5]) {
	case "ss":
		k = 1
	case "ca":
		k = 2
	case "pa":
		k = 3
	}
	s.Add(k, b, p+32, 0.97, true)
}
