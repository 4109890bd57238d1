package secrets

import (
	"bytes"
	"encoding/base64"

	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// maxJWT is the longest JWT reported (the candidate must end within
// detect.Reach of its anchor).
const maxJWT = detect.Reach

// JWT finds JSON Web Tokens in compact serialisation (RFC 7519 §3, RFC
// 7515 §7.1): three base64url segments joined by dots, the last possibly
// empty (an unsecured JWT, "alg":"none"), whose first segment decodes to a
// JSON object with an "alg" member (RFC 7515 §4.1.1). A dot right after
// the token ends a sentence, not a fourth segment, when no base64url byte
// follows it. A JWT that was base64-encoded as a whole (Kubernetes Secret
// data, CI variables) starts "ZXlK", the encoding of "eyJ": such a value
// is decoded and reported, over its encoded span, when it decodes to a
// JWT.
var JWT = &detect.Detector{
	Name: "jwt",
	Types: []detect.Type{{
		Name: "jwt", Family: detect.Secret, Confidence: 0.99,
		Confirm: "three base64url segments whose first segment decodes to a JSON object with alg",
	}},
	Source:      "RFC 7519 §3; RFC 7515 §4.1.1 and §7.1",
	Placeholder: jwtPlaceholder,
	Prefixes:    &detect.OnPrefix{Literals: []string{"eyJ", "ZXlK"}, Find: findJWT},
	Examples: []detect.Example{
		{Text: "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.dBjftJeZ4CVPmB92K27uhbUJU1p1r_wW1gFWFOEjXk ok",
			Span: "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.dBjftJeZ4CVPmB92K27uhbUJU1p1r_wW1gFWFOEjXk", Valid: true},
		{Text: "the token was eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.dBjftJeZ4CVPmB92K27uhbUJU1p1r_wW1gFWFOEjXk.",
			Span: "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.dBjftJeZ4CVPmB92K27uhbUJU1p1r_wW1gFWFOEjXk", Valid: true},
		{Text: "  token: ZXlKaGJHY2lPaUpJVXpJMU5pSjkuZXlKemRXSWlPaUl4TWpNMEluMC5kQmpmdEplWjRDVlBtQjkySzI3dWhiVUpVMXAxcl93VzFnRldGT0VqWGs=\n",
			Span: "ZXlKaGJHY2lPaUpJVXpJMU5pSjkuZXlKemRXSWlPaUl4TWpNMEluMC5kQmpmdEplWjRDVlBtQjkySzI3dWhiVUpVMXAxcl93VzFnRldGT0VqWGs=", Valid: true},
		{Text: "x eyJzdWIiOiIxMjM0In0.eyJzdWIiOiIxMjM0In0.sig"},
		{Text: "x eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.dBjf.extra"},
		{Text: "b64 ZXlKemRXSWlPaUl4TWpNMEluMC5lZQ=="},
		{Text: "docs eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"},
		{Text: "x eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.xxxxxxxxxxxxxxxxxxxxxxxx"},
	},
}

// jwtPlaceholder reports the JWTs of documentation: jwt.io's own example
// (its signature, over the payload {"sub":"1234567890","name":"John
// Doe",…}, is in countless tutorials) and tokens whose signature or
// payload is a placeholder ("xxxx…", "…signature…").
func jwtPlaceholder(v []byte) bool {
	if bytes.HasSuffix(v, []byte("SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c")) {
		return true
	}
	for _, w := range [...]string{"xxxxxxxx", "XXXXXXXX", "signature", "example", "placeholder"} {
		if bytes.Contains(v, []byte(w)) {
			return true
		}
	}
	return false
}

// findJWT handles "eyJ" at t[b:b+3], or "ZXlK" at t[b:b+4].
func findJWT(s *detect.Scan, b, p int) {
	t := s.T
	if p-b == 4 {
		encodedJWT(s, b)
		return
	}
	if e, ok := jwtAt(t, b); ok {
		s.Add(0, b, e, 0.99, true)
	}
}

// jwtAt reports whether a JWT starts at t[b] and returns its end.
func jwtAt(t []byte, b int) (int, bool) {
	if b > 0 && (detect.IsB64URL(t[b-1]) || t[b-1] == '.') {
		return 0, false
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
	if nd != 2 || e-b > maxJWT || dots[1]-dots[0] < 2 || e < len(t) && detect.IsB64URL(t[e]) {
		return 0, false
	}
	// A dot after the third segment ends a sentence unless a base64url
	// byte or another dot follows it (a JWE's five segments, a dotted
	// name).
	if e < len(t) && t[e] == '.' && e+1 < len(t) && (detect.IsB64URL(t[e+1]) || t[e+1] == '.') {
		return 0, false
	}
	return e, validate.JWTHeader(t[b:dots[0]])
}

// encodedJWT handles "ZXlK" at t[b]: a run of the standard base64
// alphabet, optionally padded, whose decoding is a JWT (followed by
// nothing but white space).
func encodedJWT(s *detect.Scan, b int) {
	t := s.T
	if !detect.FreeLeft(t, b) || b > 0 && (t[b-1] == '+' || t[b-1] == '/') {
		return
	}
	e := detect.Span(t, b, maxJWT*4/3+4, detect.B64)
	n := e - b
	for k := 0; k < 2 && e < len(t) && t[e] == '='; k++ {
		e++
	}
	if n > maxJWT*4/3 || !detect.FreeRight(t, e) || e < len(t) && (t[e] == '+' || t[e] == '/' || t[e] == '=') {
		return
	}
	dec := s.Scratch(base64.RawStdEncoding.DecodedLen(n))
	m, err := base64.RawStdEncoding.Decode(dec, t[b:b+n])
	if err != nil {
		return
	}
	dec = bytes.TrimRight(dec[:m], " \t\r\n")
	if end, ok := jwtAt(dec, 0); ok && end == len(dec) {
		s.Add(0, b, e, 0.95, true)
	}
}
