package receipts

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"path/filepath"
	"time"
)

// checkpoint is the payload of a checkpoint record, written before a purge.
// It names the first segment that remains and the chain value its header
// carries, so Verify can start from that segment.
type checkpoint struct {
	FirstSegment uint64    `json:"first_segment"`
	Anchor       string    `json:"anchor"` // hex chain value
	PurgedFrom   uint64    `json:"purged_from"`
	PurgedTo     uint64    `json:"purged_to"`
	Time         time.Time `json:"time"`
}

type checkpointPayload struct {
	Checkpoint checkpoint `json:"checkpoint"`
}

// purgeLogged runs purge from the writer goroutine and logs the outcome.
func (l *Log) purgeLogged() {
	n, err := l.purge(l.now())
	if err != nil {
		l.log.Error("receipts: retention purge failed", "err", err)
	} else if n > 0 {
		l.log.Info("receipts: retention purged segments", "count", n)
	}
}

// purge deletes the oldest segments whose records are all older than the
// retention window. A segment's newest record is no newer than the creation
// time of the next segment, which its header records; the active segment is
// never deleted. Before deleting, it appends and syncs a checkpoint record.
// It must run on the writer goroutine (or before it starts).
func (l *Log) purge(now time.Time) (int, error) {
	if l.Err() != nil {
		return 0, l.Err()
	}
	names, err := l.fs.List(l.dir)
	if err != nil {
		return 0, fmt.Errorf("receipts: purge: %w", err)
	}
	var segs []uint64
	for _, name := range names {
		if seq, ok := parseSegName(name); ok && seq < l.w.seq {
			segs = append(segs, seq)
		}
	}
	segs = append(segs, l.w.seq)
	cutoff := now.Add(-l.retention).UnixNano()
	k := 0
	var anchor [chainSize]byte
	for i := 0; i+1 < len(segs); i++ {
		h, err := l.readHeader(segs[i+1])
		if err != nil {
			return 0, err
		}
		if h.created > cutoff {
			break
		}
		k, anchor = i+1, h.prev
	}
	if k == 0 {
		return 0, nil
	}
	payload, err := json.Marshal(checkpointPayload{checkpoint{
		FirstSegment: segs[k],
		Anchor:       hex.EncodeToString(anchor[:]),
		PurgedFrom:   segs[0],
		PurgedTo:     segs[k-1],
		Time:         now.UTC(),
	}})
	if err != nil {
		return 0, fmt.Errorf("receipts: purge: %w", err)
	}
	req := &request{kind: kindCheckpoint, payload: payload, sum: payloadDigest(payload), done: make(chan struct{}, 1)}
	l.commit(req)
	if req.err != nil {
		return 0, fmt.Errorf("receipts: purge: checkpoint: %w", req.err)
	}
	// From here on the purged segments are not found, and the handles
	// lookups keep on them are closed, before the files go: a handle left
	// open would keep serving the receipts and hold the disk space.
	l.readMu.Lock()
	l.purged = segs[k]
	for _, seq := range segs[:k] {
		if h, ok := l.readers[seq]; ok {
			_ = h.f.Close() // read-only handle on a segment about to be removed
			delete(l.readers, seq)
		}
	}
	l.readMu.Unlock()
	for _, seq := range segs[:k] {
		if err := l.fs.Remove(filepath.Join(l.dir, segName(seq))); err != nil {
			return 0, fmt.Errorf("receipts: purge: remove %s: %w", segName(seq), err)
		}
	}
	if err := l.fs.SyncDir(l.dir); err != nil {
		return 0, fmt.Errorf("receipts: purge: sync dir: %w", err)
	}
	return k, nil
}

// readHeader reads and checks the header of segment seq.
func (l *Log) readHeader(seq uint64) (segHeader, error) {
	var hb [headerSize]byte
	err := l.withSegment(seq, func(f File, _ int64) error {
		_, err := f.ReadAt(hb[:], 0)
		return err
	})
	if err != nil {
		return segHeader{}, fmt.Errorf("receipts: read header of %s: %w", segName(seq), err)
	}
	h, err := parseHeader(hb[:])
	if err != nil {
		return h, fmt.Errorf("%w: segment %s: offset 0: %v", ErrCorrupt, segName(seq), err)
	}
	return h, nil
}
