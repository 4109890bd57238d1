package receipts

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
)

// maxOpenReaders caps the segment handles Get keeps open; beyond it a
// segment is opened for one read and closed again.
const maxOpenReaders = 256

// segHandle is an open segment and the end of its readable data (0 for the
// active segment, whose end is Log.committed).
type segHandle struct {
	f    File
	size int64
}

// frameError is a framing or checksum failure at an offset in a segment.
type frameError struct {
	off    int64
	reason string
}

func (e *frameError) Error() string { return fmt.Sprintf("offset %d: %s", e.off, e.reason) }

// segScanner reads the records of one segment in order through a window of
// the file, so that scanning costs one read per megabyte.
type segScanner struct {
	f     File
	limit int64 // end of the data to scan
	off   int64 // next frame
	win   []byte
	wOff  int64
}

func newSegScanner(f File, limit int64) *segScanner {
	return &segScanner{f: f, limit: limit, off: headerSize}
}

// bytes returns n bytes at off. The slice is valid until the next call.
func (s *segScanner) bytes(off int64, n int) ([]byte, error) {
	if off >= s.wOff && off+int64(n) <= s.wOff+int64(len(s.win)) {
		return s.win[off-s.wOff:][:n], nil
	}
	size := int64(max(n, 1<<20))
	if off+size > s.limit {
		size = s.limit - off
	}
	if int64(n) > size {
		return nil, &frameError{off, "unexpected end of segment"}
	}
	if int64(cap(s.win)) < size {
		s.win = make([]byte, size)
	}
	s.win = s.win[:size]
	s.wOff = off
	if _, err := s.f.ReadAt(s.win, off); err != nil && !errors.Is(err, io.EOF) {
		s.win = s.win[:0]
		return nil, err
	}
	return s.win[:n], nil
}

// next decodes the record at the scanner's offset into r and advances. It
// returns io.EOF at the end of the data, a *frameError when the framing or
// CRC is broken, or an I/O error. r.payload is valid until the next call.
func (s *segScanner) next(r *rawRecord) error {
	if s.off == s.limit {
		return io.EOF
	}
	off := s.off
	if s.limit-off < frameHdrSize {
		return &frameError{off, "partial frame header"}
	}
	hdr, err := s.bytes(off, frameHdrSize)
	if err != nil {
		return err
	}
	n, err := frameLen(hdr, off, s.limit)
	if err != nil {
		return &frameError{off, err.Error()}
	}
	crc := binary.LittleEndian.Uint32(hdr[4:8])
	size := padded(frameHdrSize + int64(n))
	frame, err := s.bytes(off, int(size))
	if err != nil {
		return err
	}
	if err := decodeBody(r, crc, frame[frameHdrSize:frameHdrSize+n]); err != nil {
		return &frameError{off, err.Error()}
	}
	for _, c := range frame[frameHdrSize+n:] {
		if c != 0 {
			return &frameError{off, "non-zero padding"}
		}
	}
	r.off, r.size = off, size
	s.off = off + size
	return nil
}

// Get returns the receipt with the given id. It reads the one record the id
// points to, checks its CRC and its chain tag, and decodes it. Unknown and
// malformed ids give an error wrapping ErrNotFound. The returned Record is
// the caller's.
func (l *Log) Get(id string) (*Record, error) {
	node, loc, err := parseID(id)
	if err != nil || node != l.node {
		return nil, ErrNotFound
	}
	seq := uint64(loc.seg)
	c := l.committed.Load()
	if seq > c>>32 {
		return nil, ErrNotFound
	}
	var body []byte
	err = l.withSegment(seq, func(f File, limit int64) error {
		off := int64(loc.off)
		if off+frameHdrSize+minBodySize > limit {
			return ErrNotFound
		}
		var hdr [frameHdrSize]byte
		if _, err := f.ReadAt(hdr[:], off); err != nil {
			return fmt.Errorf("receipts: get: read %s at offset %d: %w", segName(seq), off, err)
		}
		n, err := frameLen(hdr[:], off, limit)
		if err != nil {
			return ErrNotFound
		}
		body = make([]byte, n)
		if _, err := f.ReadAt(body, off+frameHdrSize); err != nil {
			return fmt.Errorf("receipts: get: read %s at offset %d: %w", segName(seq), off, err)
		}
		var r rawRecord
		if err := decodeBody(&r, binary.LittleEndian.Uint32(hdr[4:8]), body); err != nil {
			return fmt.Errorf("%w: %s at offset %d: %v", ErrNotFound, segName(seq), off, err)
		}
		if r.kind != kindReceipt || [idTagLen]byte(r.chain[:idTagLen]) != loc.tag {
			return ErrNotFound
		}
		body = r.payload
		return nil
	})
	if err != nil {
		return nil, err
	}
	rec, err := decodeRecord(body)
	if err != nil {
		return nil, fmt.Errorf("receipts: get: %s at offset %d: %w", segName(seq), loc.off, err)
	}
	rec.ReceiptID = id
	return rec, nil
}

// decodeRecord decodes a stored payload. Absent lists come back empty, not
// nil, so that they encode as []. A version 1 payload (no receipt_version)
// comes back as Version 1 with FindingsTotal and FindingsByType derived
// from its complete findings list.
func decodeRecord(payload []byte) (*Record, error) {
	rec := new(Record)
	if err := json.Unmarshal(payload, rec); err != nil {
		return nil, fmt.Errorf("%w: payload: %v", ErrCorrupt, err)
	}
	if rec.MatchedRules == nil {
		rec.MatchedRules = []string{}
	}
	if rec.Findings == nil {
		rec.Findings = []Finding{}
	}
	if rec.TransformPlan == nil {
		rec.TransformPlan = []TransformStep{}
	}
	if rec.Version == 0 {
		rec.Version = 1
		rec.FindingsTotal = int64(len(rec.Findings))
		for _, f := range rec.Findings {
			rec.FindingsByType = rec.FindingsByType.add(f.EntityType, 1)
		}
	}
	if rec.FindingsByType == nil {
		rec.FindingsByType = TypeCounts{}
	}
	return rec, nil
}

// withSegment runs fn with a read handle on segment seq and the end of its
// durable data. A missing segment, or one retention has purged, is
// ErrNotFound.
//
// fn runs under readMu's read lock, and purge raises l.purged and closes
// the handles of the segments it deletes under the write lock, so a
// segment is never read once its purge has begun. A handle opened here
// while the purge ran is checked against l.purged before it is kept or
// read, and closed when its segment is gone: no handle of a deleted file
// outlives the lookup that opened it.
func (l *Log) withSegment(seq uint64, fn func(f File, limit int64) error) error {
	l.readMu.RLock()
	if seq < l.purged {
		l.readMu.RUnlock()
		return ErrNotFound
	}
	if h, ok := l.readers[seq]; ok {
		defer l.readMu.RUnlock()
		limit := h.size
		if c := l.committed.Load(); c>>32 == seq {
			limit = int64(c & 0xffffffff)
		}
		return fn(h.f, limit)
	}
	l.readMu.RUnlock()

	f, err := l.fs.Open(filepath.Join(l.dir, segName(seq)), false)
	if err != nil {
		return ErrNotFound
	}
	size, err := f.Size()
	if err != nil {
		_ = f.Close() // read-only handle; the stat error is the one to report
		return fmt.Errorf("receipts: get: stat %s: %w", segName(seq), err)
	}
	l.readMu.Lock()
	_, dup := l.readers[seq]
	switch {
	case seq < l.purged: // purged while it was being opened
		l.readMu.Unlock()
		_ = f.Close() // read-only handle on a deleted file
		return ErrNotFound
	case dup: // another lookup kept its handle first
		l.readMu.Unlock()
		_ = f.Close() // read-only duplicate
		return l.withSegment(seq, fn)
	case len(l.readers) < maxOpenReaders:
		l.readers[seq] = &segHandle{f: f, size: size}
		l.readMu.Unlock()
		return l.withSegment(seq, fn)
	}
	l.readMu.Unlock()
	// Too many handles are kept: this one serves one read.
	defer f.Close()
	l.readMu.RLock()
	defer l.readMu.RUnlock()
	if seq < l.purged {
		return ErrNotFound
	}
	return fn(f, size)
}

// Walk calls fn for every durable receipt in log order, with its id. It
// stops at the first error fn returns and returns it. Records are checked
// for CRC, not for the hash chain (see Verify).
func (l *Log) Walk(fn func(rec *Record) error) error {
	names, err := l.fs.List(l.dir)
	if err != nil {
		return fmt.Errorf("receipts: walk: %w", err)
	}
	for _, name := range names {
		seq, ok := parseSegName(name)
		if !ok {
			continue
		}
		err := l.withSegment(seq, func(f File, limit int64) error {
			s := newSegScanner(f, limit)
			var r rawRecord
			for {
				err := s.next(&r)
				if err == io.EOF {
					return nil
				}
				if err != nil {
					return fmt.Errorf("%w: %s: %w", ErrCorrupt, name, err)
				}
				if r.kind != kindReceipt {
					continue
				}
				rec, err := decodeRecord(r.payload)
				if err != nil {
					return fmt.Errorf("receipts: walk: %s at offset %d: %w", name, r.off, err)
				}
				loc, ok := makeLoc(seq, r.off)
				if !ok {
					return fmt.Errorf("%w: %s at offset %d: offset does not fit a receipt id", ErrCorrupt, name, r.off)
				}
				copy(loc.tag[:], r.chain[:idTagLen])
				rec.ReceiptID = string(appendID(nil, l.node, loc))
				if err := fn(rec); err != nil {
					return err
				}
			}
		})
		if err != nil && !errors.Is(err, ErrNotFound) {
			return err
		}
	}
	return nil
}
