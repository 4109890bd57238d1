package kafka

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// TestPipelineExactlyOnce runs one in-process worker over a 3-broker
// cluster with 4 partitions, stops it with records still arriving,
// restarts it, and checks the output, receipts and chains.
func TestPipelineExactlyOnce(t *testing.T) {
	c := newCluster(t, 3, 4)
	addrs := c.ListenAddrs()
	inputs := produceInput(t, addrs, 0, 2000, 4)
	w := startWorker(t, testConfig(t, addrs, "w1"))
	eventually(t, 30*time.Second, "the first records to commit", func() bool { return committedCount(t, addrs, "g") > 0 })
	if err := w.stop(t); err != nil {
		t.Fatalf("stop: %v", err)
	}
	inputs = append(inputs, produceInput(t, addrs, 2000, 1000, 4)...)
	w = startWorker(t, testConfig(t, addrs, "w1"))
	eventually(t, 60*time.Second, "all records to commit", func() bool { return committedCount(t, addrs, "g") == int64(len(inputs)) })
	if err := w.stop(t); err != nil {
		t.Fatalf("stop: %v", err)
	}
	o := checkExactlyOnce(t, addrs, inputs, nil)

	// The output is the redaction of the input, byte for byte.
	want := map[string]string{}
	r := newTestRedactor(t, "redact", FormatText)
	for _, in := range inputs {
		var sc scratch
		want[in.key] = string(r.redact(&sc, nil, []byte(in.value)).out)
	}
	for _, rec := range o.out {
		if string(rec.Value) != want[string(rec.Key)] {
			t.Fatalf("key %s: output %s, want %s", rec.Key, rec.Value, want[string(rec.Key)])
		}
	}
	s := w.p.Metrics().Snapshot()
	if s.RecordsIn == 0 || s.Findings["email"] == 0 {
		t.Fatalf("metrics of the second run: %+v", s)
	}
	var rc map[string]any
	if err := json.Unmarshal(o.receipts[0].Value, &rc); err != nil {
		t.Fatal(err)
	}
	if rc["outcome"] != OutcomeRedacted || !strings.Contains(string(o.receipts[0].Value), `"plan":{"format":"text","mode":"redact","entities":["all"],"delivery":"exactly-once"}`) {
		t.Fatalf("receipt: %s", o.receipts[0].Value)
	}
}
