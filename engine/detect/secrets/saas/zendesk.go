package saas

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/shape"
)

// zendeskToken reads a Zendesk API token: 40 alphanumerics.
var zendeskToken = &shape.Named{Value: shape.Run(40, 40, shape.Alnum), Conf: 0.8, Provider: []string{"zendesk"}}

// ZendeskAPIToken finds Zendesk API tokens (Zendesk developer docs,
// "API token",
// https://developer.zendesk.com/api-reference/introduction/security-and-auth/#api-token:
// used as "<email>/token:<token>" in basic authentication; 40
// alphanumerics), which have no prefix: they are found after Zendesk's
// variable names (ZENDESK_API_TOKEN) or as the value of a token key whose
// name holds "zendesk".
var ZendeskAPIToken = &detect.Detector{
	Name: "zendesk_api_token",
	Types: []detect.Type{{
		Name: "zendesk_api_token", Family: detect.Secret, Confidence: 0.8, NeedsContext: true,
		Confirm: "40 alphanumerics after ZENDESK_API_TOKEN or a token key naming Zendesk",
	}},
	Source:      "Zendesk developer documentation, Security and authentication (API token)",
	Context:     []detect.Word{{Text: "zendesk", Conf: 0.8}},
	Placeholder: detect.SecretPlaceholder,
	Prefixes: &detect.OnPrefix{
		Literals: []string{"ZENDESK_API_TOKEN", "ZENDESK_TOKEN", "ZENDESK_API_KEY"},
		Find:     zendeskToken.FindName,
	},
	Keys: &detect.OnKey{Words: []string{"zendesk"}, MinValue: 40, Find: zendeskToken.FindKey},
	// #nosec G101 -- the examples are fabricated credentials, not real ones.
	Examples: []detect.Example{
		{Text: "ZENDESK_API_TOKEN=pRz35coxzdHsghHAtfI6pHR7lfgbZA25f5ZAZmzA", Span: "pRz35coxzdHsghHAtfI6pHR7lfgbZA25f5ZAZmzA", Valid: true},
		{Text: "zendesk_api_token: pRz35coxzdHsghHAtfI6pHR7lfgbZA25f5ZAZmzA", Span: "pRz35coxzdHsghHAtfI6pHR7lfgbZA25f5ZAZmzA", Valid: true},
		{Text: "ZENDESK_API_TOKEN=pRz35coxzdHsghHAtfI6pHR7lfgbZA25f5ZAZmz"},
		{Text: "api_token: pRz35coxzdHsghHAtfI6pHR7lfgbZA25f5ZAZmzA"},
	},
}
