package saas

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/shape"
)

// Linear finds Linear API credentials (Linear developers, "GraphQL API:
// authentication", https://linear.app/developers/graphql#authentication):
// personal API keys, "lin_api_" and 40 alphanumerics, and OAuth access
// tokens, "lin_oauth_" and 64 hexadecimal digits.
var Linear = &detect.Detector{
	Name: "linear",
	Types: []detect.Type{
		{Name: "linear_api_key", Family: detect.Secret, Confidence: 0.97, Confirm: "lin_api_ + 40 alphanumerics"},
		{Name: "linear_oauth_token", Family: detect.Secret, Confidence: 0.97, Confirm: "lin_oauth_ + 64 hex"},
	},
	Source:      "Linear developer documentation, GraphQL API authentication (lin_api_, lin_oauth_)",
	Placeholder: detect.SecretPlaceholder,
	Prefixes:    &detect.OnPrefix{Literals: []string{"lin_api_", "lin_oauth_"}, Find: findLinear},
	// #nosec G101 -- the examples are fabricated credentials, not real ones.
	Examples: []detect.Example{
		{Text: "LINEAR_API_KEY=lin_api_GS6FoilOruevkLf3sz7zeOg2ZZZVdgH2xbxBtzLi", Span: "lin_api_GS6FoilOruevkLf3sz7zeOg2ZZZVdgH2xbxBtzLi", Valid: true},
		{Text: "Authorization: Bearer lin_oauth_632ec85b950432a98104884cfecec3b1276fa52bb4f5eac1bfd6b7512c3b564a",
			Span: "lin_oauth_632ec85b950432a98104884cfecec3b1276fa52bb4f5eac1bfd6b7512c3b564a", Type: "linear_oauth_token", Valid: true},
		{Text: "lin_api_GS6FoilOruevkLf3sz7zeOg2ZZZVdgH2xbxBtzL"},
		{Text: "lin_oauth_632ec85b950432a98104884cfecec3b1276fa52bb4f5eac1bfd6b7512c3b564"},
	},
}

// findLinear handles a prefix t[b:p].
func findLinear(s *detect.Scan, b, p int) {
	t := s.T
	if !shape.Left(t, b, shape.Alnum) {
		return
	}
	if p-b == len("lin_api_") {
		if shape.Fixed(t, p, 40, shape.Alnum) && shape.Varied(t[p:p+40]) {
			s.Add(0, b, p+40, 0.97, true)
		}
		return
	}
	if shape.HexAt(t, p, 64) {
		s.Add(1, b, p+64, 0.97, true)
	}
}
