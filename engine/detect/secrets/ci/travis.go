package ci

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/internal/tokenshape"
)

// TravisAPIToken finds Travis CI API tokens (Travis CI API documentation,
// "Authentication": a 22-character token sent as "Authorization: token
// …"). The token has no mark of its own, so it is reported only after a
// Travis key name (TRAVIS_TOKEN, TRAVIS_API_TOKEN), at 0.8.
var TravisAPIToken = &detect.Detector{
	Name: "travis_api_token",
	Types: []detect.Type{{
		Name: "travis_api_token", Family: detect.Secret, Confidence: 0.8, NeedsContext: true,
		Confirm: "22 URL-safe characters after a Travis CI key name",
	}},
	Source:      "Travis CI API V3 documentation, Authentication",
	Placeholder: detect.SecretPlaceholder,
	Prefixes: &detect.OnPrefix{
		Literals: []string{"TRAVIS_TOKEN", "TRAVIS_API_TOKEN"},
		Find:     func(s *detect.Scan, _, p int) { travisToken.AfterName(s, p) },
	},
	Keys: &detect.OnKey{
		Words:    []string{"travis_token", "travis_api_token", "travistoken", "travisapitoken", "travis-api-token"},
		MinValue: 22,
		Find:     travisToken.InAssignment,
	},
	Examples: []detect.Example{
		{Text: "TRAVIS_TOKEN=zJsqtz182RjmvpUzbV04Px", Span: "zJsqtz182RjmvpUzbV04Px", Valid: true},
		{Text: `{"travis_api_token": "xxqXsTSFo6E99Xh6yqkifs"}`, Span: "xxqXsTSFo6E99Xh6yqkifs", Valid: true},
		{Text: "TRAVIS_API_TOKEN xxqXsTSFo6E99Xh6yqkifs", Span: "xxqXsTSFo6E99Xh6yqkifs", Valid: true},
		{Text: "TRAVIS_TOKEN=zJsqtz182RjmvpUzbV04P"},
		{Text: "token zJsqtz182RjmvpUzbV04Px"},
	},
}

// travisToken is a Travis CI token after its key name.
var travisToken = &tokenshape.Named{Min: 22, Max: 22, Class: detect.B64URL, MinEntropy: 3, Conf: 0.8}
