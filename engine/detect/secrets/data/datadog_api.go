package data

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/shape"
)

// datadogAPI reads a Datadog API key: 32 lower-case hexadecimal digits,
// under a name that does not say app or application.
var datadogAPI = &shape.Named{
	Provider: []string{"datadog", "dd"},
	Value:    shape.Hex(32),
	Key: func(name []byte) bool {
		return !shape.HasWord(name, "app") && !shape.HasWord(name, "application")
	},
	Conf: 0.8,
}

// DatadogAPIKey finds Datadog API keys (Datadog docs, "API and
// Application Keys", https://docs.datadoghq.com/account_management/api-app-keys/:
// an API key is 32 hexadecimal characters; the Agent reads it from
// DD_API_KEY). They have no prefix, so they are found after Datadog's
// variable names and the DD-API-KEY header, or as the value of a key
// whose name holds "datadog" or "dd".
var DatadogAPIKey = &detect.Detector{
	Name: "datadog_api_key",
	Types: []detect.Type{{
		Name: "datadog_api_key", Family: detect.Secret, Confidence: 0.8, NeedsContext: true,
		Confirm: "32 hex digits after DD_API_KEY/DATADOG_API_KEY/DD-API-KEY or a key naming Datadog",
	}},
	Source:      "Datadog documentation, API and Application Keys",
	Context:     []detect.Word{{Text: "datadog", Conf: 0.8}},
	Placeholder: detect.SecretPlaceholder,
	Prefixes: &detect.OnPrefix{
		Literals: []string{"DD_API_KEY", "DATADOG_API_KEY", "DD-API-KEY"},
		Find:     datadogAPI.FindName,
	},
	Keys: &detect.OnKey{Words: []string{"datadog", "dd"}, MinValue: 32, Find: datadogAPI.FindKey},
	// #nosec G101 -- the examples are fabricated credentials, not real ones.
	Examples: []detect.Example{
		{Text: "DD_API_KEY=0f3c41437441147ed6230ca66acb766d", Span: "0f3c41437441147ed6230ca66acb766d", Valid: true},
		{Text: "curl -H 'DD-API-KEY: 71da831a7fd419a1d7e420ffe8ff0a75' https://api.datadoghq.com/api/v1/validate", Span: "71da831a7fd419a1d7e420ffe8ff0a75", Valid: true},
		{Text: "datadog.api_key: a0fb64f9563efb42952301b572bdd919", Span: "a0fb64f9563efb42952301b572bdd919", Valid: true},
		{Text: "DD_API_KEY=0f3c41437441147ed6230ca66acb766"},
		{Text: "api_key: a0fb64f9563efb42952301b572bdd919"},
		{Text: "DD_APP_KEY=0f3c41437441147ed6230ca66acb766d"},
	},
}
