package transport

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"
	"github.com/valyala/fasthttp"
)

func TestConfigFromEnvDefaults(t *testing.T) {
	c, err := ConfigFromEnv(func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	if c.Addr != "127.0.0.1:8080" || c.MaxBodyBytes != 1<<20 || c.MaxStreamBytes != 0 || c.RateLimitRPS != 0 ||
		c.ReadTimeout != 30*time.Second || c.ShutdownTimeout != 30*time.Second || c.APIToken != "" {
		t.Errorf("defaults: %+v", c)
	}
}

func TestConfigFromEnvValues(t *testing.T) {
	env := map[string]string{
		"DATAFOG_ADDR": "0.0.0.0:9000", "DATAFOG_API_TOKEN": "s3cret", "DATAFOG_RATE_LIMIT_RPS": "2.5",
		"DATAFOG_MAX_BODY_BYTES": "2048", "DATAFOG_MAX_STREAM_BYTES": "4096", "DATAFOG_READ_TIMEOUT": "5s",
		"DATAFOG_WRITE_TIMEOUT": "6s", "DATAFOG_IDLE_TIMEOUT": "7s", "DATAFOG_SHUTDOWN_TIMEOUT": "8s",
	}
	c, err := ConfigFromEnv(func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	if c.Addr != "0.0.0.0:9000" || c.APIToken != "s3cret" || c.RateLimitRPS != 2.5 || c.MaxBodyBytes != 2048 ||
		c.MaxStreamBytes != 4096 || c.ReadTimeout != 5*time.Second || c.WriteTimeout != 6*time.Second ||
		c.IdleTimeout != 7*time.Second || c.ShutdownTimeout != 8*time.Second {
		t.Errorf("parsed: %+v", c)
	}
}

func TestConfigFromEnvListsEveryProblem(t *testing.T) {
	env := map[string]string{
		"DATAFOG_RATE_LIMIT_RPS": "-1", "DATAFOG_MAX_BODY_BYTES": "abc", "DATAFOG_READ_TIMEOUT": "5",
		"DATAFOG_MAX_HEADER_BYTES": "10", "DATAFOG_API_TOKEN": "tok-value",
	}
	_, err := ConfigFromEnv(func(k string) string { return env[k] })
	want := "transport: config: DATAFOG_RATE_LIMIT_RPS: want a number between 0 and 1e9; " +
		"DATAFOG_MAX_BODY_BYTES: want an integer of at least 1; " +
		"DATAFOG_READ_TIMEOUT: want a non-negative Go duration such as 30s; " +
		"DATAFOG_MAX_HEADER_BYTES: want an integer between 4096 and 1048576"
	if err == nil || err.Error() != want {
		t.Fatalf("got %v\nwant %s", err, want)
	}
	if strings.Contains(err.Error(), "tok-value") {
		t.Error("error leaks a value")
	}
}

func TestIsLoopbackAddr(t *testing.T) {
	for addr, want := range map[string]bool{
		"127.0.0.1:8080": true, "[::1]:80": true, "localhost:1": true, "0.0.0.0:80": false,
		":8080": false, "10.0.0.1:80": false, "bad": false, "example.com:80": false,
	} {
		if got := isLoopbackAddr(addr); got != want {
			t.Errorf("isLoopbackAddr(%q) = %v", addr, got)
		}
	}
}

func TestTokenSetCheck(t *testing.T) {
	set, problems := parseTokens([]byte("alpha tok-alpha-0123456789\nbeta tok-beta-01234567890\n"), "tok-default-0123456")
	if problems != nil {
		t.Fatal(problems)
	}
	const a, b, d = "tok-alpha-0123456789", "tok-beta-01234567890", "tok-default-0123456"
	cases := []struct {
		authz, key string
		name       string
		ok         bool
	}{
		{"", "", "", false},
		{"Bearer " + a, "", "alpha", true},
		{"bearer " + b, "", "beta", true},
		{"Bearer " + d, "", "default", true},
		{"Bearer " + a + "x", "", "", false},
		{"Basic " + a, "", "", false},
		{"Bear", "", "", false},
		{"", b, "beta", true},
		{"", a[:len(a)-1], "", false},
		{"Bearer " + a, a, "alpha", true},
		{"Bearer " + a, b, "", false}, // two valid tokens of different names
		{"Bearer " + a, "bad", "", false},
		{"Bearer bad", a, "", false},
	}
	for _, c := range cases {
		var h fasthttp.RequestHeader
		if c.authz != "" {
			h.Set("Authorization", c.authz)
		}
		if c.key != "" {
			h.Set("X-API-Key", c.key)
		}
		name, ok := set.check(&h)
		if name != c.name || ok != c.ok {
			t.Errorf("authz=%q key=%q: got (%q, %v), want (%q, %v)", c.authz, c.key, name, ok, c.name, c.ok)
		}
	}
}

func TestValidRequestID(t *testing.T) {
	for id, want := range map[string]bool{
		"abc-123": true, "": false, strings.Repeat("a", 128): true, strings.Repeat("a", 129): false,
		"a b": false, "a\"b": false, "a\\b": false, "a\x7fb": false, "é": false, "x:y/z.1_2": true, "a<b>": false, "a;b": false,
	} {
		if got := validRequestID([]byte(id)); got != want {
			t.Errorf("validRequestID(%q) = %v", id, got)
		}
	}
	g := newIDGenerator()
	a, b := string(g.appendID(nil)), string(g.appendID(nil))
	if a == b || !validRequestID([]byte(a)) || len(a) != 18 || a[:17] != b[:17] {
		t.Errorf("generated ids %q %q", a, b)
	}
}

func TestRateLimiter(t *testing.T) {
	rl := newRateLimiter(1, 2, 2)
	now := time.Unix(1000, 0)
	ip1, ip2, ip3 := []byte{1}, []byte{2}, []byte{3}
	for i, want := range []bool{true, true, false} {
		if ok, _ := rl.allow(ip1, now); ok != want {
			t.Fatalf("request %d: got %v", i, ok)
		}
	}
	// Global bucket (burst 2) is empty too: ip2 is limited.
	ok, wait := rl.allow(ip2, now)
	if ok || wait != 1 {
		t.Fatalf("ip2: ok=%v wait=%d", ok, wait)
	}
	// After one second one token is back, globally and for ip2.
	if ok, _ := rl.allow(ip2, now.Add(time.Second)); !ok {
		t.Fatal("ip2 after refill refused")
	}
	// The client table is bounded: ip3 evicts the least recently used (ip1).
	rl.allow(ip3, now.Add(10*time.Second))
	if len(rl.clients) != 2 {
		t.Fatalf("clients = %d, want 2", len(rl.clients))
	}
	if _, ok := rl.clients[string(ip1)]; ok {
		t.Error("ip1 not evicted")
	}
}

func TestIdempotencyStore(t *testing.T) {
	s := newIdempotencyStore(2, 1<<20, time.Minute)
	now := time.Unix(0, 0)
	d1, d2 := sha256.Sum256([]byte("a")), sha256.Sum256([]byte("b"))
	out, ent, _, _ := s.begin("k", d1, now)
	if out != idemRun {
		t.Fatal("first use must run")
	}
	s.finish(ent, 200, []byte("body"), now)
	out, _, st, body := s.begin("k", d1, now)
	if out != idemReplay || st != 200 || string(body) != "body" {
		t.Fatalf("replay: %v %d %q", out, st, body)
	}
	if out, _, _, _ := s.begin("k", d2, now); out != idemConflict {
		t.Fatal("different digest must conflict")
	}
	// Expiry.
	if out, ent, _, _ := s.begin("k", d2, now.Add(2*time.Minute)); out != idemRun {
		t.Fatal("expired key must run")
	} else {
		s.finish(ent, 400, []byte("err"), now)
	}
	// A failed request is not stored.
	if out, ent, _, _ := s.begin("k", d2, now); out != idemRun {
		t.Fatal("failed request stored")
	} else {
		s.finish(ent, 200, []byte("x"), now)
	}
	// LRU bound.
	for _, k := range []string{"a", "b", "c"} {
		_, ent, _, _ := s.begin(k, d1, now)
		s.finish(ent, 200, []byte(k), now)
	}
	if s.len() != 2 {
		t.Fatalf("len = %d, want 2", s.len())
	}
}

func TestIdempotencyWaitsForRunning(t *testing.T) {
	s := newIdempotencyStore(10, 1<<20, time.Minute)
	d := sha256.Sum256([]byte("a"))
	_, ent, _, _ := s.begin("k", d, time.Now())
	got := make(chan string)
	go func() {
		_, _, _, body := s.begin("k", d, time.Now())
		got <- string(body)
	}()
	time.Sleep(20 * time.Millisecond)
	s.finish(ent, 200, []byte("first"), time.Now())
	if b := <-got; b != "first" {
		t.Fatalf("waiter got %q", b)
	}
}

func gzipBytes(t testing.TB, b []byte) []byte {
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	w.Write(b)
	w.Close()
	return buf.Bytes()
}

func zstdBytes(t testing.TB, b []byte) []byte {
	e, err := zstd.NewWriter(nil)
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	return e.EncodeAll(b, nil)
}

func decodeAll(in []byte, enc encoding, lim limits) ([]byte, error) {
	br, err := acquireBodyReader(bytes.NewReader(in), enc, lim)
	if err != nil {
		return nil, err
	}
	defer br.release()
	return br.readAll(nil)
}

func TestDecodeChain(t *testing.T) {
	plain := []byte(strings.Repeat("hello world ", 1000))
	for _, c := range []struct {
		name string
		in   []byte
		enc  encoding
	}{{"identity", plain, encIdentity}, {"gzip", gzipBytes(t, plain), encGzip}, {"zstd", zstdBytes(t, plain), encZstd}} {
		got, err := decodeAll(c.in, c.enc, limits{decoded: int64(len(plain)), ratio: 1000})
		if err != nil || !bytes.Equal(got, plain) {
			t.Errorf("%s: err=%v equal=%v", c.name, err, bytes.Equal(got, plain))
		}
		_, err = decodeAll(c.in, c.enc, limits{decoded: int64(len(plain)) - 1})
		if !errors.Is(err, errDecodedLimit) {
			t.Errorf("%s: over decoded cap: %v", c.name, err)
		}
		if decodeErr(err) != errTooLarge {
			t.Errorf("%s: maps to %v", c.name, decodeErr(err))
		}
	}
	bomb := make([]byte, 8<<20)
	for _, c := range []struct {
		name string
		in   []byte
		enc  encoding
	}{{"gzip", gzipBytes(t, bomb), encGzip}, {"zstd", zstdBytes(t, bomb), encZstd}} {
		_, err := decodeAll(c.in, c.enc, limits{ratio: 100})
		if !errors.Is(err, errRatioLimit) || decodeErr(err) != errRatio {
			t.Errorf("%s bomb: %v", c.name, err)
		}
	}
	if _, err := decodeAll([]byte("not gzip at all"), encGzip, limits{}); decodeErr(err) != errCorruptEncoding {
		t.Errorf("corrupt gzip: %v", err)
	}
	gz := gzipBytes(t, plain)
	if _, err := decodeAll(gz[:len(gz)-1], encGzip, limits{}); decodeErr(err) != errTruncatedBody {
		t.Errorf("truncated gzip: %v", err)
	}
	if _, err := decodeAll(plain[:100], encIdentity, limits{declared: int64(len(plain))}); decodeErr(err) != errTruncatedBody {
		t.Errorf("identity body short of its declared length: %v", err)
	}
	if _, err := decodeAll([]byte("not zstd at all"), encZstd, limits{}); decodeErr(err) != errCorruptEncoding {
		t.Errorf("corrupt zstd: %v", err)
	}
	if _, err := decodeAll(plain, encIdentity, limits{wire: 10}); !errors.Is(err, errWireLimit) {
		t.Errorf("wire cap: %v", err)
	}
}

func TestParseContentEncoding(t *testing.T) {
	for v, want := range map[string]int{"": 0, "identity": 0, "GZIP": 1, "x-gzip": 1, "zstd": 2, " zstd ": 2, "br": -1, "gzip, zstd": -1, "deflate": -1} {
		enc, ok := parseContentEncoding([]byte(v))
		got := int(enc)
		if !ok {
			got = -1
		}
		if got != want {
			t.Errorf("%q: got %d want %d", v, got, want)
		}
	}
	for v, want := range map[string]encoding{"gzip": encGzip, "gzip, zstd": encZstd, "zstd;q=0, gzip": encGzip, "br": encIdentity, "": encIdentity, "gzip;q=0": encIdentity, "*": encIdentity} {
		if got := acceptEncoding([]byte(v)); got != want {
			t.Errorf("accept %q: got %d want %d", v, got, want)
		}
	}
}

// TestAppendJSONStringMatchesEncodingJSON: responses are written as a
// json.Encoder with SetEscapeHTML(false) writes them, so "<tag>&amp;"
// stays as it is.
func TestAppendJSONStringMatchesEncodingJSON(t *testing.T) {
	for _, s := range []string{"", "plain", "quote\" back\\slash", "ctl\x00\x01\x1f\n\r\t", "<tag>&amp;", "ünïcödé", "bad\xffutf8", "sep\u2028\u2029", "emoji 😀"} {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		_ = enc.Encode(s)
		want := bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
		if got := appendJSONString(nil, s); string(got) != string(want) {
			t.Errorf("%q: got %s want %s", s, got, want)
		}
	}
}

func TestAppendJSONStringsAndPromLabel(t *testing.T) {
	if got := string(appendJSONStrings(nil, nil)); got != "[]" {
		t.Errorf("nil: %s", got)
	}
	if got := string(appendJSONStrings(nil, []string{"a", "b\""})); got != `["a","b\""]` {
		t.Errorf("got %s", got)
	}
	if got := string(appendPromLabel(nil, "a\"b\\c\nd")); got != `"a\"b\\c\nd"` {
		t.Errorf("prom label: %s", got)
	}
}

var _ = io.EOF
