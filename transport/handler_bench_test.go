package transport

import (
	"testing"

	"github.com/valyala/fasthttp"
)

// BenchmarkScanHandler1K drives POST /v1/scan with benchBody1K (about 1 KB
// of text) through the handler directly, without a network: the request
// path from the body read to the response, strict member checks included.
//
//	go test -run '^$' -bench ScanHandler1K -benchtime 1s -count 5 ./transport/
func BenchmarkScanHandler1K(b *testing.B) {
	s, err := New(testConfig(), testPolicy(b), newFakeStore())
	if err != nil {
		b.Fatal(err)
	}
	h := s.Handler()
	var ctx fasthttp.RequestCtx
	var req fasthttp.Request
	b.SetBytes(int64(len(benchBody1K)))
	b.ReportAllocs()
	for b.Loop() {
		req.Reset()
		req.Header.SetMethod("POST")
		req.SetRequestURI("/v1/scan")
		req.Header.SetContentType("application/json")
		req.SetBodyRaw(benchBody1K)
		ctx.Init(&req, nil, nil)
		h(&ctx)
		if ctx.Response.StatusCode() != 200 {
			b.Fatalf("status %d: %s", ctx.Response.StatusCode(), ctx.Response.Body())
		}
	}
}
