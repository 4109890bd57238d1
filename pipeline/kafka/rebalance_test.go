package kafka

import (
	"testing"
	"time"
)

// streamInput produces records in chunks of chunk from a goroutine until
// stop is called, so workers join and leave while input is arriving. stop
// returns every record produced.
func streamInput(t *testing.T, addrs []string, chunk, parts int) (stop func() []inputRecord) {
	var all []inputRecord
	quit := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		for from := 0; ; from += chunk {
			select {
			case <-quit:
				return
			case <-time.After(20 * time.Millisecond): // pacing the producer, not synchronisation
			}
			all = append(all, produceInput(t, addrs, from, chunk, parts)...)
		}
	}()
	return func() []inputRecord {
		close(quit)
		<-done
		return all
	}
}

// TestRebalanceWorkersJoinAndLeave grows the group from one worker to
// three while input streams in, then stops two of them (as SIGTERM does),
// and checks that every record was written exactly once, with one receipt
// and unbroken chains across the hand-overs.
func TestRebalanceWorkersJoinAndLeave(t *testing.T) {
	const parts = 4
	c := newCluster(t, 3, parts)
	addrs := c.ListenAddrs()
	stopInput := streamInput(t, addrs, 200, parts)

	in := func(w *worker) uint64 { return w.p.Metrics().Snapshot().RecordsIn }
	w1 := startWorker(t, testConfig(t, addrs, "w1"))
	eventually(t, 30*time.Second, "w1 to commit", func() bool { return in(w1) >= 1000 })
	w2 := startWorker(t, testConfig(t, addrs, "w2"))
	eventually(t, 30*time.Second, "w2 to take partitions", func() bool { return in(w2) > 0 })
	w3 := startWorker(t, testConfig(t, addrs, "w3"))
	eventually(t, 30*time.Second, "w3 to take partitions", func() bool { return in(w3) > 0 })
	if err := w1.stop(t); err != nil {
		t.Fatalf("stopping w1: %v", err)
	}
	n2, n3 := in(w2), in(w3)
	eventually(t, 30*time.Second, "w2 and w3 to go on after w1 left", func() bool { return in(w2) > n2 && in(w3) > n3 })
	if err := w2.stop(t); err != nil {
		t.Fatalf("stopping w2: %v", err)
	}
	n3 = in(w3)
	eventually(t, 30*time.Second, "w3 to go on alone", func() bool { return in(w3) > n3+1000 })
	inputs := stopInput()
	eventually(t, 60*time.Second, "w3 to finish", func() bool { return committedCount(t, addrs, "g") == int64(len(inputs)) })
	if err := w3.stop(t); err != nil {
		t.Fatalf("stopping w3: %v", err)
	}
	checkExactlyOnce(t, addrs, inputs, nil)
	for i, w := range []*worker{w1, w2, w3} {
		s := w.p.Metrics().Snapshot()
		t.Logf("w%d: %d records in, %d transactions committed, %d aborted", i+1, s.RecordsIn, s.Committed, s.Aborted)
	}
	t.Logf("%d records in all", len(inputs))
}
