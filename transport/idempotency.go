package transport

import (
	"container/list"
	"crypto/sha256"
	"sync"
	"time"
)

// idempotencyStore remembers the response to each (route, key) for ttl,
// bounded by entry count and by total stored response bytes, evicting the
// least recently used. For each key it keeps a SHA-256 digest of the
// request's significant fields, never the request itself.
//
// A key moves through two states: reserved (the first request is running;
// identical concurrent requests wait for it) and done (status and body are
// replayed). A reservation whose request did not succeed is dropped, so a
// retry runs afresh.
type idempotencyStore struct {
	mu         sync.Mutex
	entries    map[string]*list.Element
	lru        list.List // front = most recent; values are *idemEntry
	maxEntries int
	maxBytes   int
	bytes      int
	ttl        time.Duration
}

type idemEntry struct {
	key     string
	digest  [sha256.Size]byte
	expires time.Time
	done    chan struct{} // closed when the first request finished
	closed  bool          // done is closed
	elem    *list.Element
	ok      bool // a response is stored
	status  int
	body    []byte
}

// Defaults for the idempotency store.
const (
	idemMaxEntries = 10000
	idemMaxBytes   = 64 << 20
	idemTTL        = time.Hour
)

func newIdempotencyStore(maxEntries, maxBytes int, ttl time.Duration) *idempotencyStore {
	return &idempotencyStore{
		entries:    make(map[string]*list.Element),
		maxEntries: maxEntries,
		maxBytes:   maxBytes,
		ttl:        ttl,
	}
}

// idemOutcome is what begin tells the handler to do.
type idemOutcome int

const (
	idemRun      idemOutcome = iota // run the request, then call finish
	idemReplay                      // send the stored status and body
	idemConflict                    // the key was used for a different payload
)

// begin looks key up. On idemRun the caller owns the returned reservation
// and must pass it to finish exactly once. On idemReplay status and body are a copy the caller
// may keep. It waits while an identical request holding the key is running.
func (s *idempotencyStore) begin(key string, digest [sha256.Size]byte, now time.Time) (idemOutcome, *idemEntry, int, []byte) {
	for {
		s.mu.Lock()
		if e, ok := s.entries[key]; ok {
			ent := e.Value.(*idemEntry)
			switch {
			case ent.ok && now.After(ent.expires):
				s.removeLocked(e)
			case ent.digest != digest:
				s.mu.Unlock()
				return idemConflict, nil, 0, nil
			case ent.ok:
				s.lru.MoveToFront(e)
				status, body := ent.status, append([]byte(nil), ent.body...)
				s.mu.Unlock()
				return idemReplay, nil, status, body
			default:
				done := ent.done
				s.mu.Unlock()
				<-done
				continue
			}
		}
		ent := &idemEntry{key: key, digest: digest, done: make(chan struct{})}
		ent.elem = s.lru.PushFront(ent)
		s.entries[key] = ent.elem
		s.evictLocked()
		s.mu.Unlock()
		return idemRun, ent, 0, nil
	}
}

// finish records the outcome of a reserved request. A 2xx response is
// stored for replay; anything else drops the reservation.
func (s *idempotencyStore) finish(ent *idemEntry, status int, body []byte, now time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !ent.closed {
		ent.closed = true
		close(ent.done)
	}
	e, ok := s.entries[ent.key]
	if !ok || e != ent.elem {
		return // evicted while running
	}
	if status < 200 || status > 299 || len(body) > s.maxBytes {
		s.removeLocked(e)
		return
	}
	ent.ok, ent.status, ent.body = true, status, append([]byte(nil), body...)
	ent.expires = now.Add(s.ttl)
	s.bytes += len(ent.body)
	s.evictLocked()
}

func (s *idempotencyStore) removeLocked(e *list.Element) {
	ent := e.Value.(*idemEntry)
	if !ent.closed {
		// A reservation can be evicted under pressure; release its waiters.
		ent.closed = true
		close(ent.done)
	}
	s.bytes -= len(ent.body)
	delete(s.entries, ent.key)
	s.lru.Remove(e)
}

func (s *idempotencyStore) evictLocked() {
	for s.lru.Len() > s.maxEntries || s.bytes > s.maxBytes {
		s.removeLocked(s.lru.Back())
	}
}

// len returns the number of entries, for tests.
func (s *idempotencyStore) len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.lru.Len()
}
