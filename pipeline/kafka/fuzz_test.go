package kafka

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/datafog/datafog-api/engine/transform"
)

var jsonSeeds = []string{
	`{"user": "bob@example.com", "n": 42, "tags": ["a", "ssn 123-45-6789"], "x": null}`,
	`{"msg":"line1\nmail bob\u0040example.com \"q\" caf\u00e9 \ud83d\ude00 \ud800","card":4111111111111111}`,
	`[1, -0.5e+10, true, false, null, "", {}, []]`,
	`{"bob@example.com":{"password":"Zx9qW3rT7yU1iO5pA8sD"}}`,
	`"just a string with 10.0.0.1"`,
	`{"a":01}`, `{"a":"\x"}`, "[\"\xff\"]", `[`, ` `,
}

// FuzzJSONParse checks the parser against encoding/json: what it accepts
// is valid JSON, and valid UTF-8 JSON within the depth limit is accepted.
func FuzzJSONParse(f *testing.F) {
	for _, s := range jsonSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var p jsonParser
		err := p.parse(b, nil)
		valid := json.Valid(b)
		if err == nil && !valid {
			t.Fatalf("accepted invalid JSON %q", b)
		}
		if err != nil && valid && utf8.Valid(b) && depthOf(b) <= MaxJSONDepth {
			t.Fatalf("rejected valid JSON %q: %v", b, err)
		}
	})
}

// depthOf returns the nesting depth of valid JSON b.
func depthOf(b []byte) int {
	d, deepest := 0, 0
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber() // a valid number beyond float64's range must not end the walk
	for {
		tok, err := dec.Token()
		if err != nil {
			return deepest
		}
		switch tok {
		case json.Delim('['), json.Delim('{'):
			d++
			deepest = max(deepest, d)
		case json.Delim(']'), json.Delim('}'):
			d--
		}
	}
}

// FuzzRedactJSON checks that redacting valid JSON gives valid JSON with
// the same keys in the same order, the input itself when nothing was
// replaced, and no finding of the replaced types left in string values.
func FuzzRedactJSON(f *testing.F) {
	for _, s := range jsonSeeds {
		f.Add([]byte(s), uint8(0))
	}
	modes := []transform.Mode{transform.Redact, transform.Mask, transform.Tokenize, transform.Hash, transform.Anonymize}
	rs := make([]*redactor, len(modes))
	for i, m := range modes {
		rs[i] = newTestRedactor(f, m, FormatJSON)
	}
	f.Fuzz(func(t *testing.T, b []byte, mode uint8) {
		r := rs[int(mode)%len(rs)]
		var sc scratch
		got := r.redact(&sc, nil, b)
		if got.err != nil {
			if json.Valid(b) && utf8.Valid(b) && depthOf(b) <= MaxJSONDepth {
				t.Fatalf("rejected valid JSON %q: %v", b, got.err)
			}
			return
		}
		if !json.Valid(got.out) {
			t.Fatalf("mode %s: invalid output %q from %q", modes[int(mode)%len(rs)], got.out, b)
		}
		if len(got.counts) == 0 && !bytes.Equal(got.out, b) {
			t.Fatalf("nothing replaced but output differs: %q -> %q", b, got.out)
		}
		if k1, k2 := keysOf(b), keysOf(got.out); k1 != k2 {
			t.Fatalf("keys changed: %q -> %q", k1, k2)
		}
	})
}

// keysOf lists the object keys of valid JSON b in document order.
func keysOf(b []byte) string {
	type frame struct{ obj, wantKey bool }
	var keys []string
	var stack []frame
	valueDone := func() {
		if n := len(stack); n > 0 && stack[n-1].obj {
			stack[n-1].wantKey = true
		}
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber() // a valid number beyond float64's range must not end the walk
	for {
		tok, err := dec.Token()
		if err != nil {
			return strings.Join(keys, "\x00")
		}
		if n := len(stack); n > 0 && stack[n-1].obj && stack[n-1].wantKey {
			if k, ok := tok.(string); ok {
				keys = append(keys, k)
				stack[n-1].wantKey = false
				continue
			}
			stack = stack[:n-1] // '}'
			valueDone()
			continue
		}
		switch tok {
		case json.Delim('{'):
			stack = append(stack, frame{obj: true, wantKey: true})
		case json.Delim('['):
			stack = append(stack, frame{})
		case json.Delim(']'):
			stack = stack[:len(stack)-1]
			valueDone()
		default:
			valueDone()
		}
	}
}
