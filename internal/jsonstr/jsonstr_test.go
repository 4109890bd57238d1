package jsonstr

import (
	"encoding/json"
	"strings"
	"testing"
)

var cases = []string{
	"", "plain ascii", `quote " and \ backslash`, "<script>&amp;</script>",
	"ctl \x00\x01\b\f\n\r\t\x1f\x7f", "utf-8 é ü 日本", "bad \xff\xfe utf8 \xc3",
	"line\u2028sep\u2029", "emoji 😀 and a truncated \xf0\x9f\x98",
}

func TestAppendMatchesEncodingJSON(t *testing.T) {
	for _, s := range cases {
		want, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		if got := Append(nil, s); string(got) != string(want) {
			t.Errorf("%q: got %s, want %s", s, got, want)
		}
	}
}

// TestAppendKeepsPrefix: Append extends dst rather than overwriting it.
func TestAppendKeepsPrefix(t *testing.T) {
	if got := string(Append([]byte(`{"a":`), "x<y")); got != `{"a":"x\u003cy"` {
		t.Fatalf("got %s", got)
	}
}

func FuzzAppendMatchesEncodingJSON(f *testing.F) {
	for _, s := range cases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		if got := Append(nil, s); string(got) != string(want) {
			t.Fatalf("%q: got %s, want %s", s, got, want)
		}
	})
}

// encodeText is what a json.Encoder with SetEscapeHTML(false) writes for s,
// without its trailing newline.
func encodeText(t testing.TB, s string) string {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		t.Fatal(err)
	}
	return strings.TrimSuffix(b.String(), "\n")
}

func TestAppendTextMatchesEncoderWithoutHTMLEscapes(t *testing.T) {
	for _, s := range cases {
		if got, want := string(AppendText(nil, s)), encodeText(t, s); got != want {
			t.Errorf("%q: got %s, want %s", s, got, want)
		}
	}
	if got := string(AppendText(nil, "<EMAIL_1> & <PHONE_2>")); got != `"<EMAIL_1> & <PHONE_2>"` {
		t.Fatalf("got %s", got)
	}
}

func FuzzAppendTextMatchesEncoder(f *testing.F) {
	for _, s := range cases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := string(AppendText(nil, s)), encodeText(t, s); got != want {
			t.Fatalf("%q: got %s, want %s", s, got, want)
		}
	})
}
