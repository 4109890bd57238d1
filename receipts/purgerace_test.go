//go:build linux

package receipts

import (
	"context"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// gateFS is the operating system's FileSystem with a hook run after a
// read-only Open of a segment has opened the file and before it returns.
type gateFS struct {
	OSFileSystem
	afterOpen func(name string)
}

func (g *gateFS) Open(name string, writable bool) (File, error) {
	f, err := g.OSFileSystem.Open(name, writable)
	if err == nil && !writable && g.afterOpen != nil {
		g.afterOpen(filepath.Base(name))
	}
	return f, err
}

// deletedSegmentFDs lists this process's open descriptors on deleted files
// in dir (/proc/self/fd links read "path (deleted)").
func deletedSegmentFDs(t *testing.T, dir string) []string {
	t.Helper()
	ents, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Skip("no /proc/self/fd")
	}
	var out []string
	for _, e := range ents {
		target, err := os.Readlink(filepath.Join("/proc/self/fd", e.Name()))
		if err == nil && strings.HasPrefix(target, dir+string(filepath.Separator)) && strings.HasSuffix(target, " (deleted)") {
			out = append(out, target)
		}
	}
	return out
}

// retentionT0 is the clock at the start of retentionLog.
var retentionT0 = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)

// retentionLog builds, in dir, a log with ids in segments 1 to 3: segment
// 2 is created at retentionT0 and segment 3 three hours later, so from
// retentionT0+3h30m segment 1 is past a one-hour window and segment 2 is
// not. It then reopens the log with that window at retentionT0 (nothing to
// purge yet), so that no handle of segment 1 is cached, and returns it with
// the ids by segment.
func retentionLog(t *testing.T, dir string, clock *atomic.Int64, fs FileSystem) (*Log, map[uint64][]string) {
	t.Helper()
	clock.Store(retentionT0.UnixNano())
	opts := func(o *Options) {
		o.SegmentSize = 6000
		o.FS = fs
		o.now = func() time.Time { return time.Unix(0, clock.Load()) }
	}
	l := openTest(t, dir, opts) // no retention yet: nothing is purged while it is built
	ids := map[uint64][]string{}
	appendUntil := func(seg uint64) {
		for l.Stats().ActiveSegment < seg || len(ids[seg]) == 0 {
			id, err := l.Append(context.Background(), sampleRecord(l, len(ids)))
			if err != nil {
				t.Fatal(err)
			}
			_, loc, _ := parseID(id)
			ids[uint64(loc.seg)] = append(ids[uint64(loc.seg)], id)
		}
	}
	appendUntil(2)
	clock.Store(retentionT0.Add(3 * time.Hour).UnixNano())
	appendUntil(3)
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	clock.Store(retentionT0.UnixNano())
	return openTest(t, dir, func(o *Options) { opts(o); o.Retention = time.Hour }), ids
}

// TestPurgeWhileLookupOpensTheSegment: a Get that has opened segment 1
// when retention deletes it must not keep the handle: the purged receipts
// are not found afterwards, and no descriptor of the deleted file stays
// open (it would hold the disk space until restart).
func TestPurgeWhileLookupOpensTheSegment(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "r")
	var clock atomic.Int64
	gate := &gateFS{}
	l, ids := retentionLog(t, dir, &clock, gate)
	defer l.Close()

	opened, release := make(chan struct{}), make(chan struct{})
	var once sync.Once
	gate.afterOpen = func(name string) {
		if name == segName(1) {
			once.Do(func() { close(opened); <-release })
		}
	}
	purged := ids[1][0]
	got := make(chan error, 1)
	go func() {
		_, err := l.Get(purged)
		got <- err
	}()
	<-opened
	// Segment 1 falls out of the window; the rotation into segment 4
	// purges it while the Get holds its freshly opened handle.
	clock.Store(retentionT0.Add(3*time.Hour + 30*time.Minute).UnixNano())
	for l.Stats().ActiveSegment < 4 {
		if _, err := l.Append(context.Background(), sampleRecord(l, 100)); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, segName(1))); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("segment 1 was not purged: %v", err)
	}
	close(release)
	if err := <-got; !errors.Is(err, ErrNotFound) {
		t.Errorf("the Get that raced the purge: %v, want ErrNotFound", err)
	}
	for _, id := range ids[1] {
		if rec, err := l.Get(id); !errors.Is(err, ErrNotFound) {
			t.Errorf("purged %s after the purge: found %v, error %v", id, rec != nil, err)
			break
		}
	}
	for _, id := range append(ids[2], ids[3]...) {
		if _, err := l.Get(id); err != nil {
			t.Fatalf("kept %s: %v", id, err)
		}
	}
	if fds := deletedSegmentFDs(t, dir); len(fds) != 0 {
		t.Fatalf("open descriptors on deleted segments: %v", fds)
	}
}

// TestLookupsDuringPurges: 8 goroutines look up random ids while appenders
// rotate small segments and nearly every rotation purges. Every lookup
// either finds its receipt or, for a purged segment, reports ErrNotFound;
// once the log is closed no descriptor of a deleted segment is open. Run
// with -race.
func TestLookupsDuringPurges(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "r")
	t0 := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	var hours atomic.Int64
	l := openTest(t, dir, func(o *Options) {
		o.SegmentSize = 6000
		o.MaxBatchCount = 4
		o.Retention = 90 * time.Minute
		o.now = func() time.Time { return t0.Add(time.Duration(hours.Add(1)) * time.Hour) }
	})
	var mu sync.Mutex
	var issued []string
	stop := make(chan struct{})
	var readers sync.WaitGroup
	var found, gone atomic.Int64
	for r := range 8 {
		readers.Add(1)
		go func() {
			defer readers.Done()
			rng := rand.New(rand.NewPCG(uint64(r), 3))
			for {
				select {
				case <-stop:
					return
				default:
				}
				mu.Lock()
				n := len(issued)
				var id string
				if n > 0 {
					id = issued[rng.IntN(n)]
				}
				mu.Unlock()
				if id == "" {
					continue
				}
				rec, err := l.Get(id)
				switch {
				case err == nil && rec.ReceiptID == id:
					found.Add(1)
				case errors.Is(err, ErrNotFound):
					gone.Add(1)
				default:
					t.Errorf("Get(%s): %v %v", id, rec, err)
					return
				}
			}
		}()
	}
	for i := range 300 {
		id, err := l.Append(context.Background(), sampleRecord(l, i))
		if err != nil {
			t.Fatal(err)
		}
		mu.Lock()
		issued = append(issued, id)
		mu.Unlock()
	}
	close(stop)
	readers.Wait()
	active := l.Stats().ActiveSegment
	for _, id := range issued {
		_, loc, _ := parseID(id)
		_, err := l.Get(id)
		present := true
		if _, serr := os.Stat(filepath.Join(dir, segName(uint64(loc.seg)))); serr != nil {
			present = false
		}
		if present != (err == nil) || (err != nil && !errors.Is(err, ErrNotFound)) {
			t.Fatalf("Get(%s) in segment %d (on disk: %v): %v", id, loc.seg, present, err)
		}
	}
	if fds := deletedSegmentFDs(t, dir); len(fds) != 0 {
		t.Fatalf("open descriptors on deleted segments: %v", fds)
	}
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	if active < 10 || found.Load() == 0 || gone.Load() == 0 {
		t.Fatalf("%d segments, %d lookups found, %d not found: the test did not race lookups with purges", active, found.Load(), gone.Load())
	}
}
