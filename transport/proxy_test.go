package transport

import (
	"encoding/json"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/datafog/datafog-api/receipts"
)

// decideBody is a /v1/decide request that writes a receipt.
const decideBody = `{"action":{"type":"file.write"},"text":"mail bob@example.com"}`

// rateKeys lists the per-client keys of the rate limiter (IPv4 here).
func rateKeys(s *Server) []string {
	s.rl.mu.Lock()
	defer s.rl.mu.Unlock()
	var out []string
	for k := range s.rl.clients {
		out = append(out, net.IP([]byte(k)).String())
	}
	slices.Sort(out)
	return out
}

// TestTrustedProxies runs the same requests, each with a spoofed
// X-Forwarded-For and identity header, against a server that does not
// trust the loopback peer and one that does. Untrusted: the rate limit key
// and the receipt's address are the peer's, the identity header is
// ignored (and counted). Trusted: they are the forwarded client's, and the
// identity header names the caller. GET /v1/receipts/{id} shows the caller
// as stored: keyed digests, never the raw address or identity.
func TestTrustedProxies(t *testing.T) {
	for _, tc := range []struct {
		name         string
		proxies      string
		wantKeys     []string
		wantAddress  string
		wantIdentity string
	}{
		{"untrusted peer", "10.0.0.0/8", []string{"127.0.0.1"}, "127.0.0.1", ""},
		{"trusted peer", "127.0.0.1/32, 10.0.0.0/8", []string{"203.0.113.1", "203.0.113.2"}, "203.0.113.2", "spiffe://cluster.local/ns/web/sa/frontend"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			log, err := receipts.Open(receipts.Options{Dir: filepath.Join(dir, "log"), KeyFile: filepath.Join(dir, "key"), NodeID: "n1", Logger: quietLogger()})
			if err != nil {
				t.Fatal(err)
			}
			defer log.Close()
			cfg := testConfig()
			cfg.TrustedProxies = tc.proxies
			cfg.IdentityHeader = "l5d-client-id"
			cfg.RateLimitRPS, cfg.RateLimitBurst = 1000, 1000
			s, base := startServer(t, cfg, log)
			c := testClient()
			if r := do(t, c, "POST", base+"/v1/scan", strings.NewReader(scanBody), jsonWith("X-Forwarded-For", "203.0.113.1")); r.status != 200 {
				t.Fatalf("scan: %d", r.status)
			}
			r := do(t, c, "POST", base+"/v1/decide", strings.NewReader(decideBody),
				jsonWith("X-Forwarded-For", "198.51.100.66, 203.0.113.2, 10.9.9.9", "L5d-Client-Id", "spiffe://cluster.local/ns/web/sa/frontend"))
			var dec struct {
				ReceiptID string `json:"receipt_id"`
			}
			if err := json.Unmarshal([]byte(r.body), &dec); err != nil || r.status != 200 {
				t.Fatalf("decide: %d %s", r.status, r.body)
			}
			if got := rateKeys(s); !slices.Equal(got, tc.wantKeys) {
				t.Errorf("rate limit keys %v, want %v", got, tc.wantKeys)
			}
			g := do(t, c, "GET", base+"/v1/receipts/"+dec.ReceiptID, nil, nil)
			var rec struct {
				Caller map[string]string `json:"caller"`
			}
			if err := json.Unmarshal([]byte(g.body), &rec); err != nil || g.status != 200 {
				t.Fatalf("get receipt: %d %s", g.status, g.body)
			}
			want := map[string]string{"address": log.CallerDigest(tc.wantAddress)}
			if tc.wantIdentity != "" {
				want["identity_source"], want["identity"] = "header", log.CallerDigest(tc.wantIdentity)
			}
			if !mapsEqual(rec.Caller, want) {
				t.Errorf("caller %v, want %v", rec.Caller, want)
			}
			for _, raw := range []string{"203.0.113", "spiffe://", "127.0.0.1"} {
				if strings.Contains(g.body, raw) {
					t.Errorf("the receipt shows %q: %s", raw, g.body)
				}
			}
			ignored := uint64(1)
			if tc.wantIdentity != "" {
				ignored = 0
			}
			if n := s.sec.identityIgnored.Load(); n != ignored {
				t.Errorf("identity headers ignored: %d, want %d", n, ignored)
			}
		})
	}
}

func mapsEqual(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// TestTrustedProxyConnCap: connections from a trusted proxy are exempt
// from the per-client connection cap (each carries many clients); from
// any other address the cap holds: past it, probe-only slots.
func TestTrustedProxyConnCap(t *testing.T) {
	for _, tc := range []struct {
		proxies          string
		normal, reserved int
	}{{"", 2, 2}, {"127.0.0.1", 4, 0}} {
		cfg := testConfig()
		cfg.TrustedProxies = tc.proxies
		cfg.MaxConnsPerIP, cfg.MaxConcurrency = 2, 64
		s, base := startServer(t, cfg, nil)
		for range 4 {
			c := dialFrom(t, "127.0.0.1", base)
			if _, err := io.WriteString(c, "POST /v1/scan HTTP/1.1\r\n"); err != nil {
				t.Fatal(err)
			}
		}
		waitOpen(t, s, tc.normal, tc.reserved)
	}
}

// TestRedactStreamReceiptCaller: the redact stream's receipt names its
// caller like /v1/decide's: the token's name and the forwarded client.
func TestRedactStreamReceiptCaller(t *testing.T) {
	cfg := testConfig()
	cfg.APIToken = "stream-token-0123456789"
	cfg.TrustedProxies = "127.0.0.1"
	rec := newFakeStore()
	_, base := startServer(t, cfg, rec)
	req, err := http.NewRequest("POST", base+"/v1/redact/stream", strings.NewReader("mail bob@example.com now"))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer stream-token-0123456789")
	req.Header.Set("X-Forwarded-For", "2001:db8::42")
	res, err := testClient().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	out, _ := io.ReadAll(res.Body)
	res.Body.Close()
	id := res.Trailer.Get("X-Receipt-ID")
	if res.StatusCode != 200 || id == "" || strings.Contains(string(out), "bob@example.com") {
		t.Fatalf("redact stream: %d %q id %q", res.StatusCode, out, id)
	}
	if c := rec.recs[id].Caller; c == nil || *c != (receipts.Caller{Token: "default", Address: "2001:db8::42"}) {
		t.Fatalf("caller %+v", c)
	}
}
