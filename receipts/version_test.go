package receipts

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOldFormatVersionRejected rewrites a segment header to format version 1
// (with a valid header CRC) and checks that Open and Verify both refuse it
// with an error naming the segment, the offset and the version.
func TestOldFormatVersionRejected(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "r")
	l := openTest(t, dir, nil)
	if _, err := l.Append(context.Background(), sampleRecord(l, 1)); err != nil {
		t.Fatal(err)
	}
	l.Close()
	path := filepath.Join(dir, segName(1))
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	binary.LittleEndian.PutUint32(data[8:12], 1)
	binary.LittleEndian.PutUint32(data[64:68], crc32.Checksum(data[:64], crcTable))
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("segment %s: offset 0: unsupported format version 1 (this build reads only version 2;", segName(1))
	_, err = Open(Options{Dir: dir, NodeID: "n1", Logger: quiet})
	if !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), want) {
		t.Fatalf("Open = %v; want ErrCorrupt containing %q", err, want)
	}
	rep, err := Verify(dir, testKey(t, dir))
	if !errors.Is(err, ErrCorrupt) {
		t.Fatalf("Verify error = %v; want ErrCorrupt", err)
	}
	if rep.Bad == nil || rep.Bad.Segment != segName(1) || rep.Bad.Offset != 0 || !strings.HasPrefix(rep.Bad.Reason, "unsupported format version 1 ") {
		t.Fatalf("Verify = %+v; want the header of segment 1 reported", rep.Bad)
	}
}
