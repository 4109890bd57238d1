package cloud

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/internal/tokenshape"
)

// HerokuAPIKey finds Heroku Platform API keys and OAuth tokens. Current
// ones begin with "HRKU-" (Heroku Dev Center, "Authentication", and the
// Heroku changelog announcing the HRKU- prefix): "HRKU-AA" and 58 URL-safe
// characters, reported at 0.97. Earlier ones are lower-case UUIDs (the
// token "heroku auth:token" prints), reported only after a Heroku key
// name (HEROKU_API_KEY, HEROKU_API_TOKEN), at 0.8.
var HerokuAPIKey = &detect.Detector{
	Name: "heroku_api_key",
	Types: []detect.Type{{
		Name: "heroku_api_key", Family: detect.Secret, Confidence: 0.97,
		Confirm: "HRKU-AA + 58 URL-safe characters; a legacy UUID only after a Heroku key name",
	}},
	Source:      "Heroku Dev Center, Authentication (API keys, HRKU- prefix)",
	Placeholder: detect.SecretPlaceholder,
	Prefixes: &detect.OnPrefix{
		Literals: []string{"HRKU-AA", "HEROKU_API_KEY", "HEROKU_API_TOKEN"},
		Find:     findHeroku,
	},
	Keys: &detect.OnKey{
		Words:    []string{"heroku_api_key", "heroku_api_token", "herokuapikey", "heroku-api-key", "heroku_token"},
		MinValue: 36,
		Find:     herokuLegacy.InAssignment,
	},
	Examples: []detect.Example{
		{Text: "HEROKU_API_KEY=HRKU-AAzCGCQbehsX2iWa6lfya3q3tCiy6RBaLt0Pa60i-C-N_iXKaRT_LEA-DfjC", Span: "HRKU-AAzCGCQbehsX2iWa6lfya3q3tCiy6RBaLt0Pa60i-C-N_iXKaRT_LEA-DfjC", Valid: true},
		{Text: "Authorization: Bearer HRKU-AApoBs3lQcXsLmTwG4ifJvfLxuWTGgxUOYcJJVfiKUfOXDLDPnJIcctZPDDZ", Span: "HRKU-AApoBs3lQcXsLmTwG4ifJvfLxuWTGgxUOYcJJVfiKUfOXDLDPnJIcctZPDDZ", Valid: true},
		{Text: "export HEROKU_API_KEY=76c338fa-636a-4479-a29f-9ecb34d982fb", Span: "76c338fa-636a-4479-a29f-9ecb34d982fb", Valid: true},
		{Text: "HEROKU_API_KEY dab53738-6626-4f9f-833a-e33008afbded", Span: "dab53738-6626-4f9f-833a-e33008afbded", Valid: true},
		// Short body; a UUID with no Heroku name.
		{Text: "Authorization: Bearer HRKU-AApoBs3lQcXsLmTwG4ifJvfLxuWTGgxUOYcJJVfiKUfOXDLDPnJIcctZPDD"},
		{Text: "request_id=dab53738-6626-4f9f-833a-e33008afbded"},
	},
}

var (
	// herokuPrefixed is the HRKU-AA body.
	herokuPrefixed = &tokenshape.Prefixed{Min: 58, Max: 58, Class: detect.B64URL, Conf: 0.97}
	// herokuLegacy is a UUID after a Heroku key name.
	herokuLegacy = &tokenshape.Named{Min: 36, Max: 36, Class: detect.Hex | detect.Dash, MinEntropy: 3, Conf: 0.8, Check: lowerUUID}
)

// findHeroku handles a prefix t[b:p]: HRKU-AA or a key name.
func findHeroku(s *detect.Scan, b, p int) {
	if p-b == 7 {
		herokuPrefixed.Find(s, b, p)
		return
	}
	herokuLegacy.AfterName(s, p)
}

// lowerUUID reports whether v is a UUID in lower-case hexadecimal:
// 8-4-4-4-12 digits.
func lowerUUID(v []byte) bool {
	if len(v) != 36 {
		return false
	}
	for i, c := range v {
		switch i {
		case 8, 13, 18, 23:
			if c != '-' {
				return false
			}
		default:
			if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
				return false
			}
		}
	}
	return true
}
