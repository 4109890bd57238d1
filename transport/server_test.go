package transport

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"

	"github.com/datafog/datafog-api/engine"
	"github.com/datafog/datafog-api/internal/buildinfo"
	"github.com/datafog/datafog-api/receipts"
)

const scanText = "contact alice@example.com today"

// expectedScan builds the exact /v1/scan response body for text, from the
// engine itself; tests also assert the known email finding so the engine
// cannot agree with itself on nothing.
func expectedScan(t *testing.T, rid, trace, text string, withValues bool) string {
	t.Helper()
	pol := testPolicy(t)
	fs := pol.Engine.Scan(nil, []byte(text), engine.Filter{})
	b := []byte(`{"request_id":`)
	b = appendJSONString(b, rid)
	b = append(b, `,"trace_id":`...)
	b = appendJSONString(b, trace)
	b = append(b, `,"findings":`...)
	b = appendFindings(b, fs, []byte(text), nil, withValues)
	b = append(b, `,"policy_id":`...)
	b = appendJSONString(b, pol.Policy.PolicyID)
	b = append(b, `,"policy_version":`...)
	b = appendJSONString(b, pol.Policy.PolicyVersion)
	return string(append(b, "}\n"...))
}

func TestScanRoute(t *testing.T) {
	_, base := startServer(t, testConfig(), nil)
	c := testClient()
	r := do(t, c, "POST", base+"/v1/scan", strings.NewReader(`{"text":"`+scanText+`","trace_id":"tr-1"}`), jsonWith("X-Request-ID", "rid-42"))
	if r.status != 200 || r.header.Get("X-Request-ID") != "rid-42" {
		t.Fatalf("status %d rid %q body %s", r.status, r.header.Get("X-Request-ID"), r.body)
	}
	if want := expectedScan(t, "rid-42", "tr-1", scanText, false); r.body != want {
		t.Fatalf("body\n got %s\nwant %s", r.body, want)
	}
	if !strings.Contains(r.body, `{"entity_type":"email","start":8,"end":25,`) || strings.Contains(r.body, "alice@") {
		t.Fatalf("email finding missing or value leaked: %s", r.body)
	}
	// include_values, and a request_id in the body.
	r = do(t, c, "POST", base+"/v1/scan", strings.NewReader(`{"text":"`+scanText+`","include_values":true,"request_id":"body-id"}`), jsonHdr)
	if want := expectedScan(t, "body-id", "", scanText, true); r.body != want {
		t.Fatalf("include_values body\n got %s\nwant %s", r.body, want)
	}
	if !strings.Contains(r.body, `"value":"alice@example.com"`) {
		t.Fatalf("value missing: %s", r.body)
	}
	// entity_types filter: asking only for ssn drops the email.
	r = do(t, c, "POST", base+"/v1/scan", strings.NewReader(`{"text":"`+scanText+`","entity_types":["ssn"],"request_id":"x"}`), jsonHdr)
	if !strings.Contains(r.body, `"findings":[]`) {
		t.Fatalf("filter: %s", r.body)
	}
	r = do(t, c, "POST", base+"/v1/scan", strings.NewReader(`{"text":"x","entity_types":["no_such_type"]}`), jsonHdr)
	wantError(t, r, 400, "invalid_request", `entity_types names an unknown entity type \"no_such_type\"; valid: `+strings.Join(typeNames(testPolicy(t).Engine), ", "))
	// A name that is not an identifier could be caller text: not echoed.
	r = do(t, c, "POST", base+"/v1/scan", strings.NewReader(`{"text":"x","entity_types":["bob@example.com"]}`), jsonHdr)
	if r.status != 400 || strings.Contains(r.body, "bob@example.com") || !strings.Contains(r.body, "unknown entity type (not shown)") {
		t.Errorf("non-identifier type: %d %s", r.status, r.body)
	}
}

// bodyVariants sends the same scan request as plain, chunked, slowed-down,
// gzip and zstd bodies; each must give the same response.
func TestScanBodyEncodings(t *testing.T) {
	_, base := startServer(t, testConfig(), nil)
	c := testClient()
	payload := []byte(`{"text":"` + scanText + `","request_id":"same"}`)
	want := expectedScan(t, "same", "", scanText, false)
	send := func(name string, body io.Reader, length int64, hdr map[string]string) {
		req, _ := http.NewRequest("POST", base+"/v1/scan", body)
		req.ContentLength = length
		req.Header.Set("Content-Type", "application/json")
		for k, v := range hdr {
			req.Header.Set(k, v)
		}
		res, err := c.Do(req)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != 200 || string(b) != want {
			t.Errorf("%s: %d %s", name, res.StatusCode, b)
		}
	}
	send("content-length", bytes.NewReader(payload), int64(len(payload)), nil)
	send("chunked", io.MultiReader(bytes.NewReader(payload[:10]), bytes.NewReader(payload[10:])), -1, nil)
	pr, pw := io.Pipe()
	go func() {
		for i := range payload {
			pw.Write(payload[i : i+1])
			time.Sleep(time.Millisecond)
		}
		pw.Close()
	}()
	send("byte-by-byte", pr, -1, nil)
	gz := gzipBytes(t, payload)
	send("gzip", bytes.NewReader(gz), int64(len(gz)), map[string]string{"Content-Encoding": "gzip"})
	zs := zstdBytes(t, payload)
	send("zstd", bytes.NewReader(zs), int64(len(zs)), map[string]string{"Content-Encoding": "zstd"})
	send("zstd-chunked", io.MultiReader(bytes.NewReader(zs[:5]), bytes.NewReader(zs[5:])), -1, map[string]string{"Content-Encoding": "zstd"})
}

func TestBodyLimitsAndMediaTypes(t *testing.T) {
	cfg := testConfig()
	cfg.MaxBodyBytes = 1024
	_, base := startServer(t, cfg, nil)
	c := testClient()
	big := `{"text":"` + strings.Repeat("a", 2000) + `"}`
	r := do(t, c, "POST", base+"/v1/scan", strings.NewReader(big), jsonHdr)
	wantError(t, r, 413, "request_too_large", "request body exceeds limit")
	// Chunked: no Content-Length to reject early.
	r = do(t, c, "POST", base+"/v1/scan", io.MultiReader(strings.NewReader(big)), jsonHdr)
	wantError(t, r, 413, "request_too_large", "request body exceeds limit")
	// Small on the wire, too big decoded.
	gz := gzipBytes(t, []byte(big))
	r = do(t, c, "POST", base+"/v1/scan", bytes.NewReader(gz), jsonWith("Content-Encoding", "gzip"))
	wantError(t, r, 413, "request_too_large", "request body exceeds limit")
	// Exactly at the limit is accepted.
	exact := `{"text":"` + strings.Repeat("a", 1024-11) + `"}`
	if len(exact) != 1024 {
		t.Fatal(len(exact))
	}
	if r = do(t, c, "POST", base+"/v1/scan", strings.NewReader(exact), jsonHdr); r.status != 200 {
		t.Errorf("at limit: %d %s", r.status, r.body)
	}

	for _, tc := range []struct{ body, msg string }{
		{`{"text":`, "invalid JSON body"},
		{`not json`, "invalid JSON body"},
		{`["text"]`, "request body must be a JSON object"},
		{`{"text":5}`, "text must be a string"},
		{`{"text":""}`, "text is required"},
		{`{}`, "text is required"},
		{`{"text":"x","entity_types":"email"}`, "entity_types must be an array of strings"},
		{`{"text":"x","include_values":"yes"}`, "include_values must be a boolean"},
		{``, "invalid JSON body"},
	} {
		r := do(t, c, "POST", base+"/v1/scan", strings.NewReader(tc.body), jsonHdr)
		wantError(t, r, 400, "invalid_request", tc.msg)
	}
	for _, ct := range []string{"", "text/plain", "application/jsonx", "multipart/form-data; boundary=x"} {
		r := do(t, c, "POST", base+"/v1/scan", strings.NewReader(`{"text":"a"}`), hdrs("Content-Type", ct))
		wantError(t, r, 415, "unsupported_media_type", "content-type must be application/json")
	}
	if r := do(t, c, "POST", base+"/v1/scan", strings.NewReader(`{"text":"a"}`), hdrs("Content-Type", "Application/JSON; charset=utf-8")); r.status != 200 {
		t.Errorf("json with charset: %d", r.status)
	}
	r = do(t, c, "POST", base+"/v1/scan", strings.NewReader(`{"text":"a"}`), jsonWith("Content-Encoding", "br"))
	wantError(t, r, 415, "unsupported_media_type", "content-encoding must be identity, gzip or zstd")
	r = do(t, c, "POST", base+"/v1/scan", strings.NewReader(`{"text":"a"}`), jsonWith("Content-Encoding", "gzip"))
	wantError(t, r, 400, "invalid_request", "request body is not valid for its content-encoding")
}

func TestRoutingAndRequestIDs(t *testing.T) {
	_, base := startServer(t, testConfig(), nil)
	c := testClient()
	r := do(t, c, "GET", base+"/nope", nil, nil)
	wantError(t, r, 404, "not_found", "endpoint not found")
	r = do(t, c, "GET", base+"/v1/scan/", nil, nil)
	wantError(t, r, 404, "not_found", "endpoint not found")
	r = do(t, c, "GET", base+"/v1/scan", nil, nil)
	wantError(t, r, 405, "method_not_allowed", "method not allowed")
	if r.header.Get("Allow") != "POST" {
		t.Errorf("Allow = %q", r.header.Get("Allow"))
	}
	r = do(t, c, "POST", base+"/health", nil, nil)
	if r.status != 405 || r.header.Get("Allow") != "GET, HEAD" {
		t.Errorf("POST /health: %d %q", r.status, r.header.Get("Allow"))
	}
	// A bad caller id is replaced, a good one reflected.
	r = do(t, c, "GET", base+"/health", nil, hdrs("X-Request-ID", strings.Repeat("x", 200)))
	if id := r.header.Get("X-Request-ID"); id == "" || len(id) > 64 {
		t.Errorf("oversized id reflected: %q", id)
	}
	r = do(t, c, "GET", base+"/health", nil, hdrs("X-Request-ID", "ok-id.1"))
	if r.header.Get("X-Request-ID") != "ok-id.1" {
		t.Errorf("id not reflected")
	}
	pol := testPolicy(t)
	bi := buildinfo.Get()
	wantHealthPrefix := `{"status":"ok","policy_id":"` + pol.Policy.PolicyID + `","policy_version":"` + pol.Policy.PolicyVersion + `","started_at":"`
	if r.status != 200 || !strings.HasPrefix(r.body, wantHealthPrefix) || !strings.HasSuffix(r.body, `","receipts":"ok","version":"`+bi.Version+`","commit":"`+bi.Commit+`","built_at":"`+bi.Date+`"}`+"\n") {
		t.Errorf("health: %d %s", r.status, r.body)
	}
	r = do(t, c, "GET", base+"/v1/policy/version", nil, nil)
	if want := `{"policy_id":"` + pol.Policy.PolicyID + `","policy_version":"` + pol.Policy.PolicyVersion + "\"}\n"; r.body != want {
		t.Errorf("policy version: %s", r.body)
	}
	r = do(t, c, "GET", base+"/v1/receipts/unknown-id", nil, nil)
	wantError(t, r, 404, "not_found", "receipt not found")
}

func TestAuth(t *testing.T) {
	cfg := testConfig()
	cfg.APIToken = "secret-token"
	_, base := startServer(t, cfg, nil)
	c := testClient()
	body := `{"text":"a"}`
	cases := []struct {
		hdr  map[string]string
		want int
	}{
		{jsonHdr, 401},
		{jsonWith("Authorization", "Bearer wrong"), 401},
		{jsonWith("Authorization", "secret-token"), 401},
		{jsonWith("Authorization", "Bearer secret-token"), 200},
		{jsonWith("X-API-Key", "secret-token"), 200},
		{jsonWith("X-API-Key", "secret-tokenx"), 401},
		{jsonWith("Authorization", "Bearer secret-token", "X-API-Key", "secret-token"), 200},
		{jsonWith("Authorization", "Bearer secret-token", "X-API-Key", "wrong"), 401},
		{jsonWith("Authorization", "Bearer wrong", "X-API-Key", "secret-token"), 401},
	}
	for i, tc := range cases {
		r := do(t, c, "POST", base+"/v1/scan", strings.NewReader(body), tc.hdr)
		if tc.want == 401 {
			wantError(t, r, 401, "unauthorized", "missing or invalid API token")
		} else if r.status != tc.want {
			t.Errorf("case %d: %d %s", i, r.status, r.body)
		}
	}
	if r := do(t, c, "GET", base+"/health", nil, nil); r.status != 200 {
		t.Errorf("/health needs no token: %d", r.status)
	}
	if r := do(t, c, "GET", base+"/metrics", nil, nil); r.status != 401 {
		t.Errorf("/metrics without token: %d", r.status)
	}
}

func TestNewRefusesOpenNonLoopback(t *testing.T) {
	cfg := testConfig()
	cfg.Addr = "0.0.0.0:0"
	if _, err := New(cfg, testPolicy(t), newFakeStore()); err == nil ||
		err.Error() != "transport: config: DATAFOG_ADDR (--addr): refusing to listen on the non-loopback address 0.0.0.0:0 without DATAFOG_API_TOKEN, DATAFOG_API_TOKENS_FILE or DATAFOG_TLS_CLIENT_CA_FILE (set one, or pass --allow-unauthenticated)" {
		t.Fatalf("got %v", err)
	}
	cfg.AllowUnauthenticated = true
	if _, err := New(cfg, testPolicy(t), newFakeStore()); err != nil {
		t.Fatal(err)
	}
	cfg.AllowUnauthenticated = false
	cfg.APIToken = "t"
	if _, err := New(cfg, testPolicy(t), newFakeStore()); err != nil {
		t.Fatal(err)
	}
}

func TestRateLimit(t *testing.T) {
	cfg := testConfig()
	cfg.RateLimitRPS = 0.5
	cfg.RateLimitBurst = 2
	s, base := startServer(t, cfg, nil)
	c := testClient()
	for i := range 2 {
		if r := do(t, c, "GET", base+"/v1/policy/version", nil, nil); r.status != 200 {
			t.Fatalf("request %d: %d", i, r.status)
		}
	}
	r := do(t, c, "GET", base+"/v1/policy/version", nil, nil)
	wantError(t, r, 429, "rate_limited", "rate limit exceeded")
	if r.header.Get("Retry-After") != "2" {
		t.Errorf("Retry-After = %q", r.header.Get("Retry-After"))
	}
	if r := do(t, c, "GET", base+"/health", nil, nil); r.status != 200 {
		t.Errorf("/health is not rate limited: %d", r.status)
	}
	if s.m.limited.Load() != 1 {
		t.Errorf("limited counter = %d", s.m.limited.Load())
	}
}

func TestIdempotency(t *testing.T) {
	store := newFakeStore()
	_, base := startServer(t, testConfig(), store)
	c := testClient()
	first := do(t, c, "POST", base+"/v1/scan", strings.NewReader(`{"text":"`+scanText+`","idempotency_key":"k1","request_id":"a"}`), jsonHdr)
	// Same payload, different request_id: replayed byte for byte.
	again := do(t, c, "POST", base+"/v1/scan", strings.NewReader(`{"text":"`+scanText+`","idempotency_key":"k1","request_id":"b"}`), jsonHdr)
	if first.status != 200 || again.status != 200 || again.body != first.body || again.header.Get("Idempotent-Replayed") != "true" {
		t.Fatalf("replay: %d %s / %d %s", first.status, first.body, again.status, again.body)
	}
	r := do(t, c, "POST", base+"/v1/scan", strings.NewReader(`{"text":"other","idempotency_key":"k1"}`), jsonHdr)
	wantError(t, r, 409, "idempotency_conflict", "different request payload for the same idempotency key")
	// The header form, and keys are per route.
	h := jsonWith("Idempotency-Key", "k1")
	d1 := do(t, c, "POST", base+"/v1/decide", strings.NewReader(`{"action":{"type":"file.write"},"text":"`+scanText+`"}`), h)
	d2 := do(t, c, "POST", base+"/v1/decide", strings.NewReader(`{"action":{"type":"file.write"},"text":"`+scanText+`"}`), h)
	if d1.status != 200 || d2.body != d1.body {
		t.Fatalf("decide replay: %d %s / %s", d1.status, d1.body, d2.body)
	}
	if store.count() != 1 {
		t.Fatalf("replay wrote a receipt: %d receipts", store.count())
	}
	r = do(t, c, "POST", base+"/v1/decide", strings.NewReader(`{"action":{"type":"file.read"},"text":"`+scanText+`"}`), h)
	wantError(t, r, 409, "idempotency_conflict", "different request payload for the same idempotency key")
}

func TestDecideWritesReceipt(t *testing.T) {
	store := newFakeStore()
	_, base := startServer(t, testConfig(), store)
	c := testClient()
	r := do(t, c, "POST", base+"/v1/decide", strings.NewReader(`{"action":{"type":"file.write","tool":"fs","args":["a"]},"text":"`+scanText+`","tenant_id":"t1","request_id":"req-9"}`), jsonHdr)
	if r.status != 200 {
		t.Fatalf("%d %s", r.status, r.body)
	}
	var got struct {
		RequestID    string            `json:"request_id"`
		Decision     string            `json:"decision"`
		ReceiptID    string            `json:"receipt_id"`
		MatchedRules []string          `json:"matched_rules"`
		Findings     []json.RawMessage `json:"findings"`
		PolicyID     string            `json:"policy_id"`
	}
	if err := json.Unmarshal([]byte(r.body), &got); err != nil {
		t.Fatal(err)
	}
	pol := testPolicy(t)
	fs := pol.Engine.Scan(nil, []byte(scanText), engine.Filter{})
	want := pol.Decide(actionFor("file.write", "fs", "a"), fs)
	if got.RequestID != "req-9" || got.Decision != want.Decision || got.ReceiptID != "rcpt-1" || len(got.Findings) != len(fs) || got.PolicyID != pol.Policy.PolicyID {
		t.Fatalf("decide response: %s (want decision %s)", r.body, want.Decision)
	}
	rec, err := store.Get("rcpt-1")
	if err != nil {
		t.Fatal(err)
	}
	if rec.InputHash != store.Hash([]byte(scanText)) || rec.TenantID != "t1" || rec.Decision != want.Decision ||
		rec.ActionHash != store.Hash([]byte(`{"type":"file.write","tool":"fs","resource":"","command":"","adapter":"","args":["a"],"sensitive":false}`)) {
		t.Fatalf("receipt: %+v", rec)
	}
	if len(rec.Findings) == 0 || rec.Findings[0].ValueHash != store.Hash([]byte("alice@example.com")) {
		t.Fatalf("receipt findings: %+v", rec.Findings)
	}
	recJSON, _ := json.Marshal(rec)
	if bytes.Contains(recJSON, []byte("alice")) {
		t.Fatal("receipt holds a raw value")
	}
	g := do(t, c, "GET", base+"/v1/receipts/rcpt-1", nil, nil)
	if g.status != 200 || !strings.Contains(g.body, `"receipt_id":"rcpt-1"`) || strings.Contains(g.body, "alice") {
		t.Fatalf("get receipt: %d %s", g.status, g.body)
	}
	// Findings supplied by the caller, with values but no text.
	r = do(t, c, "POST", base+"/v1/decide", strings.NewReader(`{"action":{"type":"x"},"findings":[{"entity_type":"ssn","value":"123-45-6789","start":0,"end":11,"confidence":0.9}],"include_values":true}`), jsonHdr)
	if r.status != 200 || !strings.Contains(r.body, `"findings":[{"entity_type":"ssn","value":"123-45-6789","start":0,"end":11,"confidence":0.9}]`) {
		t.Fatalf("given findings: %s", r.body)
	}
	rec2, _ := store.Get("rcpt-2")
	if rec2 == nil || rec2.Findings[0].ValueHash != store.Hash([]byte("123-45-6789")) || rec2.InputHash != "" {
		t.Fatalf("receipt 2: %+v", rec2)
	}
	for _, tc := range []struct{ body, msg string }{
		{`{"text":"a"}`, "action.type is required"},
		{`{"action":{"type":""}}`, "action.type is required"},
		{`{"action":{"type":5}}`, "action fields must be strings"},
		{`{"action":{"type":"x"},"text":"abc","findings":[{"entity_type":"email","start":1,"end":9}]}`, "finding offsets are out of range"},
		{`{"action":{"type":"x"},"findings":[{"start":1,"end":2}]}`, "finding entity_type is required"},
		{`{"action":{"type":"x"},"findings":[{"entity_type":"e","start":1,"end":2,"confidence":2}]}`, "finding confidence must be a number in [0, 1]"},
	} {
		wantError(t, do(t, c, "POST", base+"/v1/decide", strings.NewReader(tc.body), jsonHdr), 400, "invalid_request", tc.msg)
	}
	// A failing log: 503 receipt_error, and /health degrades.
	store.mu.Lock()
	store.appendErr = errTestInjected
	store.mu.Unlock()
	wantError(t, do(t, c, "POST", base+"/v1/decide", strings.NewReader(`{"action":{"type":"x"}}`), jsonHdr), 503, "receipt_error", "unable to persist receipt")
	store.mu.Lock()
	store.appendErr, store.failed = nil, errTestInjected
	store.mu.Unlock()
	wantError(t, do(t, c, "POST", base+"/v1/decide", strings.NewReader(`{"action":{"type":"x"}}`), jsonHdr), 503, "receipt_error", "unable to persist receipt")
	h := do(t, c, "GET", base+"/health", nil, nil)
	if h.status != 503 || !strings.HasPrefix(h.body, `{"status":"degraded"`) || !strings.Contains(h.body, `"receipts":"failed"`) {
		t.Fatalf("health: %d %s", h.status, h.body)
	}
}

func TestTransformAndAnonymize(t *testing.T) {
	_, base := startServer(t, testConfig(), nil)
	c := testClient()
	for _, mode := range []string{"mask", "redact", "tokenize", "hash", "anonymize"} {
		r := do(t, c, "POST", base+"/v1/transform", strings.NewReader(`{"text":"`+scanText+`","mode":"`+mode+`","request_id":"r"}`), jsonHdr)
		out, stats := expectedTransform(t, mode, nil, scanText)
		pol := testPolicy(t)
		want := `{"request_id":"r","trace_id":"","output":` + string(appendJSONString(nil, out)) + `,"policy_id":"` + pol.Policy.PolicyID +
			`","policy_version":"` + pol.Policy.PolicyVersion + `","stats":{"entities_transformed":` + strconv.Itoa(stats) + `,"modes_applied":"email:` + mode + "\"}}\n"
		if r.status != 200 || r.body != want {
			t.Errorf("mode %s:\n got %s\nwant %s", mode, r.body, want)
		}
		if strings.Contains(out, "alice@example.com") {
			t.Errorf("mode %s left the value", mode)
		}
	}
	r := do(t, c, "POST", base+"/v1/transform", strings.NewReader(`{"text":"`+scanText+`","entity_modes":{"email":"mask"},"mode":"redact"}`), jsonHdr)
	out, _ := expectedTransform(t, "redact", map[string]string{"email": "mask"}, scanText)
	if !strings.Contains(r.body, `"output":`+string(appendJSONString(nil, out))) || !strings.Contains(r.body, `"modes_applied":"email:mask"`) {
		t.Errorf("entity_modes: %s", r.body)
	}
	r = do(t, c, "POST", base+"/v1/anonymize", strings.NewReader(`{"text":"`+scanText+`"}`), jsonHdr)
	if !strings.Contains(r.body, `"modes_applied":"email:anonymize"`) {
		t.Errorf("anonymize: %s", r.body)
	}
	wantError(t, do(t, c, "POST", base+"/v1/transform", strings.NewReader(`{"text":"a","mode":"shred"}`), jsonHdr), 400, "invalid_request",
		`mode: unknown mode \"shred\"; valid: anonymize, hash, mask, redact, tokenize`)
	wantError(t, do(t, c, "POST", base+"/v1/transform", strings.NewReader(`{"text":"abc","findings":[{"entity_type":"x","start":0,"end":2},{"entity_type":"x","start":1,"end":3}]}`), jsonHdr), 400, "invalid_request", "findings must not overlap")
}

func TestMetricsAndCompression(t *testing.T) {
	_, base := startServer(t, testConfig(), nil)
	c := testClient()
	long := strings.Repeat(scanText+" ", 100)
	plain := do(t, c, "POST", base+"/v1/scan", strings.NewReader(`{"text":"`+long+`","request_id":"z"}`), jsonHdr)
	for _, enc := range []string{"gzip", "zstd"} {
		r := do(t, c, "POST", base+"/v1/scan", strings.NewReader(`{"text":"`+long+`","request_id":"z"}`), jsonWith("Accept-Encoding", enc))
		if r.header.Get("Content-Encoding") != enc {
			t.Fatalf("%s: Content-Encoding %q", enc, r.header.Get("Content-Encoding"))
		}
		var dec []byte
		if enc == "gzip" {
			zr, err := gzip.NewReader(strings.NewReader(r.body))
			if err != nil {
				t.Fatal(err)
			}
			dec, _ = io.ReadAll(zr)
		} else {
			d, _ := zstd.NewReader(nil)
			dec, _ = d.DecodeAll([]byte(r.body), nil)
			d.Close()
		}
		if string(dec) != plain.body {
			t.Fatalf("%s: decoded body differs", enc)
		}
	}
	m := do(t, c, "GET", base+"/metrics", nil, nil)
	for _, want := range []string{
		`datafog_http_requests_total{route="/v1/scan",code="200"} 3` + "\n",
		`datafog_http_request_duration_seconds_count{route="/v1/scan"} 3` + "\n",
		`datafog_findings_total{entity_type="email"} 300` + "\n",
		"datafog_scanned_bytes_total " + strconv.Itoa(3*len(long)) + "\n",
		"datafog_rate_limited_total 0\n",
	} {
		if !strings.Contains(m.body, want) {
			t.Errorf("metrics lack %q:\n%s", want, m.body)
		}
	}
	j := do(t, c, "GET", base+"/metrics", nil, hdrs("Accept", "application/json"))
	var shape map[string]any
	if err := json.Unmarshal([]byte(j.body), &shape); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"total_requests", "error_requests", "by_status", "by_path", "by_method", "started_at", "uptime_seconds"} {
		if _, ok := shape[k]; !ok {
			t.Errorf("json metrics lack %s: %s", k, j.body)
		}
	}
	if shape["total_requests"].(float64) != 4 || shape["by_path"].(map[string]any)["/v1/scan"].(float64) != 3 {
		t.Errorf("json metrics counts: %s", j.body)
	}
}

func TestPanicRecovery(t *testing.T) {
	store := &panicStore{fakeStore: newFakeStore()}
	_, base := startServer(t, testConfig(), store)
	c := testClient()
	r := do(t, c, "POST", base+"/v1/decide", strings.NewReader(`{"action":{"type":"x"},"text":"secret text"}`), jsonHdr)
	wantError(t, r, 500, "internal_error", "internal server error")
	if strings.Contains(r.body, "secret") || strings.Contains(r.body, ".go") {
		t.Fatal("panic leaked details")
	}
	if r := do(t, c, "GET", base+"/health", nil, nil); r.status != 200 {
		t.Fatalf("server down after panic: %d", r.status)
	}
}

type panicStore struct{ *fakeStore }

func (p *panicStore) Append(context.Context, *receipts.Record) (string, error) {
	panic("boom with secret text at /src/x.go:12")
}

// TestConfigValidateListsEveryProblem: Validate reports every bad field at
// once, the address and token rule included, without quoting values.
func TestConfigValidateListsEveryProblem(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Addr = "0.0.0.0:99999"
	cfg.MaxHeaderBytes = 10
	cfg.ReadTimeout = -1
	err := cfg.Validate()
	var ce *ConfigError
	if !errors.As(err, &ce) {
		t.Fatalf("got %v", err)
	}
	want := []string{"MaxHeaderBytes must be between 4096 and 1048576", "timeouts must not be negative",
		"DATAFOG_ADDR (--addr): the port must be a number from 0 to 65535"}
	if strings.Join(ce.Problems, "|") != strings.Join(want, "|") {
		t.Fatalf("problems %q, want %q", ce.Problems, want)
	}
	for addr, want := range map[string]string{
		"localhost:8080": "", "127.0.0.1:0": "", "[::1]:8080": "", "datafog.internal:8080": "",
		"8080":           "DATAFOG_ADDR (--addr): want host:port, such as 127.0.0.1:8080 or :8080",
		"bad host!:8080": "DATAFOG_ADDR (--addr): the host must be an IP address or a host name",
		"127.0.0.1:http": "DATAFOG_ADDR (--addr): the port must be a number from 0 to 65535",
		":8080":          "DATAFOG_ADDR (--addr): refusing to listen on the non-loopback address :8080 without DATAFOG_API_TOKEN, DATAFOG_API_TOKENS_FILE or DATAFOG_TLS_CLIENT_CA_FILE (set one, or pass --allow-unauthenticated)",
	} {
		c := DefaultConfig()
		c.Addr = addr
		if addr == "datafog.internal:8080" {
			c.APIToken = "t"
		}
		got := ""
		if err := c.Validate(); err != nil {
			got = strings.Join(err.(*ConfigError).Problems, "|")
		}
		if got != want {
			t.Errorf("%q: got %q, want %q", addr, got, want)
		}
	}
}
