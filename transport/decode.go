package transport

import (
	"bytes"
	"errors"
	"io"
	"net"
	"sync"

	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"
	"github.com/valyala/fasthttp"
)

// Request bodies are decoded as a stream through this chain:
//
//	wire (fasthttp RequestBodyStream) -> countingReader (wire cap)
//	  -> gzip.Reader | zstd.Decoder (pooled) -> decoded cap + ratio cap
//
// Nothing here buffers a whole body: callers either read a bounded body
// into their own buffer (JSON routes) or process it chunk by chunk.

// Decoding limits that are not configuration.
const (
	// ratioGrace is how many decoded bytes may be produced before the
	// compression-ratio cap applies, so small, very compressible bodies pass.
	ratioGrace = 1 << 20
	// zstdMaxWindow bounds the memory one zstd stream may ask for.
	zstdMaxWindow = 8 << 20
)

// Sentinel errors of the decode chain; decodeErr maps them to responses.
var (
	errWireLimit    = errors.New("transport: body exceeds the size limit")
	errDecodedLimit = errors.New("transport: decoded body exceeds the size limit")
	errRatioLimit   = errors.New("transport: body exceeds the compression ratio limit")
)

// encoding is a supported Content-Encoding.
type encoding uint8

const (
	encIdentity encoding = iota
	encGzip
	encZstd
)

// parseContentEncoding accepts one coding: none, identity, gzip (x-gzip) or
// zstd. A list of codings is refused, as is anything else.
func parseContentEncoding(v []byte) (encoding, bool) {
	v = bytes.TrimSpace(v)
	switch {
	case len(v) == 0 || bytes.EqualFold(v, []byte("identity")):
		return encIdentity, true
	case bytes.EqualFold(v, []byte("gzip")) || bytes.EqualFold(v, []byte("x-gzip")):
		return encGzip, true
	case bytes.EqualFold(v, []byte("zstd")):
		return encZstd, true
	}
	return 0, false
}

// limits are the caps of one body; 0 means no cap. declared is the body's
// Content-Length when the request states one (0 otherwise): a body that
// ends before it is cut short, and reads end with io.ErrUnexpectedEOF.
type limits struct {
	wire     int64
	decoded  int64
	ratio    int64
	declared int64
}

// bodyReader is a pooled decode chain. Acquire with acquireBodyReader and
// give back with release; it must not be used after release.
type bodyReader struct {
	wire    countingReader
	enc     encoding
	gz      *gzip.Reader
	zd      *zstd.Decoder
	src     io.Reader // the decoder, or &wire for identity
	decoded int64
	lim     limits
}

var bodyReaderPool = sync.Pool{New: func() any { return new(bodyReader) }}

var (
	gzipPool sync.Pool // *gzip.Reader
	zstdPool sync.Pool // *zstd.Decoder
)

func acquireBodyReader(r io.Reader, enc encoding, lim limits) (*bodyReader, error) {
	br := bodyReaderPool.Get().(*bodyReader)
	br.wire = countingReader{r: r, limit: lim.wire, declared: lim.declared}
	br.enc, br.lim, br.decoded = enc, lim, 0
	switch enc {
	case encGzip:
		if v := gzipPool.Get(); v != nil {
			br.gz = v.(*gzip.Reader)
			if err := br.gz.Reset(&br.wire); err != nil {
				br.release()
				return nil, err
			}
		} else {
			gz, err := gzip.NewReader(&br.wire)
			if err != nil {
				br.release()
				return nil, err
			}
			br.gz = gz
		}
		br.gz.Multistream(true)
		br.src = br.gz
	case encZstd:
		if v := zstdPool.Get(); v != nil {
			br.zd = v.(*zstd.Decoder)
		} else {
			zd, err := zstd.NewReader(nil,
				zstd.WithDecoderConcurrency(1),
				zstd.WithDecoderLowmem(true),
				zstd.WithDecoderMaxWindow(zstdMaxWindow),
				zstd.WithDecoderMaxMemory(zstdMaxWindow*2))
			if err != nil {
				br.release()
				return nil, err
			}
			br.zd = zd
		}
		if err := br.zd.Reset(&br.wire); err != nil {
			br.release()
			return nil, err
		}
		br.src = br.zd
	default:
		br.src = &br.wire
	}
	return br, nil
}

// Read reads decoded bytes, enforcing the decoded and ratio caps.
func (br *bodyReader) Read(p []byte) (int, error) {
	if br.lim.decoded > 0 {
		// Read at most one byte past the cap, to tell "exactly at" from "over".
		if rem := br.lim.decoded - br.decoded + 1; int64(len(p)) > rem {
			p = p[:rem]
		}
	}
	n, err := br.src.Read(p)
	br.decoded += int64(n)
	if br.lim.decoded > 0 && br.decoded > br.lim.decoded {
		return n, errDecodedLimit
	}
	if br.enc != encIdentity && br.lim.ratio > 0 && br.decoded > ratioGrace &&
		br.decoded > br.lim.ratio*max(br.wire.n, 1) {
		return n, errRatioLimit
	}
	return n, err
}

// Decoded returns the decoded bytes read so far.
func (br *bodyReader) Decoded() int64 { return br.decoded }

// release returns the decoders and the reader to their pools.
func (br *bodyReader) release() {
	if br.gz != nil {
		gzipPool.Put(br.gz)
		br.gz = nil
	}
	if br.zd != nil {
		_ = br.zd.Reset(nil) // drops the reference to the wire reader
		zstdPool.Put(br.zd)
		br.zd = nil
	}
	br.wire = countingReader{}
	br.src = nil
	bodyReaderPool.Put(br)
}

// countingReader counts bytes and fails once more than limit were read. A
// body that ends (io.EOF) before its declared length reports
// io.ErrUnexpectedEOF: fasthttp's request stream returns a plain io.EOF when
// the client stops sending before Content-Length bytes.
type countingReader struct {
	r        io.Reader
	n        int64
	limit    int64
	declared int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	if c.limit > 0 {
		if rem := c.limit - c.n + 1; int64(len(p)) > rem {
			p = p[:rem]
		}
	}
	n, err := c.r.Read(p)
	c.n += int64(n)
	if c.limit > 0 && c.n > c.limit {
		return n, errWireLimit
	}
	if err == io.EOF && c.n < c.declared {
		return n, io.ErrUnexpectedEOF
	}
	return n, err
}

// decodeErr maps an error from the decode chain to a response.
func decodeErr(err error) *apiError {
	switch {
	case errors.Is(err, errWireLimit), errors.Is(err, errDecodedLimit):
		return errTooLarge
	case errors.Is(err, errRatioLimit):
		return errRatio
	case errors.Is(err, zstd.ErrWindowSizeExceeded), errors.Is(err, zstd.ErrDecoderSizeExceeded):
		// The frame asks for more decoder memory than zstdMaxWindow.
		return errTooLarge
	case errors.Is(err, io.ErrUnexpectedEOF):
		// The body ended early: a gzip or zstd stream cut inside its
		// header, a block or its trailer, a chunked body cut inside a
		// chunk, or fewer bytes than Content-Length.
		return errTruncatedBody
	case errors.As(err, new(fasthttp.ErrBrokenChunk)):
		// A bad chunk size or CRLF, or a body cut inside that framing
		// (fasthttp's error does not say which).
		return errBrokenChunked
	case isTimeout(err):
		// The body did not arrive within ReadTimeout.
		return errReadTimeout
	}
	// A corrupt gzip or zstd stream and a broken chunked framing mean the
	// body cannot be read as sent.
	return errCorruptEncoding
}

// readBlock fills buf from r, as io.ReadFull does, except that it reports
// a clean end (io.EOF) as eof and returns every other error, so that a
// decoder's or the wire's io.ErrUnexpectedEOF is never taken for the end of
// the body.
func readBlock(r io.Reader, buf []byte) (n int, eof bool, err error) {
	for n < len(buf) {
		k, err := r.Read(buf[n:])
		n += k
		if err == io.EOF {
			return n, true, nil
		}
		if err != nil {
			return n, false, err
		}
	}
	return n, false, nil
}

// readAll reads the decoded body into dst (reusing its capacity) and
// returns it. It stops with errDecodedLimit one byte past lim.decoded.
func (br *bodyReader) readAll(dst []byte) ([]byte, error) {
	for {
		if len(dst) == cap(dst) {
			dst = append(dst, 0)[:len(dst)]
		}
		n, err := br.Read(dst[len(dst):cap(dst)])
		dst = dst[:len(dst)+n]
		if err == io.EOF {
			return dst, nil
		}
		if err != nil {
			return dst, err
		}
	}
}

// declaredLength is the request's Content-Length, or 0 when it has none
// (a chunked body).
func declaredLength(h *fasthttp.RequestHeader) int64 {
	if cl := h.ContentLength(); cl > 0 {
		return int64(cl)
	}
	return 0
}

// contentEncoding returns the request's coding or errContentEncoding.
func contentEncoding(h *fasthttp.RequestHeader) (encoding, *apiError) {
	enc, ok := parseContentEncoding(h.Peek(fasthttp.HeaderContentEncoding))
	if !ok {
		return 0, errContentEncoding
	}
	return enc, nil
}

// isTimeout reports a network timeout (a read deadline that passed).
func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}
