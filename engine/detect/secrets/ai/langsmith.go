package ai

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/internal/tokenshape"
)

// LangSmithAPIKey finds LangSmith API keys (LangSmith documentation,
// "Create an account and API key": personal access tokens lsv2_pt_…,
// service keys lsv2_sk_…): the prefix, 32 lower-case hexadecimal digits,
// '_' and 10 more.
var LangSmithAPIKey = &detect.Detector{
	Name: "langsmith_api_key",
	Types: []detect.Type{{
		Name: "langsmith_api_key", Family: detect.Secret, Confidence: 0.97,
		Confirm: "lsv2_pt_ or lsv2_sk_ + 32 hex digits + _ + 10 hex digits",
	}},
	Source:      "LangSmith documentation, Create an account and API key (lsv2_pt_, lsv2_sk_)",
	Placeholder: detect.SecretPlaceholder,
	Prefixes:    &detect.OnPrefix{Literals: []string{"lsv2_pt_", "lsv2_sk_"}, Find: langSmithKey.Find},
	Examples: []detect.Example{
		{Text: "LANGSMITH_API_KEY=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", Span: "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", Valid: true},
		{Text: "LANGCHAIN_API_KEY: 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", Span: "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", Valid: true},
		{Text: "LANGSMITH_API_KEY=lsv2_pt_416b7a6369cadddc2e1b3f4166615b5a_93eb66b1b"},
		{Text: "LANGSMITH_API_KEY=lsv2_pt_416b7a6369cadddc2e1b3f4166615b5a93eb66b1b3"},
	},
}

// langSmithKey is the body after the prefix.
var langSmithKey = &tokenshape.Prefixed{Min: 43, Max: 43, Class: detect.WordByte, Conf: 0.97, Check: langSmithBody}

// langSmithBody reports whether b is 32 hex digits, '_' and 10 hex
// digits.
func langSmithBody(b []byte) bool {
	return len(b) == 43 && b[32] == '_' && tokenshape.LowerHex(b[:32]) && tokenshape.LowerHex(b[33:])
}
