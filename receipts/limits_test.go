package receipts

import (
	"context"
	"errors"
	"math"
	"os"
	"strings"
	"testing"
)

func TestMakeLoc(t *testing.T) {
	for _, tc := range []struct {
		seq  uint64
		off  int64
		want receiptLoc
		ok   bool
	}{
		{1, headerSize, receiptLoc{seg: 1, off: headerSize}, true},
		{maxSegSeq, math.MaxUint32, receiptLoc{seg: math.MaxUint32, off: math.MaxUint32}, true},
		{maxSegSeq + 1, headerSize, receiptLoc{}, false},
		{1, -1, receiptLoc{}, false},
		{1, math.MaxUint32 + 1, receiptLoc{}, false},
	} {
		got, ok := makeLoc(tc.seq, tc.off)
		if got != tc.want || ok != tc.ok {
			t.Errorf("makeLoc(%d, %d) = %+v, %v; want %+v, %v", tc.seq, tc.off, got, ok, tc.want, tc.ok)
		}
	}
}

func TestPackCommitted(t *testing.T) {
	if got, want := packCommitted(3, 4096), uint64(3<<32|4096); got != want {
		t.Errorf("packCommitted(3, 4096) = %#x, want %#x", got, want)
	}
	// An offset past 32 bits must not change the segment half.
	if got, want := packCommitted(1, 1<<32|5), uint64(1<<32|5); got != want {
		t.Errorf("packCommitted(1, 1<<32|5) = %#x, want %#x", got, want)
	}
}

// TestSegmentNumberExhaustionFailsClosed fills the last segment number an id
// can hold and checks that the log fails instead of wrapping the segment
// number (which would hand out ids naming segment 00000000).
func TestSegmentNumberExhaustionFailsClosed(t *testing.T) {
	dir := t.TempDir()
	l := openTest(t, dir, func(o *Options) { o.SegmentSize = headerSize + 4096 })
	defer l.Close()
	// The writer goroutine reads l.w only after receiving a request, so this
	// write happens before its first use.
	l.w.seq = maxSegSeq
	var err error
	for i := 0; i < 100 && err == nil; i++ {
		var id string
		id, err = l.Append(context.Background(), sampleRecord(l, i))
		if err == nil && !strings.HasPrefix(id, "rc1_n1_ffffffff_") {
			t.Fatalf("append %d: id %s does not name segment ffffffff", i, id)
		}
	}
	want := "receipts: create segment: segment number 4294967296 exceeds the 4294967295 a receipt id can hold"
	if !errors.Is(err, ErrFailed) || !strings.Contains(err.Error(), want) {
		t.Fatalf("append past the last segment number: %v; want ErrFailed with %q", err, want)
	}
	names, lerr := os.ReadDir(dir)
	if lerr != nil {
		t.Fatal(lerr)
	}
	for _, e := range names {
		if strings.HasPrefix(e.Name(), "0000000100000000") {
			t.Errorf("segment %s was created past the last segment number", e.Name())
		}
	}
}
