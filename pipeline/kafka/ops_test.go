package kafka

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/datafog/datafog-api/engine/policy"
)

// TestPolicyHotReload swaps in a policy with a dictionary while the
// pipeline runs: records polled after the swap are redacted under it, and
// their receipts name its version.
func TestPolicyHotReload(t *testing.T) {
	c := newCluster(t, 1, 1)
	addrs := c.ListenAddrs()
	produceValues(t, addrs, "staff id EMP-1234 mail a@example.com")
	w := startWorker(t, testConfig(t, addrs, "w1"))
	eventually(t, 30*time.Second, "the first record", func() bool { return w.p.Metrics().Snapshot().RecordsOut == 1 })

	pol := policy.Default()
	pol.PolicyVersion = "with-staff-ids"
	pol.Dictionaries = []policy.Dictionary{{Name: "staff", EntityType: "employee_id", Terms: []string{"EMP-1234"}, WholeWord: true}}
	comp, err := policy.Compile(pol, "")
	if err != nil {
		t.Fatal(err)
	}
	if err := w.p.SetPolicy(comp); err != nil {
		t.Fatal(err)
	}
	produceValues(t, addrs, "staff id EMP-1234 mail a@example.com", "again EMP-1234")
	eventually(t, 30*time.Second, "the records after the reload", func() bool { return w.p.Metrics().Snapshot().RecordsOut == 3 })
	if err := w.stop(t); err != nil {
		t.Fatal(err)
	}
	out := readCommitted(t, addrs, tOut)
	want := []string{"staff id EMP-1234 mail [REDACTED]", "staff id [REDACTED] mail [REDACTED]", "again [REDACTED]"}
	for i, r := range out {
		if string(r.Value) != want[i] {
			t.Errorf("record %d: %q, want %q", i, r.Value, want[i])
		}
	}
	rcs := readCommitted(t, addrs, tReceipts)
	var first, last struct {
		PolicyVersion string `json:"policy_version"`
	}
	_ = json.Unmarshal(rcs[0].Value, &first)
	_ = json.Unmarshal(rcs[2].Value, &last)
	if first.PolicyVersion == "with-staff-ids" || last.PolicyVersion != "with-staff-ids" {
		t.Fatalf("receipt policy versions %q then %q", first.PolicyVersion, last.PolicyVersion)
	}

	// A policy that does not know a configured entity type is refused.
	cfg := testConfig(t, addrs, "w2")
	cfg.Entities = []string{"employee_id"}
	p, err := New(cfg, comp)
	if err != nil {
		t.Fatal(err)
	}
	if err := p.SetPolicy(defaultPolicy(t)); err == nil || !strings.Contains(err.Error(), `unknown entity types "employee_id"`) {
		t.Fatalf("SetPolicy = %v", err)
	}
}

// TestMetricsEndpoint serves the metrics of a pipeline that processed
// records and checks the Prometheus text and /health.
func TestMetricsEndpoint(t *testing.T) {
	c := newCluster(t, 1, 2)
	addrs := c.ListenAddrs()
	produceInput(t, addrs, 0, 100, 2)
	w := startWorker(t, testConfig(t, addrs, "w1"))
	srv, err := ServeMetrics("127.0.0.1:0", w.p.Metrics())
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	eventually(t, 30*time.Second, "100 records", func() bool { return w.p.Metrics().Snapshot().RecordsOut == 100 })
	get := func(path string) (int, string) {
		resp, err := http.Get("http://" + srv.Addr().String() + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	code, body := get("/metrics")
	for _, line := range []string{
		"datafog_pipeline_records_in_total 100\n",
		"datafog_pipeline_records_out_total 100\n",
		"datafog_pipeline_receipts_total 100\n",
		`datafog_pipeline_records_dead_lettered_total{reason="invalid_json"} 0` + "\n",
		`datafog_pipeline_findings_total{entity_type="email"} 100` + "\n",
		`datafog_pipeline_findings_total{entity_type="ssn"} 100` + "\n",
		`datafog_pipeline_state{state="running"} 1` + "\n",
		`datafog_pipeline_consumer_lag{topic="in",partition="0"} 0` + "\n",
		`datafog_pipeline_consumer_lag{topic="in",partition="1"} 0` + "\n",
		`datafog_pipeline_batch_duration_seconds_bucket{le="+Inf"} `,
		"# TYPE datafog_pipeline_transactions_committed_total counter\n",
	} {
		if !strings.Contains(body, line) {
			t.Errorf("/metrics lacks %q", line)
		}
	}
	if code != 200 || strings.Contains(body, "example.com") {
		t.Fatalf("/metrics: %d\n%s", code, body)
	}
	if code, body := get("/health"); code != 200 || body != "{\"status\":\"ok\",\"state\":\"running\"}\n" {
		t.Fatalf("/health: %d %q", code, body)
	}
	if err := w.stop(t); err != nil {
		t.Fatal(err)
	}
	if code, body := get("/health"); code != 503 || body != "{\"status\":\"stopped\",\"state\":\"stopped\"}\n" {
		t.Fatalf("/health after stop: %d %q", code, body)
	}
}
