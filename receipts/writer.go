package receipts

import (
	"fmt"
	"io"
	"path/filepath"
	"runtime"
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
	off   int64           // end of the records accepted so far in the active segment
	last  [chainSize]byte // chain value of the last framed record
	chain *chainMAC

	// durableOff and durable are the end of the last batch made durable in
	// the active segment and the chain value there: where heal resumes.
	durableOff int64
	durable    [chainSize]byte
	healFails  int // failed recovery attempts in a row

	// The writer fills one batch while the syncer writes and syncs the
	// other. busy is set while the syncer holds a batch; it hands the batch
	// back, emptied, on freed.
	syncq chan *batch
	freed chan *batch
	busy  bool
	spare *batch
}

// batch is one group commit: records framed back to back in buf, written to
// segment seq at offset start with one WriteAt and made durable with one
// fdatasync. The last record accepted stays unframed (pending) until the
// batch is sealed, because only then is it known to carry the commit flag.
type batch struct {
	reqs    []*request // framed records, in order
	pending *request   // the last record accepted, not yet framed
	buf     []byte
	seq     uint64
	file    File
	start   int64           // offset of the first record
	end     int64           // offset just past the last record accepted
	last    [chainSize]byte // chain value of the last framed record
	err     error           // outcome of the write and fdatasync, for finish
}

func (b *batch) empty() bool { return b.pending == nil && len(b.reqs) == 0 }

// records is the number of records accepted.
func (b *batch) records() int {
	n := len(b.reqs)
	if b.pending != nil {
		n++
	}
	return n
}

// reset empties b for reuse, dropping a buffer that grew past keep bytes.
func (b *batch) reset(keep int) {
	clear(b.reqs)
	b.reqs = b.reqs[:0]
	b.pending = nil
	b.buf = b.buf[:0]
	if cap(b.buf) > keep {
		b.buf = nil
	}
	b.file = nil
}

// run is the writer goroutine. While the syncer goroutine writes and syncs
// one batch, run collects the next: it takes each request as it arrives,
// assigns its place in the log and chains and frames it. The moment the
// syncer is free, run seals the collected batch and hands it over, so every
// batch holds the requests that arrived during the previous batch's write
// and fdatasync (or, when the syncer was idle, those already queued), capped
// by MaxBatchBytes and MaxBatchCount. No timed wait is added (see collect
// for the one yield). run returns when reqc is closed and drained and the syncer has released
// everything.
func (l *Log) run() {
	syncDone := make(chan struct{})
	go l.syncer(l.w.syncq, l.w.freed, syncDone)
	defer func() {
		l.awaitSyncer()
		close(l.w.syncq)
		<-syncDone
		close(l.done)
	}()
	heal := time.NewTicker(l.retryEvery)
	defer heal.Stop()
	var tick <-chan time.Time
	if l.retention > 0 {
		every := min(max(l.retention/8, time.Second), time.Hour)
		t := time.NewTicker(every)
		defer t.Stop()
		tick = t.C
	}
	b := &batch{}
	var carry *request // taken from reqc but not accepted into the last batch
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
				l.awaitSyncer()
				l.purgeLogged()
				continue
			case <-heal.C:
				if l.Err() != nil {
					l.awaitSyncer()
					l.heal()
				}
				continue
			case s := <-l.w.freed:
				l.finish(s)
				continue
			}
		}
		if l.hookCollect != nil {
			l.hookCollect()
		}
		if !l.acceptFirst(b, first, true) {
			continue
		}
		var ok bool
		carry, ok = l.collect(b)
		l.awaitSyncer()
		l.seal(b)
		l.w.busy = true
		l.w.syncq <- b
		b, l.w.spare = l.w.spare, nil
		if b == nil {
			b = &batch{}
		}
		if !ok {
			return // reqc is closed; the deferred call waits for the last batch
		}
	}
}

// collect adds queued requests to b until the syncer is free and nothing
// more is queued, or b is full. It returns a request that did not fit in b,
// and !ok when reqc was closed.
//
// Before sealing, collect yields the processor once (runtime.Gosched) and
// then takes what was queued meanwhile. Goroutines that are already
// runnable, typically appenders that the last release woke and that are
// about to submit their next record, then join this batch instead of
// waiting a whole write and fdatasync for the next one. Without the yield,
// a CPU-bound log settles into small batches: each fdatasync leaves fewer
// records behind it, so more syscalls cost more CPU, which leaves fewer
// still. The yield is not a timed wait: with nothing else runnable it
// returns at once.
func (l *Log) collect(b *batch) (carry *request, ok bool) {
	yielded := false
	for {
		// Take what is queued without blocking; a one-case select with a
		// default costs much less than one that also watches freed.
	drain:
		for {
			select {
			case r, open := <-l.reqc:
				if !open {
					return nil, false
				}
				if !l.accept(b, r) {
					return r, true
				}
			default:
				break drain
			}
		}
		if !l.w.busy {
			if yielded {
				return nil, true
			}
			yielded = true
			runtime.Gosched()
			continue
		}
		select {
		case r, ok := <-l.reqc:
			if !ok {
				return nil, false
			}
			if !l.accept(b, r) {
				return r, true
			}
		case s := <-l.w.freed:
			l.finish(s)
		}
	}
}

// acceptFirst starts b, which is empty, with r. When r does not fit in the
// active segment it first waits for the syncer and starts a new segment,
// and then, with retention on, runs a purge (before r takes its place, so
// the purge's checkpoint record precedes it). It reports !ok when it
// released r with an error instead.
func (l *Log) acceptFirst(b *batch, r *request, purge bool) (ok bool) {
	if l.accept(b, r) {
		return true
	}
	// The old segment's size becomes fixed at rotation, so every batch
	// written to it must be released first.
	l.awaitSyncer()
	err := l.Err()
	if err == nil {
		if err = l.rotate(); err != nil {
			l.fail(err)
			err = l.Err()
		}
	}
	if err != nil {
		release([]*request{r}, err)
		return false
	}
	if purge && l.retention > 0 {
		l.purgeLogged()
	}
	if !l.accept(b, r) { // unreachable: Append bounds a payload by a fresh segment's room
		l.fail(fmt.Errorf("record of %d bytes does not fit a new segment", len(r.payload)))
		release([]*request{r}, l.Err())
		return false
	}
	return true
}

// accept adds r to b and gives it the next place in the active segment. It
// reports false, leaving b unchanged, when r does not fit: b is at
// MaxBatchCount or MaxBatchBytes, or the active segment has no room (an
// empty batch takes a record of any size that fits the segment).
func (l *Log) accept(b *batch, r *request) bool {
	n := frameSize(len(r.payload))
	if l.w.off+n > l.segSize && l.w.off > headerSize {
		return false
	}
	if !b.empty() && (b.records() >= l.maxCount || b.end-b.start+n > int64(l.maxBytes)) {
		return false
	}
	if b.empty() {
		b.seq, b.file, b.start, b.end = l.w.seq, l.w.file, l.w.off, l.w.off
	} else {
		l.frame(b, b.pending, 0)
	}
	b.pending = r
	b.end += n
	l.w.off = b.end
	if l.hookAccept != nil {
		l.hookAccept()
	}
	return true
}

// seal frames the last record of b with the commit flag.
func (l *Log) seal(b *batch) {
	if b.pending != nil {
		l.frame(b, b.pending, flagCommit)
		b.pending = nil
	}
}

// frame chains r to the last framed record and appends its frame to b.buf.
// A framing error fails the log, so the syncer refuses the batch.
func (l *Log) frame(b *batch, r *request, flags byte) {
	off := b.start + int64(len(b.buf))
	b.reqs = append(b.reqs, r)
	loc, ok := makeLoc(b.seq, off)
	if !ok { // unreachable while Open and createSegment keep their limits
		l.fail(fmt.Errorf("record at offset %d of %s does not fit a receipt id", off, segName(b.seq)))
		return
	}
	batchStart := uint32(b.start) // #nosec G115 -- makeLoc above proved the batch's offsets fit 32 bits
	hdr := makeBodyHdr(r.kind, flags, batchStart)
	var chain [chainSize]byte
	l.w.chain.next(&chain, &l.w.last, &hdr, &r.sum)
	copy(loc.tag[:], chain[:idTagLen])
	r.loc = loc
	b.buf = appendFrame(b.buf, &hdr, &chain, r.payload)
	l.w.last = chain
	b.last = chain
}

// awaitSyncer waits until the syncer has released the batch it holds, if
// any.
func (l *Log) awaitSyncer() {
	if l.w.busy {
		l.finish(<-l.w.freed)
	}
}

// finish releases the waiters of b, which the syncer has handed back, with
// its outcome, and keeps b as the spare batch. The writer goroutine wakes
// the waiters rather than the syncer, so that they queue to run on a
// processor that is not blocked in the syncer's next write or fdatasync.
func (l *Log) finish(b *batch) {
	l.noteDurable(b)
	release(b.reqs, b.err)
	b.reset(2 * l.maxBytes)
	l.w.busy, l.w.spare = false, b
}

// syncer is the goroutine that writes each batch with one WriteAt, makes it
// durable with one fdatasync, releases its waiters and hands the emptied
// batch back on freed. A batch is acknowledged only when its write and its
// fdatasync succeeded and the log has not failed: once any write or
// fdatasync fails, every later batch is refused without being written (the
// fsyncgate lesson: a failed fdatasync may have dropped dirty pages that a
// later one no longer reports, so nothing after it can be trusted).
func (l *Log) syncer(syncq <-chan *batch, freed chan<- *batch, done chan<- struct{}) {
	defer close(done)
	for b := range syncq {
		l.writeAndSync(b)
		freed <- b
	}
}

// commit makes the single request r durable on the calling writer
// goroutine, after the syncer has released every earlier batch, starting a
// new segment first when r does not fit in the active one. r carries the
// outcome in r.err.
func (l *Log) commit(r *request) {
	l.awaitSyncer()
	b := &batch{}
	if !l.acceptFirst(b, r, false) {
		return
	}
	l.seal(b)
	l.writeAndSync(b)
	l.noteDurable(b)
	release(b.reqs, b.err)
}

// noteDurable records the end of b, which the syncer has handed back, as
// the durable end of the active segment when b was written and synced.
func (l *Log) noteDurable(b *batch) {
	if b.err == nil && len(b.reqs) > 0 && b.seq == l.w.seq {
		l.w.durableOff, l.w.durable = b.end, b.last
	}
}

// writeAndSync writes b at its place in its segment, makes it durable with
// one fdatasync and releases its waiters: with nil when both succeeded and
// the log has not failed, and with the log's error otherwise.
func (l *Log) writeAndSync(b *batch) {
	if err := l.Err(); err != nil {
		b.err = err
		return
	}
	n, err := b.file.WriteAt(b.buf, b.start)
	if err == nil && n != len(b.buf) {
		err = io.ErrShortWrite
	}
	if err != nil {
		l.fail(fmt.Errorf("write %s at offset %d: %w", segName(b.seq), b.start, err))
		b.err = l.Err()
		return
	}
	t0 := time.Now()
	err = b.file.Sync()
	l.stats.observeSync(time.Since(t0))
	if err != nil {
		l.fail(fmt.Errorf("fdatasync %s after offset %d: %w", segName(b.seq), b.start, err))
	}
	if err := l.Err(); err != nil {
		b.err = err
		return
	}
	l.committed.Store(packCommitted(b.seq, b.end))
	size := uint64(b.end - b.start) // #nosec G115 -- end > start within one segment
	l.stats.batches.Add(1)
	l.stats.records.Add(uint64(len(b.reqs)))
	l.stats.bytes.Add(size)
	l.stats.lastRecords.Store(uint64(len(b.reqs)))
	l.stats.lastBytes.Store(size)
	b.err = nil
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
	// On the error paths below the new segment is abandoned: the .tmp file
	// is removed at once (openTail and heal remove one that this fails to
	// remove), and a renamed one is a valid empty segment that heal removes
	// and recovery would accept. The error that stopped it is the one to
	// report, so the close and remove errors are dropped.
	abandon := func(op string, err error) error {
		_ = f.Close()
		_ = l.fs.Remove(tmp)
		return fmt.Errorf("receipts: %s %s: %w", op, segName(seq), err)
	}
	if n, err := f.WriteAt(hdr, 0); err != nil || n != len(hdr) {
		return abandon("write header of", errOr(err, io.ErrShortWrite))
	}
	if err := f.Sync(); err != nil {
		return abandon("sync header of", err)
	}
	if err := l.fs.Rename(tmp, name); err != nil {
		return abandon("rename", err)
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
	l.w.durableOff, l.w.durable = off, *last
	l.committed.Store(packCommitted(seq, off))
}

func errOr(err, fallback error) error {
	if err != nil {
		return err
	}
	return fallback
}
