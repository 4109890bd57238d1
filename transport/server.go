package transport

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/valyala/fasthttp"

	"github.com/datafog/datafog-api/engine/policy"
	"github.com/datafog/datafog-api/receipts"
)

// ReceiptStore is what the server needs from the receipt log; *receipts.Log
// satisfies it.
type ReceiptStore interface {
	// Append writes rec and returns its id only once it is durable.
	Append(ctx context.Context, rec *receipts.Record) (string, error)
	// Get returns a stored receipt, or an error wrapping
	// receipts.ErrNotFound.
	Get(id string) (*receipts.Record, error)
	// Hash returns the keyed hex HMAC-SHA256 digest of data.
	Hash(data []byte) string
	// Err is non-nil once the log has failed and acknowledges nothing more.
	Err() error
}

// Server is the datafog HTTP service on fasthttp. Create it with New; it is
// safe for concurrent use, and SetPolicy may be called while it serves.
type Server struct {
	cfg   Config
	pol   atomic.Pointer[policy.Compiled]
	rec   ReceiptStore
	sec   *security // TLS, tokens, trusted proxies (security.go)
	rl    *rateLimiter
	idem  *idempotencyStore
	ids   *idGenerator
	m     *metrics
	srv   *fasthttp.Server
	xfm   transformerCache
	start time.Time
	adm   admission

	// streams counts the stream responses running; stopping is set when
	// Shutdown's drain time is over and it closes what is still open.
	streams  atomic.Int64
	stopping atomic.Bool

	acceptLogMu   sync.Mutex
	acceptLogNext time.Time // next time a retried accept error is logged
	acceptLogged  uint64    // accept errors counted when the last was logged

	mu       sync.Mutex
	ln       net.Listener
	lim      *connLimiter
	shutdown bool
}

// New validates cfg and returns a server answering with pol and writing
// receipts to rec. It refuses a listen address that is not loopback when
// no API token is set, unless cfg.AllowUnauthenticated.
func New(cfg Config, pol *policy.Compiled, rec ReceiptStore) (*Server, error) {
	cfg, err := cfg.withDefaults()
	if err != nil {
		return nil, err
	}
	if pol == nil || pol.Engine == nil || pol.Policy == nil {
		return nil, errors.New("transport: new: a compiled policy is required")
	}
	if rec == nil {
		return nil, errors.New("transport: new: a receipt store is required")
	}
	sec, err := newSecurity(cfg)
	if err != nil {
		return nil, err
	}
	if cfg.Peers != nil {
		cfg.Peers.client.TLSConfig = sec.peerClientConfig()
	}
	s := &Server{
		cfg:   cfg,
		rec:   rec,
		sec:   sec,
		rl:    newRateLimiter(cfg.RateLimitRPS, cfg.RateLimitBurst, defaultMaxClients),
		idem:  newIdempotencyStore(idemMaxEntries, idemMaxBytes, idemTTL),
		ids:   newIDGenerator(),
		m:     newMetrics(),
		start: time.Now().UTC(),
	}
	s.pol.Store(pol)
	s.adm.limit = cfg.MaxInflightBytes
	// The body read timeout starts when the headers are in (HeaderReceived);
	// until then the short header timeout applies. fasthttp keeps the
	// header deadline for the body when HeaderReceived returns 0, so "no
	// body timeout" is a very long one.
	bodyTimeout := cfg.ReadTimeout
	if bodyTimeout == 0 {
		bodyTimeout = noTimeout
	}
	s.srv = &fasthttp.Server{
		Handler: s.Handler(),
		Name:    "datafog",
		// connLimiter admits connections (serving at most MaxConcurrency
		// plus the probe reserve); fasthttp's own cap sits well above, so
		// that its plain-text 503 never answers first.
		Concurrency: 2 * (cfg.MaxConcurrency + probeReserve(cfg.MaxConcurrency)),
		HeaderReceived: func(*fasthttp.RequestHeader) fasthttp.RequestConfig {
			return fasthttp.RequestConfig{ReadTimeout: bodyTimeout}
		},
		ReadBufferSize:                cfg.MaxHeaderBytes,
		WriteBufferSize:               16 << 10,
		ReadTimeout:                   cfg.ReadHeaderTimeout,
		WriteTimeout:                  cfg.WriteTimeout,
		IdleTimeout:                   cfg.IdleTimeout,
		MaxRequestBodySize:            int(cfg.MaxBodyBytes),
		StreamRequestBody:             true,
		DisablePreParseMultipartForm:  true,
		DisableHeaderNamesNormalizing: false,
		NoDefaultServerHeader:         true,
		NoDefaultDate:                 false,
		NoDefaultContentType:          true,
		CloseOnShutdown:               true,
		ReduceMemoryUsage:             false,
		// fasthttp quotes up to 400 bytes of a request whose headers fail
		// to parse (the Authorization header included) in its errors,
		// which reach Logger; with this set its messages carry no request
		// bytes.
		SecureErrorLogMessage: true,
		Logger:                fasthttpLogger{s: s},
		ErrorHandler:          s.connError,
	}
	return s, nil
}

// Config returns the configuration in force, with every default filled in.
func (s *Server) Config() Config { return s.cfg }

// SetPolicy swaps in a new compiled policy. Requests already running keep
// the policy they started with; nil is ignored.
func (s *Server) SetPolicy(p *policy.Compiled) {
	if p == nil || p.Engine == nil || p.Policy == nil {
		return
	}
	s.pol.Store(p)
	s.m.reloads.Add(1)
}

// PolicyReloadFailed counts a policy that a reload refused (the metric
// datafog_policy_reload_failures_total). The policy in force is unchanged.
func (s *Server) PolicyReloadFailed(error) { s.m.reloadErr.Add(1) }

// Policy returns the policy new requests use.
func (s *Server) Policy() *policy.Compiled { return s.pol.Load() }

// ListenAndServe listens on cfg.Addr and serves until ctx is cancelled, then
// stops accepting, drains in-flight requests for up to ShutdownTimeout and
// returns. The caller closes the receipt store afterwards.
func (s *Server) ListenAndServe(ctx context.Context) error {
	ln, err := net.Listen("tcp", s.cfg.Addr)
	if err != nil {
		return fmt.Errorf("transport: listen on %s: %w", s.cfg.Addr, err)
	}
	errc := make(chan error, 1)
	go func() { errc <- s.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), s.cfg.ShutdownTimeout)
	defer cancel()
	serr := s.Shutdown(sctx)
	if err := <-errc; err != nil {
		return err
	}
	return serr
}

// Serve serves connections from ln until Shutdown. It returns nil after a
// Shutdown.
func (s *Server) Serve(ln net.Listener) error {
	s.mu.Lock()
	if s.shutdown {
		s.mu.Unlock()
		_ = ln.Close()
		return nil
	}
	perIP := max(s.cfg.MaxConnsPerIP, 0)
	lim := newConnLimiter(ln, s, s.cfg.MaxConcurrency, perIP, probeReserve(s.cfg.MaxConcurrency), reservePerClient)
	s.ln, s.lim = ln, lim
	s.mu.Unlock()
	var served net.Listener = lim
	if s.sec.gen.Load() != nil {
		lim.tlsConf = s.sec.listenerConfig()
		served = &tlsListener{Listener: lim, conf: lim.tlsConf}
	}
	s.sec.start(s.cfg.CredentialPollInterval)
	s.cfg.Logger.Info("transport: connection limits", "nofile", fileLimit(), "max_concurrency", s.cfg.MaxConcurrency,
		"max_conns_per_ip", perIP, "probe_reserve", probeReserve(s.cfg.MaxConcurrency),
		"read_header_timeout", s.cfg.ReadHeaderTimeout.String(), "read_timeout", s.cfg.ReadTimeout.String(),
		"max_inflight_bytes", s.cfg.MaxInflightBytes, "max_findings", s.cfg.MaxFindings)
	s.cfg.Logger.Info("transport: serving", "addr", ln.Addr().String(), "tls", lim.tlsConf != nil)
	if err := s.srv.Serve(served); err != nil {
		s.mu.Lock()
		down := s.shutdown
		s.mu.Unlock()
		if down {
			return nil
		}
		return fmt.Errorf("transport: serve: %w", err)
	}
	return nil
}

// Shutdown stops accepting connections, closes idle ones and waits for
// in-flight requests until ctx ends. When ctx ends first, it closes every
// connection still open and waits (up to streamAbortWait) for the streams
// on them to end, so each logs "transport: stream aborted" (error
// "shutdown") and writes no receipt before the caller closes the log; it
// then returns ctx's error.
func (s *Server) Shutdown(ctx context.Context) error {
	s.mu.Lock()
	s.shutdown = true
	lim := s.lim
	s.mu.Unlock()
	s.sec.stopWatching()
	if err := s.srv.ShutdownWithContext(ctx); err != nil {
		if lim != nil {
			s.stopping.Store(true)
			n := lim.closeAll()
			deadline := time.Now().Add(streamAbortWait)
			for s.streams.Load() > 0 && time.Now().Before(deadline) {
				time.Sleep(5 * time.Millisecond)
			}
			s.cfg.Logger.Warn("transport: drain time over; closed the connections still open", "connections", n)
		}
		return fmt.Errorf("transport: shutdown: %w", err)
	}
	s.cfg.Logger.Info("transport: stopped")
	return nil
}

// streamAbortWait bounds the wait for streams to end once Shutdown has
// closed their connections.
const streamAbortWait = 2 * time.Second

// noTimeout stands for "no body read timeout" (ReadTimeout 0).
const noTimeout = 10 * 365 * 24 * time.Hour

// reservePerClient is the number of probe-only slots one client may hold.
const reservePerClient = 2

// logAcceptError logs a retried accept error, at most once every 10
// seconds, with the number retried since the last line.
func (s *Server) logAcceptError(err error, delay time.Duration) {
	now := time.Now()
	s.acceptLogMu.Lock()
	defer s.acceptLogMu.Unlock()
	if now.Before(s.acceptLogNext) {
		return
	}
	total := s.m.acceptErrors.Load()
	s.cfg.Logger.Warn("transport: accept failed; retrying", "error", connErrorClass(err), "errno", errnoText(err),
		"retry_in", delay.String(), "errors_since_last_line", total-s.acceptLogged)
	s.acceptLogNext, s.acceptLogged = now.Add(10*time.Second), total
}

// Addr returns the listener's address once Serve has started, else nil.
func (s *Server) Addr() net.Addr {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ln == nil {
		return nil
	}
	return s.ln.Addr()
}

// connError answers requests fasthttp rejects before the handler runs
// (malformed framing, oversized headers, smuggling attempts) with the
// contract's error body, and closes the connection.
func (s *Server) connError(ctx *fasthttp.RequestCtx, err error) {
	var id [64]byte
	rid := string(s.ids.appendID(id[:0]))
	ctx.Response.Header.Set(headerRequestID, rid)
	ctx.SetConnectionClose()
	e := errMalformed
	var sizeErr *fasthttp.ErrSmallBuffer
	var netErr net.Error
	switch {
	case errors.As(err, &sizeErr):
		e = errHeaderTooLarge
	case errors.Is(err, fasthttp.ErrBodyTooLarge):
		e = errTooLarge
	case errors.As(err, &netErr) && netErr.Timeout():
		e = errReadTimeout
	}
	writeError(ctx, e, rid)
	s.m.observe(routeNotFound, nil, e.status, 0)
	if s.cfg.AccessLog != nil {
		s.logAccess(routeNotFound, e.status, rid, 0, &accessLine{method: ctx.Method(),
			bytes: int64(len(ctx.Response.Body())), client: s.accessClient(ctx)})
	}
	s.cfg.Logger.Debug("transport: rejected malformed request", "request_id", rid, "status", e.status)
}

// fasthttpLogger routes fasthttp's own messages to slog at debug level.
// fasthttp logs connection errors only. Their text can quote the request:
// SecureErrorLogMessage drops the 400-byte dump of the read buffer, but a
// header line that fails to parse is still quoted whole, and it can be a
// credential. So Printf keeps fasthttp's format and the addresses and
// numbers it fills in, and replaces each error by its class and any other
// argument by "withheld".
type fasthttpLogger struct{ s *Server }

func (l fasthttpLogger) Printf(format string, args ...any) {
	safe := make([]any, len(args))
	for i, a := range args {
		switch v := a.(type) {
		case error:
			safe[i] = connErrorClass(v)
		case net.Addr, int, int64, uint32, uint64, time.Duration:
			safe[i] = v
		default:
			safe[i] = "withheld"
		}
	}
	l.s.cfg.Logger.Debug("transport: fasthttp", "msg", fmt.Sprintf(format, safe...))
}

// connErrorClass names the kind of a connection error without its text.
func connErrorClass(err error) string {
	var small *fasthttp.ErrSmallBuffer
	var netErr net.Error
	switch {
	case errors.As(err, &small):
		return "request headers exceed the read buffer"
	case errors.Is(err, fasthttp.ErrBodyTooLarge):
		return "request body too large"
	case errors.As(err, new(fasthttp.ErrBrokenChunk)):
		return "broken chunked body"
	case errors.As(err, &netErr) && netErr.Timeout():
		return "timeout"
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return "connection closed mid-request"
	}
	return "malformed request or connection error (text withheld)"
}

// errnoText names the errno inside err ("too many open files"), or "".
func errnoText(err error) string {
	var en syscall.Errno
	if errors.As(err, &en) {
		return en.Error()
	}
	return ""
}
