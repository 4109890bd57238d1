package saas

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/shape"
)

// Fly.io macaroon limits: the base64 body of one macaroon, and how many
// comma-separated macaroons a token may carry.
const (
	flyMacMin, flyMacMax = 64, 1024
	flyMacaroons         = 3 // so that a token ends within detect.Reach of its anchor
)

// FlyIO finds Fly.io credentials (Fly.io docs, "Access tokens",
// https://fly.io/docs/security/tokens/; tokens are macaroons, sent as
// "Authorization: FlyV1 fm2_…"):
//   - macaroon tokens: "fm2_" (or the earlier "fm1a_"/"fm1r_") and
//     standard base64, up to three joined by ',', with the "FlyV1 "
//     scheme included when it precedes them;
//   - OAuth access tokens: "fo1_" and 43 base64url characters.
var FlyIO = &detect.Detector{
	Name: "flyio",
	Types: []detect.Type{
		{Name: "flyio_macaroon_token", Family: detect.Secret, Confidence: 0.95,
			Confirm: "fm2_/fm1a_/fm1r_ + 64-1024 base64 characters (up to 3 comma-joined, after an optional FlyV1 scheme)"},
		{Name: "flyio_access_token", Family: detect.Secret, Confidence: 0.95, Confirm: "fo1_ + 43 base64url characters"},
	},
	Source:      "Fly.io documentation, Access tokens (macaroons, FlyV1 scheme)",
	Placeholder: detect.SecretPlaceholder,
	Prefixes:    &detect.OnPrefix{Literals: []string{"fm2_", "fm1a_", "fm1r_", "fo1_"}, Find: findFly},
	// #nosec G101 -- the examples are fabricated credentials, not real ones.
	Examples: []detect.Example{
		{Text: "FLY_API_TOKEN=\"FlyV1 fm2_IL4ZYNIm2fEEY3tSQjh8ugN4vPOSR+eohMrkhK37N/Q3AiISMejLrTv1rOQ2Gz12iWY8qkZN3Vghjj44SXG70vtTZPmlc5FWVHmZeLgsPBSq2DfQHvra27bWwNbYhU7v+L+7dPfQy5VpfxOWvSuoAH0iNMSxON0IY1YkVGuR4hr+JLsYZbKg==,fm2_QWxhZGRpbjpvcGVuIHNlc2FtZSBwbGVhc2UgYW5kIHRoYW5rcyBhIGxvdCBmb3IgdGhlIGhlbHA=\"",
			Span: "FlyV1 fm2_IL4ZYNIm2fEEY3tSQjh8ugN4vPOSR+eohMrkhK37N/Q3AiISMejLrTv1rOQ2Gz12iWY8qkZN3Vghjj44SXG70vtTZPmlc5FWVHmZeLgsPBSq2DfQHvra27bWwNbYhU7v+L+7dPfQy5VpfxOWvSuoAH0iNMSxON0IY1YkVGuR4hr+JLsYZbKg==,fm2_QWxhZGRpbjpvcGVuIHNlc2FtZSBwbGVhc2UgYW5kIHRoYW5rcyBhIGxvdCBmb3IgdGhlIGhlbHA=", Valid: true},
		{Text: "token fo1_kzzVeslYstpEhw5Bq0SR2FVt4O17ehqmXMFPa0vw8Y4", Span: "fo1_kzzVeslYstpEhw5Bq0SR2FVt4O17ehqmXMFPa0vw8Y4", Type: "flyio_access_token", Valid: true},
		{Text: "fm2_IL4ZYNIm2fEEY3tSQjh8ugN4vP"},
		{Text: "fo1_kzzVeslYstpEhw5Bq0SR2FVt4O17ehqmXMFPa0vw8Y"},
	},
}

// findFly handles a prefix t[b:p].
func findFly(s *detect.Scan, b, p int) {
	t := s.T
	if !shape.Left(t, b, shape.URL) {
		return
	}
	if t[b+1] == 'o' { // fo1_
		if shape.Fixed(t, p, 43, shape.URL) && shape.Varied(t[p:p+43]) {
			s.Add(1, b, p+43, 0.95, true)
		}
		return
	}
	e, ok := macaroon(t, p)
	if !ok {
		return
	}
	for k := 1; k < flyMacaroons && e+5 < len(t) && t[e] == ',' && detect.HasPrefix(t, e+1, "fm2_"); k++ {
		ne, ok := macaroon(t, e+5)
		if !ok {
			break
		}
		e = ne
	}
	if detect.HasPrefix(t, b-6, "FlyV1 ") {
		b -= 6
	}
	s.Add(0, b, e, 0.95, true)
}

// macaroon reads one macaroon's standard base64 body, with its padding,
// at t[v].
func macaroon(t []byte, v int) (int, bool) {
	e := detect.Span(t, v, flyMacMax+1, shape.Std)
	n := e - v
	for k := 0; k < 3 && e < len(t) && t[e] == '='; k++ {
		e++
	}
	return e, n >= flyMacMin && n <= flyMacMax && (e == len(t) || !detect.IsWord(t[e]) && t[e] != '=') && shape.Varied(t[v:v+n])
}
