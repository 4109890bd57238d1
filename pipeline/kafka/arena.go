package kafka

import "sync"

// slabSize is the size of one arena slab.
const slabSize = 1 << 20

// maxPooledSlabs bounds the idle slabs a pipeline keeps.
const maxPooledSlabs = 64

// arena hands out the buffers of one goroutine's output and receipt
// values for one batch. The producer holds a value until the batch's
// transaction ends (or, at least once, until the batch is flushed), so the
// slabs go back to the pool only then; a batch allocates a few slabs
// instead of two buffers per record. Not safe for concurrent use.
type arena struct {
	pool  *arenaPool
	slabs [][]byte
	cur   []byte // the current slab
	pos   int
}

// room returns an empty buffer with capacity for at least n bytes. Pass
// what was appended to it to keep.
func (a *arena) room(n int) []byte {
	if n > slabSize/4 {
		return make([]byte, 0, n)
	}
	if a.cur == nil || len(a.cur)-a.pos < n {
		a.cur = a.pool.get()
		a.pos = 0
		a.slabs = append(a.slabs, a.cur)
	}
	return a.cur[a.pos:a.pos:len(a.cur)]
}

// keep marks b, built from the last room, as in use. A b that outgrew the
// room was moved to the heap by append and takes nothing from the slab.
func (a *arena) keep(b []byte) {
	if len(b) == 0 || a.cur == nil || a.pos >= len(a.cur) || &b[0] != &a.cur[a.pos] {
		return
	}
	a.pos += len(b)
}

// release returns the slabs to the pool. The values handed out must no
// longer be in use.
func (a *arena) release() {
	for _, s := range a.slabs {
		a.pool.put(s)
	}
	clear(a.slabs)
	a.slabs, a.cur, a.pos = a.slabs[:0], nil, 0
}

// arenaPool keeps idle slabs.
type arenaPool struct {
	mu   sync.Mutex
	free [][]byte
}

func (p *arenaPool) get() []byte {
	p.mu.Lock()
	defer p.mu.Unlock()
	if n := len(p.free); n > 0 {
		s := p.free[n-1]
		p.free[n-1] = nil
		p.free = p.free[:n-1]
		return s
	}
	return make([]byte, slabSize)
}

func (p *arenaPool) put(s []byte) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.free) < maxPooledSlabs {
		p.free = append(p.free, s)
	}
}
