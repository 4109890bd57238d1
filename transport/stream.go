package transport

import (
	"bytes"
	"context"
	"encoding/hex"
	"errors"
	"hash"
	"io"
	"net"
	"strconv"
	"sync"
	"time"

	"github.com/valyala/fasthttp"

	"github.com/datafog/datafog-api/engine"
	"github.com/datafog/datafog-api/engine/policy"
	"github.com/datafog/datafog-api/engine/transform"
	"github.com/datafog/datafog-api/receipts"
)

// Stream routes: POST /v1/scan/stream and POST /v1/redact/stream.
//
// Design. The handler checks the request, reads the first block of the
// (decoded) body so that a body already over a limit, or a corrupt
// encoding, still gets a 413 or 400 before any response byte; then it sets
// a streamBody as the response body and returns. fasthttp writes the
// headers and calls streamBody.WriteTo on the connection goroutine, which
// reads the rest of the request body block by block, scans or redacts it,
// and writes each block's output as one flushed HTTP chunk. Memory is a few
// fixed buffers (blockSize input, the scanner's holdback of at most
// engine.MaxHoldback, the output of one block), whatever the body size.
//
// We use SetBodyStream with a fasthttp.BodyWriterTo rather than
// SetBodyStreamWriter: the latter runs the writer on another goroutine
// behind an in-memory pipe, copies every byte once more, and cannot fail
// the response; its chunked body always ends cleanly, so a client could not
// tell a redaction cut short by an error from a complete one. An error
// returned from WriteTo makes fasthttp close the connection without the
// terminating chunk, which every HTTP client reports as a truncated body.
//
// X-Receipt-ID. The receipt of a redact stream can only be written once the
// stream has ended, after the headers went out, and receipt ids are
// assigned by the log when the record is durable, so none can be reserved.
// The id is therefore sent as an HTTP trailer: the response announces
// "Trailer: X-Receipt-ID", and WriteTo sets the value only after
// ReceiptStore.Append has returned, just before the terminating chunk. An
// id is never sent before its receipt is durable; when Append fails the
// body is aborted instead of completed.
//
// Truncation. A body that ends early is an error, never a short success:
// a gzip or zstd stream cut inside its header, a block or its trailer or
// checksum (the decoders report io.ErrUnexpectedEOF), a chunked body cut
// inside a chunk or its framing, and a body shorter than its
// Content-Length (countingReader checks that, since fasthttp's stream
// reports a plain io.EOF). readBlock, not io.ReadFull, reads each block,
// so io.ErrUnexpectedEOF is never taken for the end of the body. A cut seen
// by the pre-read is a 400; later, the scan stream ends with an NDJSON
// error line instead of the summary and the redact stream is cut without
// the trailer and without writing a receipt.
//
// Limits. MaxStreamBytes caps the wire bytes, MaxDecompressedBytes the
// decoded bytes, and MaxCompressionRatio their ratio. Past the first block
// a limit can only abort the response: scan streams first write an NDJSON
// error line, redact streams are cut (no terminating chunk, no receipt).
// The read and write timeouts apply to each read and write of a stream, not
// to the whole stream.

// blockSize is how much input a stream reads and processes at a time.
const blockSize = 64 << 10

type streamBody struct {
	s      *Server
	pol    *policy.Compiled
	br     *bodyReader
	sc     *engine.Scanner
	tw     *transform.Writer
	xf     *transform.Transformer
	redact bool
	conn   net.Conn
	hdr    *fasthttp.ResponseHeader
	rid    string
	start  time.Time

	buf     []byte // input block; buf[:pending] holds the pre-read block
	pending int
	preEOF  bool
	out     []byte // output of the current block
	w       io.Writer
	werr    error

	written int64      // response body bytes written, for the access log
	client  clientAddr // for the access log

	dr       deadlineReader
	weight   int64 // admission weight, released by Close
	findings int64
	byType   map[engine.EntityType]int64
	status   int       // for metrics: 200, or why the stream was cut
	inHash   hash.Hash // keyed digest of the decoded input, for the receipt; nil if the store has none
	caller   *receipts.Caller
}

// StreamHasher is implemented by receipt stores that can hash input too
// large to hold (*receipts.Log does); the redact stream's receipt then
// carries input_hash like the receipts of the JSON routes.
type StreamHasher interface {
	// NewHash returns a hash whose hex Sum equals Hash of all bytes written.
	NewHash() hash.Hash
}

var streamPool = sync.Pool{New: func() any {
	return &streamBody{buf: make([]byte, blockSize), out: make([]byte, 0, 2*blockSize)}
}}

func (c *call) scanStream() *apiError   { return c.stream(false) }
func (c *call) redactStream() *apiError { return c.stream(true) }

// stream validates a stream request, pre-reads its first block and hands
// the response over to a streamBody.
func (c *call) stream(redact bool) *apiError {
	ctx, s := c.ctx, c.s
	h := &ctx.Request.Header
	if !h.IsHTTP11() {
		return errInvalid("stream routes require HTTP/1.1")
	}
	if !isStreamContentType(h.ContentType()) {
		return errStreamType
	}
	enc, e := contentEncoding(h)
	if e != nil {
		return e
	}
	var typesArr [8]string
	sq, e := parseStreamQuery(ctx.QueryArgs(), typesArr[:0])
	if e != nil {
		return e
	}
	minConf, e := c.minConfQuery(sq.minConf)
	if e != nil {
		return e
	}
	flt, e := c.filter(sq.types, minConf)
	if e != nil {
		return e
	}
	mode := transform.Redact
	if len(sq.mode) > 0 {
		if mode, e = s.parseMode("mode", sq.mode); e != nil {
			return e
		}
	}
	var xf *transform.Transformer
	if redact {
		var err error
		if xf, err = s.xfm.get(mode, s.cfg.TokenKey); err != nil {
			return errInvalid("invalid transform configuration")
		}
		if s.rec.Err() != nil {
			return errReceiptFailed
		}
	}
	maxWire := s.cfg.MaxStreamBytes
	if cl := h.ContentLength(); maxWire > 0 && cl > 0 && int64(cl) > maxWire {
		return errTooLarge
	}
	// The body is read after the handler returns, so it must not be the
	// call's own reader (released with the call): fasthttp's stream, or a
	// reader over the buffered body, which lives until the response is written.
	var src io.Reader = eofReader{}
	if rs := ctx.RequestBodyStream(); rs != nil {
		src = rs
	} else if b := ctx.Request.Body(); len(b) > 0 {
		src = bytes.NewReader(b)
	}
	sb := streamPool.Get().(*streamBody)
	sb.s, sb.pol, sb.redact, sb.xf = s, c.pol, redact, xf
	sb.conn, sb.hdr, sb.rid, sb.start = ctx.Conn(), &ctx.Response.Header, string(c.rid), time.Now()
	sb.status = fasthttp.StatusOK
	if s.cfg.AccessLog != nil {
		sb.client = s.accessClient(ctx)
	}
	sb.dr = deadlineReader{sb: sb, r: src}
	br, err := acquireBodyReader(&sb.dr, enc, limits{wire: maxWire, decoded: s.cfg.MaxDecompressedBytes,
		ratio: int64(s.cfg.MaxCompressionRatio), declared: declaredLength(h)})
	if err != nil {
		sb.release()
		return decodeErr(err)
	}
	sb.br = br
	// Pre-read the first block before any response byte is committed.
	sb.pending, sb.preEOF, err = readBlock(br, sb.buf)
	if err != nil {
		sb.release()
		return decodeErr(err)
	}
	sb.sc = c.pol.Engine.NewScanner(flt)
	if redact {
		sb.caller = c.caller()
		if sh, ok := s.rec.(StreamHasher); ok {
			sb.inHash = sh.NewHash()
		}
		sb.tw = xf.NewWriter(chunkSink{sb}, sb.sc)
		ctx.SetContentType(redactContentType(h.ContentType()))
		if err := ctx.Response.Header.SetTrailer(headerReceiptID); err != nil {
			sb.release()
			return errInternal
		}
	} else {
		ctx.SetContentType(contentTypeNDJSON)
	}
	ctx.Response.Header.Set("X-Content-Type-Options", "nosniff")
	ctx.Response.Header.Set(fasthttp.HeaderCacheControl, "no-store")
	ctx.SetStatusCode(fasthttp.StatusOK)
	ctx.SetBodyStream(sb, -1)
	c.streamed = true
	sb.weight, c.weight = c.weight, 0
	s.streams.Add(1)
	return nil
}

// Read exists so streamBody is an io.Reader; fasthttp uses WriteTo
// (SupportsBodyWriteTo), so Read is never expected and fails.
func (sb *streamBody) Read([]byte) (int, error) {
	return 0, errors.New("transport: stream body is written with WriteTo only")
}

// SupportsBodyWriteTo tells fasthttp to call WriteTo.
func (sb *streamBody) SupportsBodyWriteTo() bool { return true }

// WriteTo runs the stream: w frames each Write as one flushed chunk.
func (sb *streamBody) WriteTo(w io.Writer) (int64, error) {
	sb.w = w
	err := sb.run()
	if err != nil {
		label := errorLabel(err)
		switch {
		case sb.s.stopping.Load():
			label = "shutdown" // Shutdown's drain time ended and closed the connection
		case sb.werr != nil:
			label = "client_gone" // the client stopped reading
		}
		r := routeScanStream
		if sb.redact {
			r = routeRedactStream
		}
		sb.s.m.countStreamAbort(r, label)
		sb.s.cfg.Logger.Warn("transport: stream aborted", "request_id", sb.rid, "error", label)
	}
	return 0, err
}

func (sb *streamBody) run() error {
	emit := sb.emitScan
	if sb.redact {
		emit = nil
	}
	block := sb.buf[:sb.pending]
	eof := sb.preEOF
	for {
		if len(block) > 0 {
			sb.s.m.streamed.Add(uint64(len(block)))
			if sb.redact {
				if sb.inHash != nil {
					sb.inHash.Write(block) // #nosec G104 -- hash.Hash.Write never returns an error
				}
				if _, err := sb.tw.Write(block); err != nil {
					return sb.fail(err)
				}
			} else {
				sb.sc.Write(block, emit)
				if err := sb.flush(); err != nil {
					return err
				}
			}
		}
		if eof {
			break
		}
		n, end, err := readBlock(sb.br, sb.buf)
		if err != nil {
			return sb.fail(err)
		}
		block, eof = sb.buf[:n], end
	}
	if sb.redact {
		if err := sb.tw.Close(); err != nil {
			return sb.fail(err)
		}
		return sb.finishRedact()
	}
	sb.sc.Close(emit)
	sb.out = sb.appendSummary(sb.out)
	return sb.flush()
}

// emitScan appends one NDJSON finding line.
func (sb *streamBody) emitScan(f engine.Finding) {
	sb.count(f)
	sb.out = appendFinding(sb.out, &f, nil, false)
	sb.out = append(sb.out, '\n')
}

func (sb *streamBody) count(f engine.Finding) {
	sb.findings++
	if sb.byType == nil {
		sb.byType = make(map[engine.EntityType]int64)
	}
	sb.byType[f.Type]++
	sb.s.m.countFinding(f.Type)
}

// flush writes the pending output as one chunk.
func (sb *streamBody) flush() error {
	if len(sb.out) == 0 {
		return nil
	}
	err := sb.write(sb.out)
	sb.out = sb.out[:0]
	return err
}

// write sends p as one chunk, extending the write deadline first.
func (sb *streamBody) write(p []byte) error {
	if sb.werr != nil {
		return sb.werr
	}
	if d := sb.s.cfg.WriteTimeout; d > 0 && sb.conn != nil {
		_ = sb.conn.SetWriteDeadline(time.Now().Add(d))
	}
	n, err := sb.w.Write(p)
	sb.written += int64(n)
	if err != nil {
		sb.werr = err
		return err
	}
	return nil
}

// fail ends a stream on err. A scan stream gets an NDJSON error line (the
// contract's error shape) before the body is cut.
func (sb *streamBody) fail(err error) error {
	e := decodeErr(err)
	sb.status = e.status
	if sb.werr != nil {
		sb.status = statusClientGone
	}
	if !sb.redact && sb.werr == nil {
		b := append(sb.out[:0], `{"error":{"code":`...)
		b = appendJSONString(b, e.code)
		b = append(b, `,"message":`...)
		b = appendJSONString(b, e.message)
		b = append(b, `,"request_id":`...)
		b = appendJSONString(b, sb.rid)
		sb.out = append(b, "}}\n"...)
		_ = sb.flush()
	}
	if e.status == fasthttp.StatusRequestEntityTooLarge && sb.werr == nil {
		sb.linger()
	}
	return err
}

// Bounds of the lingering close after a stream is cut for its size.
const (
	lingerBytes = 4 << 20
	lingerTime  = time.Second
)

// linger reads and discards what the client is still sending, up to
// lingerBytes or lingerTime, before the connection is closed. A client that
// keeps uploading after the cut then receives the error (and a FIN) instead
// of a connection reset, which would discard the response it has not read
// yet. Both bounds keep a hostile client from holding the connection.
func (sb *streamBody) linger() {
	if sb.conn != nil {
		_ = sb.conn.SetReadDeadline(time.Now().Add(lingerTime))
	}
	_, _ = io.CopyN(io.Discard, sb.dr.r, lingerBytes)
}

// appendSummary appends the final NDJSON line.
func (sb *streamBody) appendSummary(b []byte) []byte {
	b = append(b, `{"summary":{"bytes":`...)
	b = strconv.AppendInt(b, sb.br.Decoded(), 10)
	b = append(b, `,"findings":`...)
	b = strconv.AppendInt(b, sb.findings, 10)
	b = append(b, `,"by_type":{`...)
	first := true
	for _, t := range sortedTypes(sb.byType) {
		if !first {
			b = append(b, ',')
		}
		first = false
		b = appendJSONString(b, string(t))
		b = append(b, ':')
		b = strconv.AppendInt(b, sb.byType[t], 10)
	}
	b = append(b, `},"request_id":`...)
	b = appendJSONString(b, sb.rid)
	b = append(b, `,"policy_id":`...)
	b = appendJSONString(b, sb.pol.Policy.PolicyID)
	b = append(b, `,"policy_version":`...)
	b = appendJSONString(b, sb.pol.Policy.PolicyVersion)
	return append(b, "}}\n"...)
}

// finishRedact appends the stream's receipt and, once it is durable, sets
// the X-Receipt-ID trailer, which fasthttp writes after the last chunk.
func (sb *streamBody) finishRedact() error {
	st := sb.tw.Stats()
	sb.byType = make(map[engine.EntityType]int64, len(st.ByType))
	for t, n := range st.ByType {
		sb.byType[t] = int64(n)
		if n > 0 { // counts are never negative; the check lets the conversion be proven
			sb.s.m.addFindings(t, uint64(n))
		}
	}
	sb.findings = int64(sb.tw.Findings())
	plan := make([]receipts.TransformStep, 0, len(sb.byType))
	for _, t := range sortedTypes(sb.byType) {
		plan = append(plan, receipts.TransformStep{EntityType: string(t), Mode: string(sb.xf.ModeFor(t))})
	}
	rec := &receipts.Record{
		Timestamp:     time.Now().UTC(),
		RequestID:     sb.rid,
		PolicyID:      sb.pol.Policy.PolicyID,
		PolicyVersion: sb.pol.Policy.PolicyVersion,
		Decision:      "transform",
		MatchedRules:  []string{},
		Reason:        "redact stream: " + strconv.FormatInt(sb.br.Decoded(), 10) + " bytes, " + strconv.FormatInt(sb.findings, 10) + " findings",
		Action:        receipts.Action{Type: "redact_stream"},
		TransformPlan: plan,
		// The stream's findings are counted, not enumerated: the receipt
		// carries their total and count per type, and no findings_root.
		Version:        receipts.ReceiptVersion,
		Findings:       []receipts.Finding{},
		FindingsByType: make(receipts.TypeCounts, 0, len(plan)),
		Caller:         sb.caller,
	}
	for _, t := range sortedTypes(sb.byType) {
		if n := sb.byType[t]; n > 0 {
			rec.FindingsByType = append(rec.FindingsByType, receipts.TypeCount{EntityType: string(t), Count: n})
			rec.FindingsTotal += n
		}
	}
	if sb.inHash != nil {
		rec.InputHash = hex.EncodeToString(sb.inHash.Sum(nil))
	}
	id, err := sb.s.rec.Append(context.Background(), rec)
	if err != nil {
		sb.status = fasthttp.StatusServiceUnavailable
		sb.s.cfg.Logger.Error("transport: receipt append failed", "request_id", sb.rid, "error", err.Error())
		return errStreamReceipt
	}
	sb.hdr.Set(headerReceiptID, id)
	return nil
}

// Close releases the stream's resources and records the request's
// metrics; fasthttp calls it once the response is done or abandoned.
func (sb *streamBody) Close() error {
	r := routeScanStream
	if sb.redact {
		r = routeRedactStream
	}
	if sb.werr != nil {
		sb.status = statusClientGone
	}
	var a *accessLine
	if sb.s.cfg.AccessLog != nil {
		a = &accessLine{method: methodPost, bytes: sb.written, client: sb.client}
	}
	sb.s.finishRequest(r, methodPost, sb.status, sb.rid, sb.start, a)
	sb.s.adm.release(sb.weight)
	sb.s.streams.Add(-1)
	sb.release()
	return nil
}

// statusClientGone is the metrics status of a stream whose client stopped
// reading (nginx's convention); it is never sent.
const statusClientGone = 499

var methodPost = []byte(fasthttp.MethodPost)

// release returns the buffers and the decode chain to their pools. The
// streamBody must not be used afterwards.
func (sb *streamBody) release() {
	if sb.br != nil {
		sb.br.release()
	}
	out := sb.out[:0]
	if cap(out) > 4*blockSize {
		out = make([]byte, 0, 2*blockSize)
	}
	*sb = streamBody{buf: sb.buf, out: out}
	streamPool.Put(sb)
}

// chunkSink receives a redact Writer's output and sends it as chunks.
type chunkSink struct{ sb *streamBody }

func (cs chunkSink) Write(p []byte) (int, error) {
	if err := cs.sb.write(p); err != nil {
		return 0, err
	}
	return len(p), nil
}

// deadlineReader extends the connection's read deadline before each read
// of a stream body, making ReadTimeout a per-read idle timeout.
type deadlineReader struct {
	sb *streamBody
	r  io.Reader
}

func (d *deadlineReader) Read(p []byte) (int, error) {
	if t := d.sb.s.cfg.ReadTimeout; t > 0 && d.sb.conn != nil {
		_ = d.sb.conn.SetReadDeadline(time.Now().Add(t))
	}
	return d.r.Read(p)
}

type eofReader struct{}

func (eofReader) Read([]byte) (int, error) { return 0, io.EOF }

func sortedTypes(m map[engine.EntityType]int64) []engine.EntityType {
	ts := make([]engine.EntityType, 0, len(m))
	for t := range m {
		ts = append(ts, t)
	}
	for i := 1; i < len(ts); i++ {
		for j := i; j > 0 && ts[j] < ts[j-1]; j-- {
			ts[j], ts[j-1] = ts[j-1], ts[j]
		}
	}
	return ts
}

// errStreamReceipt ends a redact stream whose receipt could not be
// appended (the append error itself is logged on its own line).
var errStreamReceipt = errors.New("transport: redact stream: receipt append failed")

// errorLabel names an error class for logs without its text.
func errorLabel(err error) string {
	switch {
	case errors.Is(err, errStreamReceipt):
		return "receipt_error"
	case errors.Is(err, errWireLimit), errors.Is(err, errDecodedLimit):
		return "size_limit"
	case errors.Is(err, errRatioLimit):
		return "ratio_limit"
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "truncated"
	case errors.As(err, new(fasthttp.ErrBrokenChunk)):
		return "broken_chunked"
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return "timeout"
	}
	return "io_error"
}
