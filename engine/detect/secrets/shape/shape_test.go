package shape

import (
	"testing"

	"github.com/datafog/datafog-api/engine/detect"
)

// TestBody checks the token body reader: its length bounds, and that a
// body glued to more of its alphabet or to a word byte is refused.
func TestBody(t *testing.T) {
	for _, tc := range []struct {
		text   string
		lo, hi int
		m      detect.Class
		end    int
		ok     bool
	}{
		{"abc123 tail", 3, 8, Alnum, 6, true},
		{"abc123", 6, 6, Alnum, 6, true},
		{"abc123", 7, 9, Alnum, 6, false},
		{"abc123456", 3, 6, Alnum, 7, false}, // longer than hi: the reader stops at hi+1
		{"abc123_x", 3, 8, Alnum, 6, false},  // glued to '_'
		{"ab-c_d.e", 3, 8, URL, 6, true},     // '.' ends a base64url body
		{"ab-c_d-", 3, 8, Alnum, 2, false},
		{"ab+/cd==", 3, 8, Std, 6, true},
	} {
		end, ok := Body([]byte(tc.text), 0, tc.lo, tc.hi, tc.m)
		if end != tc.end || ok != tc.ok {
			t.Errorf("Body(%q, %d, %d) = %d, %v; want %d, %v", tc.text, tc.lo, tc.hi, end, ok, tc.end, tc.ok)
		}
	}
}

// TestLeft checks where a token may start.
func TestLeft(t *testing.T) {
	text := []byte("x=ab _cd -ef aZ")
	for _, tc := range []struct {
		at   int
		m    detect.Class
		want bool
	}{
		{0, Alnum, true}, {2, Alnum, true}, {6, Alnum, false}, {10, Alnum, true}, {10, URL, false}, {14, Alnum, false},
	} {
		if got := Left(text, tc.at, tc.m); got != tc.want {
			t.Errorf("Left(%q, %d) = %v, want %v", text, tc.at, got, tc.want)
		}
	}
}

// TestHexAndUUID checks the hexadecimal and UUID readers.
func TestHexAndUUID(t *testing.T) {
	if !HexAt([]byte("0a1b2c3d;"), 0, 8) || HexAt([]byte("0a1b2c3d4"), 0, 8) || HexAt([]byte("0a1B2c3d"), 0, 8) || HexAt([]byte("0a1b2c3d-"), 0, 8) {
		t.Error("HexAt: wrong verdicts on 8 hex digits that end, continue, change case, or run into '-'")
	}
	for _, tc := range []struct {
		text string
		sep  byte
		want bool
	}{
		{"7b1e2a9c-4d3f-4e8a-9b2c-1f0e3d5a7c9b", '-', true},
		{"7B1E2A9C-4D3F-4E8A-9B2C-1F0E3D5A7C9B", '-', true},
		{"7b1e2a9c_4d3f_4e8a_9b2c_1f0e3d5a7c9b", '_', true},
		{"7b1e2a9c-4d3f-4e8a-9b2c-1f0e3d5a7C9b", '-', false},  // mixed case
		{"7b1e2a9c-4d3f-4e8a-9b2c-1f0e3d5a7c9", '-', false},   // short
		{"7b1e2a9c-4d3f-4e8a-9b2c-1f0e3d5a7c9bb", '-', false}, // long
		{"7b1e2a9c-4d3f-4e8a-9b2c_1f0e3d5a7c9b", '-', false},
	} {
		if got := UUIDAt([]byte(tc.text), 0, tc.sep); got != tc.want {
			t.Errorf("UUIDAt(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

// TestVariedMixed checks the randomness shortcuts.
func TestVariedMixed(t *testing.T) {
	for _, tc := range []struct {
		s             string
		varied, mixed bool
	}{
		{"abcdefgh", false, false}, {"ABCDEFGH", false, false}, {"12345678", false, false},
		{"abcDEF", true, false}, {"abc123", true, true}, {"ABC123", true, true}, {"a-_-b", false, false},
	} {
		if v, m := Varied([]byte(tc.s)), Mixed([]byte(tc.s)); v != tc.varied || m != tc.mixed {
			t.Errorf("%q: Varied %v Mixed %v, want %v %v", tc.s, v, m, tc.varied, tc.mixed)
		}
	}
}

// TestValueAfterName checks the separators accepted between a variable
// name and its value.
func TestValueAfterName(t *testing.T) {
	for _, tc := range []struct {
		text string
		v    int // -1: no value
	}{
		{"DD_API_KEY=abc", 11},
		{"DD_API_KEY = 'abc'", 14},
		{`"DD_API_KEY": "abc"`, 15},
		{"DD_API_KEY abc", 11},
		{"DD_API_KEY_PROD := abc", 19},
		{"DD_API_KEY => `abc`", 15},
		{"DD_API_KEYabc", -1},
		{"DD_API_KEY", -1},
	} {
		text := []byte(tc.text)
		p := len("DD_API_KEY")
		if tc.text[0] == '"' {
			p++
		}
		_, v, ok := ValueAfterName(text, p)
		if !ok {
			v = -1
		}
		if v != tc.v {
			t.Errorf("ValueAfterName(%q) = %d, want %d", tc.text, v, tc.v)
		}
	}
}

// TestHasWord checks the word rule for key and variable names.
func TestHasWord(t *testing.T) {
	for _, tc := range []struct {
		name, w string
		want    bool
	}{
		{"TWILIO_AUTH_TOKEN", "auth", true}, {"twilioAuthToken", "auth", true}, {"author", "auth", false},
		{"api_secret", "secret", true}, {"secretary", "secret", false}, {"APISECRET", "secret", false},
		{"x-postmark-account-token", "account", true},
	} {
		if got := HasWord([]byte(tc.name), tc.w); got != tc.want {
			t.Errorf("HasWord(%q, %q) = %v, want %v", tc.name, tc.w, got, tc.want)
		}
	}
}

// TestScheme checks the authorization schemes skipped before a value.
func TestScheme(t *testing.T) {
	for _, tc := range []struct {
		text string
		want int
	}{
		{"Bearer x", 7}, {"bearer x", 7}, {"Bot x", 4}, {"SSWS x", 5}, {"ApiKey x", 7}, {"Token x", 6},
		{"Basic x", 0}, {"Bearerx", 0}, {"", 0},
	} {
		if got := Scheme([]byte(tc.text), 0); got != tc.want {
			t.Errorf("Scheme(%q) = %d, want %d", tc.text, got, tc.want)
		}
	}
}
