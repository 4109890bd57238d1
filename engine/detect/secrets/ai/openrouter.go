package ai

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/internal/tokenshape"
)

// OpenRouterAPIKey finds OpenRouter API keys (OpenRouter documentation,
// "API keys"; keys read sk-or-v1-…): "sk-or-v1-" and 64 lower-case
// hexadecimal digits.
var OpenRouterAPIKey = &detect.Detector{
	Name: "openrouter_api_key",
	Types: []detect.Type{{
		Name: "openrouter_api_key", Family: detect.Secret, Confidence: 0.97,
		Confirm: "sk-or-v1- + 64 lower-case hex digits",
	}},
	Source:      "OpenRouter documentation, API keys (sk-or-v1- prefix)",
	Placeholder: detect.SecretPlaceholder,
	Prefixes:    &detect.OnPrefix{Literals: []string{"sk-or-v1-"}, Find: openRouterKey.Find},
	Examples: []detect.Example{
		{Text: "OPENROUTER_API_KEY=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", Span: "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", Valid: true},
		{Text: "Authorization: Bearer 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", Span: "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", Valid: true},
		{Text: "OPENROUTER_API_KEY=sk-or-v1-c3b06e45ba0041ea81efcc7856e5f278d64304399bf1bd3758864fd3b277198"},
		{Text: "OPENROUTER_API_KEY=sk-or-v1-C3B06E45BA0041EA81EFCC7856E5F278D64304399BF1BD3758864FD3B277198F"},
	},
}

// openRouterKey is the sk-or-v1- body.
var openRouterKey = &tokenshape.Prefixed{Min: 64, Max: 64, Class: detect.Alnum, Conf: 0.97, Check: tokenshape.LowerHex}
