package data

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/shape"
)

// confluentSecret reads a Confluent Cloud API secret: 64 standard base64
// characters, under a name that says secret or password (SASL).
var confluentSecret = &shape.Named{
	Provider: []string{"confluent"},
	Value:    shape.Run(64, 64, shape.Std),
	Key:      func(name []byte) bool { return shape.HasWord(name, "secret") || shape.HasWord(name, "password") },
	Conf:     0.8,
}

// ConfluentAPISecret finds Confluent Cloud API secrets (Confluent docs,
// "Use API Keys to Authenticate to Confluent Cloud",
// https://docs.confluent.io/cloud/current/security/authenticate/workload-identities/service-accounts/api-keys/overview.html:
// the secret, 64 base64 characters, is the SASL password). It has no
// prefix, so it is found after Confluent's variable names
// (CONFLUENT_API_SECRET), as the value of a secret key whose name holds
// "confluent", or as a SASL password (sasl.password) near the word
// Confluent (a "*.confluent.cloud" bootstrap server).
var ConfluentAPISecret = &detect.Detector{
	Name: "confluent_api_secret",
	Types: []detect.Type{{
		Name: "confluent_api_secret", Family: detect.Secret, Confidence: 0.8, NeedsContext: true,
		Confirm: "64 base64 characters after a Confluent variable name, a key naming Confluent, or sasl.password near the word Confluent",
	}},
	Source:      "Confluent Cloud documentation, API keys (key and secret)",
	Context:     []detect.Word{{Text: "confluent", Conf: 0.8}},
	Placeholder: detect.SecretPlaceholder,
	Prefixes: &detect.OnPrefix{
		Literals: []string{"CONFLUENT_API_SECRET", "CONFLUENT_CLOUD_API_SECRET", "CONFLUENT_KAFKA_API_SECRET"},
		Find:     confluentSecret.FindName,
	},
	Keys: &detect.OnKey{Words: []string{"confluent", "sasl"}, MinValue: 64, Find: confluentSecret.FindKey},
	// #nosec G101 -- the examples are fabricated credentials, not real ones.
	Examples: []detect.Example{
		{Text: "CONFLUENT_API_SECRET=ttw0jfTBZNKtHWDpJ1MZ+Em84D9x8LjF/8Wgdz0/PUw2cCvZtdWdDIdFXxfPx+if", Span: "ttw0jfTBZNKtHWDpJ1MZ+Em84D9x8LjF/8Wgdz0/PUw2cCvZtdWdDIdFXxfPx+if", Valid: true},
		{Text: "# confluent cloud\nsasl.password=mPFF8T02vHbEBctnJy+CS6uK7UDJTI7RWz31fc7R81k7+daEgYKYJl5Fu5FYx/Dq", Span: "mPFF8T02vHbEBctnJy+CS6uK7UDJTI7RWz31fc7R81k7+daEgYKYJl5Fu5FYx/Dq", Valid: true},
		{Text: "CONFLUENT_API_SECRET=ttw0jfTBZNKtHWDpJ1MZ+Em84D9x8LjF/8Wgdz0/PUw2cCvZtdWdDIdFXxfPx+i"},
		{Text: "sasl.password=mPFF8T02vHbEBctnJy+CS6uK7UDJTI7RWz31fc7R81k7+daEgYKYJl5Fu5FYx/Dq"},
	},
}
