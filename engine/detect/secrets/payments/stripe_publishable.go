package payments

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/shape"
)

// Stripe publishable key confidences: a publishable key is public by
// design (it ships in every Stripe.js page), so it is found below the
// default minimum, and reaches it only where the text says it is one.
const (
	pkConf    = 0.4
	pkCtxConf = 0.6
)

// StripePublishableKey finds Stripe publishable API keys (Stripe docs,
// "API keys", https://docs.stripe.com/keys: publishable keys start
// pk_live_ or pk_test_ and identify the account in client-side code),
// with 24 to 247 alphanumeric characters after the prefix. They are not
// secret, so the confidence stays below the default minimum without a
// context word; the candidate still vetoes the generic api_key on its
// span, so that a publishable key assigned to "publishableKey" is not
// reported as a secret either.
var StripePublishableKey = &detect.Detector{
	Name: "stripe_publishable_key",
	Types: []detect.Type{{
		Name: "stripe_publishable_key", Family: detect.Secret, Confidence: pkConf, NeedsContext: true,
		Confirm: "pk_live_/pk_test_ + 24-247 alphanumerics; public by design, reported with a context word only",
	}},
	Source:      "Stripe documentation, API keys (https://docs.stripe.com/keys)",
	Context:     []detect.Word{{Text: "publishable", Conf: pkCtxConf}, {Text: "stripe", Conf: pkCtxConf}},
	Placeholder: detect.SecretPlaceholder,
	Prefixes:    &detect.OnPrefix{Literals: []string{"pk_live_", "pk_test_"}, Find: findStripePublishable},
	// #nosec G101 -- the examples are fabricated credentials, not real ones.
	Examples: []detect.Example{
		{Text: "Stripe publishable key pk_live_51Hq8sKLmWc4r2TxYz7Qb0Vn", Span: "pk_live_51Hq8sKLmWc4r2TxYz7Qb0Vn", Valid: true},
		{Text: `{"publishableKey": "pk_test_9fR2kQx7LmWz4TnYc1Vb8sHd"}`, Span: "pk_test_9fR2kQx7LmWz4TnYc1Vb8sHd", Valid: true},
		{Text: "pk_live_51Hq8sKLmWc4r2Tx"},
		{Text: "publishable pk_live_51Hq8s-LmWc4r2TxYz7Qb0Vn"},
		{Text: "publishable key pk_live_xxxxxxxxxxxxxxxxxxxxxxxx"},
		// A lookalike under a name or prefix that says what it is: vetoed, so
		// not the generic api_key either.
		{Text: `stripe_publishable_key = 'pk_live_9Kf898rownFdtf7bUKXy'`, Type: "api_key"},
	},
}

// findStripePublishable handles a prefix t[b:p].
func findStripePublishable(s *detect.Scan, b, p int) {
	t := s.T
	if !shape.Left(t, b, shape.Alnum) {
		return
	}
	e, ok := shape.Body(t, p, 24, 247, shape.Alnum)
	if !ok {
		shape.VetoValue(s, b) // its own prefix names it
		return
	}
	conf := pkConf
	if c := s.Context(b); c > conf {
		conf = c
	}
	if conf >= s.MinConf {
		s.Add(0, b, e, conf, true)
	} else {
		s.Veto(b, e, conf) // below the minimum, but not the generic api_key either
	}
}
