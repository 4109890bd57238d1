package messaging

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/shape"
)

// postmarkUUID reads a Postmark token: a UUID.
func postmarkUUID(t []byte, v int) (int, int, bool) { return v, v + 36, shape.UUIDAt(t, v, '-') }

// postmarkAccount reports whether a name is that of an account token.
func postmarkAccount(name []byte) bool { return shape.HasWord(name, "account") }

// The two Postmark tokens differ only by the name they are stored under.
var (
	postmarkServerTok = &shape.Named{
		Type: 0, Value: postmarkUUID, Conf: 0.8, Provider: []string{"postmark"},
		Key: func(name []byte) bool { return !postmarkAccount(name) && shape.HasWord(name, "token") },
	}
	postmarkAccountTok = &shape.Named{
		Type: 1, Value: postmarkUUID, Conf: 0.8, Provider: []string{"postmark"},
		Key: func(name []byte) bool { return postmarkAccount(name) && shape.HasWord(name, "token") },
	}
)

// Postmark finds Postmark API tokens (Postmark developer docs, "API
// authentication", https://postmarkapp.com/developer/api/overview#authentication:
// a server token in the X-Postmark-Server-Token header, an account token
// in X-Postmark-Account-Token; both are UUIDs). They have no prefix, so
// they are found after those header names and Postmark's variable names
// (POSTMARK_SERVER_TOKEN, POSTMARK_API_TOKEN, POSTMARK_ACCOUNT_TOKEN),
// or as the value of a token key whose name holds "postmark"; "account" in
// the name makes it an account token.
var Postmark = &detect.Detector{
	Name: "postmark",
	Types: []detect.Type{
		{Name: "postmark_server_token", Family: detect.Secret, Confidence: 0.8, NeedsContext: true,
			Confirm: "a UUID after X-Postmark-Server-Token, a Postmark token variable or a token key naming Postmark"},
		{Name: "postmark_account_token", Family: detect.Secret, Confidence: 0.8, NeedsContext: true,
			Confirm: "a UUID after X-Postmark-Account-Token, POSTMARK_ACCOUNT_TOKEN or an account token key naming Postmark"},
	},
	Source:      "Postmark developer documentation, API authentication (server and account tokens)",
	Context:     []detect.Word{{Text: "postmark", Conf: 0.8}},
	Placeholder: detect.SecretPlaceholder,
	Prefixes: &detect.OnPrefix{
		Literals: []string{"X-Postmark-Server-Token", "X-Postmark-Account-Token", "POSTMARK_SERVER_TOKEN", "POSTMARK_API_TOKEN",
			"POSTMARK_TOKEN", "POSTMARK_ACCOUNT_TOKEN"},
		Find: findPostmarkName,
	},
	Keys: &detect.OnKey{Words: []string{"postmark"}, MinValue: 36, Find: findPostmarkKey},
	// #nosec G101 -- the examples are fabricated credentials, not real ones.
	Examples: []detect.Example{
		{Text: "X-Postmark-Server-Token: 7b1e2a9c-4d3f-4e8a-9b2c-1f0e3d5a7c9b", Span: "7b1e2a9c-4d3f-4e8a-9b2c-1f0e3d5a7c9b", Valid: true},
		{Text: "POSTMARK_ACCOUNT_TOKEN=de3ce8ef-33f8-452c-a685-8671031fc0f6", Span: "de3ce8ef-33f8-452c-a685-8671031fc0f6", Type: "postmark_account_token", Valid: true},
		{Text: `{"postmarkServerToken": "7b1e2a9c-4d3f-4e8a-9b2c-1f0e3d5a7c9b"}`, Span: "7b1e2a9c-4d3f-4e8a-9b2c-1f0e3d5a7c9b", Valid: true},
		{Text: "X-Postmark-Server-Token: 7b1e2a9c-4d3f-4e8a-9b2c-1f0e3d5a7c9"},
		{Text: `{"serverToken": "7b1e2a9c-4d3f-4e8a-9b2c-1f0e3d5a7c9b"}`},
		{Text: "POSTMARK_SERVER_ID=7b1e2a9c-4d3f-4e8a-9b2c-1f0e3d5a7c9b"},
	},
}

// findPostmarkName handles a header or variable name t[b:p].
func findPostmarkName(s *detect.Scan, b, p int) {
	postmarkServerTok.FindName(s, b, p)
	postmarkAccountTok.FindName(s, b, p)
}

// findPostmarkKey handles an assignment.
func findPostmarkKey(s *detect.Scan, a *detect.Assignment) {
	postmarkServerTok.FindKey(s, a)
	postmarkAccountTok.FindKey(s, a)
}
