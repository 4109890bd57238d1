package engine

import (
	"encoding/base64"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestSecretsInsideBase64 checks that a base64 value is decoded and
// scanned: the inner finding is reported over the whole encoded value,
// with its own type; clean text, hex ids and blobs in free text are not
// opened.
func TestSecretsInsideBase64(t *testing.T) {
	e := mustEngine(t, Config{})
	b64 := func(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }
	pem := "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBkg7j9TqE3mNd0FhzVvX1tUZ8a4Lq0PvR7tY3mW9sBn2QeoAoGCCqGSM49\n-----END EC PRIVATE KEY-----\n"
	for _, tc := range []struct {
		name, text, typ, span string
	}{
		{"k8s secret, aws key", "data:\n  aws_access_key_id: " + b64("AKIAY34FZKBOKMUTVV7A") + "\n", "aws_access_key", b64("AKIAY34FZKBOKMUTVV7A")},
		{"ci variable, assignment inside", "CONFIG_B64=" + b64("api_key=Zx81kLq0PvR7tY3mW9sBn2Qe") + " ", "api_key", b64("api_key=Zx81kLq0PvR7tY3mW9sBn2Qe")},
		{"json, tls key", `{"tls.key": "` + b64(pem) + `"}`, "private_key", b64(pem)},
		{"yaml, email", "  owner: " + b64("contact jane.doe@example.com today") + "\n", "email", b64("contact jane.doe@example.com today")},
		{"url-safe, stripe key", "TOKEN=" + base64.RawURLEncoding.EncodeToString([]byte("sk_live_4eC39HqLyjWDarjtT1zdp7dc?>")), "stripe_key", base64.RawURLEncoding.EncodeToString([]byte("sk_live_4eC39HqLyjWDarjtT1zdp7dc?>"))},
	} {
		fs := e.Scan(nil, []byte(tc.text), Filter{}.WithMinConfidence(DefaultMinConfidence))
		if len(fs) != 1 || string(fs[0].Type) != tc.typ || tc.text[fs[0].Start:fs[0].End] != tc.span {
			t.Errorf("%s: findings %s, want one %s over the encoded value", tc.name, fmtFindings(fs), tc.typ)
		}
	}
	for _, text := range []string{
		"note: " + b64("nothing to see in this perfectly ordinary sentence") + "\n",
		`{"req_id":"459ec6a502265055a7c3e1f0b2d4a6c8"}`,
		"the blob " + b64("AKIAY34FZKBOKMUTVV7A") + " in free text",
		"k: " + b64(b64("AKIAY34FZKBOKMUTVV7A")) + "\n",
		"bin: " + base64.StdEncoding.EncodeToString([]byte(strings.Repeat("\x00\x01\xfe\xff", 12))) + "\n",
	} {
		if fs := e.Scan(nil, []byte(text), Filter{}.WithMinConfidence(DefaultMinConfidence)); len(fs) != 0 {
			t.Errorf("%q: findings %s, want none", text, fmtFindings(fs))
		}
	}
}

// TestMostlyText holds mostlyText, which stops early, equal to counting
// every byte, on random mixes of text and other bytes of every length.
func TestMostlyText(t *testing.T) {
	plain := func(b []byte) bool {
		bad := 0
		for _, c := range b {
			if c < ' ' && c != '\n' && c != '\r' && c != '\t' || c > '~' {
				bad++
			}
		}
		return bad*10 <= len(b)
	}
	r := rand.New(rand.NewPCG(3, 4))
	for n := 0; n < 20000; n++ {
		b := make([]byte, r.IntN(80))
		share := r.IntN(30) // percent of non-text bytes
		for i := range b {
			if r.IntN(100) < share {
				b[i] = []byte{0, 7, '\x7f', 0x80, 0xff, '\x1f'}[r.IntN(6)]
			} else {
				b[i] = []byte("a Z~\t\n\r 0")[r.IntN(9)]
			}
		}
		if got, want := mostlyText(b), plain(b); got != want {
			t.Fatalf("mostlyText(%q) = %v, want %v", b, got, want)
		}
	}
}
