package kafka

import (
	"net"
	"strconv"
	"testing"
	"time"

	"github.com/twmb/franz-go/pkg/kerr"
	"github.com/twmb/franz-go/pkg/kfake"
	"github.com/twmb/franz-go/pkg/kmsg"
)

// TestFaultInjection fails produce, offset-commit and end-transaction
// requests while records stream in (kfake faults, which answer a request
// with an error instead of the broker's answer) and checks that every
// aborted transaction is retried from the last committed offsets without
// loss or duplicates.
func TestFaultInjection(t *testing.T) {
	c := newCluster(t, 3, 4)
	addrs := c.ListenAddrs()
	stopInput := streamInput(t, addrs, 200, 4)
	w := startWorker(t, testConfig(t, addrs, "w1"))
	in := func() uint64 { return w.p.Metrics().Snapshot().RecordsIn }
	eventually(t, 30*time.Second, "a first commit", func() bool { return in() > 500 })

	faults := []kfake.Fault{
		// A produce to the output rejected outright: the record fails,
		// the transaction aborts.
		{Keys: []kmsg.Key{kmsg.Produce}, Topic: tOut, Err: kerr.InvalidRecord, Count: 2},
		// The offset commit inside the transaction fails.
		{Keys: []kmsg.Key{kmsg.TxnOffsetCommit}, Err: kerr.UnknownServerError, Count: 1},
		// EndTxn answers with an error once.
		{Keys: []kmsg.Key{kmsg.EndTxn}, Err: kerr.UnknownServerError, TopLevel: true, Count: 1},
		// The receipts produce fails.
		{Keys: []kmsg.Key{kmsg.Produce}, Topic: tReceipts, Err: kerr.CorruptMessage, Count: 1},
	}
	for _, f := range faults {
		h := c.Fault(f)
		eventually(t, 30*time.Second, "the fault on "+kmsg.NameForKey(int16(f.Keys[0]))+" to fire", func() bool { return h.Hits() >= max(f.Count, 1) })
		n := in()
		eventually(t, 30*time.Second, "progress after the fault", func() bool { return in() > n+200 })
	}
	inputs := stopInput()
	eventually(t, 60*time.Second, "all records to commit", func() bool { return committedCount(t, addrs, "g") == int64(len(inputs)) })
	if err := w.stop(t); err != nil {
		t.Fatal(err)
	}
	checkExactlyOnce(t, addrs, inputs, nil)
	s := w.p.Metrics().Snapshot()
	// Each fault aborts at least one transaction; the failed produces
	// also rebuild the session.
	if s.Aborted < uint64(len(faults)) || s.Retries < 2 {
		t.Fatalf("metrics: %d aborted, %d retries; want at least %d and 2", s.Aborted, s.Retries, len(faults))
	}
	t.Logf("%d records, %d committed, %d aborted, %d retries", len(inputs), s.Committed, s.Aborted, s.Retries)
}

// TestBrokerOutage stops the whole cluster mid-stream and starts it again
// on the same ports from its data directory. The pipeline reports the
// outage in its metrics, retries with backoff, and resumes from the last
// committed offsets exactly once.
func TestBrokerOutage(t *testing.T) {
	dir := t.TempDir()
	c1, err := kfake.NewCluster(kfake.NumBrokers(3), kfake.SeedTopics(4, tIn, tOut, tReceipts, tDLQ), kfake.DataDir(dir))
	if err != nil {
		t.Fatal(err)
	}
	addrs := c1.ListenAddrs()
	ports := make([]int, len(addrs))
	for i, a := range addrs {
		_, p, _ := net.SplitHostPort(a)
		ports[i], _ = strconv.Atoi(p)
	}
	inputs := produceInput(t, addrs, 0, 3000, 4)
	w := startWorker(t, testConfig(t, addrs, "w1"))
	eventually(t, 30*time.Second, "all records to commit", func() bool { return committedCount(t, addrs, "g") == 3000 })

	c1.Close()
	m := w.p.Metrics()
	eventually(t, 60*time.Second, "the outage to show in the metrics", func() bool {
		return m.fetchErrors.Load() > 0 && m.State() == StateRetrying
	})
	c2, err := kfake.NewCluster(kfake.Ports(ports...), kfake.DataDir(dir))
	if err != nil {
		t.Fatalf("restarting the cluster: %v", err)
	}
	t.Cleanup(c2.Close)
	inputs = append(inputs, produceInput(t, addrs, 3000, 2000, 4)...)
	eventually(t, 90*time.Second, "all records to commit after the restart", func() bool { return committedCount(t, addrs, "g") == 5000 })
	eventually(t, 30*time.Second, "the state to return to running", func() bool { return m.State() == StateRunning })
	if err := w.stop(t); err != nil {
		t.Fatal(err)
	}
	checkExactlyOnce(t, addrs, inputs, nil)
	t.Logf("metrics after the outage: %+v, fetch errors %d", m.Snapshot(), m.fetchErrors.Load())
}

// TestFencedWorkerRecovers starts a second worker with the same
// transactional id, which fences the first (the misconfiguration the
// contract forbids, and what a zombie meets when its replacement starts).
// The fenced worker counts it, rebuilds its session from the committed
// offsets, and once the duplicate is gone the output is still exactly once.
func TestFencedWorkerRecovers(t *testing.T) {
	c := newCluster(t, 3, 4)
	addrs := c.ListenAddrs()
	stopInput := streamInput(t, addrs, 200, 4)
	a := startWorker(t, testConfig(t, addrs, "w1"))
	eventually(t, 30*time.Second, "the first worker to commit", func() bool { return a.p.Metrics().Snapshot().RecordsIn > 500 })
	b := startWorker(t, testConfig(t, addrs, "w1"))
	eventually(t, 60*time.Second, "the first worker to be fenced", func() bool { return a.p.Metrics().Snapshot().Fenced > 0 })
	if err := b.stop(t); err != nil {
		t.Fatal(err)
	}
	n := a.p.Metrics().Snapshot().RecordsIn
	eventually(t, 60*time.Second, "the first worker to go on", func() bool { return a.p.Metrics().Snapshot().RecordsIn > n+500 })
	inputs := stopInput()
	eventually(t, 60*time.Second, "all records to commit", func() bool { return committedCount(t, addrs, "g") == int64(len(inputs)) })
	if err := a.stop(t); err != nil {
		t.Fatal(err)
	}
	checkExactlyOnce(t, addrs, inputs, nil)
}
