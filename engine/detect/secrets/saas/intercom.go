package saas

import (
	"bytes"
	"encoding/base64"

	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/shape"
)

// intercomLen is the length of an Intercom access token: base64 of
// "tok:" + a 36-byte id + ":1:0", 44 bytes.
const intercomLen = 60

// IntercomAccessToken finds Intercom access tokens (Intercom developers,
// "Authentication",
// https://developers.intercom.com/docs/build-an-integration/learn-more/authentication/:
// access tokens are sent as "Authorization: Bearer <token>"; the tokens
// Intercom issues are standard base64 of "tok:", the workspace's token
// id — a UUID written with '_' — and ":1:0", so they begin "dG9rOj" or
// "dG9rOm", as the id's first digit is a decimal one or a letter).
// The decoded structure confirms it.
var IntercomAccessToken = &detect.Detector{
	Name: "intercom_access_token",
	Types: []detect.Type{{
		Name: "intercom_access_token", Family: detect.Secret, Confidence: 0.97,
		Confirm: "base64 of tok:<uuid with _>:1:0 (dG9rOj…/dG9rOm…), 60 characters",
	}},
	Source:      "Intercom developer documentation, Authentication (access tokens); token layout tok:<id>:1:0 in base64",
	Placeholder: detect.SecretPlaceholder,
	Prefixes:    &detect.OnPrefix{Literals: []string{"dG9rOj", "dG9rOm"}, Find: findIntercom},
	// #nosec G101 -- the examples are fabricated credentials, not real ones.
	Examples: []detect.Example{
		{Text: "INTERCOM_ACCESS_TOKEN=dG9rOjNjOWIxZTdhXzJkNGZfNGE4ZV9iOWMyXzBmMWUzZDVhN2M5YjoxOjA=", Span: "dG9rOjNjOWIxZTdhXzJkNGZfNGE4ZV9iOWMyXzBmMWUzZDVhN2M5YjoxOjA=", Valid: true},
		{Text: "Authorization: Bearer dG9rOjdiMWUyYTljXzRkM2ZfNGU4YV85YjJjXzFmMGUzZDVhN2M5YjoxOjA=", Span: "dG9rOjdiMWUyYTljXzRkM2ZfNGU4YV85YjJjXzFmMGUzZDVhN2M5YjoxOjA=", Valid: true},
		{Text: "token dG9rOmE3ODdjZDJkX2E1NjlfYzE1Zl9iNDcyXzdmNzk4ZDY5YmE0ODoxOjA=", Span: "dG9rOmE3ODdjZDJkX2E1NjlfYzE1Zl9iNDcyXzdmNzk4ZDY5YmE0ODoxOjA=", Valid: true},
		{Text: "dG9rOjxoZWxsbz4="},
		{Text: "dG9rOjNjOWIxZTdhXzJkNGZfNGE4ZV9iOWMyXzBmMWUzZDVhN2M5YjoxOjB="},
	},
}

// findIntercom handles "dG9rOj" or "dG9rOm" at t[b:p].
func findIntercom(s *detect.Scan, b, p int) {
	t := s.T
	e := b + intercomLen
	if !shape.Left(t, b, shape.Std) || e > len(t) || !detect.All(t[b:e-1], shape.Std) || t[e-1] != '=' ||
		e < len(t) && (detect.IsWord(t[e]) || t[e] == '=') {
		return
	}
	var buf [45]byte
	n, err := base64.StdEncoding.Strict().Decode(buf[:], t[b:e])
	if err != nil || n != 44 {
		return
	}
	d := buf[:n]
	if !bytes.HasPrefix(d, []byte("tok:")) || !shape.UUIDAt(d, 4, '_') || string(d[40:]) != ":1:0" {
		return
	}
	s.Add(0, b, e, 0.97, true)
}
