package transport

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/datafog/datafog-api/engine"
	"github.com/datafog/datafog-api/engine/policy"
	"github.com/datafog/datafog-api/engine/transform"
	"github.com/datafog/datafog-api/receipts"
)

// fakeStore is an in-memory ReceiptStore for tests.
type fakeStore struct {
	mu        sync.Mutex
	recs      map[string]*receipts.Record
	n         int
	failed    error // Err()
	appendErr error // Append fails with it
}

func newFakeStore() *fakeStore { return &fakeStore{recs: map[string]*receipts.Record{}} }

var fakeKey = []byte("test-receipt-key")

func (f *fakeStore) Append(_ context.Context, rec *receipts.Record) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.appendErr != nil {
		return "", f.appendErr
	}
	f.n++
	id := "rcpt-" + strconv.Itoa(f.n)
	cp := *rec
	cp.ReceiptID = id
	f.recs[id] = &cp
	return id, nil
}

func (f *fakeStore) Get(id string) (*receipts.Record, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	r, ok := f.recs[id]
	if !ok {
		return nil, receipts.ErrNotFound
	}
	cp := *r
	return &cp, nil
}

func (f *fakeStore) Hash(data []byte) string {
	m := hmac.New(sha256.New, fakeKey)
	m.Write(data)
	return hex.EncodeToString(m.Sum(nil))
}

func (f *fakeStore) Err() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.failed
}

func (f *fakeStore) count() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.recs)
}

var (
	testPolOnce sync.Once
	testPol     *policy.Compiled
	testPolErr  error
)

// testPolicy compiles the embedded default policy once.
func testPolicy(t testing.TB) *policy.Compiled {
	t.Helper()
	testPolOnce.Do(func() { testPol, testPolErr = policy.Compile(policy.Default(), "") })
	if testPolErr != nil {
		t.Fatalf("compile default policy: %v", testPolErr)
	}
	return testPol
}

func quietLogger() *slog.Logger { return slog.New(slog.NewJSONHandler(io.Discard, nil)) }

// testConfig is DefaultConfig with a quiet logger and a token key.
func testConfig() Config {
	c := DefaultConfig()
	c.Logger = quietLogger()
	c.TokenKey = []byte("test-token-key")
	return c
}

// startServer runs a Server on a loopback port and returns it with its
// base URL; it is shut down when the test ends.
func startServer(t testing.TB, cfg Config, rec ReceiptStore) (*Server, string) {
	t.Helper()
	if rec == nil {
		rec = newFakeStore()
	}
	cfg.Addr = "127.0.0.1:0"
	s, err := New(cfg, testPolicy(t), rec)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- s.Serve(ln) }()
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := s.Shutdown(ctx); err != nil {
			t.Errorf("Shutdown: %v", err)
		}
		if err := <-done; err != nil {
			t.Errorf("Serve: %v", err)
		}
	})
	return s, "http://" + ln.Addr().String()
}

// testClient never follows redirects and never asks for compression
// implicitly.
func testClient() *http.Client {
	return &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{DisableCompression: true, MaxIdleConnsPerHost: 64}}
}

type resp struct {
	status int
	header http.Header
	body   string
}

// do sends a request and reads the whole response.
func do(t testing.TB, c *http.Client, method, url string, body io.Reader, hdr map[string]string) resp {
	t.Helper()
	req, err := http.NewRequest(method, url, body)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	res, err := c.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, url, err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatalf("%s %s: read body: %v", method, url, err)
	}
	return resp{res.StatusCode, res.Header, string(b)}
}

var jsonHdr = map[string]string{"Content-Type": "application/json"}

// errBody is the exact error body for code, message and request id.
func errBody(code, msg, rid string) string {
	return `{"error":{"code":"` + code + `","message":"` + msg + `","request_id":"` + rid + `"}}` + "\n"
}

// wantError checks an error response exactly, using the response's own
// X-Request-ID.
func wantError(t testing.TB, r resp, status int, code, msg string) {
	t.Helper()
	rid := r.header.Get("X-Request-ID")
	if rid == "" {
		t.Errorf("error response without X-Request-ID")
	}
	if r.status != status || r.body != errBody(code, msg, rid) {
		t.Errorf("got %d %q, want %d %q", r.status, r.body, status, errBody(code, msg, rid))
	}
}

var errTestInjected = errors.New("injected failure")

func hdrs(kv ...string) map[string]string {
	m := map[string]string{}
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i]] = kv[i+1]
	}
	return m
}

func jsonWith(kv ...string) map[string]string {
	return hdrs(append([]string{"Content-Type", "application/json"}, kv...)...)
}

var _ = strings.Repeat

func actionFor(typ, tool string, args ...string) policy.Action {
	return policy.Action{Type: typ, Tool: tool, Args: args}
}

// expectedTransform applies the transform package directly: the output and
// the number of replaced findings.
func expectedTransform(t testing.TB, mode string, perEntity map[string]string, text string) (string, int) {
	t.Helper()
	opts := transform.Options{Default: transform.Mode(mode), Key: testConfig().TokenKey}
	if perEntity != nil {
		opts.PerEntity = map[engine.EntityType]transform.Mode{}
		for k, v := range perEntity {
			opts.PerEntity[engine.EntityType(k)] = transform.Mode(v)
		}
	}
	tr, err := transform.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	fs := testPolicy(t).Engine.Scan(nil, []byte(text), engine.Filter{})
	out, st := tr.Apply(nil, []byte(text), fs)
	return string(out), st.Transformed
}
