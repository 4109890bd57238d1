package data

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/shape"
)

// confluentKey reads a Confluent Cloud API key: 16 upper-case letters and
// digits, under a name that says key or username (SASL).
var confluentKey = &shape.Named{
	Provider: []string{"confluent"},
	Value: func(t []byte, v int) (int, int, bool) {
		return v, v + 16, shape.Fixed(t, v, 16, shape.UpperAlnum) && shape.Mixed(t[v:v+16])
	},
	Key:  func(name []byte) bool { return shape.HasWord(name, "key") || shape.HasWord(name, "username") },
	Conf: 0.8,
}

// ConfluentAPIKey finds Confluent Cloud API keys (Confluent docs, "Use
// API Keys to Authenticate to Confluent Cloud",
// https://docs.confluent.io/cloud/current/security/authenticate/workload-identities/service-accounts/api-keys/overview.html:
// a key and a secret; the key, 16 upper-case alphanumerics, is the SASL
// username). It has no prefix, so it is found after Confluent's
// variable names (CONFLUENT_API_KEY, CONFLUENT_CLOUD_API_KEY), as the
// value of a key whose name holds "confluent", or as a SASL username
// (sasl.username) near the word Confluent (a "*.confluent.cloud"
// bootstrap server).
var ConfluentAPIKey = &detect.Detector{
	Name: "confluent_api_key",
	Types: []detect.Type{{
		Name: "confluent_api_key", Family: detect.Secret, Confidence: 0.8, NeedsContext: true,
		Confirm: "16 upper-case alphanumerics after a Confluent variable name, a key naming Confluent, or sasl.username near the word Confluent",
	}},
	Source:      "Confluent Cloud documentation, API keys (key and secret)",
	Context:     []detect.Word{{Text: "confluent", Conf: 0.8}},
	Placeholder: detect.SecretPlaceholder,
	Prefixes: &detect.OnPrefix{
		Literals: []string{"CONFLUENT_API_KEY", "CONFLUENT_CLOUD_API_KEY", "CONFLUENT_KAFKA_API_KEY"},
		Find:     confluentKey.FindName,
	},
	Keys: &detect.OnKey{Words: []string{"confluent", "sasl"}, MinValue: 16, Find: confluentKey.FindKey},
	// #nosec G101 -- the examples are fabricated credentials, not real ones.
	Examples: []detect.Example{
		{Text: "CONFLUENT_API_KEY=5VHOYH2M95ZWRWBL", Span: "5VHOYH2M95ZWRWBL", Valid: true},
		{Text: "bootstrap.servers=pkc-4k6zq.us-east-1.aws.confluent.cloud:9092\nsasl.username=ZGEGZK6SKCWE8JZS", Span: "ZGEGZK6SKCWE8JZS", Valid: true},
		{Text: "CONFLUENT_API_KEY=5VHOYH2M95ZWRWB"},
		{Text: "sasl.username=ZGEGZK6SKCWE8JZS"},
	},
}
