package ai

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/internal/tokenshape"
)

// CohereAPIKey finds Cohere API keys: 40 letters and digits (Cohere
// documentation, "API keys"; the SDKs read CO_API_KEY). The key has no
// mark of its own, so it is reported only after a Cohere key name
// (COHERE_API_KEY, CO_API_KEY), at 0.8.
var CohereAPIKey = &detect.Detector{
	Name: "cohere_api_key",
	Types: []detect.Type{{
		Name: "cohere_api_key", Family: detect.Secret, Confidence: 0.8, NeedsContext: true,
		Confirm: "40 alphanumerics after a Cohere API key name",
	}},
	Source:      "Cohere documentation, API keys (CO_API_KEY)",
	Placeholder: detect.SecretPlaceholder,
	Prefixes: &detect.OnPrefix{
		Literals: []string{"COHERE_API_KEY", "CO_API_KEY"},
		Find:     func(s *detect.Scan, _, p int) { cohereKey.AfterName(s, p) },
	},
	Keys: &detect.OnKey{
		Words:    []string{"cohere_api_key", "co_api_key", "cohereapikey", "cohere-api-key", "cohere_key"},
		MinValue: 40,
		Find:     cohereKey.InAssignment,
	},
	// #nosec G101 -- the examples are fabricated credentials, not real ones.
	Examples: []detect.Example{
		{Text: "COHERE_API_KEY=uCklIm68ceXZdZ80qrYnEgqgnBlIosVRtAVkvkxm", Span: "uCklIm68ceXZdZ80qrYnEgqgnBlIosVRtAVkvkxm", Valid: true},
		{Text: `{"co_api_key": "2t7Le6KXzgCnfhwNu90Da1eUQ08w0MaFJXPL7fub"}`, Span: "2t7Le6KXzgCnfhwNu90Da1eUQ08w0MaFJXPL7fub", Valid: true},
		{Text: "CO_API_KEY 2t7Le6KXzgCnfhwNu90Da1eUQ08w0MaFJXPL7fub", Span: "2t7Le6KXzgCnfhwNu90Da1eUQ08w0MaFJXPL7fub", Valid: true},
		{Text: "key uCklIm68ceXZdZ80qrYnEgqgnBlIosVRtAVkvkxm"},
		{Text: "COHERE_API_KEY=uCklIm68ceXZdZ80qrYnEgqgnBlIosVRtAVkvkx"},
		// A lookalike where the name says what it is: vetoed, not the generic api_key.
		{Text: `COHERE_API_KEY=DVPl9Ux9dKNY0xlDNWmkz7Auo6rkZneNM691cK6`, Type: "api_key"},
	},
}

// cohereKey is a Cohere key after its key name.
var cohereKey = &tokenshape.Named{Min: 40, Max: 40, Class: detect.Alnum, MinEntropy: 3.5, Conf: 0.8}
