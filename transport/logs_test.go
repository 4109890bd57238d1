package transport

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/datafog/datafog-api/receipts"
)

// syncBuffer is a bytes.Buffer safe for the server's concurrent log writes.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestLogsNeverCarryRequestText drives every route, the error paths and a
// panic with canary values in bodies, headers and query strings, logging at
// debug level, and then checks that no canary reached the log.
func TestLogsNeverCarryRequestText(t *testing.T) {
	const (
		email  = "canary.person@example.com"
		card   = "4111111111111111"
		secret = "Zq8sK2pLm9XvB4tR7wYc"
	)
	text := "mail " + email + " card " + card + " password=" + secret
	var logs syncBuffer
	cfg := testConfig()
	cfg.Logger = slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	cfg.APIToken = "tok-" + secret
	store := &panicOnTextStore{fakeStore: newFakeStore()}
	_, base := startServer(t, cfg, store)
	c := testClient()
	auth := map[string]string{"Content-Type": "application/json", "Authorization": "Bearer tok-" + secret}
	body := `{"text":"` + text + `"}`
	if r := do(t, c, "POST", base+"/v1/scan", strings.NewReader(`{"text":"`+text+`","include_values":true}`), auth); r.status != 200 {
		t.Fatalf("/v1/scan: %d %s", r.status, r.body)
	}
	for _, route := range []string{"/v1/scan", "/v1/transform", "/v1/anonymize"} {
		if r := do(t, c, "POST", base+route, strings.NewReader(body), auth); r.status != 200 {
			t.Fatalf("%s: %d %s", route, r.status, r.body)
		}
	}
	if r := do(t, c, "POST", base+"/v1/decide", strings.NewReader(`{"action":{"type":"file.write","resource":"/home/`+email+`"},"text":"`+text+`"}`), auth); r.status != 200 {
		t.Fatalf("decide: %d %s", r.status, r.body)
	}
	// Error paths: malformed JSON holding the canary, a wrong token that is
	// itself a secret, a bad mode, an unknown receipt id, a failing store
	// and a panic whose value holds the text.
	do(t, c, "POST", base+"/v1/scan", strings.NewReader(`{"text":"`+text+`",}`), auth)
	do(t, c, "POST", base+"/v1/scan", strings.NewReader(body), map[string]string{"Content-Type": "application/json", "X-API-Key": secret})
	do(t, c, "POST", base+"/v1/transform", strings.NewReader(`{"text":"`+text+`","mode":"`+secret+`"}`), auth)
	do(t, c, "GET", base+"/v1/receipts/"+secret, nil, auth)
	do(t, c, "POST", base+"/v1/redact/stream?mode="+secret, strings.NewReader(text), map[string]string{"Authorization": "Bearer tok-" + secret})
	do(t, c, "POST", base+"/v1/scan/stream?entity_types="+secret, strings.NewReader(text), map[string]string{"Authorization": "Bearer tok-" + secret})
	if r := do(t, c, "POST", base+"/v1/redact/stream", strings.NewReader(text), map[string]string{"Authorization": "Bearer tok-" + secret}); r.status != 200 {
		t.Fatalf("redact stream: %d", r.status)
	}
	if r := do(t, c, "POST", base+"/v1/decide", strings.NewReader(`{"action":{"type":"panic"},"text":"`+text+`"}`), auth); r.status != 500 {
		t.Fatalf("panic path: %d %s", r.status, r.body)
	}
	store.mu.Lock()
	store.appendErr = errTestInjected
	store.mu.Unlock()
	do(t, c, "POST", base+"/v1/decide", strings.NewReader(`{"action":{"type":"x"},"text":"`+text+`"}`), auth)

	// Malformed framing that fasthttp rejects before a handler runs: its
	// error text must not quote the request's bytes (the bearer token and
	// the canary in the bad line).
	addr := strings.TrimPrefix(base, "http://")
	bearer := "Authorization: Bearer tok-" + secret + "\r\n"
	for _, raw := range []string{
		"POST /v1/scan HTTP/1.1\r\nHost: x\r\n" + bearer + "no colon in " + email + "\r\nContent-Length: 2\r\n\r\n{}",
		"POST /v1/scan/stream HTTP/1.1\r\nHost: x\r\n" + bearer + "Transfer-Encoding: chunked\r\n\r\n" + card + "zz\r\n" + text + "\r\n0\r\n\r\n",
		"POST /v1/scan HTTP/1.1\r\nHost: x\r\n" + bearer + "Transfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\nq" + secret + "\r\n" + text + "\r\n0\r\n\r\n",
		"POST /v1/scan HTTP/1.1\r\nHost: x\r\n" + bearer + "X-Big: " + strings.Repeat(email+" ", 2000) + "\r\n\r\n",
	} {
		if r := rawExchange(t, addr, raw); !strings.HasPrefix(r, "HTTP/1.1 4") {
			t.Fatalf("malformed request answered %.40q", r)
		}
	}

	out := logs.String()
	if !strings.Contains(out, `"level"`) || !strings.Contains(out, `"msg":"transport: fasthttp"`) {
		t.Fatal("the server logged nothing, or nothing from fasthttp; the test would prove nothing")
	}
	for _, canary := range []string{email, card, secret, "canary.person"} {
		if strings.Contains(out, canary) {
			t.Fatalf("log carries request text %q:\n%s", canary, out)
		}
	}
}

// panicOnTextStore panics, with the text of the record's request in the
// panic value, when the action type is "panic".
type panicOnTextStore struct{ *fakeStore }

func (p *panicOnTextStore) Append(ctx context.Context, rec *receipts.Record) (string, error) {
	if rec.Action.Type == "panic" {
		panic("appending receipt for canary.person@example.com 4111111111111111")
	}
	return p.fakeStore.Append(ctx, rec)
}

// rawExchange writes raw on a new connection and returns what the server
// sends back until it closes the connection.
func rawExchange(t *testing.T, addr, raw string) string {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(5 * time.Second))
	if _, err := io.WriteString(conn, raw); err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(conn)
	return string(b)
}
