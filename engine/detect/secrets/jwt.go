package secrets

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// maxJWT is the longest JWT reported (the candidate must end within
// detect.Reach of its anchor).
const maxJWT = detect.Reach

// JWT finds JSON Web Tokens in compact serialisation (RFC 7519 §3, RFC
// 7515 §7.1): three base64url segments joined by dots, the last possibly
// empty (an unsecured JWT, "alg":"none"), whose first segment decodes to a
// JSON object with an "alg" member (RFC 7515 §4.1.1).
var JWT = &detect.Detector{
	Name: "jwt",
	Types: []detect.Type{{
		Name: "jwt", Family: detect.Secret, Confidence: 0.99,
		Confirm: "three base64url segments whose first segment decodes to a JSON object with alg",
	}},
	Source:   "RFC 7519 §3; RFC 7515 §4.1.1 and §7.1",
	Prefixes: &detect.OnPrefix{Literals: []string{"eyJ"}, Find: findJWT},
	Examples: []detect.Example{
		{Text: "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.dBjftJeZ4CVPmB92K27uhbUJU1p1r_wW1gFWFOEjXk ok",
			Span: "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.dBjftJeZ4CVPmB92K27uhbUJU1p1r_wW1gFWFOEjXk", Valid: true},
		{Text: "x eyJzdWIiOiIxMjM0In0.eyJzdWIiOiIxMjM0In0.sig"},
	},
}

// findJWT handles "eyJ" at t[b:b+3].
func findJWT(s *detect.Scan, b, _ int) {
	t := s.T
	if b > 0 && (detect.IsB64URL(t[b-1]) || t[b-1] == '.') {
		return
	}
	var dots [2]int
	nd := 0
	e := b
	for e < len(t) && e-b <= maxJWT {
		c := t[e]
		if c == '.' {
			if nd == 2 {
				break
			}
			dots[nd] = e
			nd++
		} else if !detect.IsB64URL(c) {
			break
		}
		e++
	}
	if nd != 2 || e-b > maxJWT || dots[1]-dots[0] < 2 || e < len(t) && (detect.IsB64URL(t[e]) || t[e] == '.') {
		return
	}
	if validate.JWTHeader(t[b:dots[0]]) {
		s.Add(0, b, e, 0.99, true)
	}
}
