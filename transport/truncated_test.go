package transport

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/datafog/datafog-api/engine"
)

// Truncated bodies on the stream routes (CONTRACT.md: a body that ends
// early or does not decode is an error, never a short success).

// truncInput returns size bytes of lowercase words with an email address
// every few hundred bytes: compressible enough for several gzip and zstd
// blocks, varied enough that a cut lands inside real compressed data.
func truncInput(size int) []byte {
	words := strings.Fields("alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa quebec romeo sierra tango uniform victor whiskey xray yankee zulu river stone cloud forest meadow harbor")
	rng := rand.New(rand.NewPCG(7, 11))
	var b bytes.Buffer
	for n := 0; b.Len() < size; n++ {
		if n%50 == 49 {
			fmt.Fprintf(&b, "mail user%s@example.com ", strconv.FormatUint(rng.Uint64()%1e6, 36))
			continue
		}
		b.WriteString(words[rng.IntN(len(words))])
		b.WriteByte(' ')
	}
	return b.Bytes()[:size]
}

// zstdFrameHeaderSize is the size of the frame header (magic number
// included) at the start of a zstd frame, RFC 8878 section 3.1.1.1.
func zstdFrameHeaderSize(frame []byte) int {
	fhd := frame[4]
	single := fhd&0x20 != 0
	n := 4 + 1
	if !single {
		n++ // window descriptor
	}
	n += []int{0, 1, 2, 4}[fhd&3] // dictionary id
	switch fcs := fhd >> 6; {
	case fcs == 0 && single:
		n++
	case fcs > 0:
		n += []int{0, 2, 4, 8}[fcs]
	}
	return n
}

// truncCase is one body cut at one offset.
type truncCase struct {
	name string
	enc  string
	body []byte
}

// truncCases cuts the gzip and zstd encodings of input at a spread of
// offsets: inside the header, right after it, inside the first block, at
// fractions of the body, just before the trailer or checksum, inside it,
// and one byte short.
func truncCases(t *testing.T, input []byte) []truncCase {
	gz, zs := gzipBytes(t, input), zstdBytes(t, input)
	if zs[4]&0x04 == 0 {
		t.Fatal("zstd test frame carries no checksum")
	}
	var cases []truncCase
	add := func(enc string, full []byte, where string, k int) {
		cases = append(cases, truncCase{fmt.Sprintf("%s/%s@%d", enc, where, k), enc, full[:k]})
	}
	gl := len(gz)
	for _, k := range []int{1, 3, 9} {
		add("gzip", gz, "header", k)
	}
	add("gzip", gz, "after-header", 10)
	add("gzip", gz, "first-block", 40)
	for i := 1; i <= 5; i++ {
		add("gzip", gz, "block", gl*i/6)
	}
	add("gzip", gz, "last-deflate-byte", gl-9)
	add("gzip", gz, "before-trailer", gl-8)
	add("gzip", gz, "inside-crc", gl-6)
	add("gzip", gz, "before-isize", gl-4)
	add("gzip", gz, "one-short", gl-1)

	zl, fh := len(zs), zstdFrameHeaderSize(zs)
	for _, k := range []int{1, 3, 5, fh - 1} {
		add("zstd", zs, "header", k)
	}
	add("zstd", zs, "after-header", fh)
	add("zstd", zs, "block-header", fh+2)
	add("zstd", zs, "first-block", fh+40)
	for i := 1; i <= 5; i++ {
		add("zstd", zs, "block", zl*i/6)
	}
	add("zstd", zs, "last-block-byte", zl-5)
	add("zstd", zs, "before-checksum", zl-4)
	add("zstd", zs, "inside-checksum", zl-2)
	add("zstd", zs, "one-short", zl-1)
	return cases
}

// decodedBeforeError is how many bytes the server's decode chain yields
// from body before it reports the cut; the stream routes answer 400 when
// that is less than one block (the cut is seen before any response byte)
// and cut a started 200 response otherwise.
func decodedBeforeError(t *testing.T, body []byte, enc string) int {
	e, _ := parseContentEncoding([]byte(enc))
	br, err := acquireBodyReader(bytes.NewReader(body), e, limits{})
	if err != nil {
		if !errors.Is(err, io.ErrUnexpectedEOF) {
			t.Fatalf("open: %v", err)
		}
		return 0
	}
	defer br.release()
	n, err := io.Copy(io.Discard, br)
	if !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Fatalf("decoding the cut body ended with %v after %d bytes", err, n)
	}
	return int(n)
}

const truncMsg = "request body ended before it was complete"

func TestStreamTruncatedCompressedBodies(t *testing.T) {
	store := newFakeStore()
	_, base := startServer(t, testConfig(), store)
	c := testClient()
	input := truncInput(600 << 10)
	wantRedacted, _ := expectedTransform(t, "mask", nil, string(input))
	full := scanSpans(t, input)
	started, early := 0, 0
	for _, tc := range truncCases(t, input) {
		streams := decodedBeforeError(t, tc.body, tc.enc) >= blockSize
		if streams {
			started++
		} else {
			early++
		}
		for _, chunked := range []bool{false, true} {
			name := tc.name + map[bool]string{false: "/length", true: "/chunked"}[chunked]
			var body io.Reader = bytes.NewReader(tc.body)
			if chunked {
				body = io.MultiReader(body)
			}
			receiptsBefore := store.count()
			res := post(t, c, base+"/v1/scan/stream", body, tc.enc)
			checkCutScan(t, name, res, streams, full, truncMsg)
			body = bytes.NewReader(tc.body)
			if chunked {
				body = io.MultiReader(body)
			}
			res = post(t, c, base+"/v1/redact/stream?mode=mask", body, tc.enc)
			checkCutRedact(t, name, res, streams, wantRedacted, truncMsg)
			if n := store.count(); n != receiptsBefore {
				t.Errorf("%s: %d receipts written for a cut body", name, n-receiptsBefore)
			}
		}
	}
	if started < 10 || early < 10 {
		t.Fatalf("cuts: %d after the response started, %d before; want both kinds", started, early)
	}
}

// cutResponse is a response read to its end or to its cut.
type cutResponse struct {
	status  int
	rid     string
	body    []byte
	readErr error
	trailer string
}

func post(t *testing.T, c *http.Client, url string, body io.Reader, enc string) cutResponse {
	t.Helper()
	req, err := http.NewRequest("POST", url, body)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "text/plain")
	if enc != "" {
		req.Header.Set("Content-Encoding", enc)
	}
	res, err := c.Do(req)
	if err != nil {
		t.Fatalf("POST %s: %v", url, err)
	}
	defer res.Body.Close()
	b, rerr := io.ReadAll(res.Body)
	return cutResponse{res.StatusCode, res.Header.Get("X-Request-ID"), b, rerr, res.Trailer.Get("X-Receipt-ID")}
}

// scanSpans is the set of "start-end" spans the default policy finds in
// the whole input.
func scanSpans(t *testing.T, input []byte) map[string]bool {
	spans := map[string]bool{}
	for _, f := range testPolicy(t).Engine.Scan(nil, input, engine.Filter{}) {
		spans[fmt.Sprintf("%d-%d", f.Start, f.End)] = true
	}
	if len(spans) < 100 {
		t.Fatalf("only %d findings in the test input", len(spans))
	}
	return spans
}

// checkCutScan: a cut seen before the response started is an exact 400
// with msg; after it, the NDJSON holds only findings of the input, then the error
// line, no summary, and no terminating chunk.
func checkCutScan(t *testing.T, name string, r cutResponse, streams bool, full map[string]bool, msg string) {
	t.Helper()
	wantErr := errBody("invalid_request", msg, r.rid)
	if !streams {
		if r.status != 400 || string(r.body) != wantErr || r.readErr != nil {
			t.Errorf("scan %s: %d %q %v; want 400 %q", name, r.status, r.body, r.readErr, wantErr)
		}
		return
	}
	if r.status != 200 || !errors.Is(r.readErr, io.ErrUnexpectedEOF) {
		t.Errorf("scan %s: status %d, read error %v; want 200 and a cut body", name, r.status, r.readErr)
	}
	sc := bufio.NewScanner(bytes.NewReader(r.body))
	var last string
	for sc.Scan() {
		if last != "" {
			var f streamFinding
			if err := json.Unmarshal([]byte(last), &f); err != nil || f.EntityType == "" || !full[fmt.Sprintf("%d-%d", f.Start, f.End)] {
				t.Errorf("scan %s: line %q is not a finding of the input", name, last)
			}
		}
		last = sc.Text()
	}
	if last+"\n" != wantErr {
		t.Errorf("scan %s: last line %q; want %q", name, last, wantErr)
	}
	if bytes.Contains(r.body, []byte(`"summary"`)) {
		t.Errorf("scan %s: summary in a cut stream", name)
	}
}

// checkCutRedact: a cut seen before the response started is an exact 400;
// after it, the output is a prefix of the whole input's redaction, cut
// without the terminating chunk and without the receipt trailer.
func checkCutRedact(t *testing.T, name string, r cutResponse, streams bool, want, msg string) {
	t.Helper()
	if r.trailer != "" {
		t.Errorf("redact %s: X-Receipt-ID %q for a cut body", name, r.trailer)
	}
	if !streams {
		if wantErr := errBody("invalid_request", msg, r.rid); r.status != 400 || string(r.body) != wantErr {
			t.Errorf("redact %s: %d %q; want 400 %q", name, r.status, r.body, wantErr)
		}
		return
	}
	if r.status != 200 || !errors.Is(r.readErr, io.ErrUnexpectedEOF) {
		t.Errorf("redact %s: status %d, read error %v; want 200 and a cut body", name, r.status, r.readErr)
	}
	if !strings.HasPrefix(want, string(r.body)) {
		t.Errorf("redact %s: %d bytes of output are not a prefix of the redaction", name, len(r.body))
	}
}
