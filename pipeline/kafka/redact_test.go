package kafka

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/datafog/datafog-api/engine/policy"
	"github.com/datafog/datafog-api/engine/transform"
)

var testKey = []byte("pipeline-test-key-0123456789abcdef")

func defaultPolicy(t testing.TB) *policy.Compiled {
	t.Helper()
	c, err := policy.Compile(policy.Default(), "")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func newTestRedactor(t testing.TB, mode transform.Mode, format Format, fields ...string) *redactor {
	t.Helper()
	fs, err := parseFields(fields)
	if err != nil {
		t.Fatal(err)
	}
	r, err := newRedactor(defaultPolicy(t), nil, mode, testKey, format, fs)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// refToken is tokenize's documented output, computed independently.
func refToken(typ, value string) string {
	m := hmac.New(sha256.New, testKey)
	m.Write([]byte(typ))
	m.Write([]byte{0})
	m.Write([]byte(value))
	return "tok_" + hex.EncodeToString(m.Sum(nil))[:16]
}

func TestRedactText(t *testing.T) {
	r := newTestRedactor(t, transform.Redact, FormatText)
	var sc scratch
	in := []byte("user bob@example.com paid with 4111 1111 1111 1111 from 10.1.2.3")
	got := r.redact(&sc, nil, in)
	if got.err != nil {
		t.Fatal(got.err)
	}
	want := "user [REDACTED] paid with [REDACTED] from [REDACTED]"
	if string(got.out) != want {
		t.Fatalf("out = %q, want %q", got.out, want)
	}
	wantCounts := []TypeCount{{"credit_card", 1}, {"email", 1}, {"ip_address", 1}}
	if !reflect.DeepEqual(got.counts, wantCounts) {
		t.Fatalf("counts = %v, want %v", got.counts, wantCounts)
	}
	clean := []byte("nothing to see here, status=200")
	got = r.redact(&sc, nil, clean)
	if &got.out[0] != &clean[0] || got.counts != nil {
		t.Fatalf("clean value: out %q counts %v, want the input itself and no counts", got.out, got.counts)
	}
}

func TestRedactTextTokenizeMatchesRedactCLI(t *testing.T) {
	r := newTestRedactor(t, transform.Tokenize, FormatText)
	var sc scratch
	got := r.redact(&sc, nil, []byte("mail bob@example.com"))
	if want := "mail " + refToken("email", "bob@example.com"); string(got.out) != want {
		t.Fatalf("out = %q, want %q", got.out, want)
	}
}

func TestRedactJSON(t *testing.T) {
	cases := []struct {
		name       string
		mode       transform.Mode
		fields     []string
		in         string
		want       string
		counts     []TypeCount
		unredacted int
	}{
		{
			name:   "string values in place, numbers and layout kept",
			mode:   transform.Redact,
			in:     `{"user": "bob@example.com", "n": 42, "ok": true, "tags": ["a", "ssn 123-45-6789"], "x": null}`,
			want:   `{"user": "[REDACTED]", "n": 42, "ok": true, "tags": ["a", "ssn [REDACTED]"], "x": null}`,
			counts: []TypeCount{{"email", 1}, {"ssn", 1}},
		},
		{
			name:   "a key gives context to its value",
			mode:   transform.Redact,
			in:     `{"password":"Zx9qW3rT7yU1iO5pA8sD","nhs_number":"9434765919"}`,
			want:   `{"password":"[REDACTED]","nhs_number":"[REDACTED]"}`,
			counts: []TypeCount{{"api_key", 1}, {"uk_nhs_number", 1}},
		},
		{
			name:   "a number holding a finding becomes a string",
			mode:   transform.Mask,
			in:     `{"card":4111111111111111,"amount":12.5}`,
			want:   `{"card":"************1111","amount":12.5}`,
			counts: []TypeCount{{"credit_card", 1}},
		},
		{
			name:       "keys are structure and stay; they are counted",
			mode:       transform.Redact,
			in:         `{"bob@example.com":{"seen":"alice@example.org"}}`,
			want:       `{"bob@example.com":{"seen":"[REDACTED]"}}`,
			counts:     []TypeCount{{"email", 1}},
			unredacted: 1,
		},
		{
			name:   "escaped strings are decoded for the scan and written again",
			mode:   transform.Redact,
			in:     `{"msg":"line1\nmail bob\u0040example.com \"quoted\" caf\u00e9","plain":"x\ty"}`,
			want:   `{"msg":"line1\nmail [REDACTED] \"quoted\" café","plain":"x\ty"}`,
			counts: []TypeCount{{"email", 1}},
		},
		{
			name:   "anonymize numbers values across the record",
			mode:   transform.Anonymize,
			in:     `{"from":"a@example.com","to":["b@example.com","a@example.com"]}`,
			want:   `{"from":"<EMAIL_1>","to":["<EMAIL_2>","<EMAIL_1>"]}`,
			counts: []TypeCount{{"email", 3}},
		},
		{
			name:   "mask keeps separators, which are escaped when needed",
			mode:   transform.Mask,
			in:     `{"ssn":"123-45-6789"}`,
			want:   `{"ssn":"***-**-****"}`,
			counts: []TypeCount{{"ssn", 1}},
		},
		{
			name:   "--fields limits redaction to the pointed values and their children",
			mode:   transform.Redact,
			fields: []string{"/user", "/events/1/ip", "/a~1b"},
			in:     `{"user":{"email":"a@example.com","tags":["b@example.com"]},"note":"c@example.com","events":[{"ip":"10.0.0.1"},{"ip":"10.0.0.2"}],"a/b":"d@example.com"}`,
			want:   `{"user":{"email":"[REDACTED]","tags":["[REDACTED]"]},"note":"c@example.com","events":[{"ip":"10.0.0.1"},{"ip":"[REDACTED]"}],"a/b":"[REDACTED]"}`,
			counts: []TypeCount{{"email", 3}, {"ip_address", 1}},
		},
		{
			name:   "the empty pointer selects the whole document",
			mode:   transform.Redact,
			fields: []string{""},
			in:     `["a@example.com"]`,
			want:   `["[REDACTED]"]`,
			counts: []TypeCount{{"email", 1}},
		},
		{
			name:   "tokenize in JSON gives the same token as in text",
			mode:   transform.Tokenize,
			in:     `{"u":"bob@example.com"}`,
			want:   `{"u":"` + refToken("email", "bob@example.com") + `"}`,
			counts: []TypeCount{{"email", 1}},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := newTestRedactor(t, tc.mode, FormatJSON, tc.fields...)
			var sc scratch
			got := r.redact(&sc, nil, []byte(tc.in))
			if got.err != nil {
				t.Fatal(got.err)
			}
			if string(got.out) != tc.want {
				t.Fatalf("out  = %s\nwant = %s", got.out, tc.want)
			}
			if !json.Valid(got.out) {
				t.Fatalf("output is not valid JSON: %s", got.out)
			}
			if !reflect.DeepEqual(got.counts, tc.counts) || got.unredacted != tc.unredacted {
				t.Fatalf("counts %v unredacted %d, want %v and %d", got.counts, got.unredacted, tc.counts, tc.unredacted)
			}
		})
	}
}

func TestRedactJSONRejects(t *testing.T) {
	r := newTestRedactor(t, transform.Redact, FormatJSON)
	deep := strings.Repeat("[", MaxJSONDepth+1) + strings.Repeat("]", MaxJSONDepth+1)
	cases := []struct {
		in, code, msg string
	}{
		{`{"a":1`, ReasonInvalidJSON, "byte 6: unexpected end of input in an object"},
		{`{"a":1} x`, ReasonInvalidJSON, "byte 8: data after the JSON value"},
		{`secret bob@example.com`, ReasonInvalidJSON, "byte 0: expected a value"},
		{`{"a":01}`, ReasonInvalidJSON, "byte 6: expected ',' or '}' in an object"},
		{`{"a":"x\q"}`, ReasonDecode, "byte 7: invalid escape in a string"},
		{"{\"a\":\"\xff\"}", ReasonDecode, "byte 6: bytes that are not UTF-8 in a string"},
		{"[\"a\nb\"]", ReasonInvalidJSON, "byte 3: control character in a string"},
		{deep, ReasonInvalidJSON, "byte 512: nesting deeper than 512"},
		{``, ReasonInvalidJSON, "byte 0: unexpected end of input, expected a value"},
		{`[1.]`, ReasonInvalidJSON, "byte 3: invalid number: no digit after '.'"},
		{`tru`, ReasonInvalidJSON, "byte 0: invalid literal, expected true"},
	}
	for _, tc := range cases {
		var sc scratch
		got := r.redact(&sc, nil, []byte(tc.in))
		if got.err == nil || got.err.Code != tc.code || got.err.Message != tc.msg {
			t.Errorf("%.40q: err = %v, want %s: %s", tc.in, got.err, tc.code, tc.msg)
		}
		if got.err != nil && strings.Contains(got.err.Message, "bob") {
			t.Errorf("%.40q: the error echoes the record: %s", tc.in, got.err.Message)
		}
	}
	var sc scratch
	if got := r.redact(&sc, nil, []byte(deep[1:len(deep)-1])); got.err != nil {
		t.Errorf("nesting of exactly %d: %v", MaxJSONDepth, got.err)
	}
}

func TestParseFields(t *testing.T) {
	if _, err := parseFields([]string{"a", "/b~2", "/ok"}); err == nil || !strings.Contains(err.Error(), `"a": a JSON Pointer starts with '/'`) ||
		!strings.Contains(err.Error(), `"/b~2": '~' must be followed by '0' or '1'`) {
		t.Fatalf("err = %v, want both problems named", err)
	}
	fs, err := parseFields([]string{"/a~1b/~0c/0/01"})
	if err != nil {
		t.Fatal(err)
	}
	p := fs.ptrs[0]
	if !reflect.DeepEqual(p.tokens, []string{"a/b", "~c", "0", "01"}) || !reflect.DeepEqual(p.index, []int{-1, -1, 0, -1}) {
		t.Fatalf("tokens %q index %v", p.tokens, p.index)
	}
}
