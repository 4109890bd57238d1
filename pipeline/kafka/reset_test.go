package kafka

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/twmb/franz-go/pkg/kadm"
	"github.com/twmb/franz-go/pkg/kfake"
	"github.com/twmb/franz-go/pkg/kgo"
)

// TestTwoInputsAndOffsetReset reads two input topics (4 and 2 partitions,
// so two chains share receipts partitions 0 and 1), then resets the
// group's offsets to the start the way an operator's tool does (no
// metadata). The restarted worker finds each chain's last receipt by
// searching the receipts topic backwards, processes everything again, and
// the chains stay valid, with the repeats counted as reprocessed.
func TestTwoInputsAndOffsetReset(t *testing.T) {
	c, err := kfake.NewCluster(kfake.NumBrokers(3), kfake.SeedTopics(4, tIn, tOut, tReceipts, tDLQ), kfake.SeedTopics(2, "in2"))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	addrs := c.ListenAddrs()
	cl, err := kgo.NewClient(kgo.SeedBrokers(addrs...), kgo.RecordPartitioner(kgo.ManualPartitioner()))
	if err != nil {
		t.Fatal(err)
	}
	defer cl.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	var recs []*kgo.Record
	for i := range 400 {
		topic, part := tIn, int32(i%4)
		if i%3 == 0 {
			topic, part = "in2", int32(i%2)
		}
		recs = append(recs, &kgo.Record{Topic: topic, Partition: part, Key: []byte(fmt.Sprint(i)), Value: []byte(piiValue(i))})
	}
	if err := cl.ProduceSync(ctx, recs...).FirstErr(); err != nil {
		t.Fatal(err)
	}
	cfg := testConfig(t, addrs, "w1")
	cfg.In = []string{tIn, "in2"}
	w := startWorker(t, cfg)
	eventually(t, 30*time.Second, "the first pass", func() bool { return committedCount(t, addrs, "g") == 400 })
	if err := w.stop(t); err != nil {
		t.Fatal(err)
	}
	reset := kadm.Offsets{}
	for _, topic := range []string{tIn, "in2"} {
		for p := range int32(map[string]int{tIn: 4, "in2": 2}[topic]) {
			reset.Add(kadm.Offset{Topic: topic, Partition: p, At: 0, LeaderEpoch: -1})
		}
	}
	if err := kadm.NewClient(cl).CommitAllOffsets(ctx, "g", reset); err != nil {
		t.Fatal(err)
	}
	w = startWorker(t, cfg)
	eventually(t, 30*time.Second, "the second pass", func() bool { return w.p.Metrics().Snapshot().RecordsIn == 400 })
	if err := w.stop(t); err != nil {
		t.Fatal(err)
	}
	v := NewVerifier(testKeys(t))
	for _, r := range readCommitted(t, addrs, tReceipts) {
		if err := v.Check(r.Value, Coord{Topic: r.Topic, Partition: r.Partition, Offset: r.Offset}); err != nil {
			t.Fatal(err)
		}
	}
	if v.Receipts != 800 || v.Reprocessed != 400 || len(v.Chains()) != 6 {
		t.Fatalf("%d receipts, %d reprocessed, %d chains; want 800, 400, 6", v.Receipts, v.Reprocessed, len(v.Chains()))
	}
	for _, cs := range v.Chains() {
		if cs.FirstSeq != 1 {
			t.Errorf("chain %s starts at seq %d", cs.Chain, cs.FirstSeq)
		}
	}
	if n := len(readCommitted(t, addrs, tOut)); n != 800 {
		t.Fatalf("%d output records, want 800 (each input twice, as the reset asked)", n)
	}
}
