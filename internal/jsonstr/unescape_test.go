package jsonstr

import (
	"encoding/json"
	"testing"
	"unicode/utf8"
)

// unescapeCases are string bodies (without quotes): every escape, pairs
// and lone surrogates, and a high surrogate followed by another.
var unescapeCases = []string{
	``, `plain`, `\"\\\/\b\f\n\r\t`, `\u00e9\u65e5`, `\ud83d\ude00`,
	`lone \ud83d x`, `lone \ude00 x`, `\ud83d\ud83d\ude00`, `end \ud83d`, `é raw`,
}

func TestUnescapeMatchesEncodingJSON(t *testing.T) {
	for _, s := range unescapeCases {
		checkUnescape(t, s)
	}
	// Malformed bodies (which the callers' parsers refuse first) still
	// decode without a panic: a trailing backslash, a short \u escape.
	for _, s := range []string{`a\`, `\u12`, `\uzzzz`} {
		_ = Unescape(nil, []byte(s))
	}
}

func FuzzUnescapeMatchesEncodingJSON(f *testing.F) {
	for _, s := range unescapeCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_ = Unescape(nil, []byte(s)) // any input: no panic
		checkUnescape(t, s)
	})
}

// checkUnescape compares Unescape with json.Unmarshal when `"s"` is a
// valid JSON string in valid UTF-8, as both callers' parsers require
// (Unescape copies other bytes as they are; json.Unmarshal makes them
// U+FFFD).
func checkUnescape(t *testing.T, s string) {
	t.Helper()
	var want string
	if !utf8.ValidString(s) || json.Unmarshal([]byte(`"`+s+`"`), &want) != nil {
		return
	}
	if got := string(Unescape([]byte("x"), []byte(s))); got != "x"+want {
		t.Fatalf("%q: got %q, want %q", s, got[1:], want)
	}
}
