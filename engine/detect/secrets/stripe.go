package secrets

import "github.com/datafog/datafog-api/engine/detect"

// StripeKey finds Stripe secret and restricted API keys (Stripe docs, "API
// keys": secret keys start sk_live_ or sk_test_, restricted keys rk_live_
// or rk_test_), with 16 to 247 alphanumeric characters after the prefix.
var StripeKey = &detect.Detector{
	Name: "stripe_key",
	Types: []detect.Type{{
		Name: "stripe_key", Family: detect.Secret, Confidence: 0.99,
		Confirm: "sk_live_/rk_live_/sk_test_/rk_test_ keys",
	}},
	Source:      "Stripe documentation, API keys",
	Placeholder: detect.SecretPlaceholder,
	Prefixes: &detect.OnPrefix{
		Literals: []string{"sk_live_", "rk_live_", "sk_test_", "rk_test_"},
		Find:     findStripe,
	},
	// #nosec G101 -- the examples are fabricated credentials, not real ones.
	Examples: []detect.Example{
		{Text: "key sk_live_4eC39HqLyjWDarjtT1zdp7dc", Span: "sk_live_4eC39HqLyjWDarjtT1zdp7dc", Valid: true},
		{Text: "key sk_live_4eC39HqLyj"},
		{Text: "key sk_live_xxxxxxxxxxxxxxxxxxxxxxxx"},
		{Text: "key rk_live_4eC39HqLyjWDarjtT1zdEXAMPLE"},
	},
}

// findStripe handles a prefix t[b:p].
func findStripe(s *detect.Scan, b, p int) {
	t := s.T
	if !detect.FreeLeft(t, b) {
		return
	}
	e := p
	for e < len(t) && e-p <= 247 && detect.IsAlnum(t[e]) {
		e++
	}
	if n := e - p; n < 16 || n > 247 || !detect.FreeRight(t, e) {
		return
	}
	s.Add(0, b, e, 0.99, true)
}
