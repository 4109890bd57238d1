package payments

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/shape"
)

// BraintreeAccessToken finds Braintree gateway access tokens, the
// credential PayPal's Braintree SDKs take in place of a merchant id and
// key pair (Braintree developer docs, "Access tokens" for PayPal
// accounts, https://developer.paypal.com/braintree/docs/guides/paypal/overview/):
// "access_token$", the environment ("production" or "sandbox"), "$", a
// 16-character merchant id, "$" and 32 hexadecimal digits.
var BraintreeAccessToken = &detect.Detector{
	Name: "braintree_access_token",
	Types: []detect.Type{{
		Name: "braintree_access_token", Family: detect.Secret, Confidence: 0.97,
		Confirm: "access_token$production|sandbox$ + 16 alphanumerics + $ + 32 hex",
	}},
	Source:      "Braintree developer documentation (PayPal), access tokens",
	Placeholder: detect.SecretPlaceholder,
	Prefixes:    &detect.OnPrefix{Literals: []string{"access_token$"}, Find: findBraintree},
	// #nosec G101 -- the examples are fabricated credentials, not real ones.
	Examples: []detect.Example{
		{Text: `gateway = braintree.BraintreeGateway(access_token="access_token$production$x7k2m9q4w8r1t5y3$8e1f0c3a9b7d2e6f4a5c1b0d9e8f7a6b")`,
			Span: "access_token$production$x7k2m9q4w8r1t5y3$8e1f0c3a9b7d2e6f4a5c1b0d9e8f7a6b", Valid: true},
		{Text: "access_token$sandbox$q4w8r1t5y3x7k2m9$0d9e8f7a6b8e1f0c3a9b7d2e6f4a5c1b", Span: "access_token$sandbox$q4w8r1t5y3x7k2m9$0d9e8f7a6b8e1f0c3a9b7d2e6f4a5c1b", Valid: true},
		{Text: "access_token$staging$x7k2m9q4w8r1t5y3$8e1f0c3a9b7d2e6f4a5c1b0d9e8f7a6b"},
		{Text: "access_token$production$x7k2m9q4w8r1t5y3$8e1f0c3a9b7d2e6f4a5c1b0d9e8f7a6"},
	},
}

// findBraintree handles "access_token$" at t[b:p].
func findBraintree(s *detect.Scan, b, p int) {
	t := s.T
	if !shape.Left(t, b, shape.Alnum) {
		return
	}
	switch {
	case detect.HasPrefix(t, p, "production$"):
		p += len("production$")
	case detect.HasPrefix(t, p, "sandbox$"):
		p += len("sandbox$")
	default:
		return
	}
	if p+16+1+32 > len(t) || !detect.All(t[p:p+16], shape.Alnum) || t[p+16] != '$' || !shape.HexAt(t, p+17, 32) {
		return
	}
	s.Add(0, b, p+49, 0.97, true)
}
