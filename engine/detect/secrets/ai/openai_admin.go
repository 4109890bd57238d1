package ai

import (
	"github.com/datafog/datafog-api/engine/detect"
)

// OpenAIAdminKey finds OpenAI admin API keys ("sk-admin-…", OpenAI API
// reference, "Administration": admin API keys manage an organization),
// with the body rule of openai.go.
var OpenAIAdminKey = &detect.Detector{
	Name: "openai_admin_key",
	Types: []detect.Type{{
		Name: "openai_admin_key", Family: detect.Secret, Confidence: 0.98,
		Confirm: "sk-admin- + URL-safe body holding T3BlbkFJ with 20+ characters each side",
	}},
	Source:      "OpenAI API reference, Administration (sk-admin- admin API keys)",
	Placeholder: detect.SecretPlaceholder,
	Prefixes: &detect.OnPrefix{Literals: []string{"sk-admin-"}, Find: func(s *detect.Scan, b, p int) {
		if e := openAIKey(s.T, b, p); e > 0 {
			s.Add(0, b, e, 0.98, true)
		}
	}},
	Examples: []detect.Example{
		{Text: "OPENAI_ADMIN_KEY=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", Span: "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", Valid: true},
		{Text: "Authorization: Bearer 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", Span: "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", Valid: true},
		{Text: "OPENAI_ADMIN_KEY=sk-admin-NmlH7nNkASUZHd0zltrj61Z5-6OOUyN19C3E-6dam74FVq978hAC4sWADsT3BlbkFQ5zyxEmnIOmM_JPR6bco2uk3_71afGkRu3"},
		{Text: "OPENAI_ADMIN_KEY=sk-admin-NmlH7nNkASUZHd0zltrj61Z5"},
	},
}
