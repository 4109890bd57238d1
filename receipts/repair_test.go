package receipts

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// batchHook lets a test hold the writer so that several appends land in one
// batch.
type batchHook struct {
	armed atomic.Bool
	gate  chan struct{}
}

func (h *batchHook) fn() {
	if h.armed.Load() {
		<-h.gate
	}
}

// appendAsBatch appends recs concurrently while the writer is held, so they
// form exactly one batch, and returns their ids in order.
func appendAsBatch(t *testing.T, l *Log, h *batchHook, recs []*Record) []string {
	t.Helper()
	h.gate = make(chan struct{})
	h.armed.Store(true)
	ids := make([]string, len(recs))
	var wg sync.WaitGroup
	for i, r := range recs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			id, err := l.Append(context.Background(), r)
			if err != nil {
				t.Error(err)
			}
			ids[i] = id
		}()
	}
	deadline := time.Now().Add(10 * time.Second)
	for len(l.reqc) != len(recs)-1 {
		if time.Now().After(deadline) {
			t.Fatal("writer did not collect the batch")
		}
		time.Sleep(time.Millisecond)
	}
	h.armed.Store(false)
	close(h.gate)
	wg.Wait()
	return ids
}

// walkIDs returns the request ids of every durable receipt in order.
func walkIDs(t *testing.T, l *Log) []string {
	t.Helper()
	var out []string
	if err := l.Walk(func(r *Record) error { out = append(out, r.RequestID); return nil }); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestTornTailEveryOffset(t *testing.T) {
	keyFile := filepath.Join(t.TempDir(), "key")
	const dir = "/log"
	seg := dir + "/" + segName(1)
	m := newMemFS()
	h := &batchHook{}
	l := openTest(t, dir, func(o *Options) { o.FS = m; o.KeyFile = keyFile; o.hookCollect = h.fn })
	var acked []string
	for i := range 3 {
		id, err := l.Append(context.Background(), sampleRecord(l, i))
		if err != nil {
			t.Fatal(err)
		}
		acked = append(acked, id)
	}
	start := int64(l.committed.Load() & 0xffffffff)
	last := appendAsBatch(t, l, h, []*Record{sampleRecord(l, 3), sampleRecord(l, 4), sampleRecord(l, 5)})
	if st := l.Stats(); st.Batches != 4 || st.LastBatchRecords != 3 {
		t.Fatalf("batches: %+v", st)
	}
	l.Close()
	orig := m.bytes(seg)
	end := int64(len(orig))
	want := []string{"req-0", "req-1", "req-2"}
	rng := rand.New(rand.NewPCG(1, 2))
	for k := start; k < end; k++ {
		for _, mode := range []string{"truncate", "garbage"} {
			data := append([]byte(nil), orig[:k]...)
			if mode == "garbage" {
				for len(data) < len(orig) {
					data = append(data, byte(rng.Uint32()))
				}
			}
			m2 := newMemFS()
			m2.put(seg, data)
			l2, err := Open(Options{Dir: dir, FS: m2, KeyFile: keyFile, NodeID: "n1", Logger: quiet})
			if err != nil {
				t.Fatalf("%s at %d: Open: %v", mode, k, err)
			}
			if got := walkIDs(t, l2); fmt.Sprint(got) != fmt.Sprint(want) {
				t.Fatalf("%s at %d: recovered %v, want %v", mode, k, got, want)
			}
			for _, id := range acked {
				if _, err := l2.Get(id); err != nil {
					t.Fatalf("%s at %d: acked %s lost: %v", mode, k, id, err)
				}
			}
			for _, id := range last {
				if _, err := l2.Get(id); !errors.Is(err, ErrNotFound) {
					t.Fatalf("%s at %d: torn %s: %v", mode, k, id, err)
				}
			}
			if got := m2.bytes(seg); int64(len(got)) != start || !bytes.Equal(got, orig[:start]) {
				t.Fatalf("%s at %d: segment is %d bytes, want the first %d", mode, k, len(got), start)
			}
			// Only the torn tail is kept, named by its offset.
			names, _ := m2.List(dir)
			wantBroken := int64(len(data)) > start
			broken := fmt.Sprintf("%s.%08x%s", segName(1), start, brokenSuffix)
			if gotBroken := len(names) == 2 && names[1] == broken; gotBroken != wantBroken {
				t.Fatalf("%s at %d: files %v", mode, k, names)
			}
			if wantBroken && !bytes.Equal(m2.bytes(dir+"/"+broken), data[start:]) {
				t.Fatalf("%s at %d: .broken differs from the torn tail", mode, k)
			}
			// The log keeps working after the repair.
			if _, err := l2.Append(context.Background(), sampleRecord(l2, 9)); err != nil {
				t.Fatal(err)
			}
			l2.Close()
		}
	}
}

func TestCorruptionInTheMiddleIsAnError(t *testing.T) {
	keyFile := filepath.Join(t.TempDir(), "key")
	const dir = "/log"
	seg := dir + "/" + segName(1)
	m := newMemFS()
	l := openTest(t, dir, func(o *Options) { o.FS = m; o.KeyFile = keyFile })
	var offs []uint32
	for i := range 3 {
		if _, err := l.Append(context.Background(), sampleRecord(l, i)); err != nil {
			t.Fatal(err)
		}
		offs = append(offs, uint32(l.committed.Load()))
	}
	l.Close()
	data := m.bytes(seg)
	data[offs[0]+60] ^= 1 // inside the second record's payload
	m.put(seg, data)
	_, err := Open(Options{Dir: dir, FS: m, KeyFile: keyFile, NodeID: "n1", Logger: quiet})
	want := fmt.Sprintf("segment %s: offset %d: crc mismatch (followed by a whole record at offset %d)", segName(1), offs[0], offs[1])
	if !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), want) {
		t.Fatalf("Open = %v; want %q", err, want)
	}
}

func TestInjectedFailures(t *testing.T) {
	errInjected := errors.New("injected")
	cases := []struct {
		name  string
		arm   func(m *memFS)
		crash bool
		extra int // unacknowledged records that may survive without a crash
	}{
		{"write", func(m *memFS) {
			m.failWrite = func(string, []byte, int64) (int, error) { return 0, errInjected }
		}, false, 0},
		{"short write", func(m *memFS) {
			m.failWrite = func(_ string, p []byte, _ int64) (int, error) { return len(p) / 2, errInjected }
		}, false, 0},
		{"fdatasync", func(m *memFS) { m.failSync = func(string) error { return errInjected } }, false, 1},
		{"fdatasync then crash", func(m *memFS) { m.failSync = func(string) error { return errInjected } }, true, 0},
		{"segment creation", func(m *memFS) {
			m.failWrite = func(name string, _ []byte, _ int64) (int, error) {
				if strings.HasSuffix(name, tmpSuffix) {
					return 0, errInjected
				}
				return -1, nil
			}
		}, false, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			keyFile := filepath.Join(t.TempDir(), "key")
			m := newMemFS()
			l := openTest(t, "/log", func(o *Options) { o.FS = m; o.KeyFile = keyFile; o.SegmentSize = 8192 })
			var acked []string
			for i := range 5 {
				id, err := l.Append(context.Background(), sampleRecord(l, i))
				if err != nil {
					t.Fatal(err)
				}
				acked = append(acked, id)
			}
			tc.arm(m)
			// The next appends must fail, whether they hit the fault or come
			// after it; none of them is acknowledged.
			for i := 5; i < 20; i++ {
				id, err := l.Append(context.Background(), sampleRecord(l, i))
				if !errors.Is(err, ErrFailed) || id != "" {
					t.Fatalf("append %d after fault: %q, %v", i, id, err)
				}
				if i == 5 && !errors.Is(err, errInjected) {
					t.Fatalf("cause not wrapped: %v", err)
				}
			}
			// Clearing the fault does not bring the log back (no retry-then-ack).
			m.failWrite, m.failSync = nil, nil
			if _, err := l.Append(context.Background(), sampleRecord(l, 99)); !errors.Is(err, ErrFailed) || !l.Stats().Failed {
				t.Fatalf("append after clearing the fault: %v", err)
			}
			l.Close()
			if tc.crash {
				m.Crash()
			}
			l2 := openTest(t, "/log", func(o *Options) { o.FS = m; o.KeyFile = keyFile; o.SegmentSize = 8192 })
			defer l2.Close()
			for _, id := range acked {
				if _, err := l2.Get(id); err != nil {
					t.Fatalf("acknowledged %s lost: %v", id, err)
				}
			}
			got := walkIDs(t, l2)
			if len(got) < 5 || len(got) > 5+tc.extra {
				t.Fatalf("recovered %v", got)
			}
			for i, g := range got {
				if g != fmt.Sprintf("req-%d", i) {
					t.Fatalf("recovered %v", got)
				}
			}
		})
	}
}
