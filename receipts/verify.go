package receipts

import (
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
)

// Report is the outcome of Verify.
type Report struct {
	Segments     int    // segment files checked
	Records      int    // records whose framing and chain checked out
	Receipts     int    // of which receipts
	Checkpoints  int    // of which checkpoints
	FirstSegment uint64 // oldest segment present
	LastSegment  uint64 // newest segment
	// Head is the hex chain value of the last good record. Keeping it
	// elsewhere lets a later Verify detect truncation of the newest records.
	Head string
	// Bad is the first record where the framing or the chain breaks, or nil.
	Bad *BadRecord
	// Torn is set when the log ends in a torn tail: an unfinished or
	// partly written last batch, as a crash or a full disk leaves it, which
	// Open cuts off (repairTail). The counts and Head above stop at the
	// last whole batch. A torn tail is not tampering: Bad stays nil.
	Torn *TornTail
}

// TornTail locates a torn tail: the bytes from Offset to the end of the
// last segment, Length of them.
type TornTail struct {
	Segment string // segment file name
	Offset  int64  // end of the last whole batch
	Length  int64
	Reason  string
}

func (t *TornTail) Error() string {
	return fmt.Sprintf("segment %s: torn tail at offset %d, %d bytes (%s); repaired on next open", t.Segment, t.Offset, t.Length, t.Reason)
}

// ErrTornTail is wrapped by Verify's error when the log ends in a torn
// tail and is otherwise whole.
var ErrTornTail = errors.New("receipts: log ends in a torn tail")

// BadRecord names where a log stops verifying.
type BadRecord struct {
	Segment string // segment file name
	Offset  int64  // byte offset in the segment; 0 means the header
	Index   int    // record index within the segment; -1 for the header
	Global  int    // records that verified before this one
	Reason  string
}

func (b *BadRecord) Error() string {
	return fmt.Sprintf("segment %s: offset %d: record %d (log record %d): %s", b.Segment, b.Offset, b.Index, b.Global, b.Reason)
}

// Verify checks every segment in dir under the receipt key: the segment
// headers and numbering, the framing and CRC of every record, batch
// boundaries, and the HMAC chain from record to record and across segments.
// A log whose oldest segments were purged must hold a checkpoint naming its
// first segment. When the log is broken, the Report's Bad field names the
// first bad record and the error wraps ErrCorrupt and the *BadRecord.
//
// Damage at the very end of the last segment that no later whole batch
// follows (an unfinished batch, or a frame cut or garbled by a crash or a
// full disk) is a torn tail, judged exactly as Open's recovery judges it:
// the Report's Torn field locates it and the error wraps ErrTornTail and
// the *TornTail. Open will cut it off; nothing acknowledged is in it.
func Verify(dir string, key []byte) (*Report, error) {
	return verifyFS(OSFileSystem{}, dir, key)
}

// verifyFS is Verify over any FileSystem.
func verifyFS(fsys FileSystem, dir string, key []byte) (*Report, error) {
	names, err := fsys.List(dir)
	if err != nil {
		return nil, fmt.Errorf("receipts: verify: %w", err)
	}
	var segs []uint64
	for _, name := range names {
		if seq, ok := parseSegName(name); ok {
			segs = append(segs, seq)
		}
	}
	if len(segs) == 0 {
		return nil, fmt.Errorf("receipts: verify: no segments in %s", dir)
	}
	v := &verifier{
		fs:     fsys,
		dir:    dir,
		chain:  newChainMAC(deriveKey(key, chainLabel)),
		anchor: make(map[uint64][chainSize]byte),
		rep:    &Report{FirstSegment: segs[0], LastSegment: segs[len(segs)-1]},
	}
	var firstPrev [chainSize]byte
	for i, seq := range segs {
		if i > 0 && seq != segs[i-1]+1 {
			v.bad(seq, 0, -1, fmt.Sprintf("segments %d to %d are missing", segs[i-1]+1, seq-1))
			break
		}
		h, err := v.segment(seq, i == 0, i == len(segs)-1)
		if err != nil {
			return v.rep, err
		}
		if i == 0 {
			firstPrev = h.prev
		}
		if v.rep.Bad != nil {
			break
		}
	}
	if v.rep.Bad == nil && !(segs[0] == 1 && firstPrev == [chainSize]byte{}) {
		if a, ok := v.anchor[segs[0]]; !ok || a != firstPrev {
			v.bad(segs[0], 0, -1, fmt.Sprintf("log starts at segment %d but no checkpoint attests the purge of the segments before it", segs[0]))
			v.rep.Bad.Global = 0
		}
	}
	v.rep.Head = hex.EncodeToString(v.prev[:])
	if v.rep.Bad != nil {
		v.rep.Torn = nil
		return v.rep, fmt.Errorf("%w: %w", ErrCorrupt, v.rep.Bad)
	}
	if v.rep.Torn != nil {
		return v.rep, fmt.Errorf("%w: %w", ErrTornTail, v.rep.Torn)
	}
	return v.rep, nil
}

type verifier struct {
	fs     FileSystem
	dir    string
	chain  *chainMAC
	prev   [chainSize]byte
	anchor map[uint64][chainSize]byte // checkpoint first segment -> anchor
	rep    *Report
}

func (v *verifier) bad(seq uint64, off int64, index int, reason string) {
	v.rep.Bad = &BadRecord{Segment: segName(seq), Offset: off, Index: index, Global: v.rep.Records, Reason: reason}
}

// segment verifies one segment, setting v.rep.Bad at the first problem. It
// returns an error only for I/O failures.
func (v *verifier) segment(seq uint64, first, last bool) (segHeader, error) {
	name := segName(seq)
	f, err := v.fs.Open(filepath.Join(v.dir, name), false)
	if err != nil {
		return segHeader{}, fmt.Errorf("receipts: verify: %w", err)
	}
	defer f.Close()
	size, err := f.Size()
	if err != nil {
		return segHeader{}, fmt.Errorf("receipts: verify: stat %s: %w", name, err)
	}
	v.rep.Segments++
	var hb [headerSize]byte
	if size < headerSize {
		v.bad(seq, 0, -1, "short header")
		return segHeader{}, nil
	}
	if _, err := f.ReadAt(hb[:], 0); err != nil {
		return segHeader{}, fmt.Errorf("receipts: verify: read %s: %w", name, err)
	}
	h, err := parseHeader(hb[:])
	switch {
	case err != nil:
		v.bad(seq, 0, -1, err.Error())
		return h, nil
	case h.seq != seq:
		v.bad(seq, 0, -1, fmt.Sprintf("header names segment %d", h.seq))
		return h, nil
	case first:
		v.prev = h.prev
	case h.prev != v.prev:
		v.bad(seq, 0, -1, "header's previous chain value does not match the previous segment's last record")
		return h, nil
	}
	s := newSegScanner(f, size)
	batchStart, committed := int64(headerSize), true
	// at is the state at the end of the last whole batch, where a torn
	// tail is cut.
	type state struct {
		prev                           [chainSize]byte
		records, receipts, checkpoints int
	}
	save := func() state { return state{v.prev, v.rep.Records, v.rep.Receipts, v.rep.Checkpoints} }
	at := save()
	torn := func(reason string) (segHeader, error) {
		v.prev, v.rep.Records, v.rep.Receipts, v.rep.Checkpoints = at.prev, at.records, at.receipts, at.checkpoints
		v.rep.Torn = &TornTail{Segment: name, Offset: batchStart, Length: size - batchStart, Reason: reason}
		return h, nil
	}
	var r rawRecord
	for index := 0; ; index++ {
		err := s.next(&r)
		if err == io.EOF {
			break
		}
		var fe *frameError
		if errors.As(err, &fe) {
			if _, later := findLaterBatch(f, size, fe.off); last && !later {
				return torn(fmt.Sprintf("record at offset %d: %s", fe.off, fe.reason))
			}
			v.bad(seq, fe.off, index, fe.reason)
			return h, nil
		}
		if err != nil {
			return h, fmt.Errorf("receipts: verify: read %s: %w", name, err)
		}
		if int64(r.batchStart) != batchStart {
			v.bad(seq, r.off, index, fmt.Sprintf("record names batch start %d, want %d", r.batchStart, batchStart))
			return h, nil
		}
		sum := payloadDigest(r.payload)
		var c [chainSize]byte
		v.chain.next(&c, &v.prev, &r.bodyHdr, &sum)
		if c != r.chain {
			v.bad(seq, r.off, index, "hash chain mismatch (record edited, deleted, reordered or rewritten)")
			return h, nil
		}
		if r.kind == kindCheckpoint {
			var cp checkpointPayload
			a, herr := []byte(nil), error(nil)
			if err := json.Unmarshal(r.payload, &cp); err == nil {
				a, herr = hex.DecodeString(cp.Checkpoint.Anchor)
			}
			if len(a) != chainSize || herr != nil {
				v.bad(seq, r.off, index, "malformed checkpoint")
				return h, nil
			}
			v.anchor[cp.Checkpoint.FirstSegment] = [chainSize]byte(a)
			v.rep.Checkpoints++
		} else {
			v.rep.Receipts++
		}
		v.prev = c
		v.rep.Records++
		committed = r.flags&flagCommit != 0
		if committed {
			batchStart = r.off + r.size
			at = save()
		}
	}
	if !committed {
		if last {
			return torn("the last batch has no commit record")
		}
		v.bad(seq, size, -1, "segment ends inside a batch")
	}
	return h, nil
}
