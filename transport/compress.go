package transport

import (
	"bytes"
	"sync"

	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"
	"github.com/valyala/fasthttp"
)

// Response compression for JSON routes and /metrics. Stream routes are
// never compressed here: their bodies are written chunk by chunk as the
// input is read, and a compressor would hold bytes back.

// minCompressSize is the smallest body worth compressing.
const minCompressSize = 1024

var (
	zstdEncPool sync.Pool // *zstd.Encoder, used only through EncodeAll
	gzipEncPool sync.Pool // *gzip.Writer
)

// acceptEncoding picks the response coding from Accept-Encoding: zstd is
// preferred over gzip; a coding with q=0 is refused.
func acceptEncoding(v []byte) encoding {
	var zs, gz bool
	for len(v) > 0 {
		var item []byte
		item, v, _ = bytes.Cut(v, []byte{','})
		name, params, _ := bytes.Cut(item, []byte{';'})
		name = bytes.TrimSpace(name)
		if q, ok := bytes.CutPrefix(bytes.TrimSpace(params), []byte("q=")); ok && isZeroQ(q) {
			continue
		}
		switch {
		case bytes.EqualFold(name, []byte("zstd")):
			zs = true
		case bytes.EqualFold(name, []byte("gzip")):
			gz = true
		}
	}
	switch {
	case zs:
		return encZstd
	case gz:
		return encGzip
	}
	return encIdentity
}

// isZeroQ reports whether a q-value is 0 ("0", "0.", "0.000").
func isZeroQ(q []byte) bool {
	q = bytes.TrimSpace(q)
	if len(q) == 0 || q[0] != '0' {
		return false
	}
	for _, c := range q[1:] {
		if c != '.' && c != '0' {
			return false
		}
	}
	return true
}

// setBody copies body into the response, compressing it when the client
// accepts zstd or gzip and the body is large enough.
func (s *Server) setBody(ctx *fasthttp.RequestCtx, body []byte) {
	enc := encIdentity
	if len(body) >= minCompressSize {
		enc = acceptEncoding(ctx.Request.Header.Peek(fasthttp.HeaderAcceptEncoding))
		ctx.Response.Header.Set(fasthttp.HeaderVary, "Accept-Encoding")
	}
	switch enc {
	case encZstd:
		e, _ := zstdEncPool.Get().(*zstd.Encoder)
		if e == nil {
			var err error
			e, err = zstd.NewWriter(nil, zstd.WithEncoderConcurrency(1),
				zstd.WithEncoderLevel(zstd.SpeedFastest), zstd.WithLowerEncoderMem(true))
			if err != nil {
				ctx.SetBody(body)
				return
			}
		}
		ctx.Response.ResetBody()
		w := ctx.Response.BodyWriter()
		out := e.EncodeAll(body, nil)
		zstdEncPool.Put(e)
		_, _ = w.Write(out)
		ctx.Response.Header.Set(fasthttp.HeaderContentEncoding, "zstd")
	case encGzip:
		ctx.Response.ResetBody()
		w := ctx.Response.BodyWriter()
		g, _ := gzipEncPool.Get().(*gzip.Writer)
		if g == nil {
			g, _ = gzip.NewWriterLevel(w, gzip.BestSpeed)
		} else {
			g.Reset(w)
		}
		_, _ = g.Write(body)
		_ = g.Close()
		gzipEncPool.Put(g)
		ctx.Response.Header.Set(fasthttp.HeaderContentEncoding, "gzip")
	default:
		ctx.SetBody(body)
	}
}
