package validate

import (
	"encoding/base64"
	"strings"
	"testing"
)

func TestJWTHeader(t *testing.T) {
	enc := func(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }
	tests := []struct {
		in   string
		want bool
	}{
		{"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9", true}, // RFC 7519 §3.1 style {"alg":"HS256","typ":"JWT"}
		{"eyJhbGciOiJIUzI1NiJ9", true},                 // {"alg":"HS256"}
		{enc(`{"typ":"JWT","alg":"RS256"}`), true},
		{enc(` { "alg" : "none" } `), true},
		{enc(`{"\u0061lg":"HS256"}`), true}, // escaped key
		{enc(`{"kid":"a,\"alg\":1","alg":"ES256"}`), true},
		{enc(`{"typ":"JWT"}`), false},
		{enc(`{"x":{"alg":"HS256"}}`), false},   // nested, not top level
		{enc(`{"x":["alg"],"y":"alg"}`), false}, // "alg" only as values
		{enc(`{"kid":"\"alg\""}`), false},
		{enc(`{"alg":"HS256"`), false},                                // not valid JSON
		{enc(`["alg"]`), false},                                       // not an object
		{enc(`{"alg":"HS256"}`) + "=", false},                         // padding is not allowed
		{strings.ReplaceAll("eyJhbGciOiJIUzI1NiJ9", "J", "+"), false}, // not base64url
		{"eyJ", false},
		{"", false},
		{"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ8", false},             // last char changed
		{enc(`{"alg":"` + strings.Repeat("A", 5000) + `"}`), false}, // larger than the header limit
	}
	for _, tt := range tests {
		if got := JWTHeader([]byte(tt.in)); got != tt.want {
			t.Errorf("JWTHeader(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
