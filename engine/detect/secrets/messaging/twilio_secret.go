package messaging

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/shape"
)

// twilioSecret reads a Twilio API key secret: 32 alphanumerics under a
// name that says secret.
var twilioSecret = &shape.Named{
	Provider: []string{"twilio"},
	Value:    shape.Run(32, 32, shape.Alnum),
	Key:      func(name []byte) bool { return shape.HasWord(name, "secret") },
	Conf:     0.8,
}

// TwilioAPIKeySecret finds the secrets of Twilio API keys (Twilio docs,
// "API keys", https://www.twilio.com/docs/iam/api-keys: a key is an SK
// SID and a secret shown once, 32 alphanumerics), which have no prefix:
// they are found after Twilio's variable names (TWILIO_API_SECRET) or
// as the value of a secret key whose name holds "twilio".
var TwilioAPIKeySecret = &detect.Detector{
	Name: "twilio_api_key_secret",
	Types: []detect.Type{{
		Name: "twilio_api_key_secret", Family: detect.Secret, Confidence: 0.8, NeedsContext: true,
		Confirm: "32 alphanumerics after TWILIO_API_SECRET or a secret key naming Twilio",
	}},
	Source:      "Twilio documentation, API keys (SID and secret)",
	Context:     []detect.Word{{Text: "twilio", Conf: 0.8}},
	Placeholder: detect.SecretPlaceholder,
	Prefixes: &detect.OnPrefix{
		Literals: []string{"TWILIO_API_SECRET", "TWILIO_API_KEY_SECRET", "TWILIO_SECRET"},
		Find:     twilioSecret.FindName,
	},
	Keys: &detect.OnKey{Words: []string{"twilio"}, MinValue: 32, Find: twilioSecret.FindKey},
	// #nosec G101 -- the examples are fabricated credentials, not real ones.
	Examples: []detect.Example{
		{Text: "TWILIO_API_SECRET=CqaXNv1syeefnLOpaMxxNDi9LE1Ki3yl", Span: "CqaXNv1syeefnLOpaMxxNDi9LE1Ki3yl", Valid: true},
		{Text: "twilio.api_secret = CqaXNv1syeefnLOpaMxxNDi9LE1Ki3yl", Span: "CqaXNv1syeefnLOpaMxxNDi9LE1Ki3yl", Valid: true},
		{Text: "TWILIO_API_SECRET=CqaXNv1syeefnLOpaMxxNDi9LE1Ki3y"},
		{Text: "api_secret: CqaXNv1syeefnLOpaMxxNDi9LE1Ki3yl"},
	},
}
