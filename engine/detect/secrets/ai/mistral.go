package ai

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/internal/tokenshape"
)

// MistralAPIKey finds Mistral AI API keys: 32 letters and digits (Mistral
// AI documentation, "Quickstart": API keys from La Plateforme, read from
// MISTRAL_API_KEY). The key has no mark of its own, so it is reported
// only after a Mistral key name, at 0.8.
var MistralAPIKey = &detect.Detector{
	Name: "mistral_api_key",
	Types: []detect.Type{{
		Name: "mistral_api_key", Family: detect.Secret, Confidence: 0.8, NeedsContext: true,
		Confirm: "32 alphanumerics after a Mistral API key name",
	}},
	Source:      "Mistral AI documentation, Quickstart (API keys, MISTRAL_API_KEY)",
	Placeholder: detect.SecretPlaceholder,
	Prefixes: &detect.OnPrefix{
		Literals: []string{"MISTRAL_API_KEY"},
		Find:     func(s *detect.Scan, _, p int) { mistralKey.AfterName(s, p) },
	},
	Keys: &detect.OnKey{
		Words:    []string{"mistral_api_key", "mistralapikey", "mistral-api-key", "mistral_key"},
		MinValue: 32,
		Find:     mistralKey.InAssignment,
	},
	// #nosec G101 -- the examples are fabricated credentials, not real ones.
	Examples: []detect.Example{
		{Text: "MISTRAL_API_KEY=jakHgAvo9PF2gTf6ntYhXefQKiGxieH7", Span: "jakHgAvo9PF2gTf6ntYhXefQKiGxieH7", Valid: true},
		{Text: `{"mistral_api_key": "D4jTy1YqO6GsSspopoLTcRSIZ0yc9BPu"}`, Span: "D4jTy1YqO6GsSspopoLTcRSIZ0yc9BPu", Valid: true},
		{Text: "MISTRAL_API_KEY D4jTy1YqO6GsSspopoLTcRSIZ0yc9BPu", Span: "D4jTy1YqO6GsSspopoLTcRSIZ0yc9BPu", Valid: true},
		{Text: "key jakHgAvo9PF2gTf6ntYhXefQKiGxieH7"},
		{Text: "MISTRAL_API_KEY=jakHgAvo9PF2gTf6ntYhXefQKiGxieH"},
	},
}

// mistralKey is a Mistral key after its key name.
var mistralKey = &tokenshape.Named{Min: 32, Max: 32, Class: detect.Alnum, MinEntropy: 3.5, Conf: 0.8}
