package transport

import (
	"bytes"
	"encoding/json"
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"net"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/klauspost/compress/zstd"
	"github.com/valyala/fasthttp"
)

// contractCodes maps each contract error code to its status.
var contractCodes = map[string]int{
	"invalid_request": 400, "unauthorized": 401, "not_found": 404, "method_not_allowed": 405,
	"idempotency_conflict": 409, "request_too_large": 413, "unsupported_media_type": 415,
	"rate_limited": 429, "receipt_error": 503, "internal_error": 500,
}

// FuzzHandlers drives arbitrary JSON bodies and header values through the
// handler. Every response is either a 2xx with a JSON body (NDJSON for
// the scan stream) or a contract-shaped error whose code matches its
// status, carries the response's X-Request-ID, and never echoes the body.
func FuzzHandlers(f *testing.F) {
	s, err := New(testConfig(), testPolicy(f), newFakeStore())
	if err != nil {
		f.Fatal(err)
	}
	h := s.Handler()
	f.Fuzz(func(t *testing.T, path, contentType, encoding, idemKey string, body []byte) {
		var ctx fasthttp.RequestCtx
		var req fasthttp.Request
		req.Header.SetMethod("POST")
		req.SetRequestURI(path)
		req.Header.SetContentType(contentType)
		if encoding != "" {
			req.Header.Set("Content-Encoding", encoding)
		}
		if idemKey != "" {
			req.Header.Set("Idempotency-Key", idemKey)
		}
		req.SetBodyStream(bytes.NewReader(body), len(body))
		ctx.Init(&req, &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 1}, nil)
		h(&ctx)
		status := ctx.Response.StatusCode()
		rid := string(ctx.Response.Header.Peek("X-Request-ID"))
		if rid == "" {
			t.Fatal("no X-Request-ID")
		}
		var out []byte
		if ctx.Response.IsBodyStream() {
			out, _ = io.ReadAll(readBodyStream(&ctx.Response))
		} else {
			out = ctx.Response.Body()
		}
		if status >= 200 && status < 300 {
			if ctx.Response.IsBodyStream() {
				return // streamed bodies are checked by the stream tests
			}
			if !json.Valid(out) {
				t.Fatalf("%d with invalid JSON %q", status, out)
			}
			return
		}
		var e struct {
			Error struct{ Code, Message, RequestID string }
		}
		var raw map[string]map[string]string
		if err := json.Unmarshal(out, &raw); err != nil || len(raw) != 1 || len(raw["error"]) != 3 {
			t.Fatalf("%d: not a contract error: %q", status, out)
		}
		e.Error.Code, e.Error.Message, e.Error.RequestID = raw["error"]["code"], raw["error"]["message"], raw["error"]["request_id"]
		if want, ok := contractCodes[e.Error.Code]; !ok || want != status {
			t.Fatalf("code %q with status %d", e.Error.Code, status)
		}
		if e.Error.RequestID != rid {
			t.Fatalf("request_id %q, header %q", e.Error.RequestID, rid)
		}
		if len(body) >= 8 && bytes.Contains([]byte(e.Error.Message), body) && !inServerLiteral(t, body) {
			t.Fatalf("message echoes the body")
		}
	})
}

// serverLiterals holds every string literal in the package's non-test
// source: the server's own message text. A body that is a substring of one
// of them (the fuzzer once sent "applicat", which is inside "content-type
// must be application/json") is not an echo when a message contains it.
var serverLiterals = sync.OnceValues(func() ([]string, error) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		return nil, err
	}
	var lits []string
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			return nil, err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if bl, ok := n.(*ast.BasicLit); ok && bl.Kind == token.STRING {
				if v, err := strconv.Unquote(bl.Value); err == nil {
					lits = append(lits, v)
				}
			}
			return true
		})
	}
	return lits, nil
})

func inServerLiteral(t *testing.T, b []byte) bool {
	lits, err := serverLiterals()
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range lits {
		if strings.Contains(l, string(b)) {
			return true
		}
	}
	return false
}

// readBodyStream exposes a response body stream written with WriteTo.
func readBodyStream(r *fasthttp.Response) io.Reader {
	var buf bytes.Buffer
	if wt, ok := r.BodyStream().(io.WriterTo); ok {
		wt.WriteTo(&buf)
	}
	r.CloseBodyStream()
	return &buf
}

// FuzzDecodeBody feeds arbitrary bytes through the gzip and zstd decode
// chain with small caps: it must never return more than the decoded cap,
// and an over-cap or over-ratio body must map to 413.
func FuzzDecodeBody(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte, zstdMode bool, capBytes uint16) {
		enc := encGzip
		if zstdMode {
			enc = encZstd
		}
		lim := limits{wire: 1 << 16, decoded: int64(capBytes) + 1, ratio: 50}
		br, err := acquireBodyReader(bytes.NewReader(data), enc, lim)
		if err != nil {
			if e := decodeErr(err); e != errCorruptEncoding && e != errTruncatedBody && e != errTooLarge {
				t.Fatalf("open error maps to %v", e)
			}
			return
		}
		defer br.release()
		out, err := br.readAll(nil)
		if int64(len(out)) > lim.decoded+1 {
			t.Fatalf("decoded %d bytes past cap %d", len(out), lim.decoded)
		}
		if err == nil {
			if int64(len(out)) > lim.decoded {
				t.Fatalf("over cap without error")
			}
			return
		}
		switch e := decodeErr(err); e {
		case errTooLarge, errRatio:
			window := errors.Is(err, zstd.ErrWindowSizeExceeded) || errors.Is(err, zstd.ErrDecoderSizeExceeded)
			if e == errTooLarge && !window && int64(len(out)) <= lim.decoded && int64(len(data)) <= lim.wire {
				t.Fatalf("413 under both caps")
			}
		case errCorruptEncoding, errTruncatedBody:
		default:
			t.Fatalf("unexpected mapping %v", e)
		}
	})
}
