package main

import (
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/datafog/datafog-api/engine/policy"
)

// reloader recompiles the policy file off the request path and hands the
// result to apply, which swaps it in atomically. It reloads on demand (SIGHUP)
// and when the file's size, modification time or inode changes, which it
// checks by polling: a poll every second costs one stat and needs no
// platform-specific watcher. A policy that fails to load or compile is
// refused: the one in force stays, the reason is logged, and onFail counts it.
type reloader struct {
	path   string
	load   func(path string) (*policy.Compiled, error)
	apply  func(*policy.Compiled)
	onFail func(error)
	log    *slog.Logger

	mu   sync.Mutex
	last fileStamp
}

// fileStamp is what the poll compares to notice a changed file.
type fileStamp struct {
	size    int64
	modTime time.Time
	inode   uint64
	ok      bool
}

func stampOf(path string) fileStamp {
	st, err := os.Stat(filepath.Clean(path))
	if err != nil {
		return fileStamp{}
	}
	return fileStamp{size: st.Size(), modTime: st.ModTime(), inode: inodeOf(st), ok: true}
}

// prime records the current file state, so the first poll does not reload
// the policy that was just loaded at start-up.
func (r *reloader) prime() {
	r.mu.Lock()
	r.last = stampOf(r.path)
	r.mu.Unlock()
}

// reload loads and compiles the file and applies it. It returns the error
// that made it refuse the new policy, if any.
func (r *reloader) reload(reason string) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.last = stampOf(r.path)
	start := time.Now()
	c, err := r.load(r.path)
	if err != nil {
		r.log.Error("policy reload refused; keeping the policy in force",
			"reason", reason, "error", err.Error())
		if r.onFail != nil {
			r.onFail(err)
		}
		return err
	}
	r.apply(c)
	r.log.Info("policy reloaded", "reason", reason,
		"policy_id", c.Policy.PolicyID, "policy_version", c.Policy.PolicyVersion,
		"took_ms", time.Since(start).Milliseconds())
	return nil
}

// changed reports whether the file differs from the last load or poll.
func (r *reloader) changed() bool {
	now := stampOf(r.path)
	r.mu.Lock()
	defer r.mu.Unlock()
	if now == r.last {
		return false
	}
	if !now.ok {
		// The file vanished (for example mid-rename by a ConfigMap update);
		// keep the policy in force and wait for it to come back.
		r.last = now
		return false
	}
	return true
}

// run reloads on every value from hup and on every file change seen by a
// poll every interval, until ctx is done. A change is reloaded once the
// file has settled: two polls in a row see the same size, time and inode.
// A file rewritten in place is empty between its truncation and its
// write; read then, it would be refused as a bad policy.
func (r *reloader) run(ctx context.Context, hup <-chan os.Signal, interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	var pending fileStamp
	for {
		select {
		case <-ctx.Done():
			return
		case <-hup:
			_ = r.reload("SIGHUP")
		case <-t.C:
			if r.settled(&pending) {
				_ = r.reload("file changed")
			}
		}
	}
}

// settled is one poll: it reports whether the file has changed since the
// last load and is the same as at the previous poll, whose stamp pending
// holds.
func (r *reloader) settled(pending *fileStamp) bool {
	if !r.changed() {
		*pending = fileStamp{}
		return false
	}
	if now := stampOf(r.path); now != *pending {
		*pending = now // still being written, perhaps: wait a poll
		return false
	}
	*pending = fileStamp{}
	return true
}
