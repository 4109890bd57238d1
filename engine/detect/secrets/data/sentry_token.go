package data

import (
	"encoding/base64"

	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/shape"
)

// sntrysMax bounds an organization token's base64 JSON payload.
const sntrysMax = 1024

// SentryAuthToken finds Sentry auth tokens (Sentry docs, "Auth Tokens",
// https://docs.sentry.io/account/auth-tokens/, and the token generator
// in getsentry/sentry, src/sentry/utils/security/orgauthtoken_token.py
// and src/sentry/models/apitoken.py):
//   - organization tokens: "sntrys_", standard base64 (padding kept) of a
//     JSON object that begins with "iat", "_", and a 43-character
//     standard base64 secret;
//   - user tokens: "sntryu_" and 64 lower-case hexadecimal digits.
var SentryAuthToken = &detect.Detector{
	Name: "sentry_auth_token",
	Types: []detect.Type{
		{Name: "sentry_org_auth_token", Family: detect.Secret, Confidence: 0.98,
			Confirm: "sntrys_ + base64 JSON {\"iat\"…} + _ + 43 base64 characters"},
		{Name: "sentry_user_auth_token", Family: detect.Secret, Confidence: 0.97,
			Confirm: "sntryu_ + 64 hex"},
	},
	Source:      "Sentry documentation, Auth Tokens; getsentry/sentry token generators (sntrys_, sntryu_)",
	Placeholder: detect.SecretPlaceholder,
	Prefixes:    &detect.OnPrefix{Literals: []string{"sntrys_", "sntryu_"}, Find: findSentryToken},
	// #nosec G101 -- the examples are fabricated credentials, not real ones.
	Examples: []detect.Example{
		{Text: "SENTRY_AUTH_TOKEN=sntrys_eyJpYXQiOiAxNzE3MTcxNzE3LjEyMzQ1NiwgInVybCI6ICJodHRwczovL3NlbnRyeS5pbyIsICJyZWdpb25fdXJsIjogImh0dHBzOi8vdXMuc2VudHJ5LmlvIiwgIm9yZyI6ICJhY21lLWxhYnMifQ==_grcO7n8aUDm+8H7CNH8GbtCPXcdRJEfjQEMAAmtuVFU",
			Span: "sntrys_eyJpYXQiOiAxNzE3MTcxNzE3LjEyMzQ1NiwgInVybCI6ICJodHRwczovL3NlbnRyeS5pbyIsICJyZWdpb25fdXJsIjogImh0dHBzOi8vdXMuc2VudHJ5LmlvIiwgIm9yZyI6ICJhY21lLWxhYnMifQ==_grcO7n8aUDm+8H7CNH8GbtCPXcdRJEfjQEMAAmtuVFU", Valid: true},
		{Text: "token: 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",
			Span: "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", Type: "sentry_user_auth_token", Valid: true},
		{Text: "sntryu_2eb1cac6d71e1dec4ad782e14964ce78aada8eda257853398ed623affb4df41"},
		{Text: "sntrys_YWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXo=_grcO7n8aUDm+8H7CNH8GbtCPXcdRJEfjQEMAAmtuVFU"},
	},
}

// findSentryToken handles a prefix t[b:p].
func findSentryToken(s *detect.Scan, b, p int) {
	t := s.T
	if !shape.Left(t, b, shape.Alnum) {
		return
	}
	if t[p-2] == 'u' {
		if shape.HexAt(t, p, 64) {
			s.Add(1, b, p+64, 0.97, true)
		}
		return
	}
	// The payload: base64 with its padding, then '_'.
	u := p
	for u < len(t) && u-p <= sntrysMax && (detect.Is(t[u], shape.Std) || t[u] == '=') {
		u++
	}
	if u-p < 16 || u-p > sntrysMax || (u-p)%4 != 0 || u >= len(t) || t[u] != '_' || !iatObject(t[p:p+12]) {
		return
	}
	e, ok := shape.Body(t, u+1, 43, 43, shape.Std)
	if !ok {
		return
	}
	s.Add(0, b, e, 0.98, true)
}

// iatObject reports whether the 12 base64 characters enc decode to the
// start of a JSON object whose first member is "iat".
func iatObject(enc []byte) bool {
	var buf [9]byte
	n, err := base64.StdEncoding.Decode(buf[:], enc)
	return err == nil && n == 9 && string(buf[:8]) == `{"iat": ` || err == nil && n == 9 && string(buf[:7]) == `{"iat":`
}
