package transport

import (
	"crypto/tls"
	"errors"
	"io"
	"net"
	"net/netip"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

// connLimiter is the listener every connection passes through before
// fasthttp sees it. It does three things fasthttp does not:
//
//   - It retries temporary accept errors (EMFILE, ENFILE, ENOBUFS, ENOMEM,
//     ECONNABORTED, timeouts) with backoff, as net/http does, instead of
//     returning them: fasthttp's Serve returns on any of them, and the
//     process would exit on `accept4: too many open files`. Each retried
//     error is counted (datafog_accept_errors_total).
//   - It caps connections: maxConns in all, perIP from one client (an IPv4
//     address or an IPv6 /64). A connection over either cap gets one of
//     reserve probe-only slots when one is free (at most reservePerIP per
//     client): on it the handler serves GET /health and GET /metrics and
//     answers every other request 503 overloaded, so probes stay
//     answerable while the server is saturated. Otherwise it is answered
//     at once, in the error contract's shape, and closed: 429 rate_limited
//     over the per-client cap, 503 overloaded over the total.
//   - It tracks open connections, so that Shutdown can close the ones still
//     open when its drain time is over (closeAll), which makes the streams
//     on them end and log "transport: stream aborted".
//
// With TLS, a tlsListener wraps the connLimiter, so the limits count TCP
// connections; a rejection is then written over TLS (the handshake runs
// on the rejecting goroutine, under its one-second deadline), and
// probeOnly unwraps connections through NetConn. A connection from a
// trusted proxy (DATAFOG_TRUSTED_PROXIES) is exempt from the per-client
// cap: it carries many clients, each counted by the rate limiter under
// the address the proxy reports (clientaddr.go).
type connLimiter struct {
	net.Listener
	s            *Server
	maxConns     int
	perIP        int // 0: no per-client cap
	reserve      int
	reservePerIP int
	respond      bool        // write a contract-shaped rejection before closing
	tlsConf      *tls.Config // set when serving TLS: rejections are written over TLS

	mu        sync.Mutex
	conns     map[*limitedConn]struct{}
	normal    int
	reserved  int
	byClient  map[netip.Addr]*clientConns
	closed    bool
	done      chan struct{}
	rejecting atomic.Int32 // goroutines writing a rejection
}

// clientConns counts one client's connections.
type clientConns struct{ normal, reserved int }

// maxRejecting bounds the goroutines writing rejections at once; past it a
// rejected connection is closed without a response.
const maxRejecting = 32

// Accept-retry backoff, as net/http's Serve: 5 ms doubling to 1 s.
const (
	acceptBackoffMin = 5 * time.Millisecond
	acceptBackoffMax = time.Second
)

func newConnLimiter(ln net.Listener, s *Server, maxConns, perIP, reserve, reservePerIP int) *connLimiter {
	return &connLimiter{
		Listener: ln, s: s, maxConns: maxConns, perIP: perIP, reserve: reserve, reservePerIP: reservePerIP,
		respond: true, conns: make(map[*limitedConn]struct{}), byClient: make(map[netip.Addr]*clientConns),
		done: make(chan struct{}),
	}
}

// Accept returns the next admitted connection. Temporary errors are
// retried after a backoff; any other error is returned.
func (l *connLimiter) Accept() (net.Conn, error) {
	var delay time.Duration
	for {
		c, err := l.Listener.Accept()
		if err != nil {
			if !temporaryAcceptError(err) || l.isClosed() {
				return nil, err
			}
			delay = min(max(2*delay, acceptBackoffMin), acceptBackoffMax)
			l.s.m.acceptErrors.Add(1)
			l.s.logAcceptError(err, delay)
			select {
			case <-time.After(delay):
			case <-l.done:
				return nil, net.ErrClosed
			}
			continue
		}
		delay = 0
		if lc := l.admit(c); lc != nil {
			return lc, nil
		}
	}
}

// Close closes the listener; a backoff in Accept ends at once.
func (l *connLimiter) Close() error {
	l.mu.Lock()
	if !l.closed {
		l.closed = true
		close(l.done)
	}
	l.mu.Unlock()
	return l.Listener.Close()
}

func (l *connLimiter) isClosed() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.closed
}

// admit counts c against the caps and returns it wrapped, or rejects it
// and returns nil.
func (l *connLimiter) admit(c net.Conn) *limitedConn {
	key := connKey(c.RemoteAddr())
	proxy := l.s.sec.trusted(peerAddr(c.RemoteAddr()))
	l.mu.Lock()
	cc := l.byClient[key]
	if cc == nil {
		cc = &clientConns{}
		l.byClient[key] = cc
	}
	overIP := l.perIP > 0 && !proxy && cc.normal >= l.perIP
	overAll := l.normal >= l.maxConns
	lc := &limitedConn{Conn: c, l: l, key: key}
	switch {
	case !overIP && !overAll:
		l.normal++
		cc.normal++
	case l.reserved < l.reserve && cc.reserved < l.reservePerIP:
		l.reserved++
		cc.reserved++
		lc.probeOnly = true
	default:
		if cc.normal == 0 && cc.reserved == 0 {
			delete(l.byClient, key)
		}
		l.mu.Unlock()
		reason, e := "overloaded", errOverloaded
		if overIP {
			reason, e = "per_ip", errTooManyConns
		}
		l.s.m.countConnRejected(reason)
		l.reject(c, e)
		return nil
	}
	l.conns[lc] = struct{}{}
	l.mu.Unlock()
	return lc
}

// release uncounts a closed connection.
func (l *connLimiter) release(lc *limitedConn) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.conns, lc)
	cc := l.byClient[lc.key]
	if lc.probeOnly {
		l.reserved--
		cc.reserved--
	} else {
		l.normal--
		cc.normal--
	}
	if cc.normal == 0 && cc.reserved == 0 {
		delete(l.byClient, lc.key)
	}
}

// open reports the connections open: served normally, and on probe-only
// slots.
func (l *connLimiter) open() (normal, reserved int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.normal, l.reserved
}

// closeAll closes every open connection (Shutdown's drain time is over).
func (l *connLimiter) closeAll() int {
	l.mu.Lock()
	cs := make([]*limitedConn, 0, len(l.conns))
	for c := range l.conns {
		cs = append(cs, c)
	}
	l.mu.Unlock()
	for _, c := range cs {
		_ = c.Close() // forced close; its error says nothing more
	}
	return len(cs)
}

// reject answers c with e in the contract's shape (a fresh X-Request-ID,
// Retry-After: 1, Connection: close) and closes it, on its own goroutine
// so that the accept loop never waits for a client. The write has a short
// deadline; the connection is then half-closed and drained briefly, so
// that a client still sending its request reads the answer instead of a
// reset.
func (l *connLimiter) reject(c net.Conn, e *apiError) {
	if !l.respond || l.rejecting.Add(1) > maxRejecting {
		if l.respond {
			l.rejecting.Add(-1)
		}
		_ = c.Close() // nothing was sent; the close error says nothing more
		return
	}
	var id [64]byte
	rid := string(l.s.ids.appendID(id[:0]))
	go func() {
		defer l.rejecting.Add(-1)
		_ = c.SetDeadline(time.Now().Add(time.Second))
		if l.tlsConf != nil {
			c = tls.Server(c, l.tlsConf)
		}
		_, _ = c.Write(appendRejection(nil, e, rid))
		if cw, ok := c.(interface{ CloseWrite() error }); ok {
			_ = cw.CloseWrite()
			_, _ = io.CopyN(io.Discard, c, 64<<10)
		}
		_ = c.Close()
	}()
}

// appendRejection appends a whole HTTP/1.1 response carrying e's contract
// error body.
func appendRejection(dst []byte, e *apiError, rid string) []byte {
	body := appendErrorBody(nil, e, rid)
	dst = append(dst, "HTTP/1.1 "...)
	dst = strconv.AppendInt(dst, int64(e.status), 10)
	dst = append(dst, ' ')
	dst = append(dst, statusText(e.status)...)
	dst = append(dst, "\r\nContent-Type: application/json\r\nRetry-After: 1\r\nConnection: close\r\nX-Request-ID: "...)
	dst = append(dst, rid...)
	dst = append(dst, "\r\nContent-Length: "...)
	dst = strconv.AppendInt(dst, int64(len(body)), 10)
	dst = append(dst, "\r\n\r\n"...)
	return append(dst, body...)
}

func statusText(code int) string {
	switch code {
	case 429:
		return "Too Many Requests"
	case 503:
		return "Service Unavailable"
	}
	return "Error"
}

// limitedConn is an admitted connection; Close uncounts it once.
type limitedConn struct {
	net.Conn
	l         *connLimiter
	key       netip.Addr
	probeOnly bool
	once      sync.Once
}

func (c *limitedConn) Close() error {
	err := c.Conn.Close()
	c.once.Do(func() { c.l.release(c) })
	return err
}

// NetConn returns the connection underneath, as *tls.Conn does.
func (c *limitedConn) NetConn() net.Conn { return c.Conn }

// probeOnly reports whether c, or the connection it wraps, holds a
// probe-only slot.
func probeOnly(c net.Conn) bool {
	for c != nil {
		if lc, ok := c.(*limitedConn); ok {
			return lc.probeOnly
		}
		u, ok := c.(interface{ NetConn() net.Conn })
		if !ok {
			return false
		}
		c = u.NetConn()
	}
	return false
}

// connKey is the client of a remote address for the per-client cap: an
// IPv4 address (IPv4-mapped included), or the /64 prefix of an IPv6
// address, as the rate limiter counts clients (see clientKey).
func connKey(a net.Addr) netip.Addr {
	var ip netip.Addr
	if ta, ok := a.(*net.TCPAddr); ok {
		ip, _ = netip.AddrFromSlice(ta.IP)
	} else if ap, err := netip.ParseAddrPort(a.String()); err == nil {
		ip = ap.Addr()
	}
	ip = ip.Unmap()
	if ip.Is6() {
		p, _ := ip.Prefix(64)
		return p.Addr()
	}
	return ip
}

// temporaryAcceptError reports an accept error worth retrying: a timeout,
// or one of the errnos of a full descriptor table, low memory or an
// aborted handshake (accept_unix.go).
func temporaryAcceptError(err error) bool {
	if errors.Is(err, net.ErrClosed) {
		return false
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return true
	}
	return temporaryErrno(err)
}
