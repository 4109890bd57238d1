package transport

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/datafog/datafog-api/engine"
	"github.com/datafog/datafog-api/receipts"
)

// genBody produces size bytes of filler text that holds no finding, with
// "mail alice<N>@example.com " inserted every `every` bytes. It reports the
// exact number of emails written and their offsets through the callback.
type genBody struct {
	size, every, off int64
	pending          string
	inserted         int64
	onInsert         func(start, end int64)
}

// filler is text the default detectors report nothing in: lowercase words
// only, no digits, no month names.
const filler = "the quick brown fox jumps over the lazy dog and keeps running "

func (g *genBody) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		if len(g.pending) == 0 {
			if g.off >= g.size {
				break
			}
			if g.every <= 0 {
				g.pending = filler[:min(int64(len(filler)), g.size-g.off)]
			} else if g.off%g.every == 0 {
				email := "alice" + strconv.FormatInt(g.inserted, 36) + "@example.com"
				g.pending = "mail " + email + " "
				if g.off+int64(len(g.pending)) > g.size {
					g.pending = filler[:min(int64(len(filler)), g.size-g.off)]
				} else {
					g.inserted++
					if g.onInsert != nil {
						g.onInsert(g.off+5, g.off+5+int64(len(email)))
					}
				}
			} else {
				next := g.every - g.off%g.every
				next = min(next, int64(len(filler)), g.size-g.off)
				g.pending = filler[:next]
			}
		}
		c := copy(p[n:], g.pending)
		g.pending = g.pending[c:]
		n += c
		g.off += int64(c)
	}
	if n == 0 {
		return 0, io.EOF
	}
	return n, nil
}

// readNDJSON parses a scan stream response: finding lines then a summary.
func readNDJSON(t testing.TB, r io.Reader, onFinding func(f streamFinding)) (summary map[string]any, err error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		line := sc.Bytes()
		if bytes.HasPrefix(line, []byte(`{"summary":`)) {
			var s struct{ Summary map[string]any }
			if err := json.Unmarshal(line, &s); err != nil {
				t.Fatalf("summary: %v", err)
			}
			summary = s.Summary
			continue
		}
		if summary != nil {
			t.Fatalf("line after summary: %s", line)
		}
		var f streamFinding
		if err := json.Unmarshal(line, &f); err != nil {
			t.Fatalf("bad line %q: %v", line, err)
		}
		onFinding(f)
	}
	return summary, sc.Err()
}

type streamFinding struct {
	EntityType string  `json:"entity_type"`
	Start      int64   `json:"start"`
	End        int64   `json:"end"`
	Confidence float64 `json:"confidence"`
	Error      any     `json:"error"`
}

func TestScanStreamExactFindings(t *testing.T) {
	_, base := startServer(t, testConfig(), nil)
	runStreamScan(t, base, 8<<20, 4096, "")
}

func runStreamScan(t testing.TB, base string, size, every int64, enc string) {
	// The generator runs on the client's write goroutine.
	var mu sync.Mutex
	var starts []int64
	g := &genBody{size: size, every: every, onInsert: func(s, e int64) {
		mu.Lock()
		starts = append(starts, s)
		mu.Unlock()
	}}
	req, _ := http.NewRequest("POST", base+"/v1/scan/stream?entity_types=email", g)
	req.ContentLength = -1
	res, err := testClient().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != "application/x-ndjson" {
		t.Fatalf("status %d %q", res.StatusCode, res.Header.Get("Content-Type"))
	}
	var got int64
	sum, err := readNDJSON(t, res.Body, func(f streamFinding) {
		mu.Lock()
		bad := f.EntityType != "email" || got >= int64(len(starts)) || f.Start != starts[got]
		mu.Unlock()
		if bad {
			t.Fatalf("finding %d: %+v", got, f)
		}
		got++
	})
	if err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	if got != g.inserted || got == 0 {
		t.Fatalf("got %d findings, inserted %d", got, g.inserted)
	}
	if sum == nil || sum["bytes"].(float64) != float64(size) || sum["findings"].(float64) != float64(g.inserted) {
		t.Fatalf("summary %v (size %d, inserted %d)", sum, size, g.inserted)
	}
}

func TestRedactStream(t *testing.T) {
	store := newFakeStore()
	_, base := startServer(t, testConfig(), store)
	g := &genBody{size: 300 << 10, every: 1000}
	input, _ := io.ReadAll(g)
	for _, tc := range []struct {
		name string
		body io.Reader
		enc  string
	}{
		{"chunked", io.MultiReader(bytes.NewReader(input)), ""},
		{"gzip", bytes.NewReader(gzipBytes(t, input)), "gzip"},
		{"zstd", io.MultiReader(bytes.NewReader(zstdBytes(t, input))), "zstd"},
	} {
		req, _ := http.NewRequest("POST", base+"/v1/redact/stream?mode=mask", tc.body)
		req.Header.Set("Content-Type", "text/plain")
		if tc.enc != "" {
			req.Header.Set("Content-Encoding", tc.enc)
		}
		res, err := testClient().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		out, err := io.ReadAll(res.Body)
		res.Body.Close()
		if err != nil || res.StatusCode != 200 {
			t.Fatalf("%s: %d %v", tc.name, res.StatusCode, err)
		}
		want, n := expectedTransform(t, "mask", nil, string(input))
		if string(out) != want || n != int(g.inserted) {
			t.Fatalf("%s: redacted output differs (len %d vs %d, %d findings, %d inserted)", tc.name, len(out), len(want), n, g.inserted)
		}
		id := res.Trailer.Get("X-Receipt-ID")
		if id == "" {
			t.Fatalf("%s: no X-Receipt-ID trailer (trailers %v)", tc.name, res.Trailer)
		}
		rec, err := store.Get(id)
		if err != nil || rec.Decision != "transform" || rec.Action.Type != "redact_stream" ||
			len(rec.TransformPlan) != 1 || rec.TransformPlan[0] != (receipts.TransformStep{EntityType: "email", Mode: "mask"}) {
			t.Fatalf("%s: receipt %+v %v", tc.name, rec, err)
		}
	}
}

func TestStreamLimits(t *testing.T) {
	cfg := testConfig()
	cfg.MaxStreamBytes = 32 << 10 // below blockSize: the pre-read sees it
	_, base := startServer(t, cfg, nil)
	c := testClient()
	// Known length over the cap.
	r := do(t, c, "POST", base+"/v1/scan/stream", bytes.NewReader(make([]byte, 200<<10)), nil)
	wantError(t, r, 413, "request_too_large", "request body exceeds limit")
	// Chunked, over the cap within the first block: still a 413.
	r = do(t, c, "POST", base+"/v1/scan/stream", io.MultiReader(bytes.NewReader(bytes.Repeat([]byte("a"), 33<<10))), nil)
	wantError(t, r, 413, "request_too_large", "request body exceeds limit")
	// Exactly at the cap is fine.
	r = do(t, c, "POST", base+"/v1/scan/stream", io.MultiReader(bytes.NewReader(bytes.Repeat([]byte("a"), 32<<10))), nil)
	if r.status != 200 || !strings.Contains(r.body, `{"summary":{"bytes":32768,"findings":0,`) {
		t.Fatalf("at cap: %d %s", r.status, r.body)
	}
	// A decompression bomb is cut by the ratio cap once past the grace
	// bytes, which is after the first block: the stream ends with the error
	// line and no terminating chunk.
	bomb := gzipBytes(t, make([]byte, 50<<20))
	_, base2 := startServer(t, testConfig(), nil)
	req, _ := http.NewRequest("POST", base2+"/v1/scan/stream", bytes.NewReader(bomb))
	req.Header.Set("Content-Encoding", "gzip")
	res, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || err == nil || !bytes.HasPrefix(b, []byte(`{"error":{"code":"request_too_large","message":"request body exceeds the compression ratio limit",`)) {
		t.Fatalf("bomb: %d %v %q", res.StatusCode, err, b)
	}
	// Wrong media type and coding.
	r = do(t, c, "POST", base+"/v1/scan/stream", strings.NewReader("--x\r\n\r\na\r\n--x--"), hdrs("Content-Type", "multipart/form-data; boundary=x"))
	wantError(t, r, 415, "unsupported_media_type", "unsupported content-type for a stream route")
	r = do(t, c, "POST", base+"/v1/redact/stream", strings.NewReader("a"), hdrs("Content-Encoding", "br"))
	wantError(t, r, 415, "unsupported_media_type", "content-encoding must be identity, gzip or zstd")
	r = do(t, c, "POST", base+"/v1/redact/stream?mode=bogus", strings.NewReader("a"), nil)
	wantError(t, r, 400, "invalid_request", `mode: unknown mode \"bogus\"; valid: anonymize, hash, mask, redact, tokenize`)
}

// TestStreamOverLimitMidStream: past the first block a limit cuts the
// response; the scan stream's last line is the error.
func TestStreamOverLimitMidStream(t *testing.T) {
	cfg := testConfig()
	cfg.MaxStreamBytes = 200 << 10
	_, base := startServer(t, cfg, nil)
	req, _ := http.NewRequest("POST", base+"/v1/scan/stream", &genBody{size: 1 << 20, every: 0})
	req.ContentLength = -1
	res, err := testClient().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || err == nil {
		t.Fatalf("status %d, read error %v: the body must be cut", res.StatusCode, err)
	}
	if !bytes.HasPrefix(b, []byte(`{"error":{"code":"request_too_large","message":"request body exceeds limit","request_id":"`)) {
		t.Fatalf("body %q", b)
	}
}

// TestBigStream streams 4 GiB through /v1/scan/stream (DATAFOG_BIG_STREAM=1)
// and checks the exact finding count and the process's peak RSS.
func TestBigStream(t *testing.T) {
	if os.Getenv("DATAFOG_BIG_STREAM") != "1" {
		t.Skip("set DATAFOG_BIG_STREAM=1 to stream 4 GiB")
	}
	_, base := startServer(t, testConfig(), nil)
	start := time.Now()
	runStreamScan(t, base, 4<<30, 1<<20, "")
	el := time.Since(start)
	hwm := peakRSS(t)
	t.Logf("4 GiB in %v (%.0f MB/s), peak RSS %d MB", el, float64(4<<30)/el.Seconds()/1e6, hwm>>20)
	if hwm >= 100<<20 {
		t.Fatalf("peak RSS %d MB >= 100 MB", hwm>>20)
	}
}

// peakRSS reads VmHWM from /proc/self/status.
func peakRSS(t testing.TB) int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Skip("no /proc")
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "VmHWM:") {
			var kb int64
			fmt.Sscanf(strings.TrimSpace(strings.TrimPrefix(line, "VmHWM:")), "%d", &kb)
			return kb << 10
		}
	}
	t.Skip("no VmHWM")
	return 0
}

var _ = engine.Filter{}
