package kafka

import (
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"sync"
)

// headStore holds the committed head of every receipt chain this worker
// owns. A head enters it when restored from the receipts topic or when a
// batch that advanced it commits; it leaves when the group revokes the
// partition, so a partition that comes back is always restored again.
type headStore struct {
	mu      sync.Mutex
	heads   map[ChainID]ChainHead
	gen     uint64
	revoked map[ChainID]uint64 // the generation of each chain's last revocation
}

func newHeadStore() *headStore {
	return &headStore{heads: map[ChainID]ChainHead{}, revoked: map[ChainID]uint64{}}
}

// generation returns a value to pass to put and commit: they then skip any
// chain revoked after this call.
func (s *headStore) generation() uint64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.gen
}

// get returns the committed head of c.
func (s *headStore) get(c ChainID) (ChainHead, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	h, ok := s.heads[c]
	return h, ok
}

// put stores h as the head of c unless c was revoked since generation gen.
func (s *headStore) put(c ChainID, h ChainHead, gen uint64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.revoked[c] <= gen {
		s.heads[c] = h
	}
}

// revoke forgets the heads of partitions the group took away.
func (s *headStore) revoke(parts map[string][]int32) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.gen++
	for t, ps := range parts {
		for _, p := range ps {
			c := ChainID{t, p}
			delete(s.heads, c)
			s.revoked[c] = s.gen
		}
	}
}

// forget drops the heads of chains whose state is no longer known (an
// at-least-once batch that failed half-way).
func (s *headStore) forget(chains []ChainID) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, c := range chains {
		delete(s.heads, c)
	}
}

// headHint is what a committed offset's metadata says about its chain:
// where the chain's last receipt is and what it holds.
type headHint struct {
	part   int32
	offset int64
	head   ChainHead
}

// hintPrefix starts the offset metadata this pipeline commits.
const hintPrefix = "dfrc1"

// String encodes the hint as offset commit metadata:
// "dfrc1 <receipts partition> <receipts offset> <seq> <mac hex>".
func (h headHint) String() string {
	return fmt.Sprintf("%s %d %d %d %s", hintPrefix, h.part, h.offset, h.head.Seq, hex.EncodeToString(h.head.MAC[:]))
}

// parseHint decodes offset commit metadata; ok is false for metadata this
// pipeline did not write (kgo writes its member id by default).
func parseHint(s string) (headHint, bool) {
	f := strings.Fields(s)
	if len(f) != 5 || f[0] != hintPrefix {
		return headHint{}, false
	}
	part, err1 := strconv.ParseInt(f[1], 10, 32)
	off, err2 := strconv.ParseInt(f[2], 10, 64)
	seq, err3 := strconv.ParseUint(f[3], 10, 64)
	mac, err4 := hex.DecodeString(f[4])
	if err1 != nil || err2 != nil || err3 != nil || err4 != nil || len(mac) != 32 || part < 0 || off < 0 || seq == 0 {
		return headHint{}, false
	}
	h := headHint{part: int32(part), offset: off, head: ChainHead{Seq: seq}}
	copy(h.head.MAC[:], mac)
	return h, true
}
