package ai

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/internal/tokenshape"
)

// PerplexityAPIKey finds Perplexity API keys (Perplexity API
// documentation, "Getting started": keys begin with pplx-): "pplx-" and
// 48 letters and digits.
var PerplexityAPIKey = &detect.Detector{
	Name: "perplexity_api_key",
	Types: []detect.Type{{
		Name: "perplexity_api_key", Family: detect.Secret, Confidence: 0.95,
		Confirm: "pplx- + 48 alphanumerics",
	}},
	Source:      "Perplexity API documentation, Getting started (pplx- API keys)",
	Placeholder: detect.SecretPlaceholder,
	Prefixes:    &detect.OnPrefix{Literals: []string{"pplx-"}, Find: perplexityKey.Find},
	Examples: []detect.Example{
		{Text: "PERPLEXITY_API_KEY=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", Span: "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", Valid: true},
		{Text: "Authorization: Bearer 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", Span: "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", Valid: true},
		{Text: "PERPLEXITY_API_KEY=pplx-baDnwdsbVFbE1mX5pkUl3PpgiwuouzRSdakqrEtzhSXrYso"},
		{Text: "PERPLEXITY_API_KEY=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-v2"},
	},
}

// perplexityKey is the pplx- body.
var perplexityKey = &tokenshape.Prefixed{Min: 48, Max: 48, Class: detect.Alnum, Conf: 0.95}
