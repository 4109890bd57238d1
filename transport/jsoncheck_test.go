package transport

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/valyala/fastjson"
)

// TestDuplicateMembersRejected sends bodies with a member given twice to
// every JSON route. fastjson's Get returns the first value, most other
// parsers the last, so such a body is refused with a 400 naming the member,
// never decided on one reading of it.
func TestDuplicateMembersRejected(t *testing.T) {
	_, base := startServer(t, testConfig(), nil)
	c := testClient()
	const dup = "duplicate member in the JSON body: "
	cases := []struct {
		route, body, field string
	}{
		{"/v1/scan", `{"text":"clean","text":"ssn 123-45-6789"}`, "text"},
		{"/v1/scan", `{"text":"clean","t\u0065xt":"ssn 123-45-6789"}`, "text"},
		{"/v1/scan", `{"text":"a","entity_types":["ssn"],"include_values":true,"include_values":false}`, "include_values"},
		{"/v1/decide", `{"action":{"type":"file.write","type":"shell.exec"},"text":"x"}`, "action.type"},
		{"/v1/decide", `{"action":{"type":"file.write"},"findings":[{"entity_type":"ssn","start":0,"end":1},{"entity_type":"ssn","start":0,"end":1,"start":5}],"text":"0123456789"}`, "findings[1].start"},
		{"/v1/decide", `{"action":{"type":"file.write"},"text":"a","action":{"type":"x"}}`, "action"},
		{"/v1/transform", `{"text":"mail bob@example.com","mode":"mask","mode":"redact"}`, "mode"},
		{"/v1/transform", `{"text":"mail bob@example.com","entity_modes":{"email":"mask","email":"redact"}}`, "entity_modes.email"},
		{"/v1/transform", `{"text":"x","entity_modes":{"ssn 123-45-6789":"mask","ssn 123-45-6789":"redact"}}`, "entity_modes.*"},
		{"/v1/anonymize", `{"text":"mail bob@example.com","request_id":"a","request_id":"b"}`, "request_id"},
	}
	for _, tc := range cases {
		t.Run(tc.route+" "+tc.field, func(t *testing.T) {
			r := do(t, c, "POST", base+tc.route, strings.NewReader(tc.body), jsonHdr)
			wantError(t, r, 400, "invalid_request", dup+tc.field)
			if strings.Contains(r.body, "123-45-6789") {
				t.Errorf("the error echoes caller text: %s", r.body)
			}
		})
	}
}

// TestRawControlCharactersRejected: RFC 8259 requires control characters
// in strings to be escaped. Raw ones are refused with the member named;
// the escaped forms are accepted.
func TestRawControlCharactersRejected(t *testing.T) {
	_, base := startServer(t, testConfig(), nil)
	c := testClient()
	const msg = `raw control character in a JSON string (escape it as \\u00XX): `
	cases := []struct {
		route, body, where string
	}{
		{"/v1/scan", "{\"text\":\"ssn 123-45-\x006789\"}", "text"},
		{"/v1/scan", "{\"text\":\"line one\nssn 123-45-6789\"}", "text"},
		{"/v1/scan", "{\"text\":\"tab\there\"}", "text"},
		{"/v1/scan", "{\"text\":\"a\",\"entity_types\":[\"email\",\"s\x1fsn\"]}", "entity_types[1]"},
		{"/v1/scan", "{\"te\x01xt\":\"a\"}", "a top-level member name"},
		{"/v1/decide", "{\"action\":{\"type\":\"file.write\",\"args\":[\"a\",\"b\x7f\",\"c\x0b\"]},\"text\":\"x\"}", "action.args[2]"},
		{"/v1/decide", "{\"action\":{\"type\":\"file.write\"},\"findings\":[{\"entity_type\":\"ssn\",\"start\":0,\"end\":1,\"value\":\"1\\\x02\"}]}", "findings[0].value"},
		{"/v1/transform", "{\"text\":\"x\",\"entity_modes\":{\"em\x05ail\":\"mask\"}}", "a member name inside entity_modes"},
		{"/v1/anonymize", "{\"text\":\"\x1b[31mred\"}", "text"},
	}
	for _, tc := range cases {
		t.Run(tc.route+" "+tc.where, func(t *testing.T) {
			r := do(t, c, "POST", base+tc.route, strings.NewReader(tc.body), jsonHdr)
			wantError(t, r, 400, "invalid_request", msg+tc.where)
		})
	}
	// Escaped control characters are fine, and scan the same bytes.
	r := do(t, c, "POST", base+"/v1/scan", strings.NewReader(`{"text":"line one\nssn 123-45-6789\t\u0001"}`), jsonHdr)
	if r.status != 200 || !strings.Contains(r.body, `"findings":[{"entity_type":"ssn","start":13,"end":24,`) {
		t.Fatalf("escaped controls: %d %s", r.status, r.body)
	}
}

// TestJSONCheckTable runs the checker alone over bodies fastjson accepts.
func TestJSONCheckTable(t *testing.T) {
	many := func(n int, dupAt int) string {
		var b strings.Builder
		b.WriteString("{")
		for i := range n {
			if i > 0 {
				b.WriteString(",")
			}
			k := i
			if i == dupAt {
				k = 3
			}
			b.WriteString(`"k` + strings.Repeat("x", k) + `":1`)
		}
		b.WriteString("}")
		return b.String()
	}
	cases := []struct {
		body string
		want string // "" = accepted
	}{
		{`{}`, ""},
		{`{"a":{"a":{"a":1}},"b":[{"a":1},{"a":2}]}`, ""},
		{`{"a":1,"b":{"a":1,"b":2,"a":3}}`, "duplicate member in the JSON body: b.a"},
		{`{"a":[[1,2],[3,{"x":1,"x":2}]]}`, "duplicate member in the JSON body: a[1][1].x"},
		{`{"\u00e9":1,"é":2}`, "duplicate member in the JSON body: *"},
		{`{"\ud83d\ude00":1,"😀":2}`, "duplicate member in the JSON body: *"},
		{`{"a\/b":1,"a/b":2}`, "duplicate member in the JSON body: *"},
		{`{"a":"\"}{\"a\":1"}`, ""},
		{`{"a":"x\\","b":"\\\\"}`, ""},
		{many(40, -1), ""},
		{many(40, 39), "duplicate member in the JSON body: kxxx"},
		{many(17, 16), "duplicate member in the JSON body: kxxx"},
		{"{\"a\":\"" + strings.Repeat("abcdefgh", 9) + "\x7f\"}", ""},
		{"{\"a\":\"" + strings.Repeat("abcdefgh", 9) + "\x19\"}", `raw control character in a JSON string (escape it as \u00XX): a`},
		{"{\"a\":\"" + strings.Repeat("é", 20) + "\x00\"}", `raw control character in a JSON string (escape it as \u00XX): a`},
		{" \r\n{\"a\" : [ 1 , \"b\" , null , true ] }\n", ""},
	}
	var p fastjson.Parser
	var j jsonCheck
	for _, tc := range cases {
		if _, err := p.Parse(tc.body); err != nil {
			t.Fatalf("fastjson refuses %q: %v", tc.body, err)
		}
		e := j.check([]byte(tc.body))
		got := ""
		if e != nil {
			got = e.message
		}
		if got != tc.want {
			t.Errorf("check(%.60q) = %q, want %q", tc.body, got, tc.want)
		}
	}
}

// FuzzJSONCheck compares the checker with encoding/json: for any body both
// fastjson and encoding/json accept, the checker refuses it exactly when
// a token walk with encoding/json finds a duplicate member name; and a
// body that fastjson accepts and the checker passes holds no raw control
// character in a string (encoding/json then accepts it unless something
// else is wrong).
func FuzzJSONCheck(f *testing.F) {
	for _, s := range []string{`{"a":1,"a":2}`, `{"a":{"b":[1,{"c":1,"c":2}]}}`, `{"t\u0065xt":1,"text":2}`,
		"{\"a\":\"\x01\"}", `{"a":"\ud800","b":"\ud800"}`, `{"\ud800":1,"\ufffd":2}`, `[{"x":1},{"x":1}]`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		var p fastjson.Parser
		if _, err := p.ParseBytes(body); err != nil {
			return
		}
		var j jsonCheck
		e := j.check(body)
		if !json.Valid(body) {
			if e == nil && hasRawControlInString(body) {
				t.Fatalf("raw control character passed: %q", body)
			}
			return
		}
		dup := hasDuplicateStd(t, body)
		if dup != (e != nil) {
			t.Fatalf("check = %v, encoding/json duplicate = %v: %q", e, dup, body)
		}
	})
}

// hasDuplicateStd walks body with encoding/json's tokenizer and reports a
// member name seen twice in one object.
func hasDuplicateStd(t *testing.T, body []byte) bool {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber() // a valid number beyond float64's range is no tokenizer error
	type frame struct {
		obj     bool
		keyNext bool
		seen    map[string]bool
	}
	var stack []*frame
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return false
		}
		if err != nil {
			t.Fatalf("encoding/json token: %v", err)
		}
		var top *frame
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		if top != nil && top.obj && top.keyNext {
			if d, ok := tok.(json.Delim); ok && d == '}' {
				stack = stack[:len(stack)-1]
				if len(stack) > 0 && stack[len(stack)-1].obj {
					stack[len(stack)-1].keyNext = true
				}
				continue
			}
			k := tok.(string)
			if top.seen[k] {
				return true
			}
			top.seen[k] = true
			top.keyNext = false
			continue
		}
		switch d, _ := tok.(json.Delim); d {
		case '{':
			stack = append(stack, &frame{obj: true, keyNext: true, seen: map[string]bool{}})
			continue
		case '[':
			stack = append(stack, &frame{})
			continue
		case ']':
			stack = stack[:len(stack)-1]
		}
		if len(stack) > 0 && stack[len(stack)-1].obj {
			stack[len(stack)-1].keyNext = true
		}
	}
}

// hasRawControlInString reports a byte below 0x20 inside a string literal.
func hasRawControlInString(b []byte) bool {
	in := false
	for i := 0; i < len(b); i++ {
		switch c := b[i]; {
		case in && c == '\\':
			if i+1 < len(b) && b[i+1] < 0x20 {
				return true
			}
			i++
		case c == '"':
			in = !in
		case in && c < 0x20:
			return true
		}
	}
	return false
}
