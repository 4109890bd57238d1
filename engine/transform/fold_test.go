package transform

import (
	"bytes"
	"testing"

	"github.com/datafog/datafog-api/engine"
)

// TestRedactLookalikes checks that redaction replaces exactly the
// original bytes of values written with lookalike characters, whole or
// streamed one byte at a time.
func TestRedactLookalikes(t *testing.T) {
	e, err := engine.New(engine.Config{})
	if err != nil {
		t.Fatal(err)
	}
	tr, err := New(Options{Default: Redact})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ in, want string }{
		{"カード ４１１１ １１１１ １１１１ １１１１ です", "カード [REDACTED] です"},
		{"ssn ١٢٣-٤٥-٦٧٨٩ and mail bob＠example.com.", "ssn [REDACTED] and mail [REDACTED]."},
		{"card 4111\u200b1111\u200b1111\u200b1111 ok", "card [REDACTED] ok"},
	} {
		out, _ := tr.Apply(nil, []byte(tc.in), e.Scan(nil, []byte(tc.in), engine.Filter{}))
		if string(out) != tc.want {
			t.Errorf("Apply(%q) = %q, want %q", tc.in, out, tc.want)
		}
		var buf bytes.Buffer
		w := tr.NewWriter(&buf, e.NewScanner(engine.Filter{}))
		for i := 0; i < len(tc.in); i++ {
			if _, err := w.Write([]byte{tc.in[i]}); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.Close(); err != nil || buf.String() != tc.want {
			t.Errorf("Writer(%q) = %q, %v; want %q", tc.in, buf.String(), err, tc.want)
		}
	}
}
