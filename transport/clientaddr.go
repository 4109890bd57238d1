package transport

import (
	"bytes"
	"net"
	"net/netip"

	"github.com/valyala/fasthttp"
)

// The client of a request. A TCP peer that is not a trusted proxy is the
// client itself. Behind trusted proxies, the client is the rightmost hop of
// the forwarding header (X-Forwarded-For, or Forwarded's for= parameters)
// that is not a trusted proxy: each trusted proxy appended the address it
// saw, so the hops from the right are known good up to the first untrusted
// one, and what lies left of it is that client's own claim, never read.
// When every hop is trusted, the leftmost is the client. When a hop cannot
// be read ("unknown", an obfuscated identifier, garbage), the client is
// unknown and the last trusted hop stands for it, as does the peer when a
// trusted proxy sent no forwarding header: a client can never choose the
// address it is counted under.

// maxHops bounds the hops kept per request: the rightmost maxHops of a
// longer header. Walking past them means every kept hop was trusted; the
// leftmost kept one then stands for the client.
const maxHops = 32

// clientAddr returns the address of the client that sent the request (see
// above). It is the one function that decides it: the per-client rate
// limit, the receipts' caller address and the access log all use it. It
// allocates nothing.
func (s *Server) clientAddr(ctx *fasthttp.RequestCtx) netip.Addr {
	peer := peerAddr(ctx.RemoteAddr())
	if !s.sec.trusted(peer) {
		return peer
	}
	return s.sec.forwardedClient(&ctx.Request.Header, peer)
}

// peerAddr is the IP address of a remote address, IPv4-mapped addresses
// unmapped; the zero Addr when there is none.
func peerAddr(a net.Addr) netip.Addr {
	if ta, ok := a.(*net.TCPAddr); ok {
		ip, _ := netip.AddrFromSlice(ta.IP)
		return ip.Unmap()
	}
	if a == nil {
		return netip.Addr{}
	}
	ap, err := netip.ParseAddrPort(a.String())
	if err != nil {
		return netip.Addr{}
	}
	return ap.Addr().Unmap()
}

// hopRing keeps the rightmost maxHops hops of a header. A hop is an address,
// or the zero Addr when it could not be read.
type hopRing struct {
	hops [maxHops]netip.Addr
	n    int // hops added, including those overwritten
}

func (r *hopRing) add(a netip.Addr) {
	r.hops[r.n%maxHops] = a
	r.n++
}

// forwardedClient walks the forwarding header of a request from a trusted
// peer. Several header lines form one list, in order (RFC 9110 5.3).
func (s *security) forwardedClient(h *fasthttp.RequestHeader, peer netip.Addr) netip.Addr {
	var ring hopRing
	name := "X-Forwarded-For"
	if s.forwarded {
		name = "Forwarded"
	}
	for _, line := range h.PeekAll(name) {
		if s.forwarded {
			parseForwarded(line, &ring)
		} else {
			parseXFF(line, &ring)
		}
	}
	last := peer
	kept := min(ring.n, maxHops)
	for i := 1; i <= kept; i++ {
		a := ring.hops[(ring.n-i)%maxHops]
		if !a.IsValid() {
			return last
		}
		if !s.trusted(a) {
			return a
		}
		last = a
	}
	return last
}

// parseXFF adds the hops of one X-Forwarded-For line: comma-separated
// addresses, optionally with a port ("192.0.2.1:5678", "[2001:db8::1]:443")
// or in brackets; empty elements are skipped.
func parseXFF(line []byte, ring *hopRing) {
	for len(line) > 0 {
		elem := line
		if i := bytes.IndexByte(line, ','); i >= 0 {
			elem, line = line[:i], line[i+1:]
		} else {
			line = nil
		}
		elem = trimOWS(elem)
		if len(elem) == 0 {
			continue
		}
		ring.add(parseNode(elem))
	}
}

// parseForwarded adds the for= node of each element of one Forwarded line
// (RFC 7239): elements are separated by commas, pairs by semicolons, and a
// value is a token or a quoted string (which may hold either separator).
// An element without for= is an unknown hop; empty elements are skipped.
func parseForwarded(line []byte, ring *hopRing) {
	var buf [64]byte // more than any address with a port
	for len(line) > 0 {
		var elem []byte
		elem, line = cutUnquoted(line, ',')
		if elem = trimOWS(elem); len(elem) == 0 {
			continue
		}
		var node netip.Addr
		for len(elem) > 0 {
			var pair []byte
			pair, elem = cutUnquoted(elem, ';')
			name, value, ok := bytes.Cut(pair, []byte{'='})
			if ok && asciiEqualFold(trimOWS(name), "for") {
				node = parseNode(unquote(trimOWS(value), &buf))
				break
			}
		}
		ring.add(node)
	}
}

// cutUnquoted splits b at the first sep outside a quoted string.
func cutUnquoted(b []byte, sep byte) (before, after []byte) {
	inQuote, escaped := false, false
	for i, c := range b {
		switch {
		case escaped:
			escaped = false
		case inQuote && c == '\\':
			escaped = true
		case c == '"':
			inQuote = !inQuote
		case c == sep && !inQuote:
			return b[:i], b[i+1:]
		}
	}
	return b, nil
}

// unquote returns the contents of a quoted string, quoted pairs resolved,
// in buf; b itself when it is not quoted; nil when the contents do not fit
// buf (then they are no address).
func unquote(b []byte, buf *[64]byte) []byte {
	if len(b) < 2 || b[0] != '"' || b[len(b)-1] != '"' {
		return b
	}
	out := buf[:0]
	escaped := false
	for _, c := range b[1 : len(b)-1] {
		if !escaped && c == '\\' {
			escaped = true
			continue
		}
		escaped = false
		if len(out) == cap(out) {
			return nil
		}
		out = append(out, c)
	}
	return out
}

// parseNode parses an address, "address:port" or "[IPv6]" / "[IPv6]:port";
// anything else (including addresses with a zone) is the zero Addr.
func parseNode(b []byte) netip.Addr {
	s := b2s(b)
	if a, err := netip.ParseAddr(s); err == nil {
		if a.Zone() != "" {
			return netip.Addr{}
		}
		return a.Unmap()
	}
	if ap, err := netip.ParseAddrPort(s); err == nil && ap.Addr().Zone() == "" {
		return ap.Addr().Unmap()
	}
	if len(s) > 2 && s[0] == '[' && s[len(s)-1] == ']' {
		if a, err := netip.ParseAddr(s[1 : len(s)-1]); err == nil && a.Is6() && a.Zone() == "" {
			return a.Unmap()
		}
	}
	return netip.Addr{}
}

// trimOWS trims spaces and tabs.
func trimOWS(b []byte) []byte { return trimSpace(b) }

func asciiEqualFold(b []byte, s string) bool {
	if len(b) != len(s) {
		return false
	}
	for i := range b {
		c := b[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != s[i] {
			return false
		}
	}
	return true
}
