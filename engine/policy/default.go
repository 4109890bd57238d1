package policy

import (
	_ "embed"
	"fmt"
)

// defaultPolicyJSON is the embedded default policy.
//
//go:embed default_policy.json
var defaultPolicyJSON []byte

// DefaultJSON returns the embedded default policy document. The slice is
// a copy the caller owns.
func DefaultJSON() []byte {
	return append([]byte(nil), defaultPolicyJSON...)
}

// Default returns the embedded default policy: datafog-api's MVP rules,
// plus rules that deny shell and HTTP actions carrying a secret (private
// keys, cloud and SaaS tokens, JWTs), redact personal and financial data
// on file writes, HTTP requests and shell actions, and allow clean file
// writes and HTTP requests. Every call returns a new Policy the caller may
// modify.
func Default() *Policy {
	p, err := Parse(defaultPolicyJSON)
	if err != nil {
		// The embedded document is checked by TestDefaultPolicy.
		panic(fmt.Sprintf("policy: embedded default policy is invalid: %v", err))
	}
	return p
}
