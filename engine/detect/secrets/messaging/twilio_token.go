package messaging

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/shape"
)

// twilioAuth reads a Twilio auth token: 32 lower-case hexadecimal digits
// under a name that says auth or token (not a SID or a secret).
var twilioAuth = &shape.Named{
	Provider: []string{"twilio"},
	Value:    shape.Hex(32),
	Key: func(name []byte) bool {
		return (shape.HasWord(name, "auth") || shape.HasWord(name, "token")) && !shape.HasWord(name, "sid")
	},
	Conf: 0.8,
}

// TwilioAuthToken finds Twilio auth tokens (Twilio docs, "Auth tokens and
// how to change them", https://www.twilio.com/docs/iam/access-tokens and
// the Console's account info: the auth token authenticates with the
// account SID, 32 hexadecimal digits), which have no prefix: they are
// found after Twilio's variable names (TWILIO_AUTH_TOKEN) or as the
// value of an auth token key whose name holds "twilio" (twilioAuthToken).
var TwilioAuthToken = &detect.Detector{
	Name: "twilio_auth_token",
	Types: []detect.Type{{
		Name: "twilio_auth_token", Family: detect.Secret, Confidence: 0.8, NeedsContext: true,
		Confirm: "32 hex digits after TWILIO_AUTH_TOKEN or an auth token key naming Twilio",
	}},
	Source:      "Twilio documentation, Auth tokens (account SID and auth token)",
	Context:     []detect.Word{{Text: "twilio", Conf: 0.8}},
	Placeholder: detect.SecretPlaceholder,
	Prefixes: &detect.OnPrefix{
		Literals: []string{"TWILIO_AUTH_TOKEN", "TWILIO_TOKEN"},
		Find:     twilioAuth.FindName,
	},
	Keys: &detect.OnKey{Words: []string{"twilio"}, MinValue: 32, Find: twilioAuth.FindKey},
	// #nosec G101 -- the examples are fabricated credentials, not real ones.
	Examples: []detect.Example{
		{Text: "TWILIO_AUTH_TOKEN=e8d28a79023c39c200661fccd268a29a", Span: "e8d28a79023c39c200661fccd268a29a", Valid: true},
		{Text: `{"twilioAuthToken": "4977656cf2d133187c8df95247f28660"}`, Span: "4977656cf2d133187c8df95247f28660", Valid: true},
		{Text: "TWILIO_AUTH_TOKEN=e8d28a79023c39c200661fccd268a29"},
		{Text: `{"authToken": "4977656cf2d133187c8df95247f28660"}`},
		{Text: "twilio sid: 4977656cf2d133187c8df95247f28660"},
	},
}
