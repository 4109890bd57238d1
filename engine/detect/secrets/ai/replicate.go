package ai

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/internal/tokenshape"
)

// ReplicateAPIToken finds Replicate API tokens (Replicate documentation,
// "API tokens": tokens begin with r8_): "r8_" and 37 letters and digits,
// 40 characters in all.
var ReplicateAPIToken = &detect.Detector{
	Name: "replicate_api_token",
	Types: []detect.Type{{
		Name: "replicate_api_token", Family: detect.Secret, Confidence: 0.95,
		Confirm: "r8_ + 37 alphanumerics",
	}},
	Source:      "Replicate documentation, API tokens (r8_ prefix)",
	Placeholder: detect.SecretPlaceholder,
	Prefixes:    &detect.OnPrefix{Literals: []string{"r8_"}, Find: replicateToken.Find},
	Examples: []detect.Example{
		{Text: "REPLICATE_API_TOKEN=r8_UDnfErVut1eO6BZAYAdulhOzvvu4OVUe9Rr1g", Span: "r8_UDnfErVut1eO6BZAYAdulhOzvvu4OVUe9Rr1g", Valid: true},
		{Text: "Authorization: Bearer r8_29iqKxFuWKMQw3Mlrnjqu6GsVPYjVTD2bg9Yj", Span: "r8_29iqKxFuWKMQw3Mlrnjqu6GsVPYjVTD2bg9Yj", Valid: true},
		{Text: "REPLICATE_API_TOKEN=r8_UDnfErVut1eO6BZAYAdulhOzvvu4OVUe9Rr1"},
		{Text: "REPLICATE_API_TOKEN=r8_UDnfErVut1eO6BZAYAdulhOzvvu4OVUe9Rr1gZ"},
	},
}

// replicateToken is the r8_ body.
var replicateToken = &tokenshape.Prefixed{Min: 37, Max: 37, Class: detect.Alnum, Conf: 0.95}
