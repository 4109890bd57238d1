package ci

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/internal/tokenshape"
)

// BuildkiteAPIToken finds Buildkite user API access tokens (Buildkite
// documentation, "Managing API access tokens": tokens begin with
// "bkua_"): "bkua_" and 40 lower-case hexadecimal digits.
var BuildkiteAPIToken = &detect.Detector{
	Name: "buildkite_api_token",
	Types: []detect.Type{{
		Name: "buildkite_api_token", Family: detect.Secret, Confidence: 0.97,
		Confirm: "bkua_ + 40 lower-case hex digits",
	}},
	Source:      "Buildkite documentation, Managing API access tokens (bkua_ prefix)",
	Placeholder: detect.SecretPlaceholder,
	Prefixes:    &detect.OnPrefix{Literals: []string{"bkua_"}, Find: buildkiteToken.Find},
	Examples: []detect.Example{
		{Text: "BUILDKITE_API_TOKEN=bkua_e210471948d33296c87009e8a7f770d9106fd287", Span: "bkua_e210471948d33296c87009e8a7f770d9106fd287", Valid: true},
		{Text: "Authorization: Bearer bkua_db7f1adbc60926f6967e7893f57fd14c1604d115", Span: "bkua_db7f1adbc60926f6967e7893f57fd14c1604d115", Valid: true},
		{Text: "Authorization: Bearer bkua_db7f1adbc60926f6967e7893f57fd14c1604d11"},
		{Text: "Authorization: Bearer bkua_db7f1adbc60926f6967e7893f57fd14c1604d11g"},
	},
}

// buildkiteToken is the bkua_ body.
var buildkiteToken = &tokenshape.Prefixed{Min: 40, Max: 40, Class: detect.Alnum, Conf: 0.97, Check: tokenshape.LowerHex}
