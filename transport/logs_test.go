package transport

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"sync"
	"testing"

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
	body := `{"text":"` + text + `","include_values":true}`

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

	out := logs.String()
	if !strings.Contains(out, `"level"`) {
		t.Fatal("the server logged nothing; the test would prove nothing")
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
