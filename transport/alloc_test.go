//go:build !race

package transport

import (
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/valyala/fasthttp"
)

// TestAllocsAppenders pins the response encoders at zero allocations.
func TestAllocsAppenders(t *testing.T) {
	buf := make([]byte, 0, 64<<10)
	if n := testing.AllocsPerRun(100, func() {
		buf = appendFindings(buf[:0], benchFindings, nil, nil, false)
		buf = appendJSONString(buf, "quote\" and ünïcode")
	}); n != 0 {
		t.Fatalf("appenders allocate %.1f times", n)
	}
}

// TestAllocsScanHandler bounds the allocations of a whole /v1/scan request
// (no idempotency key) through the handler, body read, parse, scan and
// encoding included. The two allowed are the harness's own: ctx.Init
// copies the request into the context.
func TestAllocsScanHandler(t *testing.T) {
	s, err := New(testConfig(), testPolicy(t), newFakeStore())
	if err != nil {
		t.Fatal(err)
	}
	h := s.Handler()
	var ctx fasthttp.RequestCtx
	var req fasthttp.Request
	run := func() {
		req.Reset()
		req.Header.SetMethod("POST")
		req.SetRequestURI("/v1/scan")
		req.Header.SetContentType("application/json")
		req.SetBodyRaw(benchScanNoKey)
		ctx.Init(&req, nil, nil)
		h(&ctx)
		if ctx.Response.StatusCode() != 200 {
			t.Fatalf("status %d: %s", ctx.Response.StatusCode(), ctx.Response.Body())
		}
	}
	run()
	n := testing.AllocsPerRun(200, run)
	t.Logf("allocs per /v1/scan request: %.1f", n)
	if n > 2 {
		t.Fatalf("/v1/scan allocates %.1f times per request, want at most 2", n)
	}
}

var benchScanNoKey = []byte(`{"text":"` + strings.Repeat("Contact alice@example.com or call 555-867-5309; ", 20) + `","entity_types":["email","phone"]}`)

// TestAllocsScanHandlerBehindProxy is TestAllocsScanHandler with issue
// 20's per-request work on: a token from a tokens file, a trusted proxy
// peer whose X-Forwarded-For is walked, and the rate limiter keyed by the
// forwarded client. It allocates no more.
func TestAllocsScanHandlerBehindProxy(t *testing.T) {
	dir := t.TempDir()
	tokens := filepath.Join(dir, "tokens")
	if err := os.WriteFile(tokens, []byte("alpha alpha-token-0123456789\nbeta beta-token-0123456789\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg := testConfig()
	cfg.APITokensFile = tokens
	cfg.TrustedProxies = "10.0.0.0/8"
	cfg.IdentityHeader = "l5d-client-id"
	cfg.RateLimitRPS, cfg.RateLimitBurst = 1e9, 1<<30
	s, err := New(cfg, testPolicy(t), newFakeStore())
	if err != nil {
		t.Fatal(err)
	}
	h := s.Handler()
	var ctx fasthttp.RequestCtx
	var req fasthttp.Request
	peer := &net.TCPAddr{IP: net.IPv4(10, 1, 2, 3), Port: 4000}
	run := func() {
		req.Reset()
		req.Header.SetMethod("POST")
		req.SetRequestURI("/v1/scan")
		req.Header.SetContentType("application/json")
		req.Header.Set("Authorization", "Bearer beta-token-0123456789")
		req.Header.Set("X-Forwarded-For", "198.51.100.1, 203.0.113.9, 10.0.0.2")
		req.Header.Set("L5d-Client-Id", "spiffe://cluster.local/ns/a/sa/b")
		req.SetBodyRaw(benchScanNoKey)
		ctx.Init(&req, peer, nil)
		h(&ctx)
		if ctx.Response.StatusCode() != 200 {
			t.Fatalf("status %d: %s", ctx.Response.StatusCode(), ctx.Response.Body())
		}
	}
	run()
	if got := s.clientAddr(&ctx); got.String() != "203.0.113.9" {
		t.Fatalf("client %s", got)
	}
	n := testing.AllocsPerRun(200, run)
	t.Logf("allocs per /v1/scan request behind a trusted proxy: %.1f", n)
	if n > 2 {
		t.Fatalf("/v1/scan behind a trusted proxy allocates %.1f times per request, want at most 2", n)
	}
}
