package receipts

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestAppendStringMatchesEncodingJSON checks appendString byte for byte
// against encoding/json on strings that exercise every escaping branch.
func TestAppendStringMatchesEncodingJSON(t *testing.T) {
	cases := []string{
		"",
		"plain ascii run",
		`quote " and backslash \ inside`,
		"<script>&amp;</script>",
		"ctl \x00\x01\x08\x09\x0a\x0c\x0d\x1f\x7f end",
		"caf\u00e9 \u4e16\u754c \U0001f600",
		"line\u2028para\u2029sep",
		"bad utf8 \xff\xfe and cut \xe4\xb8",
		"\xc0\x80 overlong",
		strings.Repeat("policy rule matched; ", 16),
		`"`, `\`, "\x00", "\xff", "é",
	}
	for _, s := range cases {
		want, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		if got := appendString([]byte("x"), s); string(got) != "x"+string(want) {
			t.Errorf("appendString(%q) = %s; want %s", s, got[1:], want)
		}
	}
}

// TestIsDigest checks isDigest on every single-byte change of a digest.
func TestIsDigest(t *testing.T) {
	const d = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
	if !isDigest(d) {
		t.Fatal("isDigest rejects a valid digest")
	}
	for _, s := range []string{"", d[:63], d + "0", strings.ToUpper(d)} {
		if isDigest(s) {
			t.Errorf("isDigest(%q) = true", s)
		}
	}
	for c := range 256 {
		want := c >= '0' && c <= '9' || c >= 'a' && c <= 'f'
		s := d[:31] + string([]byte{byte(c)}) + d[32:]
		if got := isDigest(s); got != want {
			t.Errorf("isDigest with byte %#x at 31 = %v; want %v", c, got, want)
		}
	}
}
