package transport

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestHeadOnGetRoutes: every GET route answers HEAD with the GET's status
// and headers and no body; POST routes still refuse it.
func TestHeadOnGetRoutes(t *testing.T) {
	_, base := startServer(t, testConfig(), nil)
	c := testClient()
	for _, path := range []string{"/health", "/metrics", "/v1/policy/version", "/v1/entities", "/openapi.json"} {
		get := do(t, c, "GET", base+path, nil, nil)
		head := do(t, c, "HEAD", base+path, nil, nil)
		if head.status != get.status || head.body != "" || head.header.Get("Content-Type") != get.header.Get("Content-Type") {
			t.Errorf("HEAD %s: %d %q %q; GET: %d %q", path, head.status, head.body, head.header.Get("Content-Type"), get.status, get.header.Get("Content-Type"))
		}
		if path != "/metrics" && head.header.Get("Content-Length") != strconv.Itoa(len(get.body)) {
			t.Errorf("HEAD %s: Content-Length %q, GET body %d bytes", path, head.header.Get("Content-Length"), len(get.body))
		}
	}
	r := do(t, c, "HEAD", base+"/v1/scan", nil, nil)
	if r.status != 405 || r.header.Get("Allow") != "POST" {
		t.Errorf("HEAD /v1/scan: %d Allow %q", r.status, r.header.Get("Allow"))
	}
	r = do(t, c, "DELETE", base+"/health", nil, nil)
	if r.status != 405 || r.header.Get("Allow") != "GET, HEAD" {
		t.Errorf("DELETE /health: %d Allow %q", r.status, r.header.Get("Allow"))
	}
}

// TestOversizedHeadersAnswer431: headers past MaxHeaderBytes get 431 with
// the contract's error body.
func TestOversizedHeadersAnswer431(t *testing.T) {
	cfg := testConfig()
	cfg.MaxHeaderBytes = minHeaderBytes
	_, base := startServer(t, cfg, nil)
	conn, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(5 * time.Second))
	req := "GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + strings.Repeat("a", 2*minHeaderBytes) + "\r\n\r\n"
	if _, err := io.WriteString(conn, req); err != nil {
		t.Fatal(err)
	}
	res, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	rid := res.Header.Get("X-Request-ID")
	if res.StatusCode != 431 || string(b) != errBody("request_headers_too_large", "request headers exceed limit", rid) {
		t.Fatalf("got %d %q", res.StatusCode, b)
	}
}

// TestRedactStreamContentType: the redacted body is labelled with the
// request's type when that is text, else application/octet-stream (never
// a form type).
func TestRedactStreamContentType(t *testing.T) {
	_, base := startServer(t, testConfig(), nil)
	c := testClient()
	for sent, want := range map[string]string{
		"":                                  "application/octet-stream",
		"text/plain":                        "text/plain",
		"text/csv; charset=utf-8":           "text/csv; charset=utf-8",
		"Text/Plain; Charset=UTF-8; x=1":    "text/plain; charset=UTF-8",
		"application/json":                  "application/json",
		"application/x-ndjson":              "application/x-ndjson",
		"application/x-www-form-urlencoded": "application/octet-stream",
		"application/octet-stream":          "application/octet-stream",
		"image/png":                         "application/octet-stream",
	} {
		var h map[string]string
		if sent != "" {
			h = hdrs("Content-Type", sent)
		}
		r := do(t, c, "POST", base+"/v1/redact/stream", strings.NewReader("mail bob@example.com\n"), h)
		if r.status != 200 || r.header.Get("Content-Type") != want || r.body != "mail [REDACTED]\n" {
			t.Errorf("sent %q: %d %q %q, want type %q", sent, r.status, r.header.Get("Content-Type"), r.body, want)
		}
	}
}

// TestRequestIDCharset: a caller's X-Request-ID is reflected only when it
// is 1-128 bytes of letters, digits and "-_.:/+=@"; anything else is
// replaced by a generated id.
func TestRequestIDCharset(t *testing.T) {
	_, base := startServer(t, testConfig(), nil)
	c := testClient()
	for id, kept := range map[string]bool{
		"rid-42": true, "6f1c2a9e-1b7d-4c8e-9f0a-2b3c4d5e6f70": true, "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01": true,
		"dGVzdA==": true, "svc@host:/a+b": true, strings.Repeat("a", 128): true,
		strings.Repeat("a", 129): false, "<script>": false, "a b": false, "a;b": false, "a,b": false, "a'b": false,
		"a%20b": false, "id\tx": false, `a"b`: false,
	} {
		r := do(t, c, "GET", base+"/health", nil, hdrs("X-Request-ID", id))
		got := r.header.Get("X-Request-ID")
		if kept != (got == id) || got == "" || !validRequestID([]byte(got)) {
			t.Errorf("sent %q: got %q (kept %v)", id, got, kept)
		}
	}
}
