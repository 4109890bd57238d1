package transport

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// envConfig builds a test Config through ConfigFromEnv, as datafog serve
// does, with vars ("NAME=value") set.
func envConfig(t *testing.T, vars ...string) Config {
	t.Helper()
	env := map[string]string{}
	for _, kv := range vars {
		k, v, _ := strings.Cut(kv, "=")
		env[k] = v
	}
	c, err := ConfigFromEnv(func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	c.Logger = quietLogger()
	c.TokenKey = testConfig().TokenKey
	return c
}

// rawResponse reads one HTTP response from conn within d.
func rawResponse(t *testing.T, conn net.Conn, d time.Duration) (*http.Response, string) {
	t.Helper()
	_ = conn.SetReadDeadline(time.Now().Add(d))
	res, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("no response within %v: %v", d, err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res, string(b)
}

// wantContractError checks a raw response against the error contract:
// status, a JSON body with code and message, the X-Request-ID header equal
// to the body's request_id, and Retry-After when retry is set.
func wantContractError(t *testing.T, res *http.Response, body string, status int, code, msg string, retry bool) {
	t.Helper()
	rid := res.Header.Get("X-Request-ID")
	if res.StatusCode != status || rid == "" || body != errBody(code, msg, rid) ||
		res.Header.Get("Content-Type") != "application/json" || (retry && res.Header.Get("Retry-After") != "1") {
		t.Fatalf("got %d %v %q; want %d %q with X-Request-ID and Retry-After", res.StatusCode, res.Header, body, status, errBody(code, msg, rid))
	}
}

// dialFrom opens a TCP connection to base's host from the loopback
// address src (Linux routes all of 127.0.0.0/8 to lo).
func dialFrom(t *testing.T, src, base string) net.Conn {
	t.Helper()
	d := net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(src)}, Timeout: 5 * time.Second}
	c, err := d.Dial("tcp", strings.TrimPrefix(base, "http://"))
	if err != nil {
		t.Skipf("cannot dial from %s (needs all of 127/8 on loopback): %v", src, err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// TestHeaderTimeoutAnswers408: a client that sends part of its headers and
// stalls is answered 408 request_timeout after DATAFOG_READ_HEADER_TIMEOUT,
// not held for the 30 s body read timeout; a client whose body is slow is
// still given the read timeout.
func TestHeaderTimeoutAnswers408(t *testing.T) {
	_, base := startServer(t, envConfig(t, "DATAFOG_READ_HEADER_TIMEOUT=300ms"), nil)
	conn := dialFrom(t, "127.0.0.1", base)
	start := time.Now()
	if _, err := io.WriteString(conn, "POST /v1/scan HTTP/1.1\r\nHost: x\r\nContent-Type: appl"); err != nil {
		t.Fatal(err)
	}
	res, body := rawResponse(t, conn, 3*time.Second)
	wantContractError(t, res, body, 408, "request_timeout", "request read timed out", false)
	if d := time.Since(start); d > 2*time.Second {
		t.Fatalf("408 after %v", d)
	}
	// Headers in time, body slower than the header timeout: served.
	conn = dialFrom(t, "127.0.0.1", base)
	payload := `{"text":"ssn 123-45-6789"}`
	fmt.Fprintf(conn, "POST /v1/scan HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s", len(payload), payload[:10])
	time.Sleep(700 * time.Millisecond)
	io.WriteString(conn, payload[10:])
	res, body = rawResponse(t, conn, 3*time.Second)
	if res.StatusCode != 200 || !strings.Contains(body, `"entity_type":"ssn"`) {
		t.Fatalf("slow body: %d %s", res.StatusCode, body)
	}
}

// TestConnectionCapsAndProbes: one client holding slow-header connections
// cannot take the service: past its per-client cap (by default a quarter
// of MaxConcurrency) it gets two probe-only slots and then 429s in the
// error contract's shape. When all slots are taken (connections from several
// clients), a new connection gets a probe-only slot: /health and /metrics
// answer on it, anything else is a 503 overloaded with Retry-After and
// X-Request-ID; past the reserve, connections get that 503 at once.
func TestConnectionCapsAndProbes(t *testing.T) {
	s, base := startServer(t, envConfig(t, "DATAFOG_MAX_CONCURRENCY=64"), nil)
	if got := s.Config().MaxConnsPerIP; got != 16 {
		t.Fatalf("default per-client cap %d, want 16", got)
	}
	hold := func(src string) net.Conn {
		c := dialFrom(t, src, base)
		if _, err := io.WriteString(c, "POST /v1/scan HTTP/1.1\r\n"); err != nil {
			t.Fatal(err)
		}
		return c
	}
	// 16 held plus two probe-only slots from 127.0.0.2, then 429s.
	var held []net.Conn
	for range 18 {
		held = append(held, hold("127.0.0.2"))
	}
	waitOpen(t, s, 16, 2)
	for range 5 {
		c := dialFrom(t, "127.0.0.2", base)
		res, body := rawResponse(t, c, 3*time.Second)
		wantContractError(t, res, body, 429, "rate_limited", "too many connections from this client", true)
	}
	c := testClient()
	if r := do(t, c, "POST", base+"/v1/scan", strings.NewReader(`{"text":"a"}`), jsonHdr); r.status != 200 {
		t.Fatalf("another client was refused while one held its cap: %d %s", r.status, r.body)
	}
	c.CloseIdleConnections()
	waitOpen(t, s, 16, 2)
	// Fill the other 48 slots from three more clients.
	for _, src := range []string{"127.0.0.3", "127.0.0.4", "127.0.0.5"} {
		for range 16 {
			held = append(held, hold(src))
		}
	}
	waitOpen(t, s, 64, 2)
	probe := func(req string) (*http.Response, string) {
		conn := dialFrom(t, "127.0.0.1", base)
		io.WriteString(conn, req)
		return rawResponse(t, conn, 3*time.Second)
	}
	res, body := probe("GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
	if res.StatusCode != 200 || !strings.Contains(body, `"status":"ok"`) || !res.Close {
		t.Fatalf("health on a saturated server: %d %v %s", res.StatusCode, res.Header, body)
	}
	res, body = probe("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n")
	if res.StatusCode != 200 || !strings.Contains(body, `datafog_connections_rejected_total{reason="per_ip"} 5`) {
		t.Fatalf("metrics on a saturated server: %d %.300s", res.StatusCode, body)
	}
	res, body = probe("POST /v1/scan HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 12\r\n\r\n{\"text\":\"a\"}")
	wantContractError(t, res, body, 503, "overloaded", "server is at capacity; retry later", true)
	// The reserve has 4 slots, two per client: fill the other two, then a
	// connection is refused at once with the same 503.
	held = append(held, hold("127.0.0.6"), hold("127.0.0.6"))
	waitOpen(t, s, 64, 4)
	res, body = rawResponse(t, dialFrom(t, "127.0.0.9", base), 3*time.Second)
	wantContractError(t, res, body, 503, "overloaded", "server is at capacity; retry later", true)
	// When the clients leave, everything is served again.
	for _, h := range held {
		h.Close()
	}
	waitOpen(t, s, 0, 0)
	if r := do(t, testClient(), "POST", base+"/v1/scan", strings.NewReader(`{"text":"a"}`), jsonHdr); r.status != 200 {
		t.Fatalf("after the clients left: %d %s", r.status, r.body)
	}
}

// waitOpen waits until the listener counts normal and probe-only
// connections.
func waitOpen(t *testing.T, s *Server, normal, reserved int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		s.mu.Lock()
		lim := s.lim
		s.mu.Unlock()
		if lim != nil {
			n, r := lim.open()
			if n == normal && r == reserved {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("open connections %d normal, %d probe-only; want %d, %d", n, r, normal, reserved)
			}
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// TestAdmissionByBytesInFlight: a request whose estimated memory would
// take the requests in flight past DATAFOG_MAX_INFLIGHT_BYTES is answered
// 503 overloaded with Retry-After (its body drained first, so the client
// reads the answer); once the first request ends, it is served.
func TestAdmissionByBytesInFlight(t *testing.T) {
	const body = 100 << 10
	limit := requestWeight(body, 128<<10) * 3 / 2
	s, base := startServer(t, envConfig(t, "DATAFOG_MAX_BODY_BYTES=131072", "DATAFOG_MAX_INFLIGHT_BYTES="+strconv.FormatInt(limit, 10)), nil)
	text := strings.Repeat("x", body-12)
	payload := `{"text":"` + text + `"}`
	// A holds its weight while its body arrives slowly (fasthttp reads the
	// first 8 KiB before it calls the handler).
	a := dialFrom(t, "127.0.0.1", base)
	fmt.Fprintf(a, "POST /v1/scan HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s", len(payload), payload[:9000])
	deadline := time.Now().Add(5 * time.Second)
	for s.adm.used.Load() == 0 {
		if time.Now().After(deadline) {
			t.Fatal("the first request was never admitted")
		}
		time.Sleep(2 * time.Millisecond)
	}
	c := testClient()
	r := do(t, c, "POST", base+"/v1/scan", strings.NewReader(payload), jsonHdr)
	rid := r.header.Get("X-Request-ID")
	if r.status != 503 || r.body != errBody("overloaded", "server is at capacity; retry later", rid) || r.header.Get("Retry-After") != "1" {
		t.Fatalf("second request over the budget: %d %v %s", r.status, r.header, r.body)
	}
	// A small request still fits beside A.
	if r := do(t, c, "POST", base+"/v1/scan", strings.NewReader(`{"text":"ssn 123-45-6789"}`), jsonHdr); r.status != 200 {
		t.Fatalf("small request beside A: %d %s", r.status, r.body)
	}
	io.WriteString(a, payload[9000:])
	if res, b := rawResponse(t, a, 5*time.Second); res.StatusCode != 200 {
		t.Fatalf("A: %d %s", res.StatusCode, b)
	}
	if r := do(t, c, "POST", base+"/v1/scan", strings.NewReader(payload), jsonHdr); r.status != 200 {
		t.Fatalf("retry after A ended: %d %s", r.status, r.body)
	}
	if got := s.adm.used.Load(); got != 0 {
		t.Fatalf("%d bytes still counted in flight", got)
	}
	m := do(t, c, "GET", base+"/metrics", nil, nil)
	if !strings.Contains(m.body, "datafog_admission_rejected_total 1\n") {
		t.Fatalf("metrics:\n%s", m.body)
	}
}

// TestFindingsCap: a response lists at most DATAFOG_MAX_FINDINGS findings
// and then says "truncated":true and "findings_total"; the decision and the
// receipt use every finding. The default cap is 100,000: a 1 MiB body of
// IPv4 addresses has 131,071.
func TestFindingsCap(t *testing.T) {
	store := newFakeStore()
	_, base := startServer(t, envConfig(t, "DATAFOG_MAX_FINDINGS=10"), store)
	c := testClient()
	text := strings.Repeat("123-45-6789 ", 25)
	r := do(t, c, "POST", base+"/v1/scan", strings.NewReader(`{"text":"`+text+`"}`), jsonHdr)
	var scan struct {
		Findings      []json.RawMessage `json:"findings"`
		Truncated     bool              `json:"truncated"`
		FindingsTotal int               `json:"findings_total"`
	}
	if err := json.Unmarshal([]byte(r.body), &scan); err != nil || r.status != 200 || len(scan.Findings) != 10 || !scan.Truncated || scan.FindingsTotal != 25 ||
		!strings.Contains(r.body, `"findings":[{"entity_type":"ssn","start":0,"end":11,"confidence":0.95},`) {
		t.Fatalf("scan: %d %s", r.status, r.body)
	}
	r = do(t, c, "POST", base+"/v1/decide", strings.NewReader(`{"action":{"type":"file.write"},"text":"`+text+`"}`), jsonHdr)
	var dec struct {
		ReceiptID     string            `json:"receipt_id"`
		Findings      []json.RawMessage `json:"findings"`
		Truncated     bool              `json:"truncated"`
		FindingsTotal int               `json:"findings_total"`
	}
	if err := json.Unmarshal([]byte(r.body), &dec); err != nil || r.status != 200 || len(dec.Findings) != 10 || !dec.Truncated || dec.FindingsTotal != 25 {
		t.Fatalf("decide: %d %s", r.status, r.body)
	}
	if rec, err := store.Get(dec.ReceiptID); err != nil || len(rec.Findings) != 25 {
		t.Fatalf("the receipt does not hold every finding: %v", err)
	}
	// Under the cap nothing changes.
	r = do(t, c, "POST", base+"/v1/scan", strings.NewReader(`{"text":"ssn 123-45-6789"}`), jsonHdr)
	if strings.Contains(r.body, "truncated") || strings.Contains(r.body, "findings_total") {
		t.Fatalf("untruncated response: %s", r.body)
	}

	_, base = startServer(t, testConfig(), nil)
	ips := strings.Repeat("1.2.3.4 ", (1<<20-64)/8)
	r = do(t, c, "POST", base+"/v1/scan", strings.NewReader(`{"text":"`+ips+`"}`), jsonHdr)
	if err := json.Unmarshal([]byte(r.body), &scan); err != nil || r.status != 200 || len(scan.Findings) != DefaultMaxFindings || !scan.Truncated || scan.FindingsTotal != (1<<20-64)/8 {
		t.Fatalf("default cap: %d, %d listed, total %d, truncated %v", r.status, len(scan.Findings), scan.FindingsTotal, scan.Truncated)
	}
}

// lockedLog is a slog handler target safe for concurrent writes.
type lockedLog struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *lockedLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

func (l *lockedLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

// TestStreamAbortedAtShutdown: a stream still running when Shutdown's
// drain time ends is cut, logs the documented "transport: stream aborted"
// line (error "shutdown", with its request id) before Shutdown returns,
// and a cut redact stream writes no receipt.
func TestStreamAbortedAtShutdown(t *testing.T) {
	for _, route := range []string{"/v1/scan/stream", "/v1/redact/stream"} {
		t.Run(route, func(t *testing.T) {
			logs := &lockedLog{}
			cfg := testConfig()
			cfg.Logger = slog.New(slog.NewJSONHandler(logs, nil))
			cfg.Addr = "127.0.0.1:0"
			store := newFakeStore()
			s, err := New(cfg, testPolicy(t), store)
			if err != nil {
				t.Fatal(err)
			}
			ln, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() { done <- s.Serve(ln) }()
			conn, err := net.Dial("tcp", ln.Addr().String())
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			fmt.Fprintf(conn, "POST %s HTTP/1.1\r\nHost: x\r\nX-Request-ID: cut-me\r\nTransfer-Encoding: chunked\r\n\r\n", route)
			chunk := strings.Repeat("mail bob@example.com ", 4000)
			fmt.Fprintf(conn, "%x\r\n%s\r\n", len(chunk), chunk)
			br := bufio.NewReader(conn)
			_ = conn.SetReadDeadline(time.Now().Add(5 * time.Second))
			res, err := http.ReadResponse(br, nil)
			if err != nil || res.StatusCode != 200 {
				t.Fatalf("stream did not start: %v", err)
			}
			go io.Copy(io.Discard, res.Body)
			ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
			defer cancel()
			if err := s.Shutdown(ctx); err == nil {
				t.Fatal("Shutdown reported a clean drain with a stream still open")
			}
			want := `"msg":"transport: stream aborted","request_id":"cut-me","error":"shutdown"`
			if !strings.Contains(logs.String(), want) {
				t.Fatalf("log lacks %s:\n%s", want, logs.String())
			}
			if err := <-done; err != nil {
				t.Fatalf("Serve: %v", err)
			}
			if store.count() != 0 {
				t.Fatal("a cut redact stream wrote a receipt")
			}
		})
	}
}
