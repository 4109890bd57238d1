package secrets

import "github.com/datafog/datafog-api/engine/detect"

// GoogleAPIKey finds Google API keys: "AIza" and 35 base64url characters
// (Google Cloud, "Manage API keys": keys are 39 characters beginning
// AIza).
var GoogleAPIKey = &detect.Detector{
	Name: "google_api_key",
	Types: []detect.Type{{
		Name: "google_api_key", Family: detect.Secret, Confidence: 0.99,
		Confirm: "AIza + 35 characters",
	}},
	Placeholder: detect.SecretPlaceholder,
	Source:      "Google Cloud documentation, API keys (39 characters starting AIza)",
	Prefixes:    &detect.OnPrefix{Literals: []string{"AIza"}, Find: findGoogle},
	// #nosec G101 -- the examples are fabricated credentials, not real ones.
	Examples: []detect.Example{
		{Text: "key AIzaSyDq3mW9sBn2QeZx81kLq0PvR7tY3mW9sBn", Span: "AIzaSyDq3mW9sBn2QeZx81kLq0PvR7tY3mW9sBn", Valid: true},
		{Text: "key AIzaSyDq3mW9sBn2QeZx81kLq0PvR7tY3mW9sB"},
		{Text: "key AIzaXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"},
		{Text: "key AIzaSyYOUR_API_KEY_HERE_0000000000000"},
	},
}

// findGoogle handles "AIza" at t[b:b+4].
func findGoogle(s *detect.Scan, b, _ int) {
	t := s.T
	e := b + 39
	if e > len(t) || !detect.FreeLeft(t, b) || e < len(t) && detect.IsB64URL(t[e]) {
		return
	}
	for _, c := range t[b+4 : e] {
		if !detect.IsB64URL(c) {
			return
		}
	}
	s.Add(0, b, e, 0.99, true)
}
