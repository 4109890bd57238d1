package ai

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/internal/tokenshape"
)

// GroqAPIKey finds Groq API keys (GroqCloud documentation, "API keys";
// keys begin with gsk_): "gsk_" and 52 letters and digits.
var GroqAPIKey = &detect.Detector{
	Name: "groq_api_key",
	Types: []detect.Type{{
		Name: "groq_api_key", Family: detect.Secret, Confidence: 0.95,
		Confirm: "gsk_ + 52 alphanumerics",
	}},
	Source:      "GroqCloud documentation, API keys (gsk_ prefix)",
	Placeholder: detect.SecretPlaceholder,
	Prefixes:    &detect.OnPrefix{Literals: []string{"gsk_"}, Find: groqKey.Find},
	Examples: []detect.Example{
		{Text: "GROQ_API_KEY=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", Span: "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", Valid: true},
		{Text: `client = Groq(api_key="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")`, Span: "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", Valid: true},
		{Text: "GROQ_API_KEY=gsk_IieqkZfoHQDZlY0Q3rG3jYpIwPZ8iilVumQZafuM34XY73a3Jbi"},
		{Text: "GROQ_API_KEY=gsk_IieqkZfoHQDZlY0Q3rG3jYpIwPZ8iilVumQZafuM34XY73a3JbiM9"},
	},
}

// groqKey is the gsk_ body.
var groqKey = &tokenshape.Prefixed{Min: 52, Max: 52, Class: detect.Alnum, Conf: 0.95}
