package receipts

import (
	"context"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// frameOffsets lists the record offsets of a segment's bytes.
func frameOffsets(data []byte) []int64 {
	var offs []int64
	for off := int64(headerSize); off+frameHdrSize <= int64(len(data)); {
		offs = append(offs, off)
		off += padded(frameHdrSize + int64(binary.LittleEndian.Uint32(data[off:])))
	}
	return offs
}

// fixFrame sets the batch start of the frame at off and recomputes its CRC,
// as a forger who knows the format but not the key would.
func fixFrame(data []byte, off int64) {
	n := int64(binary.LittleEndian.Uint32(data[off:]))
	binary.LittleEndian.PutUint32(data[off+12:], uint32(off))
	binary.LittleEndian.PutUint32(data[off+4:], crc32.Checksum(data[off+8:off+8+n], crcTable))
}

// tamperLog writes 2 segments of single-record batches and returns the dir,
// the key and the first segment's path.
func tamperLog(t *testing.T) (string, []byte, string) {
	dir := filepath.Join(t.TempDir(), "r")
	l := openTest(t, dir, func(o *Options) { o.SegmentSize = 6000 })
	for i := 10; i < 18; i++ {
		if _, err := l.Append(context.Background(), sampleRecord(l, i)); err != nil {
			t.Fatal(err)
		}
	}
	if l.Stats().ActiveSegment < 2 {
		t.Fatal("want two segments")
	}
	l.Close()
	key := testKey(t, dir)
	rep, err := Verify(dir, key)
	if err != nil || rep.Receipts != 8 || rep.Bad != nil || len(rep.Head) != 64 {
		t.Fatalf("clean log: %+v %v", rep, err)
	}
	return dir, key, filepath.Join(dir, segName(1))
}

func TestVerifyCatchesTampering(t *testing.T) {
	wrongKeyChain := newChainMAC(deriveKey(make([]byte, 32), chainLabel))
	cases := []struct {
		name   string
		edit   func(data []byte, offs []int64) []byte
		index  int // index of the record reported, in offs
		reason string
	}{
		{"flipped byte", func(d []byte, o []int64) []byte { d[o[1]+100] ^= 0x20; return d }, 1, "crc mismatch"},
		{"flipped byte with fixed crc", func(d []byte, o []int64) []byte {
			d[o[1]+100] ^= 0x20
			fixFrame(d, o[1])
			return d
		}, 1, "hash chain mismatch"},
		{"flipped padding byte", func(d []byte, o []int64) []byte { d[o[2]-1] ^= 1; return d }, 1, ""},
		{"deleted record", func(d []byte, o []int64) []byte {
			d = slices.Delete(d, int(o[1]), int(o[2]))
			for _, off := range frameOffsets(d)[1:] {
				fixFrame(d, off)
			}
			return d
		}, 1, "hash chain mismatch"},
		{"swapped records", func(d []byte, o []int64) []byte {
			r1 := slices.Clone(d[o[1]:o[2]])
			r2 := slices.Clone(d[o[2]:o[3]])
			d = slices.Concat(d[:o[1]], r2, r1, d[o[3]:])
			for _, off := range frameOffsets(d)[1:] {
				fixFrame(d, off)
			}
			return d
		}, 1, "hash chain mismatch"},
		{"truncate and rewrite", func(d []byte, o []int64) []byte {
			payload := []byte(`{"timestamp":"2025-01-01T00:00:00Z","decision":"allow"}`)
			d = d[:o[1]]
			var prev [chainSize]byte
			for range 3 {
				off := int64(len(d))
				hdr := makeBodyHdr(kindReceipt, flagCommit, uint32(off))
				var c [chainSize]byte
				sum := [32]byte{}
				wrongKeyChain.next(&c, &prev, &hdr, &sum)
				d = appendFrame(d, &hdr, &c, payload)
				prev = c
			}
			return d
		}, 1, "hash chain mismatch"},
		{"truncated segment", func(d []byte, o []int64) []byte { return d[:o[len(o)-1]] }, -1, "header's previous chain value does not match"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir, key, seg := tamperLog(t)
			data, err := os.ReadFile(seg)
			if err != nil {
				t.Fatal(err)
			}
			offs := frameOffsets(data)
			if len(offs) < 4 {
				t.Fatalf("segment 1 holds %d records", len(offs))
			}
			if err := os.WriteFile(seg, tc.edit(data, offs), 0o600); err != nil {
				t.Fatal(err)
			}
			rep, err := Verify(dir, key)
			var bad *BadRecord
			if !errors.Is(err, ErrCorrupt) || !errors.As(err, &bad) || rep.Bad != bad {
				t.Fatalf("Verify = %+v, %v", rep, err)
			}
			wantSeg, wantOff, wantIndex := segName(1), int64(0), -1
			if tc.index >= 0 {
				wantOff, wantIndex = offs[tc.index], tc.index
			} else {
				wantSeg = segName(2)
			}
			if bad.Segment != wantSeg || bad.Offset != wantOff || bad.Index != wantIndex || !strings.Contains(bad.Reason, tc.reason) {
				t.Fatalf("bad record %+v; want %s offset %d index %d %q", bad, wantSeg, wantOff, wantIndex, tc.reason)
			}
		})
	}
}

func TestVerifyMissingSegmentAndWrongKey(t *testing.T) {
	dir, key, seg := tamperLog(t)
	key2 := slices.Clone(key)
	key2[0] ^= 1
	if _, err := Verify(dir, key2); err == nil || !strings.Contains(err.Error(), "offset 72: record 0 (log record 0): hash chain mismatch") {
		t.Fatalf("wrong key: %v", err)
	}
	if err := os.Remove(seg); err != nil {
		t.Fatal(err)
	}
	_, err := Verify(dir, key)
	if !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), "segment "+segName(2)+": offset 0: record -1 (log record 0): log starts at segment 2 but no checkpoint") {
		t.Fatalf("deleted first segment: %v", err)
	}
}
