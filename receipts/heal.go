package receipts

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"time"
)

// A full disk must not become a restart loop. Open repairs a torn tail in
// place (repair.go) and then probes for room; when the probe fails the log
// opens in the failed state instead of failing Open, so the server starts
// and serves everything but receipts. While the log is failed, the writer
// goroutine calls heal every RetryInterval: it cuts the active segment back
// to the end of its last durable batch, removes what a failed segment
// creation left, and probes again. Once the probe succeeds the log resumes
// where its durable records end; nothing that was refused is written.

// DefaultRetryInterval is how often a failed log tries to recover when
// Options.RetryInterval is zero.
const DefaultRetryInterval = 2 * time.Second

// healLogEvery is how many failed recovery attempts share one log line.
const healLogEvery = 30

// probeSize is the write size of the space probe.
const probeSize = 64 << 10

var zeroChunk [probeSize]byte

// heal tries to bring a failed log back. It runs on the writer goroutine
// with no batch at the syncer.
func (l *Log) heal() {
	if err := l.repairInPlace(); err != nil {
		// One line for the first attempt and then about one a minute.
		if l.w.healFails%healLogEvery == 0 {
			l.log.Warn("receipts: log still failed", "err", err, "attempts", l.w.healFails+1)
		}
		l.w.healFails++
		return
	}
	l.w.healFails = 0
	l.failed.Store(nil)
	l.stats.recoveries.Add(1)
	l.log.Info("receipts: log recovered; receipts are acknowledged again",
		"segment", segName(l.w.seq), "offset", l.w.off)
}

// repairInPlace restores the active segment to its last durable batch and
// checks that a batch fits on the disk again.
func (l *Log) repairInPlace() error {
	if l.w.file == nil {
		// Open found no segment and could not create the first one.
		if err := l.openTail(); err != nil {
			return err
		}
		return l.probeSpace()
	}
	// A rotation that failed may have left the next segment behind: a
	// .tmp file, or a renamed file that holds only its header (the writer
	// never moved to it). Neither holds a record.
	next := filepath.Join(l.dir, segName(l.w.seq+1))
	removed := false
	for _, p := range []string{next + tmpSuffix, next} {
		if p == next && !l.headerOnly(p) {
			continue
		}
		err := l.fs.Remove(p)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("receipts: recover: remove %s: %w", filepath.Base(p), err)
		}
		removed = removed || err == nil
	}
	if removed {
		if err := l.fs.SyncDir(l.dir); err != nil {
			return fmt.Errorf("receipts: recover: sync dir: %w", err)
		}
	}
	name := segName(l.w.seq)
	if err := l.w.file.Truncate(l.w.durableOff); err != nil {
		return fmt.Errorf("receipts: recover: truncate %s at %d: %w", name, l.w.durableOff, err)
	}
	if err := l.w.file.Sync(); err != nil {
		return fmt.Errorf("receipts: recover: sync %s: %w", name, err)
	}
	l.w.off, l.w.last = l.w.durableOff, l.w.durable
	return l.probeSpace()
}

// headerOnly reports whether the file at path exists and is no larger than
// a segment header.
func (l *Log) headerOnly(path string) bool {
	f, err := l.fs.Open(path, false)
	if err != nil {
		return false
	}
	defer f.Close()
	size, err := f.Size()
	return err == nil && size <= headerSize
}

// probeSpace checks that there is room on the disk after the active
// segment's durable end: it writes probeSize zeros there, syncs, and cuts
// them off again. A crash in between leaves zeros past the last batch,
// which recovery cuts as a torn tail. The probe is smaller than the largest
// batch, so a batch may still fail on a nearly full disk; the log then
// fails again and retries, but it never reports itself healthy on a disk
// with no room at all.
func (l *Log) probeSpace() error {
	f, off := l.w.file, l.w.durableOff
	n, err := f.WriteAt(zeroChunk[:], off)
	if err == nil && n != len(zeroChunk) {
		err = io.ErrShortWrite
	}
	if err == nil {
		err = f.Sync()
	}
	if terr := f.Truncate(off); err == nil && terr != nil {
		err = terr
	}
	if err == nil {
		err = f.Sync()
	}
	if err != nil {
		return fmt.Errorf("receipts: no room for %d bytes after offset %d of %s: %w", probeSize, off, segName(l.w.seq), err)
	}
	return nil
}
