package payments

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/shape"
)

// StripeWebhookSecret finds Stripe webhook endpoint signing secrets
// (Stripe docs, "Receive Stripe events in your webhook endpoint",
// https://docs.stripe.com/webhooks#verify-events: the endpoint's secret
// starts whsec_), with 32 to 64 alphanumeric characters after the prefix
// (32 from the Dashboard, 64 hexadecimal ones from the Stripe CLI).
var StripeWebhookSecret = &detect.Detector{
	Name: "stripe_webhook_secret",
	Types: []detect.Type{{
		Name: "stripe_webhook_secret", Family: detect.Secret, Confidence: 0.95,
		Confirm: "whsec_ + 32-64 alphanumerics",
	}},
	Source:      "Stripe documentation, Webhooks: verify events (https://docs.stripe.com/webhooks)",
	Placeholder: detect.SecretPlaceholder,
	Prefixes:    &detect.OnPrefix{Literals: []string{"whsec_"}, Find: findStripeWebhook},
	// #nosec G101 -- the examples are fabricated credentials, not real ones.
	Examples: []detect.Example{
		{Text: "STRIPE_WEBHOOK_SECRET=whsec_Qm7rT2xK9pLw4ZnB8vYc3HdF6jSg1aUe", Span: "whsec_Qm7rT2xK9pLw4ZnB8vYc3HdF6jSg1aUe", Valid: true},
		{Text: "secret whsec_8e1f0c3a9b7d2e6f4a5c1b0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f", Span: "whsec_8e1f0c3a9b7d2e6f4a5c1b0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f", Valid: true},
		{Text: "whsec_Qm7rT2xK9pLw4ZnB8vYc3Hd"},
		{Text: "whsec_your_webhook_signing_secret_here"},
	},
}

// findStripeWebhook handles "whsec_" at t[b:p].
func findStripeWebhook(s *detect.Scan, b, p int) {
	t := s.T
	if !shape.Left(t, b, shape.Alnum) {
		return
	}
	if e, ok := shape.Body(t, p, 32, 64, shape.Alnum); ok && shape.Mixed(t[p:e]) {
		s.Add(0, b, e, 0.95, true)
	}
}
