//go:build unix

package receipts

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestOpenLocksTheDirectory: a second Open of a directory that a Log has
// open fails at once with an error naming the directory, and touches
// nothing in it (it would otherwise remove the first log's segment being
// created as a leftover, and write over its records). The first log keeps
// working; once it is closed the directory opens again.
func TestOpenLocksTheDirectory(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "r")
	first := openTest(t, dir, nil)
	id, err := first.Append(context.Background(), sampleRecord(first, 0))
	if err != nil {
		t.Fatal(err)
	}
	creating := filepath.Join(dir, segName(2)+tmpSuffix) // as if first were rotating
	if err := os.WriteFile(creating, []byte("segment being created"), 0o600); err != nil {
		t.Fatal(err)
	}
	second, err := Open(Options{Dir: dir, NodeID: "n1", Logger: quiet})
	if want := "receipts: open " + dir + ": directory in use by another process"; second != nil || !errors.Is(err, ErrInUse) || err.Error() != want {
		if second != nil {
			second.Close()
		}
		t.Fatalf("second Open: opened %v, error %v; want the error %q", second != nil, err, want)
	}
	if _, err := os.Stat(creating); err != nil {
		t.Fatalf("the failed Open changed the directory: %v", err)
	}
	if err := os.Remove(creating); err != nil {
		t.Fatal(err)
	}
	id2, err := first.Append(context.Background(), sampleRecord(first, 1))
	if err != nil {
		t.Fatal(err)
	}
	if err := first.Close(); err != nil {
		t.Fatal(err)
	}
	again := openTest(t, dir, nil)
	defer again.Close()
	for _, id := range []string{id, id2} {
		if _, err := again.Get(id); err != nil {
			t.Fatalf("Get(%s) after reopening: %v", id, err)
		}
	}
}
