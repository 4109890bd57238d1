package transport

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// smuggleCorpus holds requests whose framing is ambiguous or malformed.
// Each must get a 400 and the connection must close, so nothing after the
// bad request can be read as a second request.
var smuggleCorpus = []struct{ name, raw string }{
	{"CL and TE together", "POST /v1/scan HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /health HTTP/1.1\r\nHost: x\r\n\r\n"},
	{"duplicate CL", "POST /v1/scan HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 12\r\nContent-Length: 4\r\n\r\n{\"text\":\"a\"}"},
	{"duplicate CL same value", "POST /v1/scan HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 12\r\nContent-Length: 12\r\n\r\n{\"text\":\"a\"}"},
	{"bare LF in chunk size", "POST /v1/scan HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nc\n{\"text\":\"a\"}\r\n0\r\n\r\n"},
	{"bare LF in chunk extension", "POST /v1/scan HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nc;ext=1\n{\"text\":\"a\"}\r\n0\r\n\r\n"},
	{"whitespace before colon", "POST /v1/scan HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length : 12\r\n\r\n{\"text\":\"a\"}"},
	{"empty header name", "POST /v1/scan HTTP/1.1\r\nHost: x\r\n: empty\r\nContent-Type: application/json\r\nContent-Length: 12\r\n\r\n{\"text\":\"a\"}"},
	{"oversized chunk size", "POST /v1/scan HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nfffffffffffffffffff\r\n{\"text\":\"a\"}\r\n0\r\n\r\n"},
	{"TE not chunked", "POST /v1/scan HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: gzip\r\n\r\n{\"text\":\"a\"}"},
	{"obfuscated TE", "POST /v1/scan HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: xchunked\r\nContent-Length: 12\r\n\r\n{\"text\":\"a\"}"},
	{"negative CL", "POST /v1/scan HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: -1\r\n\r\n"},
}

func TestSmugglingCorpus(t *testing.T) {
	cfg := testConfig()
	cfg.ReadTimeout = 2 * time.Second
	_, base := startServer(t, cfg, nil)
	addr := strings.TrimPrefix(base, "http://")
	for _, tc := range smuggleCorpus {
		t.Run(tc.name, func(t *testing.T) {
			conn, err := net.Dial("tcp", addr)
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			conn.SetDeadline(time.Now().Add(5 * time.Second))
			if _, err := io.WriteString(conn, tc.raw); err != nil {
				t.Fatal(err)
			}
			br := bufio.NewReader(conn)
			res, err := http.ReadResponse(br, nil)
			if err != nil {
				t.Fatalf("no response: %v", err)
			}
			body, _ := io.ReadAll(res.Body)
			res.Body.Close()
			if res.StatusCode != 400 || !strings.HasPrefix(string(body), `{"error":{"code":"invalid_request",`) {
				t.Fatalf("got %d %s", res.StatusCode, body)
			}
			// The connection must be closed: no second response.
			if n, err := br.ReadByte(); err == nil {
				t.Fatalf("connection still open, next byte %q", n)
			}
		})
	}
}
