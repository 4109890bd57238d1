package baseline

import (
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"math"
	"os"
	"path/filepath"
	"sync"
)

// SyncLog is the conventional durable log: every Append takes a lock,
// writes one framed record and calls fdatasync before returning, so each
// receipt pays a whole sync of its own.
type SyncLog struct {
	mu   sync.Mutex
	f    *os.File
	off  int64
	buf  []byte
	path string
}

var crcTable = crc32.MakeTable(crc32.Castagnoli)

// OpenSyncLog creates (or truncates) dir/baseline.log.
func OpenSyncLog(dir string) (*SyncLog, error) {
	path := filepath.Join(dir, "baseline.log")
	// #nosec G304 -- dir is the benchmark's own scratch directory and the file name is fixed
	f, err := os.OpenFile(path, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
	if err != nil {
		return nil, fmt.Errorf("baseline: open sync log: %w", err)
	}
	return &SyncLog{f: f, path: path}, nil
}

// Append writes rec framed by its length and CRC-32C, padded to 8 bytes,
// then fdatasyncs. It returns the record's offset as its id once durable.
func (l *SyncLog) Append(rec []byte) (int64, error) {
	size := uint64(len(rec))
	if size > math.MaxUint32 {
		return 0, fmt.Errorf("baseline: sync log %s: record of %d bytes does not fit the 32-bit length field", l.path, size)
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	n := 8 + len(rec)
	n += (8 - n%8) % 8
	l.buf = append(l.buf[:0], make([]byte, n)...)
	binary.LittleEndian.PutUint32(l.buf[0:4], uint32(size))
	binary.LittleEndian.PutUint32(l.buf[4:8], crc32.Checksum(rec, crcTable))
	copy(l.buf[8:], rec)
	if _, err := l.f.WriteAt(l.buf, l.off); err != nil {
		return 0, fmt.Errorf("baseline: sync log %s: write at %d: %w", l.path, l.off, err)
	}
	if err := datasync(l.f); err != nil {
		return 0, fmt.Errorf("baseline: sync log %s: fdatasync at %d: %w", l.path, l.off, err)
	}
	id := l.off
	l.off += int64(n)
	return id, nil
}

// Close closes the file.
func (l *SyncLog) Close() error { return l.f.Close() }
