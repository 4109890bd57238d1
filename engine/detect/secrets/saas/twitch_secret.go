package saas

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/shape"
)

// twitchSecret reads a Twitch client secret under a name that says
// secret.
var twitchSecret = &shape.Named{
	Provider: []string{"twitch"},
	Value:    twitchValue,
	Key:      func(name []byte) bool { return shape.HasWord(name, "secret") },
	Conf:     0.8,
}

// TwitchClientSecret finds Twitch application client secrets (Twitch
// developers, "Registering your app",
// https://dev.twitch.tv/docs/authentication/register-app/: a client id
// and a client secret, 30 lower-case alphanumerics), which have no
// prefix: they are found after Twitch's variable names
// (TWITCH_CLIENT_SECRET) or as the value of a secret key whose name
// holds "twitch".
var TwitchClientSecret = &detect.Detector{
	Name: "twitch_client_secret",
	Types: []detect.Type{{
		Name: "twitch_client_secret", Family: detect.Secret, Confidence: 0.8, NeedsContext: true,
		Confirm: "30 lower-case alphanumerics after TWITCH_CLIENT_SECRET or a secret key naming Twitch",
	}},
	Source:      "Twitch developer documentation, Registering your app (client secret)",
	Context:     []detect.Word{{Text: "twitch", Conf: 0.8}},
	Placeholder: detect.SecretPlaceholder,
	Prefixes: &detect.OnPrefix{
		Literals: []string{"TWITCH_CLIENT_SECRET", "TWITCH_SECRET"},
		Find:     twitchSecret.FindName,
	},
	Keys: &detect.OnKey{Words: []string{"twitch"}, MinValue: 30, Find: twitchSecret.FindKey},
	// #nosec G101 -- the examples are fabricated credentials, not real ones.
	Examples: []detect.Example{
		{Text: "TWITCH_CLIENT_SECRET=lpt0zava7syak0r58j2xcmyupl33w4", Span: "lpt0zava7syak0r58j2xcmyupl33w4", Valid: true},
		{Text: "twitch_client_secret: 55baepo6amcrgozo2kn0wo4vctgh5x", Span: "55baepo6amcrgozo2kn0wo4vctgh5x", Valid: true},
		{Text: "TWITCH_CLIENT_SECRET=lpt0zava7syak0r58j2xcmyupl33w"},
		{Text: "client_secret: 55baepo6amcrgozo2kn0wo4vctgh5x"},
		// A lookalike where the name says what it is: vetoed, not the generic api_key.
		{Text: `TWITCH_CLIENT_SECRET=vpfrirhefr5a23dxo0j4kzu5g6`, Type: "api_key"},
	},
}
