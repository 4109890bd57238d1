package transport

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/valyala/fasthttp"
	"github.com/valyala/fasthttp/fasthttputil"
)

// Plain bodies cut short on the wire: a chunked body whose client stops
// inside a chunk, inside a chunk's framing or between chunks, and a body
// shorter than its Content-Length. The client half-closes the connection
// where the body stops and reads the answer.

// cutRequest is the request head of a stream route with the given framing
// header, followed by body.
func cutRequest(route, framing string, body []byte) []byte {
	head := "POST " + route + " HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n" + framing + "\r\n\r\n"
	return append([]byte(head), body...)
}

// chunks frames each part as one chunk; the terminating chunk is not added.
func chunks(parts ...[]byte) []byte {
	var b bytes.Buffer
	for _, p := range parts {
		fmt.Fprintf(&b, "%x\r\n%s\r\n", len(p), p)
	}
	return b.Bytes()
}

// sendCut writes raw, half-closes the connection and reads the response.
func sendCut(t *testing.T, addr string, raw []byte) cutResponse {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(10 * time.Second))
	if _, err := conn.Write(raw); err != nil {
		t.Fatal(err)
	}
	if err := conn.(*net.TCPConn).CloseWrite(); err != nil {
		t.Fatal(err)
	}
	res, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("no response: %v", err)
	}
	b, rerr := io.ReadAll(res.Body)
	res.Body.Close()
	return cutResponse{res.StatusCode, res.Header.Get("X-Request-ID"), b, rerr, res.Trailer.Get("X-Receipt-ID")}
}

func TestStreamCutPlainBodies(t *testing.T) {
	store := newFakeStore()
	_, base := startServer(t, testConfig(), store)
	addr := strings.TrimPrefix(base, "http://")
	input := truncInput(256 << 10)
	part := func(i int) []byte { return input[i*32<<10 : (i+1)*32<<10] }
	fourChunks := chunks(part(0), part(1), part(2), part(3)) // 128 KiB, past the first block
	cases := []struct {
		name, framing string
		body          []byte
		streams       bool   // the cut comes after the first block
		msg           string // the error's message
		needsFix      bool   // fasthttp must report the cut (see chunkBoundaryCutReported)
	}{
		{"inside a chunk, first block", "Transfer-Encoding: chunked", []byte("8000\r\n" + string(part(0)[:1000])), false, truncMsg, false},
		{"inside a chunk, later block", "Transfer-Encoding: chunked", append(fourChunks, "8000\r\n"+string(part(4)[:1000])...), true, truncMsg, false},
		{"inside a chunk size", "Transfer-Encoding: chunked", append(fourChunks, "80"...), true, "request body's chunked framing is broken or cut short", false},
		{"before a chunk's CRLF", "Transfer-Encoding: chunked", append(fourChunks, "8000\r\n"+string(part(4))...), true, "request body's chunked framing is broken or cut short", false},
		{"between chunks", "Transfer-Encoding: chunked", fourChunks, true, truncMsg, true},
		// fasthttp reads a small body before the handler runs, and rejects
		// it short itself (Server.connError).
		{"short of Content-Length, first block", "Content-Length: 262144", input[:1000], false, "malformed request", false},
		{"short of Content-Length, later block", "Content-Length: 262144", input[:200<<10], true, truncMsg, false},
	}
	wantRedacted, _ := expectedTransform(t, "mask", nil, string(input))
	full := scanSpans(t, input)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if tc.needsFix && !chunkBoundaryCutReported(t) {
				t.Skip("this fasthttp reads a chunked body cut between chunks as complete; v1.79.0 reports it")
			}
			before := store.count()
			r := sendCut(t, addr, cutRequest("/v1/scan/stream", tc.framing, tc.body))
			checkCutScan(t, tc.name, r, tc.streams, full, tc.msg)
			r = sendCut(t, addr, cutRequest("/v1/redact/stream?mode=mask", tc.framing, tc.body))
			checkCutRedact(t, tc.name, r, tc.streams, wantRedacted, tc.msg)
			if n := store.count(); n != before {
				t.Errorf("%d receipts written for a cut body", n-before)
			}
		})
	}
	// The same bodies, whole, succeed: the cut is what fails them.
	whole := append(chunks(input), "0\r\n\r\n"...)
	r := sendCut(t, addr, cutRequest("/v1/redact/stream?mode=mask", "Transfer-Encoding: chunked", whole))
	if r.status != 200 || r.readErr != nil || string(r.body) != wantRedacted || r.trailer == "" {
		t.Fatalf("whole chunked body: %d, %v, trailer %q", r.status, r.readErr, r.trailer)
	}
	r = sendCut(t, addr, cutRequest("/v1/scan/stream", "Content-Length: 262144", input))
	if r.status != 200 || r.readErr != nil || !bytes.Contains(r.body, []byte(`{"summary":{"bytes":262144,`)) {
		t.Fatalf("whole body with Content-Length: %d, %v", r.status, r.readErr)
	}
}

// chunkBoundaryCutReported reports whether the fasthttp in use returns an
// error, rather than io.EOF, from a request body stream whose client stops
// between two chunks. v1.77.0 returns io.EOF (its chunk-size parser takes
// the end of the connection for the end of the body); v1.79.0 returns
// io.ErrUnexpectedEOF. The server cannot see the difference through
// fasthttp's API, so that case is checked only once fasthttp reports it.
func chunkBoundaryCutReported(t *testing.T) bool {
	t.Helper()
	ln := fasthttputil.NewInmemoryListener()
	defer ln.Close()
	got := make(chan error, 1)
	srv := &fasthttp.Server{StreamRequestBody: true, Logger: discardPrintf{}, Handler: func(ctx *fasthttp.RequestCtx) {
		_, err := io.Copy(io.Discard, ctx.RequestBodyStream())
		got <- err
	}}
	go srv.Serve(ln) //nolint:errcheck // ends when ln closes
	conn, err := ln.Dial()
	if err != nil {
		t.Fatal(err)
	}
	_, _ = conn.Write([]byte("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n"))
	_ = conn.Close()
	select {
	case err := <-got:
		return err != nil && !errors.Is(err, io.EOF)
	case <-time.After(5 * time.Second):
		t.Fatal("probe server did not read the body")
		return false
	}
}

// discardPrintf is a fasthttp.Logger that drops everything.
type discardPrintf struct{}

func (discardPrintf) Printf(string, ...any) {}
