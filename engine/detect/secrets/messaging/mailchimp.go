package messaging

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/shape"
)

// MailchimpAPIKey finds Mailchimp Marketing API keys (Mailchimp
// developer docs, "Marketing API quick start",
// https://mailchimp.com/developer/marketing/guides/quick-start/: the key
// ends in the data center, "-us6" for instance): 32 lower-case
// hexadecimal digits, "-us" and the data center number. The trigger is
// the "-us" suffix; the detector reads the digits back from it.
var MailchimpAPIKey = &detect.Detector{
	Name: "mailchimp_api_key",
	Types: []detect.Type{{
		Name: "mailchimp_api_key", Family: detect.Secret, Confidence: 0.92,
		Confirm: "32 hex + -us + a one- or two-digit data center",
	}},
	Source:      "Mailchimp developer documentation, Marketing API quick start (key-dc suffix)",
	Placeholder: detect.SecretPlaceholder,
	Prefixes:    &detect.OnPrefix{Literals: []string{"-us"}, Find: findMailchimp},
	// #nosec G101 -- the examples are fabricated credentials, not real ones.
	Examples: []detect.Example{
		{Text: "MAILCHIMP_API_KEY=67c29a80b21ead8f062d15a4f4ef27e9-us21", Span: "67c29a80b21ead8f062d15a4f4ef27e9-us21", Valid: true},
		{Text: "apikey 589c6948f6d30c01c3f252edc87ff4ad-us6 ok", Span: "589c6948f6d30c01c3f252edc87ff4ad-us6", Valid: true},
		{Text: "67c29a80b21ead8f062d15a4f4ef27e-us21"},
		{Text: "67c29a80b21ead8f062d15a4f4ef27e9-us"},
		{Text: "67c29a80b21ead8f062d15a4f4ef27e9-us213"},
	},
}

// findMailchimp handles "-us" at t[p-3:p].
func findMailchimp(s *detect.Scan, b, p int) {
	t := s.T
	ks := b - 32
	if ks < 0 || !shape.LowerHex(t[ks:b]) || !shape.Left(t, ks, shape.Alnum) || !shape.Mixed(t[ks:b]) {
		return
	}
	e := detect.DigitEnd(t, p)
	if n := e - p; n < 1 || n > 2 || !detect.FreeRight(t, e) {
		return
	}
	s.Add(0, ks, e, 0.92, true)
}
