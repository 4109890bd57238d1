package receipts

import (
	"fmt"
	"io"
	"path/filepath"
	"sync"
	"time"
)

// request is one record waiting for the writer. The submitting goroutine
// fills payload, sum and kind; the writer fills loc and err and then signals
// done.
type request struct {
	kind    byte
	payload []byte
	sum     [payloadDigestSize]byte
	loc     receiptLoc
	err     error
	done    chan struct{}
}

var requestPool = sync.Pool{New: func() any { return &request{done: make(chan struct{}, 1)} }}

func getRequest() *request { return requestPool.Get().(*request) }

// putRequest resets req and returns it to the pool. Oversized payload
// buffers are dropped rather than pooled.
func putRequest(req *request) {
	if cap(req.payload) > 64<<10 {
		req.payload = nil
	}
	req.err = nil
	req.loc = receiptLoc{}
	requestPool.Put(req)
}

// writerState is owned by the writer goroutine (and by Open before the
// writer starts).
type writerState struct {
	seq   uint64          // active segment number
	file  File            // active segment
	off   int64           // written end of the active segment
	last  [chainSize]byte // chain value of the last written record
	chain *chainMAC
	buf   []byte // batch buffer, reused

	// slots alternate between the batch being written and the batch the
	// syncer holds; inflight counts batches handed to the syncer and not
	// yet released.
	slots    [2]writtenBatch
	slot     int
	inflight sync.WaitGroup
}

// writtenBatch is a batch that has been written and waits for the fdatasync
// that makes it durable.
type writtenBatch struct {
	reqs  []*request
	seq   uint64 // segment written to
	file  File
	start int64 // offset of the batch's first record
	end   int64 // offset just past its last record
}

// run is the writer goroutine. It takes whatever is pending, chains and
// frames it, writes it with one WriteAt and hands it to the syncer
// goroutine, which makes it durable with one fdatasync and releases the
// waiters. The handoff is unbuffered, so the writer prepares and writes the
// next batch while the previous batch's fdatasync runs, and each fdatasync
// covers exactly one batch. run returns when reqc is closed and drained and
// the syncer has released everything.
func (l *Log) run() {
	syncq := make(chan *writtenBatch)
	syncDone := make(chan struct{})
	go l.syncer(syncq, syncDone)
	defer func() {
		close(syncq)
		<-syncDone
		close(l.done)
	}()
	var tick <-chan time.Time
	if l.retention > 0 {
		every := min(max(l.retention/8, time.Second), time.Hour)
		t := time.NewTicker(every)
		defer t.Stop()
		tick = t.C
	}
	var carry *request
	for {
		first := carry
		carry = nil
		if first == nil {
			select {
			case r, ok := <-l.reqc:
				if !ok {
					return
				}
				first = r
			case <-tick:
				l.purgeLogged()
				continue
			}
		}
		if l.hookCollect != nil {
			l.hookCollect()
		}
		wb := &l.w.slots[l.w.slot]
		batch := append(wb.reqs[:0], first)
		size := frameSize(len(first.payload))
	drain:
		for len(batch) < l.maxCount {
			select {
			case r, ok := <-l.reqc:
				if !ok {
					break drain
				}
				n := frameSize(len(r.payload))
				if size+n > int64(l.maxBytes) || l.w.off+size+n > l.segSize {
					carry = r
					break drain
				}
				batch = append(batch, r)
				size += n
			default:
				break drain
			}
		}
		wb.reqs = batch
		rotated, ok := l.write(wb)
		if ok {
			l.w.inflight.Add(1)
			syncq <- wb
			l.w.slot ^= 1
		} else {
			clear(wb.reqs)
			wb.reqs = wb.reqs[:0]
		}
		if rotated && l.retention > 0 {
			l.purgeLogged()
		}
	}
}

// syncer is the goroutine that makes written batches durable, in the order
// they were written, and releases their waiters. A batch is acknowledged
// only when its own fdatasync succeeded and the log has not failed: once
// any write or fdatasync fails, every batch still queued or in flight is
// refused, even one whose later fdatasync succeeds (the fsyncgate lesson: a
// failed fdatasync may have dropped dirty pages that a later one no longer
// reports).
func (l *Log) syncer(syncq <-chan *writtenBatch, done chan<- struct{}) {
	defer close(done)
	for wb := range syncq {
		l.syncBatch(wb)
		clear(wb.reqs)
		wb.reqs = wb.reqs[:0]
		l.w.inflight.Done()
	}
}

// commit makes batch durable and releases its waiters, in the calling
// (writer) goroutine, after the syncer has released every earlier batch. It
// reports whether a new segment was started.
func (l *Log) commit(batch []*request) (rotated bool) {
	l.w.inflight.Wait()
	wb := writtenBatch{reqs: batch}
	rotated, ok := l.write(&wb)
	if ok {
		l.syncBatch(&wb)
	}
	return rotated
}

// write chains, frames and writes wb.reqs at the end of the active segment,
// starting a new segment first when they do not fit. On success it fills
// the rest of wb and advances the written end; otherwise it releases the
// batch with the error and reports !ok. It reports whether a new segment was
// started.
func (l *Log) write(wb *writtenBatch) (rotated, ok bool) {
	batch := wb.reqs
	if err := l.Err(); err != nil {
		release(batch, err)
		return false, false
	}
	var size int64
	for _, r := range batch {
		size += frameSize(len(r.payload))
	}
	if l.w.off+size > l.segSize && l.w.off > headerSize {
		// The old segment's size becomes fixed at rotation, so every batch
		// written to it must be released first.
		l.w.inflight.Wait()
		if err := l.Err(); err != nil {
			release(batch, err)
			return false, false
		}
		if err := l.rotate(); err != nil {
			l.fail(err)
			release(batch, l.Err())
			return false, false
		}
		rotated = true
	}
	start := l.w.off
	buf := l.w.buf[:0]
	prev := l.w.last
	var batchStart uint32
	for i, r := range batch {
		loc, ok := makeLoc(l.w.seq, start+int64(len(buf)))
		if !ok { // unreachable while Open and createSegment keep their limits
			l.fail(fmt.Errorf("record at offset %d of %s does not fit a receipt id", start+int64(len(buf)), segName(l.w.seq)))
			release(batch, l.Err())
			return rotated, false
		}
		if i == 0 {
			batchStart = loc.off
		}
		var flags byte
		if i == len(batch)-1 {
			flags = flagCommit
		}
		hdr := makeBodyHdr(r.kind, flags, batchStart)
		var chain [chainSize]byte
		l.w.chain.next(&chain, &prev, &hdr, &r.sum)
		copy(loc.tag[:], chain[:idTagLen])
		r.loc = loc
		buf = appendFrame(buf, &hdr, &chain, r.payload)
		prev = chain
	}
	if cap(buf) <= 2*l.maxBytes {
		l.w.buf = buf
	}
	n, err := l.w.file.WriteAt(buf, start)
	if err == nil && n != len(buf) {
		err = io.ErrShortWrite
	}
	if err != nil {
		l.fail(fmt.Errorf("write %s at offset %d: %w", segName(l.w.seq), start, err))
		release(batch, l.Err())
		return rotated, false
	}
	l.w.off = start + int64(len(buf))
	l.w.last = prev
	wb.seq, wb.file, wb.start, wb.end = l.w.seq, l.w.file, start, l.w.off
	return rotated, true
}

// syncBatch makes a written batch durable with one fdatasync and releases
// its waiters: with nil when the fdatasync succeeded and the log has not
// failed, and with the log's error otherwise.
func (l *Log) syncBatch(wb *writtenBatch) {
	if err := l.Err(); err != nil {
		release(wb.reqs, err)
		return
	}
	t0 := time.Now()
	err := wb.file.Sync()
	l.stats.observeSync(time.Since(t0))
	if err != nil {
		l.fail(fmt.Errorf("fdatasync %s after offset %d: %w", segName(wb.seq), wb.start, err))
	}
	// A write of a later batch may have failed while this fdatasync ran;
	// the log then acknowledges nothing more.
	if err := l.Err(); err != nil {
		release(wb.reqs, err)
		return
	}
	l.committed.Store(packCommitted(wb.seq, wb.end))
	size := uint64(wb.end - wb.start) // #nosec G115 -- end > start within one segment
	l.stats.batches.Add(1)
	l.stats.records.Add(uint64(len(wb.reqs)))
	l.stats.bytes.Add(size)
	l.stats.lastRecords.Store(uint64(len(wb.reqs)))
	l.stats.lastBytes.Store(size)
	release(wb.reqs, nil)
}

// release signals every request of a batch with err.
func release(batch []*request, err error) {
	for _, r := range batch {
		r.err = err
		r.done <- struct{}{}
	}
}

// rotate starts segment seq+1, whose header carries the chain value of the
// last record so far.
func (l *Log) rotate() error {
	return l.createSegment(l.w.seq+1, &l.w.last)
}

// createSegment writes a new segment under a temporary name, syncs it,
// renames it into place and syncs the directory, so a segment file always
// has a whole header. The new segment becomes the active one.
func (l *Log) createSegment(seq uint64, prev *[chainSize]byte) error {
	if seq > maxSegSeq {
		return fmt.Errorf("receipts: create segment: segment number %d exceeds the %d a receipt id can hold", seq, uint64(maxSegSeq))
	}
	name := filepath.Join(l.dir, segName(seq))
	tmp := name + tmpSuffix
	h := segHeader{seq: seq, created: l.now().UnixNano(), prev: *prev}
	f, err := l.fs.Create(tmp)
	if err != nil {
		return fmt.Errorf("receipts: create segment %s: %w", segName(seq), err)
	}
	hdr := appendHeader(nil, &h)
	// On the error paths below the new segment is abandoned (openTail
	// removes a leftover .tmp; a renamed one is a valid empty segment), so
	// the error that stopped it is the one to report and the close error is
	// dropped.
	if n, err := f.WriteAt(hdr, 0); err != nil || n != len(hdr) {
		_ = f.Close()
		return fmt.Errorf("receipts: write header of %s: %w", segName(seq), errOr(err, io.ErrShortWrite))
	}
	if err := f.Sync(); err != nil {
		_ = f.Close()
		return fmt.Errorf("receipts: sync header of %s: %w", segName(seq), err)
	}
	if err := l.fs.Rename(tmp, name); err != nil {
		_ = f.Close()
		return fmt.Errorf("receipts: rename %s: %w", segName(seq), err)
	}
	if err := l.fs.SyncDir(l.dir); err != nil {
		_ = f.Close()
		return fmt.Errorf("receipts: sync dir after creating %s: %w", segName(seq), err)
	}
	l.setActive(seq, f, headerSize, prev)
	return nil
}

// setActive makes f the active segment, durable up to off.
func (l *Log) setActive(seq uint64, f File, off int64, last *[chainSize]byte) {
	l.readMu.Lock()
	if old, ok := l.readers[l.w.seq]; ok && l.w.file != nil {
		old.size = l.w.off // the old active segment is now immutable
	}
	l.readers[seq] = &segHandle{f: f}
	l.readMu.Unlock()
	l.w.seq, l.w.file, l.w.off, l.w.last = seq, f, off, *last
	l.committed.Store(packCommitted(seq, off))
}

func errOr(err, fallback error) error {
	if err != nil {
		return err
	}
	return fallback
}
