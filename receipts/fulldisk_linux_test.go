//go:build linux

package receipts

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/datafog/datafog-api/internal/testfs"
)

// TestFullDiskTmpfs runs the full-disk cycle on a real file system: the
// disk fills while the log runs, a batch is cut short (a torn tail on
// disk), the process restarts with the disk still full, and an operator
// frees space.
func TestFullDiskTmpfs(t *testing.T) {
	mnt := testfs.MountTmpfs(t, "1m")
	dir := filepath.Join(mnt, "r")
	keyFile := filepath.Join(t.TempDir(), "key")
	opts := Options{Dir: dir, KeyFile: keyFile, NodeID: "n1", Logger: quiet, RetryInterval: 20 * time.Millisecond}
	l, err := Open(opts)
	if err != nil {
		t.Fatal(err)
	}
	var acked []string
	for i := range 5 {
		id, err := l.Append(context.Background(), sampleRecord(l, i))
		if err != nil {
			t.Fatal(err)
		}
		acked = append(acked, id)
	}
	filler := testfs.Fill(t, mnt)
	// A record larger than a page crosses into a page the disk no longer
	// has: part of it is written, then ENOSPC.
	big := sampleRecord(l, 5)
	big.Reason = strings.Repeat("r", 9000)
	if _, err := l.Append(context.Background(), big); !errors.Is(err, ErrFailed) || !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("append on a full disk: %v", err)
	}
	l.Close()
	key, err := LoadKey(keyFile)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Verify(dir, key)
	if !errors.Is(err, ErrTornTail) || rep.Torn == nil || rep.Receipts != 5 {
		t.Fatalf("verify after the cut batch: %+v %v", rep, err)
	}
	for restart := range 3 {
		l, err = Open(opts)
		if err != nil {
			t.Fatalf("start %d on the full disk: %v", restart, err)
		}
		if !errors.Is(l.Err(), syscall.ENOSPC) {
			t.Fatalf("start %d: log reports %v, want failed for ENOSPC", restart, l.Err())
		}
		if restart < 2 {
			l.Close()
		}
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		if strings.HasSuffix(e.Name(), tmpSuffix) || strings.Contains(e.Name(), brokenSuffix) {
			t.Fatalf("a start on the full disk left %s", e.Name())
		}
	}
	if err := os.Remove(filler); err != nil {
		t.Fatal(err)
	}
	waitHealthy(t, l)
	for i := 10; i < 15; i++ {
		id, err := l.Append(context.Background(), sampleRecord(l, i))
		if err != nil {
			t.Fatal(err)
		}
		acked = append(acked, id)
	}
	for _, id := range acked {
		if _, err := l.Get(id); err != nil {
			t.Fatalf("acknowledged %s lost: %v", id, err)
		}
	}
	l.Close()
	if rep, err := Verify(dir, key); err != nil || rep.Receipts != len(acked) {
		t.Fatalf("verify: %+v %v", rep, err)
	}
}
