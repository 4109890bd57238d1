package kafka

import "github.com/twmb/franz-go/pkg/kgo"

// procState is one goroutine's reusable state for a batch.
type procState struct {
	sc     scratch
	seal   sealer
	ar     arena
	chunks [][]kgo.Record
	ci, ri int
}

// record returns a zeroed Record that stays valid until release.
func (st *procState) record() *kgo.Record {
	const chunk = 512
	if st.ci == len(st.chunks) || st.ri == chunk {
		if st.ri == chunk {
			st.ci++
		}
		if st.ci == len(st.chunks) {
			st.chunks = append(st.chunks, make([]kgo.Record, chunk))
		}
		st.ri = 0
	}
	r := &st.chunks[st.ci][st.ri]
	*r = kgo.Record{}
	st.ri++
	return r
}

// release makes the state's buffers reusable; the batch's records must be
// acknowledged or aborted.
func (st *procState) release() {
	st.ar.release()
	st.ci, st.ri = 0, 0
}

// acquireState returns an idle procState.
func (p *Pipeline) acquireState() *procState {
	p.statesMu.Lock()
	defer p.statesMu.Unlock()
	if n := len(p.states); n > 0 {
		st := p.states[n-1]
		p.states = p.states[:n-1]
		return st
	}
	st := &procState{}
	st.ar.pool = &p.arenas
	if p.cfg.Keys != nil {
		st.seal.h = p.cfg.Keys.newHasher()
	}
	return st
}

// releaseState keeps st for the next batch.
func (p *Pipeline) releaseState(st *procState) {
	p.statesMu.Lock()
	p.states = append(p.states, st)
	p.statesMu.Unlock()
}
