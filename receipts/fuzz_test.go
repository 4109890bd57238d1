package receipts

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// fuzzKey writes the fixed fuzzing key to a file and returns its path and
// value.
func fuzzKey(t testing.TB, dir string) (string, []byte) {
	key := bytes.Repeat([]byte{0x11}, 32)
	path := filepath.Join(dir, "fuzz.key")
	if err := os.WriteFile(path, []byte("1111111111111111111111111111111111111111111111111111111111111111"), 0o600); err != nil {
		t.Fatal(err)
	}
	return path, key
}

// FuzzRecover treats arbitrary bytes as the last segment (after a valid
// header when they do not start with one). Open must not panic; it either
// reports corruption or recovers a prefix of the bytes in which every record
// passes its CRC and the hash chain (checked by Verify), and reopening
// changes nothing more.
func FuzzRecover(f *testing.F) {
	keyFile, key := fuzzKey(f, f.TempDir())
	const dir = "/log"
	seg := dir + "/" + segName(1)
	f.Fuzz(func(t *testing.T, data []byte) {
		if !bytes.HasPrefix(data, headerMagic[:]) {
			data = append(appendHeader(nil, &segHeader{seq: 1, created: 1}), data...)
		}
		m := newMemFS()
		m.put(seg, data)
		l, err := Open(Options{Dir: dir, FS: m, KeyFile: keyFile, NodeID: "f", Logger: quiet})
		if err != nil {
			if !errors.Is(err, ErrCorrupt) {
				t.Fatalf("Open: %v", err)
			}
			if !bytes.Equal(m.bytes(seg), data) {
				t.Fatal("a failed Open changed the segment")
			}
			return
		}
		if err := l.Close(); err != nil {
			t.Fatal(err)
		}
		got := m.bytes(seg)
		if !bytes.HasPrefix(data, got) {
			t.Fatalf("recovered %d bytes that are not a prefix of the input", len(got))
		}
		if _, err := verifyFS(m, dir, key); err != nil {
			t.Fatalf("recovered log does not verify: %v", err)
		}
		l, err = Open(Options{Dir: dir, FS: m, KeyFile: keyFile, NodeID: "f", Logger: quiet})
		if err != nil {
			t.Fatalf("reopen: %v", err)
		}
		l.Close()
		if !bytes.Equal(m.bytes(seg), got) {
			t.Fatal("second recovery changed the segment")
		}
	})
}

// fuzzLogIDs builds a small log and returns it with the ids it holds.
func fuzzLog(t testing.TB, keyFile string) (*Log, map[string]bool) {
	l, err := Open(Options{Dir: "/log", FS: newMemFS(), KeyFile: keyFile, NodeID: "f", Logger: quiet, SegmentSize: 6000})
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for i := range 8 {
		id, err := l.Append(context.Background(), sampleRecord(l, i))
		if err != nil {
			t.Fatal(err)
		}
		ids[id] = true
	}
	return l, ids
}

// FuzzGetID: Get never panics on any string, and returns a record only for
// an id the log issued, with that id.
func FuzzGetID(f *testing.F) {
	keyFile, _ := fuzzKey(f, f.TempDir())
	l, ids := fuzzLog(f, keyFile)
	defer l.Close()
	f.Fuzz(func(t *testing.T, id string) {
		rec, err := l.Get(id)
		if ids[id] {
			if err != nil || rec.ReceiptID != id {
				t.Fatalf("Get(%q) = %v", id, err)
			}
			return
		}
		if !errors.Is(err, ErrNotFound) || rec != nil {
			t.Fatalf("Get(%q) = %v, %v; want ErrNotFound", id, rec, err)
		}
	})
}
