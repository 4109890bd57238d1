package receipts

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// A full disk must not become a restart loop: Open repairs a torn tail in
// place without needing free space, opens failed (not erroring) when there
// is no room, never leaves a partial copy, and the log recovers in place
// once space is freed.

// fullDiskOpts opens dir on m with small segments and a fast retry.
func fullDiskOpts(m *memFS, keyFile string) Options {
	return Options{Dir: "/log", FS: m, KeyFile: keyFile, NodeID: "n1", Logger: quiet,
		SegmentSize: 8192, RetryInterval: 5 * time.Millisecond}
}

// waitHealthy waits for a failed log to recover.
func waitHealthy(t *testing.T, l *Log) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for l.Err() != nil {
		if time.Now().After(deadline) {
			t.Fatalf("the log did not recover once space was freed: %v", l.Err())
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// checkNoPartialFiles fails on a leftover .tmp file, and on a .broken copy
// that is not exactly the torn tail it names.
func checkNoPartialFiles(t *testing.T, m *memFS, tail []byte, tailOff int64) {
	t.Helper()
	names, _ := m.List("/log")
	for _, n := range names {
		switch {
		case strings.HasSuffix(n, tmpSuffix):
			t.Fatalf("partial file %s left behind (files %v)", n, names)
		case strings.Contains(n, brokenSuffix):
			want := fmt.Sprintf("%s.%08x%s", segName(1), tailOff, brokenSuffix)
			if n != want || !bytes.Equal(m.bytes("/log/"+n), tail) {
				t.Fatalf("copy %s (%d bytes) is not the torn tail %s", n, len(m.bytes("/log/"+n)), want)
			}
		}
	}
}

// tornBase builds a log with 5 acknowledged receipts in segment 1 and a
// torn tail after them, and returns it with the ids, the tail and its
// offset.
func tornBase(t *testing.T, keyFile string) (*memFS, []string, []byte, int64) {
	m := newMemFS()
	l, err := Open(fullDiskOpts(m, keyFile))
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for i := range 5 {
		id, err := l.Append(context.Background(), sampleRecord(l, i))
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	l.Close()
	seg := "/log/" + segName(1)
	data := m.bytes(seg)
	tail := bytes.Repeat([]byte{0xa5}, 300) // a batch cut short: garbage
	m.put(seg, append(data, tail...))
	return m, ids, tail, int64(len(data))
}

// TestENOSPCAtEveryStep fills the disk at each write and sync step of a
// life cycle (Open repairing a torn tail, appends across segment
// rotations), from that step on, and checks: Open never fails, nothing
// acknowledged is lost, no partial file is left, and once the space comes
// back the log recovers in place (no reopen) and acknowledges receipts
// again; after a crash and a reopen every acknowledged receipt is there and
// the log verifies.
func TestENOSPCAtEveryStep(t *testing.T) {
	keyFile := filepath.Join(t.TempDir(), "key")
	base, baseIDs, tail, tailOff := tornBase(t, keyFile)
	key, err := LoadKey(keyFile)
	if err != nil {
		t.Fatal(err)
	}
	// run runs the life cycle with ENOSPC from write-or-sync step k on
	// (k = 0: never) and returns the number of steps taken.
	run := func(t *testing.T, k int64) int64 {
		m := base.clone()
		var steps, from atomic.Int64
		var full atomic.Bool
		from.Store(k)
		m.fault = func(op, name string) error {
			if op != "write" && op != "sync" {
				return nil
			}
			n := steps.Add(1)
			if !full.Load() && (from.Load() == 0 || n < from.Load()) {
				return nil
			}
			full.Store(true)
			if op == "sync" {
				return &fs.PathError{Op: "fdatasync", Path: name, Err: syscall.ENOSPC}
			}
			return errNoSpace(name)
		}
		l, err := Open(fullDiskOpts(m, keyFile))
		if err != nil {
			t.Fatalf("ENOSPC from step %d: Open failed: %v", k, err)
		}
		defer l.Close()
		acked := append([]string(nil), baseIDs...)
		for i := 10; i < 40; i++ {
			id, err := l.Append(context.Background(), sampleRecord(l, i))
			switch {
			case err == nil:
				acked = append(acked, id)
			case !errors.Is(err, ErrFailed) || !full.Load():
				t.Fatalf("ENOSPC from step %d: append %d: %v", k, i, err)
			}
		}
		checkNoPartialFiles(t, m, tail, tailOff)
		taken := steps.Load()
		from.Store(0) // no new fault from here on; a full disk stays full until freed below
		if full.Load() {
			if l.Err() == nil {
				// Appends may all have come before the fault; the probe
				// of a recovery attempt or the next append finds it.
				if _, err := l.Append(context.Background(), sampleRecord(l, 99)); err == nil {
					t.Fatalf("ENOSPC from step %d: an append was acknowledged on a full disk", k)
				}
			}
			full.Store(false) // the disk has room again
			waitHealthy(t, l)
			if l.Stats().Recoveries == 0 {
				t.Fatalf("ENOSPC from step %d: recovered without counting it", k)
			}
			taken = -1
		}
		for i := 50; i < 55; i++ {
			id, err := l.Append(context.Background(), sampleRecord(l, i))
			if err != nil {
				t.Fatalf("ENOSPC from step %d: after the space came back: append %d: %v (full %v, from %d, steps %d)", k, i, err, full.Load(), from.Load(), steps.Load())
			}
			acked = append(acked, id)
		}
		l.Close()
		m.Crash()
		m.fault = nil
		l2, err := Open(fullDiskOpts(m, keyFile))
		if err != nil {
			t.Fatal(err)
		}
		for _, id := range acked {
			if _, err := l2.Get(id); err != nil {
				t.Fatalf("ENOSPC from step %d: acknowledged %s lost: %v", k, id, err)
			}
		}
		l2.Close()
		if rep, err := verifyFS(m, "/log", key); err != nil || rep.Receipts != len(acked) {
			t.Fatalf("ENOSPC from step %d: verify: %d receipts, %d acknowledged: %v", k, rep.Receipts, len(acked), err)
		}
		checkNoPartialFiles(t, m, tail, tailOff)
		return taken
	}
	total := run(t, 0)
	if total < 20 {
		t.Fatalf("the life cycle took only %d write and sync steps", total)
	}
	t.Logf("ENOSPC injected from each of %d write and sync steps", total+1)
	for k := int64(1); k <= total+1; k++ {
		run(t, k)
	}
}

// TestOpenOnFullDisk: the disk filled up while a batch was written, so the
// last segment ends in a torn tail, and the process restarted with the
// disk still full. Open used to copy the whole segment to ".broken" before
// truncating; on a full disk the copy failed, Open failed, and each start
// left a partial ".broken.N" eating the space an operator freed. Now Open
// cuts the tail in place and opens failed; freeing space brings it back
// without a restart.
func TestOpenOnFullDisk(t *testing.T) {
	keyFile := filepath.Join(t.TempDir(), "key")
	m, ids, tail, tailOff := tornBase(t, keyFile)
	m.capacity = m.used() // not one byte free
	for restart := range 3 {
		l, err := Open(fullDiskOpts(m, keyFile))
		if err != nil {
			t.Fatalf("start %d on a full disk: %v", restart, err)
		}
		if err := l.Err(); !errors.Is(err, ErrFailed) || !errors.Is(err, syscall.ENOSPC) {
			t.Fatalf("start %d: Err = %v; want failed with ENOSPC", restart, err)
		}
		for _, id := range ids {
			if _, err := l.Get(id); err != nil {
				t.Fatalf("start %d: %s not readable: %v", restart, id, err)
			}
		}
		if _, err := l.Append(context.Background(), sampleRecord(l, 9)); !errors.Is(err, ErrFailed) {
			t.Fatalf("start %d: append on a full disk: %v", restart, err)
		}
		l.Close()
		names, _ := m.List("/log")
		if len(names) != 1 || names[0] != segName(1) {
			t.Fatalf("start %d left %v", restart, names)
		}
		checkNoPartialFiles(t, m, tail, tailOff)
	}
	if got := int64(len(m.bytes("/log/" + segName(1)))); got != tailOff {
		t.Fatalf("segment is %d bytes, want the %d before the torn tail", got, tailOff)
	}
	l, err := Open(fullDiskOpts(m, keyFile))
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	m.mu.Lock()
	m.capacity += 1 << 20 // the operator frees space
	m.mu.Unlock()
	waitHealthy(t, l)
	id, err := l.Append(context.Background(), sampleRecord(l, 10))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := l.Get(id); err != nil {
		t.Fatal(err)
	}
}

// TestFullDiskWhileRunning: the disk fills while the log runs. Appends
// fail (no id without fsync), a segment rotation fails, and once space is
// freed the log recovers in place: the next segment is created and
// receipts are acknowledged again, with nothing acknowledged lost.
func TestFullDiskWhileRunning(t *testing.T) {
	keyFile := filepath.Join(t.TempDir(), "key")
	m := newMemFS()
	l, err := Open(fullDiskOpts(m, keyFile))
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	var acked []string
	m.mu.Lock()
	m.capacity = 12000 // room for about one segment of 8 KiB plus the probe's margin
	m.mu.Unlock()
	failed := 0
	for i := 0; i < 40; i++ {
		id, err := l.Append(context.Background(), sampleRecord(l, i))
		if err != nil {
			if !errors.Is(err, ErrFailed) {
				t.Fatal(err)
			}
			failed++
			continue
		}
		acked = append(acked, id)
	}
	if failed == 0 || len(acked) == 0 {
		t.Fatalf("%d acknowledged, %d failed: the disk never filled", len(acked), failed)
	}
	names, _ := m.List("/log")
	for _, n := range names {
		if strings.HasSuffix(n, tmpSuffix) {
			t.Fatalf("partial segment %s left: %v", n, names)
		}
	}
	m.mu.Lock()
	m.capacity = 0
	m.mu.Unlock()
	waitHealthy(t, l)
	for i := 100; i < 130; i++ {
		id, err := l.Append(context.Background(), sampleRecord(l, i))
		if err != nil {
			t.Fatalf("after freeing space: %v", err)
		}
		acked = append(acked, id)
	}
	if l.Stats().ActiveSegment < 2 {
		t.Fatal("no rotation after recovery")
	}
	for _, id := range acked {
		if _, err := l.Get(id); err != nil {
			t.Fatalf("acknowledged %s lost: %v", id, err)
		}
	}
}
