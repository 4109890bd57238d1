package transport

import (
	"context"
	"log/slog"
	"net"
	"net/netip"
	"time"

	"github.com/valyala/fasthttp"
)

// The access log (DATAFOG_ACCESS_LOG=1): one line per request, message
// "access", through Config.AccessLog. A line holds only what identifies a
// request without its content:
//
//	method      GET, HEAD, POST, or OTHER for any other method
//	route       the route label (/v1/receipts/{id}, never the raw path)
//	status      the status sent (499: the client stopped reading a stream)
//	bytes       response body bytes written
//	duration_ms time to the end of the response
//	request_id  the X-Request-ID sent back
//	client      the client as rate limiting keys it: an IPv4 address or
//	            an IPv6 /64 (see clientKey)
//
// Never the query string, a header, a body, a finding or a token. With
// Config.AccessLog nil nothing is formatted: the request path pays one
// nil check.

// accessLine is what finishRequest needs to log one access line.
type accessLine struct {
	method []byte
	bytes  int64
	client clientAddr
}

// clientAddr holds the rate-limit key of a client (4 or 8 bytes), copied
// so it outlives the request context.
type clientAddr struct {
	b [8]byte
	n uint8
}

// accessClient is the client of ctx as the access log names it: the
// rate limiter's key of the proxy-aware client address (clientaddr.go).
func (s *Server) accessClient(ctx *fasthttp.RequestCtx) clientAddr {
	a16 := s.clientAddr(ctx).As16()
	return clientOf(net.IP(a16[:]))
}

// clientOf copies clientKey(ip).
func clientOf(ip net.IP) clientAddr {
	var c clientAddr
	c.n = uint8(copy(c.b[:], clientKey(ip))) // #nosec G115 -- at most 8
	return c
}

// String renders the key: "192.0.2.7", or "2001:db8:1:2::/64".
func (c clientAddr) String() string {
	switch c.n {
	case 4:
		return netip.AddrFrom4([4]byte(c.b[:4])).String()
	case 8:
		var a [16]byte
		copy(a[:], c.b[:8])
		return netip.PrefixFrom(netip.AddrFrom16(a), 64).String()
	}
	return "unknown"
}

// logAccess writes one access line.
func (s *Server) logAccess(r route, status int, rid string, d time.Duration, a *accessLine) {
	s.cfg.AccessLog.LogAttrs(context.Background(), slog.LevelInfo, "access",
		slog.String("method", methodLabel(a.method)),
		slog.String("route", routeNames[r]),
		slog.Int("status", status),
		slog.Int64("bytes", a.bytes),
		slog.Float64("duration_ms", float64(d.Microseconds())/1000),
		slog.String("request_id", rid),
		slog.String("client", a.client.String()))
}

// methodLabel names a method without echoing an arbitrary one.
func methodLabel(m []byte) string {
	switch string(m) {
	case "GET":
		return "GET"
	case "HEAD":
		return "HEAD"
	case "POST":
		return "POST"
	}
	return "OTHER"
}
