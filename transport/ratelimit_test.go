package transport

import (
	"fmt"
	"math"
	"net"
	"testing"

	"github.com/valyala/fasthttp"
)

// requestFrom runs GET /v1/policy/version through the server's handler as
// if it came from ip, and returns the status.
func requestFrom(s *Server, ip string) int {
	var req fasthttp.Request
	req.Header.SetMethod(fasthttp.MethodGet)
	req.SetRequestURI("/v1/policy/version")
	var ctx fasthttp.RequestCtx
	ctx.Init(&req, &net.TCPAddr{IP: net.ParseIP(ip), Port: 40000}, nil)
	s.Handler()(&ctx)
	return ctx.Response.StatusCode()
}

// clientTokens returns the whole tokens left in the client bucket keyed by
// key (the refill since the last request, at 0.001 per second, is a
// fraction), and whether there is one.
func clientTokens(s *Server, key []byte) (float64, bool) {
	s.rl.mu.Lock()
	defer s.rl.mu.Unlock()
	e, ok := s.rl.clients[string(key)]
	if !ok {
		return 0, false
	}
	return math.Floor(e.Value.(*clientBucket).b.tokens), true
}

func clientCount(s *Server) int {
	s.rl.mu.Lock()
	defer s.rl.mu.Unlock()
	return len(s.rl.clients)
}

// TestRateLimitKeysIPv6ByPrefix: IPv6 clients are keyed by their /64, so
// addresses rotating inside one /64 spend one bucket and add one entry to
// the client table; another /64 is another client. IPv4 stays per address,
// and an IPv4-mapped IPv6 address is its IPv4 address.
func TestRateLimitKeysIPv6ByPrefix(t *testing.T) {
	cfg := testConfig()
	cfg.RateLimitRPS = 0.001 // no refill during the test
	cfg.RateLimitBurst = 1000
	s, err := New(cfg, testPolicy(t), newFakeStore())
	if err != nil {
		t.Fatal(err)
	}
	// Ten addresses inside 2001:db8:1:2::/64, as a host rotating temporary
	// addresses would use: one bucket, ten tokens spent.
	for i := range 10 {
		ip := fmt.Sprintf("2001:db8:1:2:%x:%x:%x:%x", i*7919&0xffff, i*31, i+1, i*104729&0xffff)
		if st := requestFrom(s, ip); st != 200 {
			t.Fatalf("%s: %d", ip, st)
		}
	}
	prefix := net.ParseIP("2001:db8:1:2::")[:8]
	if tok, ok := clientTokens(s, prefix); !ok || tok != 990 || clientCount(s) != 1 {
		t.Fatalf("one /64: bucket %v (found %v) of %d clients; want 990 tokens left in the only bucket", tok, ok, clientCount(s))
	}
	// The neighbouring /64s are other clients with full buckets.
	for _, ip := range []string{"2001:db8:1:3::1", "2001:db8:1:1:ffff:ffff:ffff:ffff"} {
		if st := requestFrom(s, ip); st != 200 {
			t.Fatalf("%s: %d", ip, st)
		}
		if tok, ok := clientTokens(s, net.ParseIP(ip)[:8]); !ok || tok != 999 {
			t.Fatalf("%s: bucket %v (found %v); want its own, 999 tokens left", ip, tok, ok)
		}
	}
	// IPv4 clients are keyed per address, and the IPv4-mapped form of an
	// address is the same client.
	for _, ip := range []string{"192.0.2.1", "::ffff:192.0.2.1", "192.0.2.2"} {
		if st := requestFrom(s, ip); st != 200 {
			t.Fatalf("%s: %d", ip, st)
		}
	}
	if tok, ok := clientTokens(s, []byte{192, 0, 2, 1}); !ok || tok != 998 {
		t.Fatalf("192.0.2.1: bucket %v (found %v); want 998 tokens left after its two requests", tok, ok)
	}
	if tok, ok := clientTokens(s, []byte{192, 0, 2, 2}); !ok || tok != 999 {
		t.Fatalf("192.0.2.2: bucket %v (found %v); want its own", tok, ok)
	}
	if n := clientCount(s); n != 5 {
		t.Fatalf("%d clients; want 5 (one /64 of ten addresses, two more /64s, two IPv4 addresses)", n)
	}
}

// TestRateLimitIPv6RotationKeepsTheTable: a client cycling through more
// addresses of its /64 than the client table holds no longer evicts every
// other client's bucket.
func TestRateLimitIPv6RotationKeepsTheTable(t *testing.T) {
	cfg := testConfig()
	cfg.RateLimitRPS = 0.001
	cfg.RateLimitBurst = 1 << 20
	s, err := New(cfg, testPolicy(t), newFakeStore())
	if err != nil {
		t.Fatal(err)
	}
	requestFrom(s, "198.51.100.7")
	for i := range defaultMaxClients + 10 {
		requestFrom(s, fmt.Sprintf("2001:db8:aa:bb::%x:%x", i>>16, i&0xffff))
	}
	if _, ok := clientTokens(s, []byte{198, 51, 100, 7}); !ok || clientCount(s) != 2 {
		t.Fatalf("198.51.100.7 evicted (%d clients): one /64 churned the table", clientCount(s))
	}
}
