package transport

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"sync"
	"sync/atomic"
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
	auth  authenticator
	rl    *rateLimiter
	idem  *idempotencyStore
	ids   *idGenerator
	m     *metrics
	srv   *fasthttp.Server
	xfm   transformerCache
	start time.Time

	mu       sync.Mutex
	ln       net.Listener
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
	if cfg.APIToken == "" && !cfg.AllowUnauthenticated && !isLoopbackAddr(cfg.Addr) {
		return nil, fmt.Errorf("transport: new: refusing to listen on non-loopback address %s without DATAFOG_API_TOKEN (pass --allow-unauthenticated to override)", cfg.Addr)
	}
	s := &Server{
		cfg:   cfg,
		rec:   rec,
		auth:  newAuthenticator(cfg.APIToken),
		rl:    newRateLimiter(cfg.RateLimitRPS, cfg.RateLimitBurst, defaultMaxClients),
		idem:  newIdempotencyStore(idemMaxEntries, idemMaxBytes, idemTTL),
		ids:   newIDGenerator(),
		m:     newMetrics(),
		start: time.Now().UTC(),
	}
	s.pol.Store(pol)
	s.srv = &fasthttp.Server{
		Handler:                       s.Handler(),
		Name:                          "datafog",
		Concurrency:                   cfg.MaxConcurrency,
		MaxConnsPerIP:                 cfg.MaxConnsPerIP,
		ReadBufferSize:                cfg.MaxHeaderBytes,
		WriteBufferSize:               16 << 10,
		ReadTimeout:                   cfg.ReadTimeout,
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
	s.ln = ln
	s.mu.Unlock()
	s.cfg.Logger.Info("transport: serving", "addr", ln.Addr().String())
	if err := s.srv.Serve(ln); err != nil {
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
// in-flight requests until ctx ends.
func (s *Server) Shutdown(ctx context.Context) error {
	s.mu.Lock()
	s.shutdown = true
	s.mu.Unlock()
	if err := s.srv.ShutdownWithContext(ctx); err != nil {
		return fmt.Errorf("transport: shutdown: %w", err)
	}
	s.cfg.Logger.Info("transport: stopped")
	return nil
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
