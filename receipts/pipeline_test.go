package receipts

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"
)

// heldSync is a pipeline test's view of the writer and syncer: it holds
// the first fdatasync after arm until go is closed, counts the records the
// writer accepts and the segment writes made while the fdatasync is held.
type heldSync struct {
	m         *memFS
	l         *Log
	accepted  atomic.Int64
	started   chan struct{} // closed when the held fdatasync begins
	release   chan struct{} // close to let it return
	result    error         // what the held fdatasync returns
	calls     atomic.Int64
	writesDur atomic.Int64 // writes made while the fdatasync was held
	held      atomic.Bool
}

// openHeld opens a log on a memFS with five acknowledged records req-0 to
// req-4 and returns it with their ids.
func openHeld(t *testing.T) (*heldSync, []string, func(*Options)) {
	t.Helper()
	h := &heldSync{m: newMemFS(), started: make(chan struct{}), release: make(chan struct{})}
	keyFile := filepath.Join(t.TempDir(), "key")
	opts := func(o *Options) {
		o.FS = h.m
		o.KeyFile = keyFile
		o.hookAccept = func() { h.accepted.Add(1) }
	}
	h.l = openTest(t, "/log", opts)
	var acked []string
	for i := range 5 {
		id, err := h.l.Append(context.Background(), sampleRecord(h.l, i))
		if err != nil {
			t.Fatal(err)
		}
		acked = append(acked, id)
	}
	return h, acked, opts
}

// arm makes the next fdatasync block until release is closed and then
// return result; later fdatasyncs succeed. failWrite, when non-nil, runs
// for every write of a segment.
func (h *heldSync) arm(result error, failWrite func() error) {
	h.result = result
	h.m.failSync = func(string) error {
		if h.calls.Add(1) > 1 {
			return nil
		}
		h.held.Store(true)
		close(h.started)
		<-h.release
		h.held.Store(false)
		return h.result
	}
	h.m.failWrite = func(string, []byte, int64) (int, error) {
		if h.held.Load() {
			h.writesDur.Add(1)
		}
		if failWrite != nil {
			return 0, failWrite()
		}
		return 0, nil
	}
}

// waitAccepted waits until the writer has accepted n records since open.
func (h *heldSync) waitAccepted(t *testing.T, n int64) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for h.accepted.Load() < n {
		if time.Now().After(deadline) {
			t.Fatalf("writer accepted %d records; want %d", h.accepted.Load(), n)
		}
		time.Sleep(time.Millisecond)
	}
}

type appendResult struct {
	id  string
	err error
}

// appendAsync appends sampleRecord(l, i) on its own goroutine.
func appendAsync(l *Log, i int) <-chan appendResult {
	c := make(chan appendResult, 1)
	go func() {
		id, err := l.Append(context.Background(), sampleRecord(l, i))
		c <- appendResult{id, err}
	}()
	return c
}

// TestBatchCollectedDuringSync holds the fdatasync of one batch and appends
// three records behind it. The writer accepts and frames all three while the
// fdatasync runs, writes nothing until it returns, and then commits them as
// one batch with one write and one fdatasync.
func TestBatchCollectedDuringSync(t *testing.T) {
	h, _, _ := openHeld(t)
	defer h.l.Close()
	h.arm(nil, nil)
	first := appendAsync(h.l, 5)
	<-h.started
	var rest []<-chan appendResult
	for i := 6; i <= 8; i++ {
		rest = append(rest, appendAsync(h.l, i))
		h.waitAccepted(t, int64(i)+1) // in order, one at a time
	}
	if n := h.writesDur.Load(); n != 0 {
		t.Fatalf("%d writes while the previous batch's fdatasync ran; want 0", n)
	}
	before := h.l.Stats()
	close(h.release)
	if r := <-first; r.err != nil {
		t.Fatal(r.err)
	}
	for _, c := range rest {
		if r := <-c; r.err != nil {
			t.Fatal(r.err)
		}
	}
	st := h.l.Stats()
	if got := st.Batches - before.Batches; got != 2 || st.LastBatchRecords != 3 || st.Syncs-before.Syncs != 2 {
		t.Fatalf("after the held sync: %d batches, %d syncs, last batch %d records; want 2, 2, 3",
			got, st.Syncs-before.Syncs, st.LastBatchRecords)
	}
	if got := fmt.Sprint(walkIDs(t, h.l)); got != "[req-0 req-1 req-2 req-3 req-4 req-5 req-6 req-7 req-8]" {
		t.Fatalf("log holds %s", got)
	}
}

// TestPipelinedFailure holds the fdatasync of one batch while the writer
// collects the next batch behind it, then either fails that fdatasync or
// lets it succeed and fails the next batch's write. A failed fdatasync
// refuses both batches, and the one collected behind it is never written
// (the fsyncgate lesson: after a failed fdatasync nothing is trusted). A
// failed write refuses its own batch and everything after, while the batch
// before it, durable already, is acknowledged. After a crash the log holds
// exactly the acknowledged records.
func TestPipelinedFailure(t *testing.T) {
	errInjected := errors.New("injected")
	for _, failSync := range []bool{true, false} {
		name := "fdatasync fails"
		if !failSync {
			name = "next write fails"
		}
		t.Run(name, func(t *testing.T) {
			h, acked, opts := openHeld(t)
			var writesAfter atomic.Int64
			syncResult := error(nil)
			if failSync {
				syncResult = errInjected
			}
			h.arm(syncResult, func() error {
				if h.calls.Load() == 0 || h.held.Load() {
					return nil
				}
				writesAfter.Add(1)
				if failSync {
					return nil
				}
				return errInjected
			})
			first := appendAsync(h.l, 5)
			<-h.started
			second := appendAsync(h.l, 6)
			h.waitAccepted(t, 5+2)
			close(h.release)

			r1, r2 := <-first, <-second
			if failSync {
				if r1.id != "" || !errors.Is(r1.err, ErrFailed) || !errors.Is(r1.err, errInjected) {
					t.Fatalf("append 5: %q, %v; want ErrFailed wrapping the injected fault", r1.id, r1.err)
				}
				if n := writesAfter.Load(); n != 0 {
					t.Fatalf("%d writes after the failed fdatasync; want 0", n)
				}
			} else {
				if r1.err != nil {
					t.Fatalf("append 5, synced before the failed write: %v", r1.err)
				}
				acked = append(acked, r1.id)
			}
			if r2.id != "" || !errors.Is(r2.err, ErrFailed) || !errors.Is(r2.err, errInjected) {
				t.Fatalf("append 6: %q, %v; want ErrFailed wrapping the injected fault", r2.id, r2.err)
			}
			if _, err := h.l.Append(context.Background(), sampleRecord(h.l, 7)); !errors.Is(err, ErrFailed) {
				t.Fatalf("append after the fault: %v", err)
			}
			if err := h.l.Close(); err != nil {
				t.Fatal(err)
			}
			h.m.failSync, h.m.failWrite = nil, nil
			h.m.Crash()
			l2 := openTest(t, "/log", opts)
			defer l2.Close()
			for _, id := range acked {
				if _, err := l2.Get(id); err != nil {
					t.Fatalf("acknowledged %s lost: %v", id, err)
				}
			}
			want := "[req-0 req-1 req-2 req-3 req-4]"
			if !failSync {
				want = "[req-0 req-1 req-2 req-3 req-4 req-5]"
			}
			if got := fmt.Sprint(walkIDs(t, l2)); got != want {
				t.Fatalf("recovered %s; want %s", got, want)
			}
		})
	}
}
