package ai

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/internal/tokenshape"
)

// AnthropicAPIKey finds Anthropic API keys (Anthropic API documentation,
// "Authentication": keys are created in the Console and sent as
// x-api-key), in the form the Console issues: "sk-ant-api03-", 93 URL-safe
// characters and "AA", 108 characters in all.
var AnthropicAPIKey = &detect.Detector{
	Name: "anthropic_api_key",
	Types: []detect.Type{{
		Name: "anthropic_api_key", Family: detect.Secret, Confidence: 0.97,
		Confirm: "sk-ant-api03- + 93 URL-safe characters + AA",
	}},
	Source:      "Anthropic API documentation, Authentication (sk-ant-api03- keys from the Console)",
	Placeholder: detect.SecretPlaceholder,
	Prefixes:    &detect.OnPrefix{Literals: []string{"sk-ant-api03-"}, Find: anthropicKey.Find},
	Examples: []detect.Example{
		{Text: "ANTHROPIC_API_KEY=sk-ant-api03-ThlRJNyTjlJ1xR1iPVseg4v-wo2JV1_kNd6ibZLNekQKy3ADBCkgwuFkcJtt5HAhe3RGCBNsFrd6DaAUha94AE5bBG7_zAA", Span: "sk-ant-api03-ThlRJNyTjlJ1xR1iPVseg4v-wo2JV1_kNd6ibZLNekQKy3ADBCkgwuFkcJtt5HAhe3RGCBNsFrd6DaAUha94AE5bBG7_zAA", Valid: true},
		{Text: "x-api-key: sk-ant-api03-OCk1UJd8DcZmWA2hQ9bDx9ybI5o5xXpOit4Nd2_GszwzIEhX5QEOrlo01FoYizJVcOn3tIDT6NTmKdCyeZ8hRUyrQPlX7AA", Span: "sk-ant-api03-OCk1UJd8DcZmWA2hQ9bDx9ybI5o5xXpOit4Nd2_GszwzIEhX5QEOrlo01FoYizJVcOn3tIDT6NTmKdCyeZ8hRUyrQPlX7AA", Valid: true},
		// Not ending in AA; one character short.
		{Text: "ANTHROPIC_API_KEY=sk-ant-api03-ThlRJNyTjlJ1xR1iPVseg4v-wo2JV1_kNd6ibZLNekQKy3ADBCkgwuFkcJtt5HAhe3RGCBNsFrd6DaAUha94AE5bBG7_zAB"},
		{Text: "ANTHROPIC_API_KEY=sk-ant-api03-ThlRJNyTjlJ1xR1iPVseg4v-wo2JV1_kNd6ibZLNekQKy3ADBCkgwuFkcJtt5HAhe3RGCBNsFrd6DaAUha94AE5bBG7_AA"},
	},
}

// anthropicKey is the body of an Anthropic key of either kind.
var anthropicKey = &tokenshape.Prefixed{Min: 95, Max: 95, Class: detect.B64URL, Conf: 0.97, Check: endsAA}

// endsAA reports whether b ends in "AA".
func endsAA(b []byte) bool {
	n := len(b)
	return n >= 2 && b[n-2] == 'A' && b[n-1] == 'A'
}
