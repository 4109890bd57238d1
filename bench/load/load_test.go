package load

import (
	"context"
	"net"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/valyala/fasthttp"
)

func TestCheckLoopback(t *testing.T) {
	for _, u := range []string{"http://127.0.0.1:8080/v1/scan", "http://127.9.8.7/", "http://[::1]:1/x", "http://localhost:9/", "http://LOCALHOST/"} {
		if _, err := parseTarget(u, false); err != nil {
			t.Errorf("%s refused: %v", u, err)
		}
	}
	refused := []string{
		"http://10.0.0.1:8080/", "http://192.168.1.1/", "http://example.com/", "http://0.0.0.0:80/",
		"http://[::2]/", "http://[::ffff:8.8.8.8]/", "http://127.0.0.1.nip.io/", "http://localhost.example.com/",
		"http://8.8.8.8/", "http://169.254.169.254/",
	}
	for _, u := range refused {
		_, err := parseTarget(u, false)
		if err == nil || !strings.Contains(err.Error(), "is not loopback") {
			t.Errorf("%s: error = %v, want a loopback refusal", u, err)
		}
		_, err = Run(context.Background(), Config{URL: u, Duration: time.Second})
		if err == nil {
			t.Errorf("Run(%s) did not refuse", u)
		}
	}
	if _, err := parseTarget("https://127.0.0.1/", false); err == nil || !strings.Contains(err.Error(), "scheme must be http, or https with Config.TLSConfig") {
		t.Errorf("https without a TLS configuration: error = %v", err)
	}
	if tg, err := parseTarget("https://127.0.0.1/", true); err != nil || tg.addr != "127.0.0.1:443" || !tg.tls {
		t.Errorf("https with a TLS configuration: %+v %v", tg, err)
	}
	if _, err := parseTarget("https://10.0.0.1/", true); err == nil || !strings.Contains(err.Error(), "is not loopback") {
		t.Errorf("https to a non-loopback host: error = %v", err)
	}
	if got := localhostAddr(t); got != "127.0.0.1:9" {
		t.Errorf("localhost dials %q, want 127.0.0.1:9", got)
	}
}

func localhostAddr(t *testing.T) string {
	tg, err := parseTarget("http://localhost:9/", false)
	if err != nil {
		t.Fatal(err)
	}
	return tg.addr
}

// testServer answers /ok with 200 and the body length, /fail with 500,
// /slow after 100ms, and counts request body bytes.
func testServer(t *testing.T) (string, *atomic.Int64) {
	var got atomic.Int64
	base, stop, err := ServeHandler(func(ctx *fasthttp.RequestCtx) {
		var c countWriter
		_ = ctx.Request.BodyWriteTo(&c)
		got.Add(int64(c))
		switch string(ctx.Path()) {
		case "/fail":
			ctx.SetStatusCode(500)
		case "/slow":
			time.Sleep(100 * time.Millisecond)
		}
		ctx.SetBodyString("ok")
	}, true)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = stop() })
	return base, &got
}

type countWriter int64

func (c *countWriter) Write(p []byte) (int, error) { *c += countWriter(len(p)); return len(p), nil }

func TestClosedLoopCounts(t *testing.T) {
	base, got := testServer(t)
	body := []byte(`{"text":"hello"}`)
	res, err := Run(context.Background(), Config{URL: base + "/ok", Body: body, Connections: 4, Duration: 10 * time.Second, MaxRequests: 50})
	if err != nil {
		t.Fatal(err)
	}
	if res.Requests != 50 || res.OK != 50 || len(res.Errors) != 0 {
		t.Fatalf("requests %d ok %d errors %v", res.Requests, res.OK, res.Errors)
	}
	if res.BytesSent != 50*int64(len(body)) || got.Load() != res.BytesSent || res.BytesReceived != 100 {
		t.Fatalf("sent %d, server got %d, received %d", res.BytesSent, got.Load(), res.BytesReceived)
	}
	if res.Latency.Count() != 50 || res.P50 <= 0 || res.P999 < res.P50 {
		t.Fatalf("latency count %d p50 %v p99.9 %v", res.Latency.Count(), res.P50, res.P999)
	}
}

func TestStatusErrorsByKind(t *testing.T) {
	base, _ := testServer(t)
	res, err := Run(context.Background(), Config{URL: base + "/fail", Body: []byte("{}"), Duration: 10 * time.Second, MaxRequests: 7})
	if err != nil {
		t.Fatal(err)
	}
	if res.OK != 0 || res.Errors["status_500"] != 7 || len(res.Errors) != 1 {
		t.Fatalf("ok %d errors %v", res.OK, res.Errors)
	}
	// Nothing listens on a closed port: connection errors.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	_ = ln.Close()
	res, err = Run(context.Background(), Config{URL: "http://" + addr + "/", Body: []byte("{}"), Duration: 10 * time.Second, MaxRequests: 3})
	if err != nil {
		t.Fatal(err)
	}
	if res.OK != 0 || res.Errors["connection"] != 3 {
		t.Fatalf("closed port: ok %d errors %v", res.OK, res.Errors)
	}
}

func TestStreamSendsChunkedBytes(t *testing.T) {
	base, got := testServer(t)
	res, err := Run(context.Background(), Config{URL: base + "/ok", Body: []byte("0123456789"), Stream: true, StreamBytes: 1<<20 + 3, Duration: 10 * time.Second, MaxRequests: 3})
	if err != nil {
		t.Fatal(err)
	}
	if res.OK != 3 || res.BytesSent != 3*(1<<20+3) || got.Load() != res.BytesSent || res.BytesReceived != 6 {
		t.Fatalf("ok %d sent %d server got %d received %d errors %v", res.OK, res.BytesSent, got.Load(), res.BytesReceived, res.Errors)
	}
}

// TestOpenLoopNoCoordinatedOmission: five requests scheduled 10ms apart
// on one connection to a server that takes 100ms each. Measured from the
// scheduled time, the last one waited about 460ms; a closed-loop client
// would have reported about 100ms for every one.
func TestOpenLoopNoCoordinatedOmission(t *testing.T) {
	base, _ := testServer(t)
	res, err := Run(context.Background(), Config{URL: base + "/slow", Body: []byte("{}"), Mode: Open, Rate: 100, Connections: 1, Duration: 10 * time.Second, MaxRequests: 5})
	if err != nil {
		t.Fatal(err)
	}
	if res.OK != 5 || res.Requests != 5 {
		t.Fatalf("ok %d requests %d errors %v", res.OK, res.Requests, res.Errors)
	}
	if res.Max < 440*time.Millisecond || res.Latency.Min() < 100*time.Millisecond {
		t.Fatalf("open-loop latencies min %v max %v, want min >= 100ms and max >= 440ms", res.Latency.Min(), res.Max)
	}
}

func TestConfigErrors(t *testing.T) {
	cases := map[string]Config{
		"load: open mode needs a positive rate":    {URL: "http://127.0.0.1:1/", Mode: Open, Duration: time.Second},
		"load: duration 0s must be in":             {URL: "http://127.0.0.1:1/"},
		`load: unknown mode "x"`:                   {URL: "http://127.0.0.1:1/", Mode: "x", Duration: time.Second},
		"load: stream bytes set but body is empty": {URL: "http://127.0.0.1:1/", Stream: true, StreamBytes: 5, Duration: time.Second},
	}
	for want, cfg := range cases {
		_, err := Run(context.Background(), cfg)
		if err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("error = %v, want prefix %q", err, want)
		}
	}
}
