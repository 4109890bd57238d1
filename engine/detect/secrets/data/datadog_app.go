package data

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/shape"
)

// datadogApp reads a Datadog application key: 40 lower-case hexadecimal
// digits under a name that says app or application.
var datadogApp = &shape.Named{
	Provider: []string{"datadog", "dd"},
	Value:    shape.Hex(40),
	Key: func(name []byte) bool {
		return shape.HasWord(name, "app") || shape.HasWord(name, "application")
	},
	Conf: 0.8,
}

// DatadogAppKey finds Datadog application keys (Datadog docs, "API and
// Application Keys", https://docs.datadoghq.com/account_management/api-app-keys/:
// an application key is 40 hexadecimal characters, sent with an API key
// as DD-APPLICATION-KEY). They have no prefix, so they are found after
// Datadog's variable names and header, or as the value of an app key
// whose name holds "datadog" or "dd".
var DatadogAppKey = &detect.Detector{
	Name: "datadog_app_key",
	Types: []detect.Type{{
		Name: "datadog_app_key", Family: detect.Secret, Confidence: 0.8, NeedsContext: true,
		Confirm: "40 hex digits after DD_APP_KEY/DD-APPLICATION-KEY or an app key naming Datadog",
	}},
	Source:      "Datadog documentation, API and Application Keys",
	Context:     []detect.Word{{Text: "datadog", Conf: 0.8}},
	Placeholder: detect.SecretPlaceholder,
	Prefixes: &detect.OnPrefix{
		Literals: []string{"DD_APP_KEY", "DD_APPLICATION_KEY", "DATADOG_APP_KEY", "DATADOG_APPLICATION_KEY", "DD-APPLICATION-KEY"},
		Find:     datadogApp.FindName,
	},
	Keys: &detect.OnKey{Words: []string{"datadog", "dd"}, MinValue: 40, Find: datadogApp.FindKey},
	// #nosec G101 -- the examples are fabricated credentials, not real ones.
	Examples: []detect.Example{
		{Text: "DD_APP_KEY=115b464c02e66db6a7f18a9acfa639592560b3c9", Span: "115b464c02e66db6a7f18a9acfa639592560b3c9", Valid: true},
		{Text: "-H \"DD-APPLICATION-KEY: 115b464c02e66db6a7f18a9acfa639592560b3c9\"", Span: "115b464c02e66db6a7f18a9acfa639592560b3c9", Valid: true},
		{Text: "DD_APP_KEY=115b464c02e66db6a7f18a9acfa639592560b3c"},
		{Text: "app_key: 115b464c02e66db6a7f18a9acfa639592560b3c9"},
	},
}
