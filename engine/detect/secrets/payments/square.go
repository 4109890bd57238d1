package payments

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/shape"
)

// Square finds Square credentials (Square Developer docs, "Access tokens
// and other Square credentials",
// https://developer.squareup.com/docs/build-basics/access-tokens):
//   - access tokens: "EAAA" and 60 base64url characters (64 in all), for
//     production and sandbox alike; the earlier format, "sq0atp-" and 22
//     base64url characters, still works;
//   - application secrets (OAuth client secrets): "sq0csp-" and 43
//     base64url characters.
var Square = &detect.Detector{
	Name: "square",
	Types: []detect.Type{
		{Name: "square_access_token", Family: detect.Secret, Confidence: 0.95,
			Confirm: "EAAA + 60 base64url characters, or sq0atp- + 22"},
		{Name: "square_oauth_secret", Family: detect.Secret, Confidence: 0.95,
			Confirm: "sq0csp- + 43 base64url characters"},
	},
	Source:      "Square Developer documentation, Access tokens and other Square credentials",
	Placeholder: detect.SecretPlaceholder,
	// "EAAA" is found at its first 'A' (a trigger byte already) after an
	// upper-case letter, so that 'E' does not become one.
	Bytes:    []detect.OnByte{{Byte: 'A', Before: detect.Upper, Find: findSquareEAAA}},
	Prefixes: &detect.OnPrefix{Literals: []string{"sq0atp-", "sq0csp-"}, Find: findSquare},
	// #nosec G101 -- the examples are fabricated credentials, not real ones.
	Examples: []detect.Example{
		{Text: "SQUARE_ACCESS_TOKEN=EAAAPtYgjmUhBel31iEl2hpChYgCfrL1spNxnyVmihA_2O76UMFxFkM_R5Kjp1vR", Span: "EAAAPtYgjmUhBel31iEl2hpChYgCfrL1spNxnyVmihA_2O76UMFxFkM_R5Kjp1vR", Valid: true},
		{Text: "token sq0atp-t-1fjORS_6ilI8ihN5KXSc", Span: "sq0atp-t-1fjORS_6ilI8ihN5KXSc", Valid: true},
		{Text: "secret: sq0csp-7Tvo_hBKqFYY_kv5ZJr3J1TWDtkwtDDb-xHKas1VOqg", Span: "sq0csp-7Tvo_hBKqFYY_kv5ZJr3J1TWDtkwtDDb-xHKas1VOqg", Type: "square_oauth_secret", Valid: true},
		{Text: "EAAAPtYgjmUhBel31iEl2hpChYgCfrL1spNxnyVmihA_2O76UMFxFkM_R5Kjp1v"},
		{Text: "sq0csp-Qm7rT2xK9pLw4ZnB8vYc3HdF6jSg1aUe0rT5yWq"},
		{Text: "EAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"},
	},
}

// findSquare handles a prefix t[b:p], "sq0atp-" or "sq0csp-".
func findSquare(s *detect.Scan, b, p int) {
	t := s.T
	if !shape.Left(t, b, shape.URL) {
		return
	}
	k, n := 0, 22      // sq0atp-
	if t[b+3] == 'c' { // sq0csp-
		k, n = 1, 43
	}
	if shape.Fixed(t, p, n, shape.URL) && shape.Mixed(t[p:p+n]) {
		s.Add(k, b, p+n, 0.95, true)
	}
}

// findSquareEAAA handles 'A' at t[p] after an upper-case letter: an
// access token when t[p-1:p+3] is "EAAA".
func findSquareEAAA(s *detect.Scan, p int) {
	t := s.T
	b := p - 1
	if t[b] != 'E' || !detect.HasPrefix(t, p, "AAA") || !shape.Left(t, b, shape.URL) {
		return
	}
	if v := b + 4; shape.Fixed(t, v, 60, shape.URL) && shape.Mixed(t[v:v+60]) {
		s.Add(0, b, v+60, 0.95, true)
	}
}
