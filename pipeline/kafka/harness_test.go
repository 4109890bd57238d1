package kafka

// Test harness: an in-process kfake cluster, an input producer, a
// read_committed reader and the exactly-once checks shared by the
// in-process tests and the SIGKILL test of the real binary.

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/twmb/franz-go/pkg/kadm"
	"github.com/twmb/franz-go/pkg/kfake"
	"github.com/twmb/franz-go/pkg/kgo"

	"github.com/datafog/datafog-api/engine"
)

// Topic names of the tests.
const (
	tIn       = "in"
	tOut      = "out"
	tReceipts = "receipts"
	tDLQ      = "dlq"
)

// newCluster starts a kfake cluster with brokers brokers and the test
// topics with parts partitions each (receipts and dlq get parts too).
func newCluster(t testing.TB, brokers, parts int, opts ...kfake.Opt) *kfake.Cluster {
	t.Helper()
	opts = append([]kfake.Opt{kfake.NumBrokers(brokers), kfake.SeedTopics(int32(parts), tIn, tOut, tReceipts, tDLQ)}, opts...)
	c, err := kfake.NewCluster(opts...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	return c
}

// inputRecord is one record the test produced.
type inputRecord struct {
	key, value string
	partition  int32
	offset     int64
}

// piiValue is the value of input record i: PII of several types, so the
// output check can scan for leftovers.
func piiValue(i int) string {
	return fmt.Sprintf(`{"seq":%d,"user":"user%d@example.com","card":"4111 1111 1111 1111","ssn":"123-45-6789","ip":"10.%d.%d.7","msg":"login ok"}`,
		i, i, i%250, i/250%250)
}

// produceInput writes n records with keys k-<from+i> to the input topic,
// spread over parts partitions by key number, and returns them with their
// offsets.
func produceInput(t testing.TB, addrs []string, from, n, parts int) []inputRecord {
	t.Helper()
	cl, err := kgo.NewClient(kgo.SeedBrokers(addrs...), kgo.RecordPartitioner(kgo.ManualPartitioner()))
	if err != nil {
		t.Fatal(err)
	}
	defer cl.Close()
	out := make([]inputRecord, n)
	recs := make([]*kgo.Record, n)
	for i := range n {
		k := from + i
		out[i] = inputRecord{key: fmt.Sprintf("k-%d", k), value: piiValue(k), partition: int32(k % parts)}
		recs[i] = &kgo.Record{Topic: tIn, Partition: out[i].partition, Key: []byte(out[i].key), Value: []byte(out[i].value),
			Headers: []kgo.RecordHeader{{Key: "trace", Value: []byte(fmt.Sprintf("t%d", k))}}}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := cl.ProduceSync(ctx, recs...).FirstErr(); err != nil {
		t.Fatalf("producing input: %v", err)
	}
	for i, r := range recs {
		out[i].offset = r.Offset
	}
	return out
}

// readCommitted reads every committed record of topic with read_committed,
// up to the last stable offsets at the time of the call.
func readCommitted(t testing.TB, addrs []string, topic string) []*kgo.Record {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	adm, err := kgo.NewClient(kgo.SeedBrokers(addrs...))
	if err != nil {
		t.Fatal(err)
	}
	defer adm.Close()
	ends, err := kadm.NewClient(adm).ListCommittedOffsets(ctx, topic)
	if err != nil {
		t.Fatalf("listing end offsets of %s: %v", topic, err)
	}
	want := map[int32]int64{}
	ends.Each(func(o kadm.ListedOffset) {
		if o.Offset > 0 {
			want[o.Partition] = o.Offset
		}
	})
	if len(want) == 0 {
		return nil
	}
	cl, err := kgo.NewClient(kgo.SeedBrokers(addrs...), kgo.ConsumeTopics(topic), kgo.FetchIsolationLevel(kgo.ReadCommitted()),
		kgo.KeepControlRecords(), kgo.ConsumeResetOffset(kgo.NewOffset().AtStart()))
	if err != nil {
		t.Fatal(err)
	}
	defer cl.Close()
	var out []*kgo.Record
	for len(want) > 0 {
		fs := cl.PollFetches(ctx)
		if ctx.Err() != nil {
			t.Fatalf("reading %s: timed out with partitions %v unfinished", topic, want)
		}
		fs.EachRecord(func(r *kgo.Record) {
			if end, ok := want[r.Partition]; ok && r.Offset < end {
				if !r.Attrs.IsControl() {
					out = append(out, r)
				}
				if r.Offset >= end-1 {
					delete(want, r.Partition)
				}
			}
		})
	}
	return out
}

// eventually polls cond every 20 ms until it holds or timeout passes.
func eventually(t testing.TB, timeout time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %s waiting for %s", timeout, what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// committedCount returns how many input records the group has committed.
func committedCount(t testing.TB, addrs []string, group string) int64 {
	t.Helper()
	cl, err := kgo.NewClient(kgo.SeedBrokers(addrs...))
	if err != nil {
		t.Fatal(err)
	}
	defer cl.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	offs, err := kadm.NewClient(cl).FetchOffsets(ctx, group)
	if err != nil {
		return -1
	}
	var n int64
	offs.Each(func(o kadm.OffsetResponse) {
		if o.Err == nil && o.At > 0 {
			n += o.At
		}
	})
	return n
}

// outcome is what the exactly-once check found.
type outcome struct {
	out, receipts, dead []*kgo.Record
}

// checkExactlyOnce reads the output, receipts and dead-letter topics with
// read_committed and checks: every input record not in deadKeys is in
// the output exactly once, with its key, headers and partition, and no
// finding of the engine is left in it; every input record has exactly one
// receipt; every receipt chain verifies.
func checkExactlyOnce(t testing.TB, addrs []string, inputs []inputRecord, deadKeys map[string]bool) outcome {
	t.Helper()
	o := outcome{out: readCommitted(t, addrs, tOut), receipts: readCommitted(t, addrs, tReceipts), dead: readCommitted(t, addrs, tDLQ)}
	pol := defaultPolicy(t)
	eng := pol.Engine
	redacted, _ := eng.Filter(nil)
	// What the worker redacts: every finding at or above the policy's
	// minimum confidence. A bare five-digit "seq" scores 0.3 as a ZIP code
	// and stays, as the policy says; it appears once a run produces more
	// than 10,000 records.
	redacted = redacted.WithMinConfidence(pol.MinConfidence)
	byKey := map[string]inputRecord{}
	for _, in := range inputs {
		byKey[in.key] = in
	}
	seen := map[string]int{}
	var problems []string
	for _, r := range o.out {
		k := string(r.Key)
		seen[k]++
		in, ok := byKey[k]
		switch {
		case !ok:
			problems = append(problems, fmt.Sprintf("output record with unknown key %q", k))
		case r.Partition != in.partition:
			problems = append(problems, fmt.Sprintf("key %s on output partition %d, input partition %d", k, r.Partition, in.partition))
		case len(r.Headers) != 1 || r.Headers[0].Key != "trace" || string(r.Headers[0].Value) != "t"+strings.TrimPrefix(k, "k-"):
			problems = append(problems, fmt.Sprintf("key %s: headers %v not kept", k, r.Headers))
		}
		if f := eng.Scan(nil, r.Value, redacted); len(f) > 0 {
			problems = append(problems, fmt.Sprintf("key %s: %d findings left in the output (first %s)", k, len(f), f[0].Type))
		}
	}
	missing := 0
	for _, in := range inputs {
		n := seen[in.key]
		switch {
		case deadKeys[in.key] && n != 0:
			problems = append(problems, fmt.Sprintf("dead-lettered key %s is in the output %d times", in.key, n))
		case !deadKeys[in.key] && n == 0:
			missing++
		case !deadKeys[in.key] && n > 1:
			problems = append(problems, fmt.Sprintf("key %s is in the output %d times", in.key, n))
		}
	}
	if missing > 0 {
		problems = append(problems, fmt.Sprintf("%d input records are missing from the output", missing))
	}
	// One receipt per input record, and valid chains.
	v := NewVerifier(testKeys(t))
	perInput := map[string]int{}
	sort.SliceStable(o.receipts, func(i, j int) bool {
		a, b := o.receipts[i], o.receipts[j]
		return a.Partition < b.Partition || a.Partition == b.Partition && a.Offset < b.Offset
	})
	for _, r := range o.receipts {
		if err := v.Check(r.Value, Coord{Topic: r.Topic, Partition: r.Partition, Offset: r.Offset}); err != nil {
			problems = append(problems, err.Error())
			break
		}
		rh, _, _ := testKeys(t).newHasher().parseReceipt(r.Value)
		perInput[fmt.Sprintf("%s/%d@%d", rh.Topic, rh.Partition, rh.Offset)]++
	}
	for _, in := range inputs {
		if n := perInput[fmt.Sprintf("%s/%d@%d", tIn, in.partition, in.offset)]; n != 1 {
			problems = append(problems, fmt.Sprintf("input %s/%d@%d (key %s) has %d receipts", tIn, in.partition, in.offset, in.key, n))
			if len(problems) > 20 {
				break
			}
		}
	}
	if len(o.receipts) != len(inputs) {
		problems = append(problems, fmt.Sprintf("%d receipts for %d input records", len(o.receipts), len(inputs)))
	}
	if v.Reprocessed != 0 {
		problems = append(problems, fmt.Sprintf("%d receipts repeat an input offset", v.Reprocessed))
	}
	if len(problems) > 0 {
		if len(problems) > 20 {
			problems = append(problems[:20], "...")
		}
		t.Fatalf("exactly-once check failed:\n  %s", strings.Join(problems, "\n  "))
	}
	return o
}

// testLogger logs to the test's output when -v is given.
func testLogger(t testing.TB) *slog.Logger {
	if !testing.Verbose() {
		return slog.New(slog.DiscardHandler)
	}
	return slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
}

// testConfig is a pipeline configuration for the test topics.
func testConfig(t testing.TB, addrs []string, id string) Config {
	return Config{
		Connection:       Connection{Brokers: addrs},
		Group:            "g",
		In:               []string{tIn},
		Out:              tOut,
		Receipts:         tReceipts,
		DLQ:              tDLQ,
		TransactionalID:  id,
		Keys:             testKeys(t),
		StaticMembership: true,
		Logger:           testLogger(t),
	}
}

// worker runs one in-process pipeline until stopped.
type worker struct {
	p      *Pipeline
	cancel context.CancelFunc
	done   chan error
}

// startWorker starts a pipeline with cfg.
func startWorker(t testing.TB, cfg Config) *worker {
	t.Helper()
	p, err := New(cfg, defaultPolicy(t))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	w := &worker{p: p, cancel: cancel, done: make(chan error, 1)}
	go func() { w.done <- p.Run(ctx) }()
	t.Cleanup(func() { w.stop(t) })
	return w
}

// stop cancels the worker (as SIGTERM does) and waits for Run to return.
func (w *worker) stop(t testing.TB) error {
	t.Helper()
	if w.cancel == nil {
		return nil
	}
	w.cancel()
	w.cancel = nil
	select {
	case err := <-w.done:
		return err
	case <-time.After(60 * time.Second):
		t.Fatal("worker did not stop within 60s")
		return nil
	}
}

// findingTypes lists the engine's types found in b, for messages.
func findingTypes(fs []engine.Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, string(f.Type))
	}
	return out
}
