//go:build !race

package transport

import (
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
