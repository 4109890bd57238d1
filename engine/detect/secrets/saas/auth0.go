package saas

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/shape"
)

// auth0Secret reads an Auth0 client secret: 64 base64url characters
// under a name that says secret.
var auth0Secret = &shape.Named{
	Provider: []string{"auth0"},
	Value:    shape.Run(64, 64, shape.URL),
	Key:      func(name []byte) bool { return shape.HasWord(name, "secret") },
	Conf:     0.8,
}

// Auth0ClientSecret finds Auth0 application client secrets (Auth0 docs,
// "Application Credentials",
// https://auth0.com/docs/secure/application-credentials: the client
// secret the Dashboard generates, 64 base64url characters), which have
// no prefix: they are found after Auth0's variable names
// (AUTH0_CLIENT_SECRET) or as the value of a secret key whose name
// holds "auth0".
var Auth0ClientSecret = &detect.Detector{
	Name: "auth0_client_secret",
	Types: []detect.Type{{
		Name: "auth0_client_secret", Family: detect.Secret, Confidence: 0.8, NeedsContext: true,
		Confirm: "64 base64url characters after AUTH0_CLIENT_SECRET or a secret key naming Auth0",
	}},
	Source:      "Auth0 documentation, Application Credentials (client secret)",
	Context:     []detect.Word{{Text: "auth0", Conf: 0.8}},
	Placeholder: detect.SecretPlaceholder,
	Prefixes: &detect.OnPrefix{
		Literals: []string{"AUTH0_CLIENT_SECRET", "AUTH0_SECRET", "AUTH0_MANAGEMENT_CLIENT_SECRET"},
		Find:     auth0Secret.FindName,
	},
	Keys: &detect.OnKey{Words: []string{"auth0"}, MinValue: 64, Find: auth0Secret.FindKey},
	// #nosec G101 -- the examples are fabricated credentials, not real ones.
	Examples: []detect.Example{
		{Text: "AUTH0_CLIENT_SECRET=O5FhgciYCgRX24kYBqDzv5FGVPxXku--Y6tAH_Xx0NjbzMXpnXyMiOJODw8-m8cM", Span: "O5FhgciYCgRX24kYBqDzv5FGVPxXku--Y6tAH_Xx0NjbzMXpnXyMiOJODw8-m8cM", Valid: true},
		{Text: `{"auth0ClientSecret": "O5FhgciYCgRX24kYBqDzv5FGVPxXku--Y6tAH_Xx0NjbzMXpnXyMiOJODw8-m8cM"}`, Span: "O5FhgciYCgRX24kYBqDzv5FGVPxXku--Y6tAH_Xx0NjbzMXpnXyMiOJODw8-m8cM", Valid: true},
		{Text: "AUTH0_CLIENT_SECRET=O5FhgciYCgRX24kYBqDzv5FGVPxXku--Y6tAH_Xx0NjbzMXpnXyMiOJODw8-m8c"},
		{Text: `{"clientSecret": "O5FhgciYCgRX24kYBqDzv5FGVPxXku--Y6tAH_Xx0NjbzMXpnXyMiOJODw8-m8cM"}`},
	},
}
