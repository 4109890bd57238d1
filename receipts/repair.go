package receipts

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
)

// recoverSegment opens the last segment for appending. It checks the header,
// the framing, the CRCs and the hash chain of every record, and finds the end
// of the last whole batch. Bytes past that end are a torn tail when they
// belong to the batch that was in flight at a crash: the segment is then
// copied to a ".broken" file, truncated at the end of the last whole batch
// and synced. Damage followed by a later whole batch is corruption, reported
// with the segment and offset. Only this segment is read, so Open's time is
// proportional to it.
func (l *Log) recoverSegment(seq uint64) error {
	name := segName(seq)
	path := filepath.Join(l.dir, name)
	f, err := l.fs.Open(path, true)
	if err != nil {
		return fmt.Errorf("receipts: open: %w", err)
	}
	// On the error paths below Open fails and the handle is abandoned; the
	// error that stopped recovery is the one to report.
	good, last, err := l.scanTail(f, seq)
	if err != nil {
		_ = f.Close()
		return err
	}
	size, err := f.Size()
	if err != nil {
		_ = f.Close()
		return fmt.Errorf("receipts: open: stat %s: %w", name, err)
	}
	if size > good {
		if err := l.repairTail(f, path, good, size); err != nil {
			_ = f.Close()
			return err
		}
	}
	l.setActive(seq, f, good, &last)
	return nil
}

// scanTail validates segment seq and returns the end of its last whole batch
// and the chain value there.
func (l *Log) scanTail(f File, seq uint64) (good int64, last [chainSize]byte, err error) {
	name := segName(seq)
	corrupt := func(off int64, reason string) error {
		return fmt.Errorf("%w: segment %s: offset %d: %s", ErrCorrupt, name, off, reason)
	}
	size, err := f.Size()
	if err != nil {
		return 0, last, fmt.Errorf("receipts: open: stat %s: %w", name, err)
	}
	var hb [headerSize]byte
	if size < headerSize {
		return 0, last, corrupt(0, "short header")
	}
	if _, err := f.ReadAt(hb[:], 0); err != nil {
		return 0, last, fmt.Errorf("receipts: open: read %s: %w", name, err)
	}
	h, err := parseHeader(hb[:])
	if err != nil {
		return 0, last, corrupt(0, err.Error())
	}
	if h.seq != seq {
		return 0, last, corrupt(0, fmt.Sprintf("header names segment %d", h.seq))
	}
	good, last = headerSize, h.prev
	prev := h.prev
	s := newSegScanner(f, size)
	var r rawRecord
	for {
		err := s.next(&r)
		if err == io.EOF {
			return good, last, nil
		}
		var fe *frameError
		if errors.As(err, &fe) {
			if later, ok := findLaterBatch(f, size, fe.off); ok {
				return 0, last, corrupt(fe.off, fe.reason+fmt.Sprintf(" (followed by a whole record at offset %d)", later))
			}
			return good, last, nil // torn tail
		}
		if err != nil {
			return 0, last, fmt.Errorf("receipts: open: read %s: %w", name, err)
		}
		if int64(r.batchStart) != good {
			return 0, last, corrupt(r.off, fmt.Sprintf("record names batch start %d, want %d", r.batchStart, good))
		}
		sum := payloadDigest(r.payload)
		var c [chainSize]byte
		l.w.chain.next(&c, &prev, &r.bodyHdr, &sum)
		if c != r.chain {
			return 0, last, corrupt(r.off, "hash chain mismatch")
		}
		prev = c
		if r.flags&flagCommit != 0 {
			good, last = r.off+r.size, c
		}
	}
}

// findLaterBatch looks past a damaged frame at bad for a whole record that
// belongs to a batch starting after bad. Such a record proves that the
// damaged batch had been completed and synced, so the damage is not a torn
// write. It returns the record's offset.
func findLaterBatch(f File, size, bad int64) (int64, bool) {
	s := newSegScanner(f, size)
	var r rawRecord
	for off := bad + align; off+frameHdrSize+minBodySize <= size; off += align {
		s.off = off
		if err := s.next(&r); err != nil {
			continue
		}
		if int64(r.batchStart) > bad {
			return off, true
		}
	}
	return 0, false
}

// maxTailCopy bounds the bytes of a torn tail kept as evidence. A torn
// tail is one unfinished batch (at most MaxBatchBytes, or one record of up
// to 4 MiB), so the cap only matters for garbage past the end of a segment.
const maxTailCopy = 4 << 20

// repairTail cuts a torn tail off in place: it logs the tail's length and
// SHA-256, keeps a copy of at most maxTailCopy bytes of it when the disk
// has room, then truncates the segment at good and syncs it. The repair
// needs no free space (the copy is best effort and never left partial),
// so a full disk cannot stop Open.
func (l *Log) repairTail(f File, path string, good, size int64) error {
	name := filepath.Base(path)
	sum, err := tailDigest(f, good, size)
	if err != nil {
		return fmt.Errorf("receipts: open: read torn tail of %s: %w", name, err)
	}
	keep := min(size-good, maxTailCopy)
	copyName, copyErr := l.keepTail(f, path, good, keep)
	if err := f.Truncate(good); err != nil {
		return fmt.Errorf("receipts: open: truncate %s at %d: %w", name, good, err)
	}
	if err := f.Sync(); err != nil {
		return fmt.Errorf("receipts: open: sync %s: %w", name, err)
	}
	attrs := []any{"segment", name, "offset", good, "dropped_bytes", size - good, "sha256", hex.EncodeToString(sum[:])}
	if copyErr != nil {
		attrs = append(attrs, "copy", "", "copy_error", copyErr.Error())
	} else {
		attrs = append(attrs, "copy", copyName, "copy_bytes", keep)
	}
	l.log.Warn("receipts: truncated torn tail", attrs...)
	return nil
}

// tailDigest returns the SHA-256 of bytes [off, end) of f.
func tailDigest(f File, off, end int64) ([sha256.Size]byte, error) {
	h := sha256.New()
	buf := make([]byte, 64<<10)
	for off < end {
		n, err := f.ReadAt(buf[:min(int64(len(buf)), end-off)], off)
		h.Write(buf[:n])
		off += int64(n)
		if err != nil && !(errors.Is(err, io.EOF) && off == end) {
			return [sha256.Size]byte{}, err
		}
	}
	return [sha256.Size]byte(h.Sum(nil)), nil
}

// keepTail copies n bytes of src from off into "<segment>.<off as 8 hex
// digits>.broken" (".broken.1", ... when taken): written to a ".tmp" name,
// synced and renamed, and removed on any failure, so a copy is whole or
// absent. It returns the copy's file name.
func (l *Log) keepTail(src File, path string, off, n int64) (string, error) {
	base := fmt.Sprintf("%s.%08x%s", path, off, brokenSuffix)
	for i := 0; i < 10; i++ {
		dst := base
		if i > 0 {
			dst += "." + strconv.Itoa(i)
		}
		if f, err := l.fs.Open(dst, false); err == nil {
			_ = f.Close() // read-only probe of an existing name
			continue
		}
		tmp := dst + tmpSuffix
		if err := copyRange(l.fs, src, off, n, tmp); err != nil {
			_ = l.fs.Remove(tmp) // best effort; openTail removes a leftover .tmp
			return "", err
		}
		if err := l.fs.Rename(tmp, dst); err != nil {
			_ = l.fs.Remove(tmp)
			return "", err
		}
		if err := l.fs.SyncDir(l.dir); err != nil {
			return "", err
		}
		return filepath.Base(dst), nil
	}
	return "", fmt.Errorf("ten copies of this tail exist already")
}
