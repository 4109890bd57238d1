package ai

import (
	"github.com/datafog/datafog-api/engine/detect"
)

// AnthropicAdminKey finds Anthropic Admin API keys (Anthropic API
// documentation, "Admin API": admin keys begin with sk-ant-admin):
// "sk-ant-admin01-", 93 URL-safe characters and "AA".
var AnthropicAdminKey = &detect.Detector{
	Name: "anthropic_admin_key",
	Types: []detect.Type{{
		Name: "anthropic_admin_key", Family: detect.Secret, Confidence: 0.97,
		Confirm: "sk-ant-admin01- + 93 URL-safe characters + AA",
	}},
	Source:      "Anthropic API documentation, Admin API (sk-ant-admin01- keys)",
	Placeholder: detect.SecretPlaceholder,
	Prefixes:    &detect.OnPrefix{Literals: []string{"sk-ant-admin01-"}, Find: anthropicKey.Find},
	Examples: []detect.Example{
		{Text: "ANTHROPIC_ADMIN_KEY=sk-ant-admin01-9Bx9sWLDEpDIOqaUgeDfOhyIGm3hTWW4_YTc66vQ5CMK21KqCMa0Yjk9BZFt_EqkEwNzxu0CRIV26_EIn3Lll0zNJLFRJAA", Span: "sk-ant-admin01-9Bx9sWLDEpDIOqaUgeDfOhyIGm3hTWW4_YTc66vQ5CMK21KqCMa0Yjk9BZFt_EqkEwNzxu0CRIV26_EIn3Lll0zNJLFRJAA", Valid: true},
		{Text: `"x-api-key": "sk-ant-admin01-71ywYndAmvCSiHmCa3Q6vEDCO3VKYatIajS19CqN1orRL97sEGxcObF7h3tMzdFraERzxMXfCwmCKTsrCH6LkmgaRBz3cAA"`, Span: "sk-ant-admin01-71ywYndAmvCSiHmCa3Q6vEDCO3VKYatIajS19CqN1orRL97sEGxcObF7h3tMzdFraERzxMXfCwmCKTsrCH6LkmgaRBz3cAA", Valid: true},
		{Text: "ANTHROPIC_ADMIN_KEY=sk-ant-admin01-9Bx9sWLDEpDIOqaUgeDfOhyIGm3hTWW4_YTc66vQ5CMK21KqCMa0Yjk9BZFt_EqkEwNzxu0CRIV26_EIn3Lll0zNJLFRJAb"},
		{Text: "ANTHROPIC_ADMIN_KEY=sk-ant-admin01-9Bx9sWLDEpDIOqaUgeDfOhyIGm3hTWW4_YTc66vQ5CMK21KqCMa0Yjk9BZFt_EqkEwNzxu0CRIV26_EIn3Lll0zNJLFRJA"},
	},
}
