package saas

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/shape"
)

// twitchValue reads a Twitch token or client secret: 30 lower-case
// letters and digits.
func twitchValue(t []byte, v int) (int, int, bool) {
	return v, v + 30, shape.Fixed(t, v, 30, shape.LowerAlnum) && shape.Mixed(t[v:v+30])
}

// twitchToken reads a Twitch user access token under a name that says
// token (not secret).
var twitchToken = &shape.Named{
	Provider: []string{"twitch"},
	Value:    twitchValue,
	Key:      func(name []byte) bool { return shape.HasWord(name, "token") && !shape.HasWord(name, "secret") },
	Conf:     0.8,
}

// TwitchAccessToken finds Twitch user access tokens (Twitch developers,
// "Authentication", https://dev.twitch.tv/docs/authentication/: OAuth
// access tokens, 30 lower-case alphanumerics; chat (IRC) logins send one
// as the password "oauth:<token>"). They are found after "oauth:",
// after Twitch's variable names, or as the value of a token key whose name
// holds "twitch".
var TwitchAccessToken = &detect.Detector{
	Name: "twitch_access_token",
	Types: []detect.Type{{
		Name: "twitch_access_token", Family: detect.Secret, Confidence: 0.85,
		Confirm: "oauth: + 30 lower-case alphanumerics, or 30 after a Twitch variable name or token key naming Twitch",
	}},
	Source:      "Twitch developer documentation, Authentication (access tokens; IRC oauth: password)",
	Context:     []detect.Word{{Text: "twitch", Conf: 0.8}},
	Placeholder: detect.SecretPlaceholder,
	Prefixes: &detect.OnPrefix{
		Literals: []string{"oauth:", "TWITCH_ACCESS_TOKEN", "TWITCH_OAUTH_TOKEN", "TWITCH_TOKEN"},
		Find:     findTwitchName,
	},
	Keys: &detect.OnKey{Words: []string{"twitch"}, MinValue: 30, Find: twitchToken.FindKey},
	// #nosec G101 -- the examples are fabricated credentials, not real ones.
	Examples: []detect.Example{
		{Text: "PASS oauth:lpt0zava7syak0r58j2xcmyupl33w4", Span: "oauth:lpt0zava7syak0r58j2xcmyupl33w4", Valid: true},
		{Text: "TWITCH_ACCESS_TOKEN=55baepo6amcrgozo2kn0wo4vctgh5x", Span: "55baepo6amcrgozo2kn0wo4vctgh5x", Valid: true},
		{Text: "PASS oauth:lpt0zava7syak0r58j2xcmyupl33w"},
		{Text: "access_token: 55baepo6amcrgozo2kn0wo4vctgh5x"},
	},
}

// findTwitchName handles "oauth:" or a variable name at t[b:p].
func findTwitchName(s *detect.Scan, b, p int) {
	t := s.T
	if t[p-1] != ':' {
		twitchToken.FindName(s, b, p)
		return
	}
	if shape.Left(t, b, shape.Alnum) {
		if _, e, ok := twitchValue(t, p); ok {
			s.Add(0, b, e, 0.85, true)
		}
	}
}
