package transport

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"net"
	"net/netip"
	"runtime/debug"
	"sync"
	"time"

	"github.com/valyala/fasthttp"
	"github.com/valyala/fastjson"

	"github.com/datafog/datafog-api/engine"
	"github.com/datafog/datafog-api/engine/policy"
)

// Header names and media types used by the handlers.
const (
	headerRequestID   = "X-Request-ID"
	headerReceiptID   = "X-Receipt-ID"
	headerIdemKey     = "Idempotency-Key"
	contentTypeJSON   = "application/json"
	contentTypeNDJSON = "application/x-ndjson"
	receiptsPrefix    = "/v1/receipts/"
	maxReceiptIDLen   = 128
)

// call is the per-request state of a JSON route, pooled. Slices in it
// (body, parsed values, findings) borrow from the request and from the call
// itself: they are valid until the handler returns and releaseCall runs,
// and nothing keeps them afterwards (responses are copied into fasthttp's
// response buffer with SetBody).
type call struct {
	s        *Server
	ctx      *fasthttp.RequestCtx
	pol      *policy.Compiled
	route    route
	rid      []byte // request id (header value or generated)
	body     []byte // decoded request body
	out      []byte // response body being built
	canon    []byte // canonical form of the request for idempotency digests
	findings []engine.Finding
	weight   int64 // admission weight held (see admission.go)
	parser   fastjson.Parser
	check    jsonCheck
	raw      bytes.Reader // over a buffered (non-streamed) request body
	streamed bool         // a stream route took over metrics and logging
	client   netip.Addr   // the client's address (clientaddr.go)
	token    string       // the name of the token the request carried, or ""
}

var callPool = sync.Pool{New: func() any { return new(call) }}

// maxPooledBuf bounds the buffers a pooled call keeps, like bytebufferpool
// dropping oversized buffers.
const maxPooledBuf = 256 << 10

func acquireCall(s *Server, ctx *fasthttp.RequestCtx) *call {
	c := callPool.Get().(*call)
	c.s, c.ctx, c.pol = s, ctx, s.pol.Load()
	return c
}

func releaseCall(c *call) {
	if c.weight > 0 && !c.streamed {
		c.s.adm.release(c.weight)
	}
	c.weight = 0
	c.s, c.ctx, c.pol, c.streamed = nil, nil, nil, false
	c.client, c.token = netip.Addr{}, ""
	c.raw.Reset(nil)
	c.check.reset()
	if cap(c.check.names) > maxPooledBuf {
		c.check.names = nil
	}
	c.rid = c.rid[:0]
	if cap(c.body) > maxPooledBuf {
		c.body = nil
	}
	if cap(c.out) > maxPooledBuf {
		c.out = nil
	}
	if cap(c.findings) > 4096 {
		c.findings = nil
	}
	c.body, c.out, c.canon, c.findings = c.body[:0], c.out[:0], c.canon[:0], c.findings[:0]
	callPool.Put(c)
}

// Handler returns the request handler; Serve uses it, and tests may drive
// it directly with a fasthttp.RequestCtx.
func (s *Server) Handler() fasthttp.RequestHandler { return s.serve }

func (s *Server) serve(ctx *fasthttp.RequestCtx) {
	start := time.Now()
	s.m.inFlight.Add(1)
	c := acquireCall(s, ctx)
	defer releaseCall(c)
	if v := ctx.Request.Header.Peek(headerRequestID); validRequestID(v) {
		c.rid = append(c.rid[:0], v...)
	} else {
		c.rid = s.ids.appendID(c.rid[:0])
	}
	ctx.Response.Header.SetBytesV(headerRequestID, c.rid)
	r, receiptID := matchRoute(ctx.Path())
	c.route = r
	defer func() {
		if p := recover(); p != nil {
			// The panic value may quote request text, so only its type and
			// the stack (which holds no request bytes) are logged.
			s.cfg.Logger.Error("transport: handler panic", "request_id", b2s(c.rid),
				"route", routeNames[r], "panic_type", fmt.Sprintf("%T", p), "stack", string(debug.Stack()))
			ctx.Response.Header.Del(headerReceiptID)
			writeError(ctx, errInternal, b2s(c.rid))
			ctx.SetConnectionClose()
			c.streamed = false
		}
		if !c.streamed {
			var a *accessLine
			if s.cfg.AccessLog != nil {
				a = &accessLine{method: ctx.Method(), client: s.accessClient(ctx)}
				if !ctx.IsHead() {
					a.bytes = int64(len(ctx.Response.Body()))
				}
			}
			s.finishRequest(r, ctx.Method(), ctx.Response.StatusCode(), b2s(c.rid), start, a)
		}
	}()
	if e := c.dispatch(r, receiptID); e != nil {
		writeError(ctx, e, b2s(c.rid))
	}
}

// finishRequest records metrics and the request's log lines: the access
// line (a, nil when the access log is off) and the debug or error line.
// The lines hold the route label, never the raw path or any request text.
func (s *Server) finishRequest(r route, method []byte, status int, rid string, start time.Time, a *accessLine) {
	d := time.Since(start)
	s.m.inFlight.Add(-1)
	s.m.observe(r, method, status, d)
	if a != nil {
		s.logAccess(r, status, rid, d, a)
	}
	if status >= 500 {
		s.cfg.Logger.Error("transport: request", "request_id", rid, "route", routeNames[r], "status", status, "duration_ms", float64(d.Microseconds())/1000)
	} else if s.cfg.Logger.Enabled(context.Background(), slog.LevelDebug) {
		s.cfg.Logger.Debug("transport: request", "request_id", rid, "route", routeNames[r], "status", status, "duration_ms", float64(d.Microseconds())/1000)
	}
}

// matchRoute maps an exact path to its route; for /v1/receipts/{id} it also
// returns the id (borrowed from path).
func matchRoute(path []byte) (route, []byte) {
	switch string(path) {
	case "/health":
		return routeHealth, nil
	case "/metrics":
		return routeMetrics, nil
	case "/v1/policy/version":
		return routePolicyVersion, nil
	case "/v1/scan":
		return routeScan, nil
	case "/v1/decide":
		return routeDecide, nil
	case "/v1/transform":
		return routeTransform, nil
	case "/v1/anonymize":
		return routeAnonymize, nil
	case "/v1/scan/stream":
		return routeScanStream, nil
	case "/v1/redact/stream":
		return routeRedactStream, nil
	case "/v1/entities":
		return routeEntities, nil
	case "/openapi.json":
		return routeOpenAPI, nil
	}
	if id, ok := bytes.CutPrefix(path, []byte(receiptsPrefix)); ok &&
		len(id) > 0 && len(id) <= maxReceiptIDLen && bytes.IndexByte(id, '/') < 0 {
		return routeReceipt, id
	}
	return routeNotFound, nil
}

// routeMethod is the one method each route accepts; a GET route accepts
// HEAD too.
func routeMethod(r route) string {
	switch r {
	case routeHealth, routeMetrics, routePolicyVersion, routeReceipt, routeEntities, routeOpenAPI:
		return fasthttp.MethodGet
	}
	return fasthttp.MethodPost
}

// dispatch runs the checks every route shares (rate limit, token, method)
// in that order, then the route's handler. /health skips the first two.
func (c *call) dispatch(r route, receiptID []byte) *apiError {
	ctx, s := c.ctx, c.s
	if r == routeNotFound {
		return errNotFound
	}
	if probeOnly(ctx.Conn()) {
		// A slot of the probe reserve (listener.go): probes only, one
		// request per connection, so the slot frees at once.
		ctx.SetConnectionClose()
		if r != routeHealth && r != routeMetrics {
			s.m.countConnRejected("probe_only")
			ctx.Response.Header.Set(fasthttp.HeaderRetryAfter, "1")
			return errOverloaded
		}
	}
	c.client = s.clientAddr(ctx)
	if r != routeHealth {
		if s.rl != nil {
			a16 := c.client.As16()
			if ok, wait := s.rl.allow(clientKey(net.IP(a16[:])), time.Now()); !ok {
				s.m.limited.Add(1)
				var b [20]byte
				ctx.Response.Header.SetBytesV(fasthttp.HeaderRetryAfter, fasthttp.AppendUint(b[:0], wait))
				return errRateLimited
			}
		}
		var ok bool
		if c.token, ok = s.sec.authenticate(ctx); !ok {
			ctx.Response.Header.Set(fasthttp.HeaderWWWAuthenticate, `Bearer realm="datafog"`)
			return errUnauthorized
		}
	}
	if m := routeMethod(r); string(ctx.Method()) != m && (m != fasthttp.MethodGet || !ctx.IsHead()) {
		// GET routes answer HEAD too (fasthttp then sends the headers
		// only, Content-Length included).
		if m == fasthttp.MethodGet {
			m = "GET, HEAD"
		}
		ctx.Response.Header.Set(fasthttp.HeaderAllow, m)
		return errMethod
	}
	if e := c.admit(r); e != nil {
		return e
	}
	switch r {
	case routeHealth:
		return c.health()
	case routeMetrics:
		return c.metricsPage()
	case routePolicyVersion:
		return c.policyVersion()
	case routeEntities:
		return c.entities()
	case routeOpenAPI:
		return c.openAPI()
	case routeScan:
		return c.scan()
	case routeDecide:
		return c.decide()
	case routeTransform:
		return c.transform(false)
	case routeAnonymize:
		return c.transform(true)
	case routeReceipt:
		return c.receipt(receiptID)
	case routeScanStream:
		return c.scanStream()
	case routeRedactStream:
		return c.redactStream()
	}
	return errNotFound
}

// sendJSON sends c.out as the 200 response, compressed when the client
// accepts it.
func (c *call) sendJSON(status int) {
	c.ctx.SetStatusCode(status)
	c.ctx.SetContentType(contentTypeJSON)
	if len(c.out) > maxPooledBuf && acceptEncoding(c.ctx.Request.Header.Peek(fasthttp.HeaderAcceptEncoding)) == encIdentity {
		// A large uncompressed body is handed to fasthttp rather than
		// copied: releaseCall drops a buffer this size instead of pooling
		// it, so nothing writes to it again.
		c.ctx.Response.Header.Set(fasthttp.HeaderVary, "Accept-Encoding")
		c.ctx.Response.SetBodyRaw(c.out)
		return
	}
	c.s.setBody(c.ctx, c.out)
}
