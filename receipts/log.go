package receipts

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"errors"
	"fmt"
	"hash"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Errors returned by the log. Returned errors wrap them with detail; test
// with errors.Is.
var (
	// ErrNotFound: no receipt has the given id (unknown or malformed).
	ErrNotFound = errors.New("receipts: not found")
	// ErrClosed: the log has been closed.
	ErrClosed = errors.New("receipts: log closed")
	// ErrFailed: a write or sync failed earlier, or there is no room on
	// the disk for a batch; the log acknowledges nothing until it has
	// recovered (see Options.RetryInterval) or is reopened.
	ErrFailed = errors.New("receipts: log failed")
	// ErrCorrupt: a segment's framing, checksum or hash chain is broken.
	ErrCorrupt = errors.New("receipts: corrupt log")
	// ErrInUse: another open Log, in this process or another, holds the
	// directory's lock. Open's error reads "receipts: open DIR: directory
	// in use by another process".
	ErrInUse = errors.New("directory in use by another process")
)

// Defaults for Options fields left zero.
const (
	DefaultMaxBatchBytes = 1 << 20
	DefaultMaxBatchCount = 1024
	DefaultSegmentSize   = 64 << 20
)

// Options configures Open.
type Options struct {
	// Dir is the segment directory (DATAFOG_RECEIPT_PATH). Required.
	Dir string
	// KeyFile is the receipt key (DATAFOG_RECEIPT_KEY_FILE). When empty the
	// key lives in Dir + ".key" (a sibling of Dir, not inside it) and is
	// generated there with mode 0600 on first use.
	KeyFile string
	// NodeID names this replica inside receipt ids: 1 to 32 bytes of
	// [a-z0-9-]. Empty means the host name, sanitized. Keep it stable for a
	// directory: ids carrying another node id are not found.
	NodeID string
	// Retention deletes whole segments whose newest record is older than
	// this (DATAFOG_RECEIPT_RETENTION). Zero keeps everything.
	Retention time.Duration
	// MaxBatchBytes and MaxBatchCount cap one group commit.
	MaxBatchBytes, MaxBatchCount int
	// SegmentSize is the size at which a new segment is started.
	SegmentSize int64
	// RetryInterval is how often a failed log tries to recover in place
	// (0 means DefaultRetryInterval): cut back to its last durable batch,
	// check that a batch fits on the disk, and acknowledge receipts again.
	RetryInterval time.Duration
	// MaxListedFindings is the number of findings a receipt lists
	// individually (0 means DefaultMaxListedFindings); every finding is
	// still counted and covered by the receipt's findings_root.
	MaxListedFindings int
	// FS is the file system; nil means the operating system's.
	FS FileSystem
	// Logger receives recovery, retention and failure events; nil means
	// slog.Default(). Records' contents are never logged.
	Logger *slog.Logger

	// now replaces time.Now in tests.
	now func() time.Time
	// hookCollect and hookAccept are copied to the Log (tests only).
	hookCollect, hookAccept func()
}

// Log is an append-only, group-committed receipt log. It is safe for
// concurrent use.
type Log struct {
	dir       string
	fs        FileSystem
	lock      io.Closer // the directory lock, held from Open to Close
	node      string
	log       *slog.Logger
	now       func() time.Time
	retention time.Duration
	maxBytes  int
	maxCount  int
	segSize   int64

	retryEvery time.Duration

	hashes     *macPool
	callers    *macPool // caller identity and address digests
	hashKey    []byte   // key of Hash and NewHash
	chainKey   []byte
	findingKey []byte // key of the finding hashes under findings_root
	maxListed  int

	mu     sync.RWMutex // guards closed and sends on reqc
	closed bool
	reqc   chan *request
	done   chan struct{}

	failed    atomic.Pointer[error]
	committed atomic.Uint64 // active segment << 32 | durable end offset

	readMu  sync.RWMutex
	readers map[uint64]*segHandle // open handles, including the active segment
	purged  uint64                // segments below this were deleted by retention; guarded by readMu

	w     writerState // owned by the writer goroutine
	stats counters

	// hookCollect, when set by a test, runs in the writer goroutine after it
	// takes the first request of a batch and before it collects the rest;
	// hookAccept runs after each request is accepted into a batch.
	hookCollect, hookAccept func()
}

// Open opens or creates the log in opts.Dir, locks the directory, loads or
// creates the key, repairs a torn tail of the last segment, applies
// retention, and starts the writer goroutine. Only one Log may have a
// directory open at a time: while one does, Open fails at once with an
// error wrapping ErrInUse.
func Open(opts Options) (*Log, error) {
	if opts.Dir == "" {
		return nil, fmt.Errorf("receipts: open: Dir is empty")
	}
	l := &Log{
		dir:        filepath.Clean(opts.Dir),
		fs:         opts.FS,
		log:        opts.Logger,
		now:        opts.now,
		retention:  opts.Retention,
		maxBytes:   opts.MaxBatchBytes,
		maxCount:   opts.MaxBatchCount,
		segSize:    opts.SegmentSize,
		maxListed:  opts.MaxListedFindings,
		retryEvery: opts.RetryInterval,
		readers:    make(map[uint64]*segHandle),
		done:       make(chan struct{}),

		hookCollect: opts.hookCollect,
		hookAccept:  opts.hookAccept,
	}
	if l.fs == nil {
		l.fs = OSFileSystem{}
	}
	if l.log == nil {
		l.log = slog.Default()
	}
	if l.now == nil {
		l.now = time.Now
	}
	if l.maxBytes <= 0 {
		l.maxBytes = DefaultMaxBatchBytes
	}
	if l.maxCount <= 0 {
		l.maxCount = DefaultMaxBatchCount
	}
	if l.segSize <= 0 {
		l.segSize = DefaultSegmentSize
	}
	if l.maxListed <= 0 {
		l.maxListed = DefaultMaxListedFindings
	}
	if l.retryEvery <= 0 {
		l.retryEvery = DefaultRetryInterval
	}
	if l.segSize < headerSize+4096 || l.segSize > maxSegmentSize {
		return nil, fmt.Errorf("receipts: open: SegmentSize %d out of range [%d, %d]", l.segSize, headerSize+4096, maxSegmentSize)
	}
	if opts.Retention < 0 {
		return nil, fmt.Errorf("receipts: open: negative Retention")
	}
	l.node = opts.NodeID
	if l.node == "" {
		host, _ := os.Hostname()
		l.node = sanitizeNodeID(host)
	}
	if !validNodeID(l.node) {
		return nil, fmt.Errorf("receipts: open: NodeID %q is not 1-32 bytes of [a-z0-9-]", l.node)
	}
	if err := l.fs.MkdirAll(l.dir); err != nil {
		return nil, fmt.Errorf("receipts: open: %w", err)
	}
	// The lock comes before anything reads or changes the directory: a
	// second writer would remove the first one's new segment as a leftover
	// and overwrite its records.
	lock, err := l.fs.Lock(l.dir)
	if err != nil {
		return nil, fmt.Errorf("receipts: open %s: %w", l.dir, err)
	}
	l.lock = lock
	opened := false
	defer func() {
		if !opened {
			// Open failed; the error that stopped it is the one to report.
			_ = l.closeReaders()
			_ = lock.Close()
		}
	}()
	keyPath := opts.KeyFile
	if keyPath == "" {
		keyPath = l.dir + ".key"
	}
	key, created, err := loadOrCreateKey(keyPath)
	if err != nil {
		return nil, err
	}
	if created {
		l.log.Info("receipts: generated receipt key", "path", keyPath)
	}
	l.hashKey = deriveKey(key, hashLabel)
	l.hashes = newMacPool(l.hashKey)
	l.chainKey = deriveKey(key, chainLabel)
	l.findingKey = deriveKey(key, findingLabel)
	l.callers = newMacPool(deriveKey(key, callerLabel))
	l.w.chain = newChainMAC(l.chainKey)

	// A full disk does not stop Open: a torn tail is repaired in place, and
	// when there is no room for a batch (or, in an empty directory, for the
	// first segment) the log opens failed and recovers once there is.
	if err := l.openTail(); err != nil {
		if !isNoSpace(err) {
			return nil, err
		}
		l.fail(err)
	} else if err := l.probeSpace(); err != nil {
		l.fail(err)
	}
	if l.retention > 0 && l.Err() == nil {
		if _, err := l.purge(l.now()); err != nil {
			return nil, err
		}
	}
	l.reqc = make(chan *request, 4*l.maxCount)
	l.w.syncq = make(chan *batch)
	l.w.freed = make(chan *batch, 1)
	go l.run()
	opened = true
	return l, nil
}

// openTail lists the segments, removes leftovers of an interrupted segment
// creation or torn-tail copy, and recovers the last segment (or creates the
// first one).
func (l *Log) openTail() error {
	names, err := l.fs.List(l.dir)
	if err != nil {
		return fmt.Errorf("receipts: open: %w", err)
	}
	var last uint64
	for _, name := range names {
		// A leftover of an interrupted segment creation (".seg.tmp") or
		// torn-tail copy (".seg.<offset>.broken.tmp"): never kept partial.
		if strings.HasSuffix(name, tmpSuffix) && strings.Contains(name, segSuffix+".") {
			if err := l.fs.Remove(filepath.Join(l.dir, name)); err != nil {
				return fmt.Errorf("receipts: open: remove %s: %w", name, err)
			}
			continue
		}
		if seq, ok := parseSegName(name); ok && seq > last {
			last = seq
		}
	}
	if last == 0 {
		var zero [chainSize]byte
		return l.createSegment(1, &zero)
	}
	return l.recoverSegment(last)
}

// Hash returns the hex HMAC-SHA256 of data under the receipt hash key. Use
// it for input_hash, action_hash and finding value digests.
func (l *Log) Hash(data []byte) string {
	var buf [2 * sha256.Size]byte
	return string(l.hashes.appendHex(buf[:0], data))
}

// NewHash returns the streaming form of Hash, for input too large to hold:
// the hex encoding of its Sum equals Hash of everything written to it. The
// returned hash.Hash is not safe for concurrent use.
func (l *Log) NewHash() hash.Hash { return hmac.New(sha256.New, l.hashKey) }

// AppendHash appends the hex HMAC-SHA256 of data to dst, like Hash without
// allocating.
func (l *Log) AppendHash(dst, data []byte) []byte { return l.hashes.appendHex(dst, data) }

// Err returns nil while the log is healthy, and an error wrapping ErrFailed
// once a write or sync has failed.
func (l *Log) Err() error {
	if p := l.failed.Load(); p != nil {
		return *p
	}
	return nil
}

// fail moves the log to the failed state; the first cause wins.
func (l *Log) fail(err error) {
	err = fmt.Errorf("%w: %w", ErrFailed, err)
	if l.failed.CompareAndSwap(nil, &err) {
		l.log.Error("receipts: log failed; no receipt is acknowledged until it recovers", "err", err)
	}
}

// NodeID returns the node id used in receipt ids.
func (l *Log) NodeID() string { return l.node }

// Close flushes pending appends, stops the writer, closes the files and
// releases the directory lock. Appends after Close fail with ErrClosed.
func (l *Log) Close() error {
	l.mu.Lock()
	if l.closed {
		l.mu.Unlock()
		return ErrClosed
	}
	l.closed = true
	close(l.reqc)
	l.mu.Unlock()
	<-l.done
	err := l.closeReaders()
	if lerr := l.lock.Close(); lerr != nil && err == nil {
		err = fmt.Errorf("receipts: close %s: unlock: %w", l.dir, lerr)
	}
	return err
}

func (l *Log) closeReaders() error {
	l.readMu.Lock()
	defer l.readMu.Unlock()
	var first error
	for seq, h := range l.readers {
		if err := h.f.Close(); err != nil && first == nil {
			first = fmt.Errorf("receipts: close %s: %w", segName(seq), err)
		}
		delete(l.readers, seq)
	}
	return first
}

// Append adds rec to the log and returns its receipt id once the record is
// durable. It sets rec.Timestamp (when zero), rec.NodeID and rec.ReceiptID.
//
// A record with Version 0 carries every finding of its decision in
// Findings: Append summarizes them (FindingsTotal, FindingsByType,
// FindingsRoot, Version ReceiptVersion) and keeps the first
// MaxListedFindings in Findings. A record with Version ReceiptVersion has
// its summary filled already, by
// FindingSet.Fill or, for findings that were only counted, by the caller.
// Either way Action.Args keeps its first 64 digests and counts the rest in
// Action.ArgsTotal, so a receipt's size depends on the decision, not on how
// many findings or args it had.
//
// rec is not retained after Append returns. An error means the receipt was
// not acknowledged: it wraps ErrFailed, ErrClosed, the context's error, or
// describes an invalid record. With any but ErrFailed nothing was written;
// after ErrFailed the record may have reached the disk (see "Group commit
// and failures" in the package documentation).
//
// ctx can stop Append only before the record is handed to the writer.
// After that the record becomes durable (or the log fails), and Append
// waits for that and returns the id even if ctx ends meanwhile: a receipt
// in the log always has an id that was returned to its caller.
func (l *Log) Append(ctx context.Context, rec *Record) (string, error) {
	if err := ctx.Err(); err != nil {
		return "", err
	}
	if err := l.Err(); err != nil {
		return "", err
	}
	if rec.Timestamp.IsZero() {
		rec.Timestamp = l.now()
	}
	rec.NodeID = l.node
	if rec.Version == 0 {
		s := l.NewFindingSet()
		for _, f := range rec.Findings {
			s.Add(f)
		}
		if err := s.Fill(rec); err != nil {
			return "", fmt.Errorf("receipts: append: %w", err)
		}
	}
	if n := len(rec.Action.Args); n > maxListedArgs {
		rec.Action.Args = rec.Action.Args[:maxListedArgs]
		rec.Action.ArgsTotal = n
	}
	if err := rec.validate(); err != nil {
		return "", fmt.Errorf("receipts: append: %w", err)
	}
	req := getRequest()
	req.kind = kindReceipt
	req.payload = l.encode(req.payload[:0], rec)
	if n := int64(len(req.payload)); n > l.maxPayload() {
		putRequest(req)
		return "", fmt.Errorf("receipts: append: record of %d bytes exceeds the limit of %d", n, l.maxPayload())
	}
	req.sum = payloadDigest(req.payload)
	loc, err := l.submit(ctx, req)
	if err != nil {
		return "", err
	}
	var buf [64 + maxNodeLen]byte
	rec.ReceiptID = string(appendID(buf[:0], l.node, loc))
	return rec.ReceiptID, nil
}

// encode appends the stored form of rec to dst.
func (l *Log) encode(dst []byte, rec *Record) []byte {
	return appendStored(dst, rec, l.appendDigest, l.appendCallerDigest)
}

func (l *Log) appendDigest(dst []byte, s string) []byte {
	dst = append(dst, digestPrefix...)
	return l.hashes.appendHexString(dst, s)
}

func (l *Log) appendCallerDigest(dst []byte, s string) []byte {
	dst = append(dst, digestPrefix...)
	return l.callers.appendHexString(dst, s)
}

// CallerDigest returns the stored form of a caller's identity or address,
// as CallerDigest does with this log's key.
func (l *Log) CallerDigest(value string) string {
	return string(l.appendCallerDigest(nil, value))
}

// maxPayload is the largest payload one record may carry.
func (l *Log) maxPayload() int64 {
	n := l.segSize - headerSize - frameHdrSize - minBodySize - align
	if n > maxRecordBytes-minBodySize {
		n = maxRecordBytes - minBodySize
	}
	return n
}

// submit hands req to the writer and waits for its batch to be durable.
//
// ctx is honoured only until the writer has req: a context that ends
// while req waits for room in the queue returns ctx.Err() and nothing is
// written. Once req is queued it will be written (unless the log fails),
// so submit waits for the outcome whatever ctx does and returns the
// location: an audit log must not make durable a receipt whose id it
// never gave back. The wait is one write and fdatasync, or an error once
// the log fails.
func (l *Log) submit(ctx context.Context, req *request) (receiptLoc, error) {
	l.mu.RLock()
	if l.closed {
		l.mu.RUnlock()
		putRequest(req)
		return receiptLoc{}, ErrClosed
	}
	if cancel := ctx.Done(); cancel == nil {
		// A context that is never canceled (the common case) needs no
		// select: a plain send costs less.
		l.reqc <- req
	} else {
		select {
		case l.reqc <- req:
		case <-cancel:
			l.mu.RUnlock()
			putRequest(req)
			return receiptLoc{}, ctx.Err()
		}
	}
	l.mu.RUnlock()
	<-req.done
	loc, err := req.loc, req.err
	putRequest(req)
	return loc, err
}

var _ io.Closer = (*Log)(nil)
