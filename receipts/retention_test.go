package receipts

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestRetentionAndCheckpoint(t *testing.T) {
	base := t.TempDir()
	dir := filepath.Join(base, "r")
	t0 := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	var clock atomic.Int64
	clock.Store(t0.UnixNano())
	now := func() time.Time { return time.Unix(0, clock.Load()) }
	opts := func(o *Options) { o.SegmentSize = 6000; o.now = now }
	l := openTest(t, dir, opts)
	idsBySeg := map[uint64][]string{}
	appendUntil := func(seg uint64) {
		for l.Stats().ActiveSegment < seg {
			id, err := l.Append(context.Background(), sampleRecord(l, 1))
			if err != nil {
				t.Fatal(err)
			}
			_, loc, _ := parseID(id)
			idsBySeg[uint64(loc.seg)] = append(idsBySeg[uint64(loc.seg)], id)
		}
	}
	appendUntil(2)
	clock.Store(t0.Add(3 * time.Hour).UnixNano())
	appendUntil(4)
	l.Close()

	// Reopen 3h30m after t0 with a 1h window: segment 1 (all of whose
	// records predate segment 2's creation at t0) goes; segment 2 stays
	// because segment 3 was created at t0+3h.
	clock.Store(t0.Add(3*time.Hour + 30*time.Minute).UnixNano())
	l = openTest(t, dir, func(o *Options) { opts(o); o.Retention = time.Hour })
	if got, want := dirNames(t, dir), []string{segName(2), segName(3), segName(4), LockFileName}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("after purge: %v, want %v", got, want)
	}
	for _, id := range idsBySeg[1] {
		if _, err := l.Get(id); !errors.Is(err, ErrNotFound) {
			t.Fatalf("purged %s: %v", id, err)
		}
	}
	for _, id := range append(idsBySeg[2], idsBySeg[3]...) {
		if _, err := l.Get(id); err != nil {
			t.Fatalf("kept %s: %v", id, err)
		}
	}
	key := testKey(t, dir)
	rep, err := Verify(dir, key)
	if err != nil || rep.Checkpoints != 1 || rep.FirstSegment != 2 {
		t.Fatalf("Verify after purge: %+v %v", rep, err)
	}

	// A later rotation purges again, from the writer goroutine. Segment 4
	// stays: its newest record may be as recent as segment 5's creation.
	clock.Store(t0.Add(10 * time.Hour).UnixNano())
	appendUntil(5)
	l.Close()
	if got, want := dirNames(t, dir), []string{segName(4), segName(5), LockFileName}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("after second purge: %v, want %v", got, want)
	}
	rep, err = Verify(dir, key)
	if err != nil || rep.Checkpoints != 2 || rep.FirstSegment != 4 {
		t.Fatalf("Verify after second purge: %+v %v", rep, err)
	}
}

func TestRetentionCheckpointDoesNotCoverDeletion(t *testing.T) {
	base := t.TempDir()
	dir := filepath.Join(base, "r")
	t0 := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	var clock atomic.Int64
	clock.Store(t0.UnixNano())
	opts := func(o *Options) { o.SegmentSize = 6000; o.now = func() time.Time { return time.Unix(0, clock.Load()) } }
	l := openTest(t, dir, opts)
	for l.Stats().ActiveSegment < 2 {
		l.Append(context.Background(), sampleRecord(l, 1))
	}
	clock.Store(t0.Add(3 * time.Hour).UnixNano())
	for l.Stats().ActiveSegment < 4 {
		l.Append(context.Background(), sampleRecord(l, 1))
	}
	l.Close()
	l = openTest(t, dir, func(o *Options) { opts(o); o.Retention = time.Hour })
	l.Close()
	// An attacker deleting the next segment too is caught: no checkpoint
	// names segment 3.
	if err := os.Remove(filepath.Join(dir, segName(2))); err != nil {
		t.Fatal(err)
	}
	_, err := Verify(dir, testKey(t, dir))
	if err == nil || !strings.Contains(err.Error(), "log starts at segment 3 but no checkpoint") {
		t.Fatalf("Verify: %v", err)
	}
}

func TestCanaryPIINeverStored(t *testing.T) {
	canaries := []string{"4111111111111111", "4111 1111 1111 1111", "a@example.com", "123-45-6789", "123456789"}
	text := "email a@example.com card 4111111111111111 ssn 123-45-6789"
	base := t.TempDir()
	dir := filepath.Join(base, "r")
	l := openTest(t, dir, func(o *Options) { o.SegmentSize = 6000 })
	var ids []string
	for range 20 {
		rec := &Record{
			RequestID: "req", PolicyID: "default", PolicyVersion: "v1", Decision: "transform",
			MatchedRules: []string{"pii"}, InputHash: l.Hash([]byte(text)), ActionHash: l.Hash([]byte("file.write")),
			Action: Action{Type: "file.write", Resource: "/home/a@example.com/4111111111111111.txt",
				Command: "echo 123-45-6789", Args: []string{"4111 1111 1111 1111", "a@example.com"}},
			TransformPlan: []TransformStep{{EntityType: "email", Mode: "mask"}},
		}
		for j, v := range []struct{ typ, val string }{{"email", "a@example.com"}, {"credit_card", "4111111111111111"}, {"ssn", "123-45-6789"}} {
			start := strings.Index(text, v.val)
			rec.Findings = append(rec.Findings, Finding{EntityType: v.typ, Start: int64(start), End: int64(start + len(v.val)),
				Confidence: 0.9 + float64(j)/100, ValueHash: l.Hash([]byte(v.val))})
		}
		rec.Reason = "matched"
		id, err := l.Append(context.Background(), rec)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	for _, id := range ids {
		rec, err := l.Get(id)
		if err != nil {
			t.Fatal(err)
		}
		out, _ := json.Marshal(rec)
		for _, c := range canaries {
			if bytes.Contains(out, []byte(c)) {
				t.Fatalf("Get output holds %q: %s", c, out)
			}
		}
		if rec.Findings[1].Start != 25 || rec.Findings[1].End != 41 || rec.Findings[1].EntityType != "credit_card" {
			t.Fatalf("finding offsets lost: %+v", rec.Findings)
		}
	}
	l.Close()
	// Every byte of the receipt directory and of the key file's directory.
	files := 0
	err := filepath.WalkDir(base, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		files++
		for _, c := range canaries {
			if bytes.Contains(b, []byte(c)) {
				t.Errorf("%s holds canary %q", path, c)
			}
		}
		return nil
	})
	if err != nil || files < 3 {
		t.Fatalf("scanned %d files: %v", files, err)
	}
}

// TestRetentionUnderConcurrentAppends rotates small segments while 16
// goroutines append, with a clock that moves an hour at every segment
// creation and a 90-minute window, so nearly every rotation purges and
// writes a checkpoint while other records wait in the writer. Every
// append succeeds, the log verifies (chain, checkpoints, batch framing),
// and each acknowledged receipt in a segment that remains is found.
func TestRetentionUnderConcurrentAppends(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "r")
	t0 := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	var hours atomic.Int64
	opts := func(o *Options) {
		o.SegmentSize = 6000
		o.MaxBatchCount = 4
		o.Retention = 90 * time.Minute
		o.now = func() time.Time { return t0.Add(time.Duration(hours.Add(1)) * time.Hour) }
	}
	l := openTest(t, dir, opts)
	const workers, each = 16, 25
	ids := appendConcurrently(t, l, workers, each)
	active := l.Stats().ActiveSegment
	if active < 10 {
		t.Fatalf("only %d segments; the test needs many rotations", active)
	}
	first := active
	for w := range workers {
		for _, id := range ids[w] {
			_, loc, err := parseID(id)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := l.Get(id); err == nil {
				first = min(first, uint64(loc.seg))
			} else if !errors.Is(err, ErrNotFound) || uint64(loc.seg) >= active {
				t.Fatalf("Get(%s) in segment %d of %d: %v", id, loc.seg, active, err)
			}
		}
	}
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	rep, err := Verify(dir, testKey(t, dir))
	if err != nil || rep.Bad != nil || rep.Checkpoints == 0 || rep.FirstSegment != first || rep.LastSegment != active {
		t.Fatalf("Verify = %+v, %v; want no bad record, checkpoints, segments %d-%d", rep, err, first, active)
	}
}

// dirNames lists the names in dir, sorted.
func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	names, err := OSFileSystem{}.List(dir)
	if err != nil {
		t.Fatal(err)
	}
	return names
}
