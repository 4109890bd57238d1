package transport

import (
	"net"
	"net/netip"
	"strings"
	"testing"

	"github.com/valyala/fasthttp"
)

// clientFor resolves the client of a request from peer carrying the given
// forwarding header lines, under the given trusted proxies.
func clientFor(t *testing.T, proxies, header string, peer string, lines ...string) netip.Addr {
	t.Helper()
	cfg := testConfig()
	cfg.TrustedProxies = proxies
	cfg.ForwardedHeader = header
	s, err := New(cfg, testPolicy(t), newFakeStore())
	if err != nil {
		t.Fatal(err)
	}
	var req fasthttp.Request
	name := "X-Forwarded-For"
	if header == "forwarded" {
		name = "Forwarded"
	}
	for _, l := range lines {
		req.Header.Add(name, l)
	}
	var ctx fasthttp.RequestCtx
	ap := netip.MustParseAddrPort(peer)
	ctx.Init(&req, net.TCPAddrFromAddrPort(ap), nil)
	return s.clientAddr(&ctx)
}

// TestClientAddrXFF: the rightmost X-Forwarded-For hop that is not a
// trusted proxy is the client, and only when the peer is trusted.
func TestClientAddrXFF(t *testing.T) {
	const proxies = "127.0.0.0/8, 10.0.0.0/8, ::1, 2001:db8:aa::/48"
	cases := []struct {
		peer  string
		lines []string
		want  string
	}{
		// An untrusted peer is the client, whatever it claims.
		{"198.51.100.7:4000", []string{"203.0.113.9"}, "198.51.100.7"},
		{"[2001:db8:bb::1]:4000", []string{"203.0.113.9"}, "2001:db8:bb::1"},
		// A trusted peer without the header stands for the client.
		{"127.0.0.1:4000", nil, "127.0.0.1"},
		{"127.0.0.1:4000", []string{"203.0.113.9"}, "203.0.113.9"},
		// Rightmost untrusted hop; the client's own claims left of it are never read.
		{"127.0.0.1:4000", []string{"1.1.1.1, 203.0.113.9, 10.1.2.3"}, "203.0.113.9"},
		{"127.0.0.1:4000", []string{"garbage, 203.0.113.9"}, "203.0.113.9"},
		// Several lines form one list, in order.
		{"127.0.0.1:4000", []string{"1.1.1.1, 203.0.113.9", "10.0.0.1"}, "203.0.113.9"},
		{"127.0.0.1:4000", []string{"203.0.113.9", "198.51.100.1"}, "198.51.100.1"},
		// Every hop trusted: the leftmost.
		{"127.0.0.1:4000", []string{"10.0.0.5, 10.0.0.6"}, "10.0.0.5"},
		// Ports, brackets, IPv6, IPv4-mapped, spaces and empty elements.
		{"127.0.0.1:4000", []string{"203.0.113.9:5678"}, "203.0.113.9"},
		{"127.0.0.1:4000", []string{" [2001:db8::7]:443 ,, "}, "2001:db8::7"},
		{"127.0.0.1:4000", []string{"[2001:db8::7]"}, "2001:db8::7"},
		{"127.0.0.1:4000", []string{"::ffff:203.0.113.9"}, "203.0.113.9"},
		{"[::1]:4000", []string{"2001:db8::7, 2001:db8:aa::5"}, "2001:db8::7"},
		{"[::ffff:127.0.0.1]:4000", []string{"203.0.113.9"}, "203.0.113.9"},
		// An unreadable hop: the last trusted hop stands for the client.
		{"127.0.0.1:4000", []string{"203.0.113.9, unknown, 10.0.0.8"}, "10.0.0.8"},
		{"127.0.0.1:4000", []string{"fe80::1%eth0"}, "127.0.0.1"},
		{"127.0.0.1:4000", []string{"203.0.113.9, bob@example.com"}, "127.0.0.1"},
	}
	for _, tc := range cases {
		if got := clientFor(t, proxies, "", tc.peer, tc.lines...); got.String() != tc.want {
			t.Errorf("peer %s, X-Forwarded-For %q: client %s, want %s", tc.peer, tc.lines, got, tc.want)
		}
	}
	// More hops than kept, all trusted: the leftmost kept one.
	long := strings.TrimSuffix(strings.Repeat("10.0.0.1, ", maxHops+5), ", ") + ", 10.0.0.2"
	if got := clientFor(t, proxies, "", "127.0.0.1:1", long); got.String() != "10.0.0.1" {
		t.Errorf("long trusted chain: %s", got)
	}
}

// TestClientAddrForwarded reads RFC 7239 Forwarded for= nodes the same way,
// with quoting, obfuscated and unknown nodes, and other parameters.
func TestClientAddrForwarded(t *testing.T) {
	const proxies = "127.0.0.1, 10.0.0.0/8"
	cases := []struct {
		lines []string
		want  string
	}{
		{[]string{"for=203.0.113.9"}, "203.0.113.9"},
		{[]string{`For="[2001:db8:cafe::17]:4711"`}, "2001:db8:cafe::17"},
		{[]string{"for=198.51.100.1;proto=https;by=10.0.0.1, for=203.0.113.9; host=x"}, "203.0.113.9"},
		{[]string{"for=198.51.100.1", "for=203.0.113.9, for=10.0.0.2"}, "203.0.113.9"},
		{[]string{`for=203.0.113.9;by="a,b;c", for=10.0.0.3`}, "203.0.113.9"},
		{[]string{`for="203.0.113.\9"`}, "203.0.113.9"},
		{[]string{"for=203.0.113.9, for=unknown, for=10.0.0.4"}, "10.0.0.4"},
		{[]string{"for=203.0.113.9, for=_hidden"}, "127.0.0.1"},
		{[]string{"proto=https"}, "127.0.0.1"},
		{[]string{"for=10.0.0.5, for=10.0.0.6"}, "10.0.0.5"},
		{[]string{`for="` + strings.Repeat("1", 100) + `"`}, "127.0.0.1"},
	}
	for _, tc := range cases {
		if got := clientFor(t, proxies, "forwarded", "127.0.0.1:4000", tc.lines...); got.String() != tc.want {
			t.Errorf("Forwarded %q: client %s, want %s", tc.lines, got, tc.want)
		}
	}
	// X-Forwarded-For is not read when Forwarded is configured, nor the reverse.
	cfg := testConfig()
	cfg.TrustedProxies, cfg.ForwardedHeader = proxies, "forwarded"
	s, err := New(cfg, testPolicy(t), newFakeStore())
	if err != nil {
		t.Fatal(err)
	}
	var req fasthttp.Request
	req.Header.Set("X-Forwarded-For", "203.0.113.9")
	var ctx fasthttp.RequestCtx
	ctx.Init(&req, &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 1}, nil)
	if got := s.clientAddr(&ctx); got.String() != "127.0.0.1" {
		t.Errorf("X-Forwarded-For read under forwarded: %s", got)
	}
	if got := clientFor(t, proxies, "", "127.0.0.1:4000"); got.String() != "127.0.0.1" {
		t.Errorf("no header: %s", got)
	}
}

// FuzzForwardedClient: any header bytes give a client that is the peer or
// an address that appears in the header, and parsing never panics.
func FuzzForwardedClient(f *testing.F) {
	for _, seed := range []string{"203.0.113.9, 10.0.0.1", `for="[2001:db8::1]:80";by=x, for=unknown`, `for="\`, `,,;;=="`} {
		f.Add(seed, false)
		f.Add(seed, true)
	}
	sec := &security{proxies: []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8"), netip.MustParsePrefix("127.0.0.1/32")}}
	peer := netip.MustParseAddr("127.0.0.1")
	f.Fuzz(func(t *testing.T, line string, forwarded bool) {
		sec.forwarded = forwarded
		var h fasthttp.RequestHeader
		name := "X-Forwarded-For"
		if forwarded {
			name = "Forwarded"
		}
		h.Set(name, line)
		got := sec.forwardedClient(&h, peer)
		if !got.IsValid() {
			t.Fatalf("invalid client for %q", line)
		}
		// An IPv4 client's text is in the header (less any quoted-pair
		// backslashes); IPv6 text has several spellings, so only its
		// validity is checked.
		if got != peer && got.Is4() && !strings.Contains(strings.ReplaceAll(line, "\\", ""), got.String()) {
			t.Fatalf("client %s for %q is neither the peer nor in the header", got, line)
		}
	})
}
