package transport

import (
	"encoding/json"
	"io"
	"net"
	"net/http"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/valyala/fasthttp"
)

// Server benchmarks, each beside its baseline in the same run:
//
//	go test -run '^$' -bench 'ScanServer|StreamServer' -benchtime 3s -count 3 ./transport/
//
// BenchmarkScanServer* drive POST /v1/scan with ~1 KB of text from 64
// concurrent connections (one fasthttp client for both servers, so the
// client costs the same) and report requests/s and p99 latency.

// baselineServer is /v1/scan built the conventional way: net/http,
// encoding/json and one regexp per entity type.
type baselineServer struct{ res map[string]*regexp.Regexp }

func newBaselineServer() *baselineServer {
	return &baselineServer{res: map[string]*regexp.Regexp{
		"email":       regexp.MustCompile(`[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}`),
		"phone":       regexp.MustCompile(`\(?\b[2-9][0-9]{2}\)?[-. ]?[2-9][0-9]{2}[-. ]?[0-9]{4}\b`),
		"ssn":         regexp.MustCompile(`\b[0-9]{3}-[0-9]{2}-[0-9]{4}\b`),
		"credit_card": regexp.MustCompile(`\b(?:[0-9][ -]?){13,19}\b`),
		"ip_address":  regexp.MustCompile(`\b(?:[0-9]{1,3}\.){3}[0-9]{1,3}\b`),
		"date":        regexp.MustCompile(`\b[0-9]{4}-[0-9]{2}-[0-9]{2}\b`),
		"zip_code":    regexp.MustCompile(`\b[0-9]{5}(?:-[0-9]{4})?\b`),
		"api_key":     regexp.MustCompile(`(?i)(?:api[_-]?key|token|secret)["']?\s*[:=]\s*["']?[A-Za-z0-9_\-]{16,}`),
	}}
}

func (bs *baselineServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var req stdScanRequest
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20)).Decode(&req); err != nil {
		http.Error(w, `{"error":{"code":"invalid_request"}}`, 400)
		return
	}
	type finding struct {
		EntityType string  `json:"entity_type"`
		Start      int     `json:"start"`
		End        int     `json:"end"`
		Confidence float64 `json:"confidence"`
	}
	types := req.EntityTypes
	if len(types) == 0 {
		for t := range bs.res {
			types = append(types, t)
		}
		sort.Strings(types)
	}
	fs := []finding{}
	for _, t := range types {
		if re := bs.res[t]; re != nil {
			for _, m := range re.FindAllStringIndex(req.Text, -1) {
				fs = append(fs, finding{t, m[0], m[1], 0.9})
			}
		}
	}
	sort.Slice(fs, func(i, j int) bool { return fs[i].Start < fs[j].Start })
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]any{"request_id": req.RequestID, "trace_id": req.TraceID, "findings": fs, "policy_id": "default", "policy_version": "1"})
}

var benchBody1K = []byte(`{"text":"` + strings.Repeat("Contact alice@example.com or call 555-867-5309 re ", 20) + `"}`)

func BenchmarkScanServerFasthttp(b *testing.B) {
	_, base := startServer(b, testConfig(), nil)
	benchScanServer(b, strings.TrimPrefix(base, "http://"))
}

func BenchmarkScanServerBaseline(b *testing.B) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	srv := &http.Server{Handler: newBaselineServer()}
	go srv.Serve(ln)
	defer srv.Close()
	benchScanServer(b, ln.Addr().String())
}

// benchScanServer sends b.N scan requests over 64 connections.
func benchScanServer(b *testing.B, addr string) {
	const conns = 64
	hc := &fasthttp.HostClient{Addr: addr, MaxConns: conns, ReadTimeout: 10 * time.Second}
	var mu sync.Mutex
	lat := make([]time.Duration, 0, 1<<16)
	b.SetBytes(int64(len(benchBody1K)))
	b.SetParallelism((conns + 1) / 2)
	b.ResetTimer()
	start := time.Now()
	b.RunParallel(func(pb *testing.PB) {
		req, res := fasthttp.AcquireRequest(), fasthttp.AcquireResponse()
		req.SetRequestURI("http://" + addr + "/v1/scan")
		req.Header.SetMethod("POST")
		req.Header.SetContentType("application/json")
		req.SetBodyRaw(benchBody1K)
		local := make([]time.Duration, 0, 1024)
		for pb.Next() {
			t0 := time.Now()
			if err := hc.Do(req, res); err != nil || res.StatusCode() != 200 {
				b.Errorf("request: %v %d", err, res.StatusCode())
				return
			}
			local = append(local, time.Since(t0))
		}
		mu.Lock()
		lat = append(lat, local...)
		mu.Unlock()
	})
	el := time.Since(start)
	b.StopTimer()
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	if len(lat) > 0 {
		b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds()), "p99-µs")
		b.ReportMetric(float64(len(lat))/el.Seconds(), "req/s")
	}
}

// BenchmarkStreamServer measures /v1/scan/stream end to end over loopback:
// a 64 MiB chunked body per op with an email every 4 KiB.
func BenchmarkStreamServer(b *testing.B) {
	_, base := startServer(b, testConfig(), nil)
	const size = 64 << 20
	c := testClient()
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		req, _ := http.NewRequest("POST", base+"/v1/scan/stream", &genBody{size: size, every: 4096})
		req.ContentLength = -1
		res, err := c.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		n, _ := io.Copy(io.Discard, res.Body)
		res.Body.Close()
		if res.StatusCode != 200 || n == 0 {
			b.Fatalf("status %d", res.StatusCode)
		}
	}
}
