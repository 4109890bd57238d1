package receipts

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"testing"
	"time"
)

// TestPipelinedFailure holds the fdatasync of one batch while the writer
// writes the next batch behind it, then fails either that fdatasync or the
// write of the next batch. Neither batch is acknowledged, even though the
// other operation succeeds (a batch whose fdatasync succeeds after a later
// batch's write failed is refused too), and after a crash the records
// acknowledged before the fault are recovered, plus batch 1 exactly when
// its fdatasync succeeded.
func TestPipelinedFailure(t *testing.T) {
	errInjected := errors.New("injected")
	for _, failSync := range []bool{true, false} {
		name := "fdatasync fails"
		if !failSync {
			name = "write behind fails"
		}
		t.Run(name, func(t *testing.T) {
			keyFile := filepath.Join(t.TempDir(), "key")
			m := newMemFS()
			opts := func(o *Options) { o.FS = m; o.KeyFile = keyFile }
			l := openTest(t, "/log", opts)
			var acked []string
			for i := range 5 {
				id, err := l.Append(context.Background(), sampleRecord(l, i))
				if err != nil {
					t.Fatal(err)
				}
				acked = append(acked, id)
			}

			syncStarted := make(chan struct{})
			syncGo := make(chan struct{})
			syncCalls := 0
			m.failSync = func(string) error {
				syncCalls++
				if syncCalls > 1 {
					return nil // a later fdatasync succeeds; it must not ack anything
				}
				close(syncStarted)
				<-syncGo
				if failSync {
					return errInjected
				}
				return nil
			}
			type result struct {
				id  string
				err error
			}
			first := make(chan result, 1)
			go func() {
				id, err := l.Append(context.Background(), sampleRecord(l, 5))
				first <- result{id, err}
			}()
			<-syncStarted // batch 1 is written; its fdatasync is in flight

			written := make(chan struct{})
			m.failWrite = func(string, []byte, int64) (int, error) {
				defer close(written)
				if failSync {
					return 0, nil // written in full
				}
				return 0, errInjected
			}
			second := make(chan result, 1)
			go func() {
				id, err := l.Append(context.Background(), sampleRecord(l, 6))
				second <- result{id, err}
			}()
			<-written // batch 2 is written (or its write failed) behind batch 1
			if !failSync {
				// Wait until the writer has recorded the failed write, so
				// that it precedes the end of batch 1's fdatasync.
				deadline := time.Now().Add(10 * time.Second)
				for l.Err() == nil && time.Now().Before(deadline) {
					time.Sleep(time.Millisecond)
				}
			}
			close(syncGo)

			r1, r2 := <-first, <-second
			for i, r := range []result{r1, r2} {
				if r.id != "" || !errors.Is(r.err, ErrFailed) || !errors.Is(r.err, errInjected) {
					t.Fatalf("append %d: %q, %v; want ErrFailed wrapping the injected fault", 5+i, r.id, r.err)
				}
			}
			if _, err := l.Append(context.Background(), sampleRecord(l, 7)); !errors.Is(err, ErrFailed) {
				t.Fatalf("append after the fault: %v", err)
			}
			if err := l.Close(); err != nil {
				t.Fatal(err)
			}
			m.failSync, m.failWrite = nil, nil
			m.Crash()
			l2 := openTest(t, "/log", opts)
			defer l2.Close()
			for _, id := range acked {
				if _, err := l2.Get(id); err != nil {
					t.Fatalf("acknowledged %s lost: %v", id, err)
				}
			}
			got := walkIDs(t, l2)
			// Batch 1 survives the crash when its fdatasync succeeded: it is
			// durable yet was never acknowledged, which is allowed.
			want := "[req-0 req-1 req-2 req-3 req-4]"
			if !failSync {
				want = "[req-0 req-1 req-2 req-3 req-4 req-5]"
			}
			if fmt.Sprint(got) != want {
				t.Fatalf("recovered %v; want %s", got, want)
			}
		})
	}
}
