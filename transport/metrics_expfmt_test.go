package transport

import (
	"io"
	"math"
	"net/http"
	"strings"
	"testing"
	"time"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"

	"github.com/datafog/datafog-api/internal/buildinfo"
)

// scrape fetches /metrics and parses it with the Prometheus text parser,
// which fails on any line the format does not allow (a bad label, a
// duplicate family, a sample whose TYPE line disagrees).
func scrape(t *testing.T, base string) map[string]*dto.MetricFamily {
	t.Helper()
	r := do(t, testClient(), "GET", base+"/metrics", nil, nil)
	if r.status != 200 || r.header.Get("Content-Type") != "text/plain; version=0.0.4; charset=utf-8" {
		t.Fatalf("/metrics: %d %q", r.status, r.header.Get("Content-Type"))
	}
	p := expfmt.NewTextParser(model.UTF8Validation)
	fams, err := p.TextToMetricFamilies(strings.NewReader(r.body))
	if err != nil {
		t.Fatalf("parse /metrics: %v\n%s", err, r.body)
	}
	return fams
}

// sample returns the value of the family's sample whose labels include
// want (nil: the only sample), failing when there is none.
func sample(t *testing.T, fams map[string]*dto.MetricFamily, name string, want map[string]string) float64 {
	t.Helper()
	f := fams[name]
	if f == nil {
		t.Fatalf("no metric %s", name)
	}
next:
	for _, m := range f.Metric {
		for k, v := range want {
			found := false
			for _, l := range m.Label {
				if l.GetName() == k && l.GetValue() == v {
					found = true
				}
			}
			if !found {
				continue next
			}
		}
		switch {
		case m.Counter != nil:
			return m.Counter.GetValue()
		case m.Gauge != nil:
			return m.Gauge.GetValue()
		case m.Untyped != nil:
			return m.Untyped.GetValue()
		case m.Summary != nil:
			return float64(m.Summary.GetSampleCount())
		case m.Histogram != nil:
			return float64(m.Histogram.GetSampleCount())
		}
	}
	t.Fatalf("%s has no sample with labels %v", name, want)
	return 0
}

// TestMetricsExposition parses /metrics with the Prometheus text parser
// and checks the families issue 18 adds: build info, the Go and process
// collectors, requests in flight, decisions by outcome and stream aborts
// by reason.
func TestMetricsExposition(t *testing.T) {
	store := newFakeStore()
	_, base := startServer(t, testConfig(), store)
	c := testClient()
	// Two decisions: a deny (a secret in a shell command) and an allow.
	for _, body := range []string{
		`{"action":{"type":"shell.exec"},"text":"AKIAIOSFODNN7EXAMPLE"}`,
		`{"action":{"type":"file.read"},"text":"nothing here"}`,
	} {
		if r := do(t, c, "POST", base+"/v1/decide", strings.NewReader(body), jsonHdr); r.status != 200 {
			t.Fatalf("decide: %d %s", r.status, r.body)
		}
	}
	// A redact stream whose receipt cannot be appended is cut: one abort
	// with reason receipt_error.
	store.mu.Lock()
	store.appendErr = errTestInjected
	store.mu.Unlock()
	res, err := c.Post(base+"/v1/redact/stream", "text/plain", strings.NewReader("mail bob@example.com"))
	if err == nil {
		_, err = readAllErr(res)
	}
	if err == nil {
		t.Fatal("redact stream with a failing store ended cleanly")
	}

	fams := scrape(t, base)
	bi := buildinfo.Get()
	if v := sample(t, fams, "datafog_build_info", map[string]string{"version": bi.Version, "commit": bi.Commit, "date": bi.Date, "go_version": bi.GoVersion}); v != 1 {
		t.Errorf("datafog_build_info = %v", v)
	}
	if v := sample(t, fams, "datafog_decisions_total", map[string]string{"decision": "deny"}); v != 1 {
		t.Errorf("deny decisions = %v, want 1", v)
	}
	if v := sample(t, fams, "datafog_decisions_total", map[string]string{"decision": "allow"}); v != 1 {
		t.Errorf("allow decisions = %v, want 1", v)
	}
	if v := sample(t, fams, "datafog_decisions_total", map[string]string{"decision": "transform"}); v != 0 {
		t.Errorf("transform decisions = %v, want 0", v)
	}
	if v := sample(t, fams, "datafog_stream_aborts_total", map[string]string{"route": "/v1/redact/stream", "reason": "receipt_error"}); v != 1 {
		t.Errorf("receipt_error aborts = %v, want 1", v)
	}
	if v := sample(t, fams, "datafog_stream_aborts_total", map[string]string{"route": "/v1/scan/stream", "reason": "truncated"}); v != 0 {
		t.Errorf("scan truncated aborts = %v, want 0", v)
	}
	// The scrape itself is in flight while the page is rendered.
	if v := sample(t, fams, "datafog_http_requests_in_flight", nil); v != 1 {
		t.Errorf("in flight during the scrape = %v, want 1", v)
	}
	start := sample(t, fams, "process_start_time_seconds", nil)
	if now := float64(time.Now().Unix()); start > now || start < now-3600 {
		t.Errorf("process_start_time_seconds = %v, now %v", start, now)
	}
	if _, ok := fams["datafog_uptime_seconds"]; ok {
		t.Error("datafog_uptime_seconds is still exposed; process_start_time_seconds replaces it")
	}
	for _, name := range []string{"go_goroutines", "go_threads", "go_memstats_alloc_bytes", "go_memstats_alloc_bytes_total",
		"go_memstats_sys_bytes", "go_gc_duration_seconds", "go_info", "go_sched_gomaxprocs_threads",
		"process_cpu_seconds_total", "process_open_fds", "process_max_fds", "process_resident_memory_bytes", "process_virtual_memory_bytes"} {
		if v := sample(t, fams, name, nil); math.IsNaN(v) || v < 0 {
			t.Errorf("%s = %v", name, v)
		}
	}
	if v := sample(t, fams, "go_goroutines", nil); v < 2 {
		t.Errorf("go_goroutines = %v", v)
	}
	if v := sample(t, fams, "process_resident_memory_bytes", nil); v < 1<<20 {
		t.Errorf("process_resident_memory_bytes = %v", v)
	}
}

// TestInFlightGaugeReturnsToZero: after requests of every kind (JSON, an
// error, a stream) the gauge is back to the scrape alone.
func TestInFlightGaugeReturnsToZero(t *testing.T) {
	_, base := startServer(t, testConfig(), nil)
	c := testClient()
	do(t, c, "POST", base+"/v1/scan", strings.NewReader(`{"text":"bob@example.com"}`), jsonHdr)
	do(t, c, "POST", base+"/v1/scan", strings.NewReader(`{"text":`), jsonHdr)
	do(t, c, "GET", base+"/nowhere", nil, nil)
	do(t, c, "POST", base+"/v1/scan/stream", strings.NewReader("bob@example.com"), nil)
	do(t, c, "POST", base+"/v1/redact/stream", strings.NewReader("bob@example.com"), nil)
	deadline := time.Now().Add(2 * time.Second)
	for {
		v := sample(t, scrape(t, base), "datafog_http_requests_in_flight", nil)
		if v == 1 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("in flight = %v after every request ended, want 1 (the scrape)", v)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// readAllErr reads and closes a response body, returning the read error
// (a cut chunked body reports io.ErrUnexpectedEOF).
func readAllErr(res *http.Response) ([]byte, error) {
	defer res.Body.Close()
	return io.ReadAll(res.Body)
}
