package transport

import (
	"sync/atomic"

	"github.com/valyala/fasthttp"
)

// Admission by bytes in flight. Concurrency alone does not bound memory: a
// dense 1 MiB /v1/scan (87,000 findings) held about 30 MB while it ran, so
// 32 of them took a gigabyte. Each request is therefore weighed before its
// body is read, by the memory its body size can make it use, and admitted
// only while the weights of the requests in flight stay within
// MaxInflightBytes; past it the request is answered 503 overloaded with
// Retry-After. The weight is an upper estimate, measured on dense input
// (see docs/scaling.md): a 1 MiB body of SSNs, the densest findings the
// detectors report, uses about 12 MB of live heap (the body and the
// parser's copy, the findings slice as the engine grows it, the response
// JSON). Sparse text uses less, so the bound is conservative for it.

// Weights of one request. A JSON route weighs requestBase plus
// requestPerByte per byte of its body, counted at MaxBodyBytes when the
// body is compressed or chunked (its decoded size is not known before it
// is read). A stream route weighs streamWeight (its fixed buffers), plus
// zstdWeight for a zstd body (the decoder's window).
const (
	requestBase    = 64 << 10
	requestPerByte = 16
	streamWeight   = 1 << 20
	zstdWeight     = 2 * zstdMaxWindow
)

// requestWeight is the admission weight of a JSON request whose body is
// body bytes (at most maxBody).
func requestWeight(body, maxBody int64) int64 {
	return requestBase + requestPerByte*min(max(body, 0), maxBody)
}

// admission is a non-blocking weighted semaphore.
type admission struct {
	limit int64
	used  atomic.Int64
}

// tryAcquire takes n if the total stays within the limit.
func (a *admission) tryAcquire(n int64) bool {
	for {
		u := a.used.Load()
		if u+n > a.limit {
			return false
		}
		if a.used.CompareAndSwap(u, u+n) {
			return true
		}
	}
}

func (a *admission) release(n int64) { a.used.Add(-n) }

// weigh returns the admission weight of the request in c, or 0 for a
// route that reads no body.
func (c *call) weigh(r route) int64 {
	h := &c.ctx.Request.Header
	switch r {
	case routeScan, routeDecide, routeTransform, routeAnonymize:
		maxBody := c.s.cfg.MaxBodyBytes
		size := maxBody
		if enc, ok := parseContentEncoding(h.Peek(fasthttp.HeaderContentEncoding)); ok && enc == encIdentity && h.ContentLength() >= 0 {
			size = int64(h.ContentLength())
		}
		return requestWeight(size, maxBody)
	case routeScanStream, routeRedactStream:
		if enc, _ := parseContentEncoding(h.Peek(fasthttp.HeaderContentEncoding)); enc == encZstd {
			return streamWeight + zstdWeight
		}
		return streamWeight
	}
	return 0
}

// admit takes the request's weight, or answers 503 overloaded. The
// weight is released when the request ends (see serve and
// streamBody.Close).
func (c *call) admit(r route) *apiError {
	w := c.weigh(r)
	if w == 0 {
		return nil
	}
	if !c.s.adm.tryAcquire(w) {
		c.s.m.admissionRejected.Add(1)
		c.ctx.Response.Header.Set(fasthttp.HeaderRetryAfter, "1")
		c.drainBody(r)
		return errOverloaded
	}
	c.weight = w
	return nil
}

// drainBody reads and discards what the client sends of the request body,
// up to the route's body cap (drainStreamBytes for stream routes), before
// the 503 is written: fasthttp closes a connection with more than 256 KiB
// of body unread, and a client still sending would then see a reset
// instead of the answer. Discarding needs no memory beyond a small buffer,
// and the body read timeout bounds the time.
func (c *call) drainBody(r route) {
	body := c.ctx.RequestBodyStream()
	if body == nil {
		return
	}
	limit := c.s.cfg.MaxBodyBytes + 4096
	if r == routeScanStream || r == routeRedactStream {
		limit = drainStreamBytes
	}
	var buf [8 << 10]byte
	for limit > 0 {
		n, err := body.Read(buf[:min(int64(len(buf)), limit)])
		limit -= int64(n)
		if err != nil {
			return
		}
	}
}

// drainStreamBytes bounds the stream body a 503 drains.
const drainStreamBytes = 4 << 20
