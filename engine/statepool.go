package engine

import (
	"sync"
	"sync/atomic"
)

// statePool lends scanStates to Scan. A sync.Pool alone empties itself at
// garbage collections, and the next Scan would then allocate a new state
// and regrow its slices; so a few states live in fixed slots that the
// collector leaves alone, and the sync.Pool only takes the overflow. A
// state whose candidate slice grew past maxPooledCands goes to the
// sync.Pool instead, so the slots never pin a large buffer.
type statePool struct {
	slots    [poolSlots]atomic.Pointer[scanState]
	overflow sync.Pool
}

// poolSlots is the number of GC-proof slots per engine.
const poolSlots = 8

// maxPooledCands is the largest candidate capacity a slot keeps.
const maxPooledCands = 1 << 12

// get returns a state for one scan; the caller returns it with put.
func (p *statePool) get() *scanState {
	for i := range p.slots {
		s := &p.slots[i]
		if st := s.Load(); st != nil && s.CompareAndSwap(st, nil) {
			return st
		}
	}
	if st, ok := p.overflow.Get().(*scanState); ok {
		return st
	}
	return new(scanState)
}

// put takes back a state after a scan. The state must not be used after.
func (p *statePool) put(st *scanState) {
	if cap(st.s.Cands) <= maxPooledCands {
		for i := range p.slots {
			if p.slots[i].CompareAndSwap(nil, st) {
				return
			}
		}
	}
	p.overflow.Put(st)
}
