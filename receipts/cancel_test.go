package receipts

import (
	"context"
	"errors"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"
)

// TestAppendCancelledAfterQueueing: a context cancelled while its record
// waits for fdatasync does not turn a receipt that becomes durable into an
// error. Append returns the id, and every receipt in the log is one whose
// id was returned: no orphan that nobody holds an id for.
func TestAppendCancelledAfterQueueing(t *testing.T) {
	m := newMemFS()
	var armed atomic.Bool
	syncing, release := make(chan struct{}), make(chan struct{})
	m.failSync = func(string) error {
		if armed.CompareAndSwap(true, false) {
			close(syncing)
			<-release
		}
		return nil
	}
	l := openTest(t, "/log", func(o *Options) { o.FS = m; o.KeyFile = filepath.Join(t.TempDir(), "key") })
	defer l.Close()
	acked := map[string]bool{}
	for i := range 3 {
		id, err := l.Append(context.Background(), sampleRecord(l, i))
		if err != nil {
			t.Fatal(err)
		}
		acked[id] = true
	}

	armed.Store(true)
	ctx, cancel := context.WithCancel(context.Background())
	type result struct {
		id  string
		err error
	}
	done := make(chan result, 1)
	go func() {
		id, err := l.Append(ctx, sampleRecord(l, 3))
		done <- result{id, err}
	}()
	<-syncing // the record is queued, written, and its fdatasync is running
	cancel()
	select {
	case r := <-done:
		close(release)
		t.Fatalf("Append returned %q, %v while its record was being synced; want it to wait for the outcome", r.id, r.err)
	case <-time.After(200 * time.Millisecond):
	}
	close(release)
	r := <-done
	if r.err != nil || r.id == "" {
		t.Fatalf("Append after a cancel during fdatasync: %q, %v; want the id of the durable receipt", r.id, r.err)
	}
	acked[r.id] = true

	// A context cancelled before Append hands the record over: an error,
	// and nothing written.
	if id, err := l.Append(ctx, sampleRecord(l, 4)); id != "" || !errors.Is(err, context.Canceled) {
		t.Fatalf("Append with a cancelled context: %q, %v", id, err)
	}

	var inLog []string
	if err := l.Walk(func(rec *Record) error { inLog = append(inLog, rec.ReceiptID); return nil }); err != nil {
		t.Fatal(err)
	}
	for _, id := range inLog {
		if !acked[id] {
			t.Errorf("receipt %s is in the log but its id was never returned", id)
		}
	}
	if len(inLog) != len(acked) {
		t.Fatalf("%d receipts in the log, %d ids returned", len(inLog), len(acked))
	}
}
