package ai

import (
	"github.com/datafog/datafog-api/engine/detect"
)

// OpenAIServiceAccountKey finds OpenAI service account API keys
// ("sk-svcacct-…", OpenAI platform documentation, "Service accounts"),
// with the body rule of openai.go.
var OpenAIServiceAccountKey = &detect.Detector{
	Name: "openai_service_account_key",
	Types: []detect.Type{{
		Name: "openai_service_account_key", Family: detect.Secret, Confidence: 0.98,
		Confirm: "sk-svcacct- + URL-safe body holding T3BlbkFJ with 20+ characters each side",
	}},
	Source:      "OpenAI platform documentation, Service accounts (sk-svcacct- keys)",
	Placeholder: detect.SecretPlaceholder,
	Prefixes: &detect.OnPrefix{Literals: []string{"sk-svcacct-"}, Find: func(s *detect.Scan, b, p int) {
		if e := openAIKey(s.T, b, p); e > 0 {
			s.Add(0, b, e, 0.98, true)
		}
	}},
	Examples: []detect.Example{
		{Text: "OPENAI_API_KEY=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", Span: "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", Valid: true},
		{Text: `"key": "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"`, Span: "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", Valid: true},
		{Text: `"key": "sk-svcacct-A4_RKKAWpJfdfh-NuUnvA54raLQ5DHQANFDh2DTwOzP1djnZ39vleqPwJBT3BlbkFJaFK"`},
		{Text: `"key": "sk-svcacct-A4_RKKAWpJfdfh-NuUnvA54raLQ5DHQANFDh2DTwOzP1djnZ39vleqPwJBT3BlbkFQaFKSkVoLjRGn9NV3cEV"`},
	},
}
