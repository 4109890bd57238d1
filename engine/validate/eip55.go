package validate

import (
	"hash"
	"sync"

	"golang.org/x/crypto/sha3"
)

// keccakScratch is a reusable Keccak-256 state with its input and output
// buffers. hash.Hash methods take their slices through an interface, which
// forces them to the heap, so the buffers live in the pooled object too.
type keccakScratch struct {
	h   hash.Hash
	in  [40]byte
	out [32]byte
}

var keccakPool = sync.Pool{New: func() any {
	return &keccakScratch{h: sha3.NewLegacyKeccak256()}
}}

// EIP55 reports whether hex40, the 40 hex digits of an Ethereum address
// without "0x", is acceptable under EIP-55. An address whose letters are all
// lowercase or all uppercase carries no checksum and is accepted. A
// mixed-case address must match its EIP-55 checksum: letter i is uppercase
// exactly when nibble i of Keccak-256(lowercase hex address) is 8 or more.
//
// Hashing uses golang.org/x/crypto/sha3.NewLegacyKeccak256 states taken from
// a sync.Pool, so EIP55 is safe for concurrent use and, once the pool is
// warm, does not allocate; a cold pool (for example after a GC cycle)
// allocates one state. The detectors call it only for mixed-case candidates.
func EIP55(hex40 []byte) bool {
	if len(hex40) != 40 {
		return false
	}
	hasLower, hasUpper := false, false
	for _, c := range hex40 {
		switch {
		case c >= '0' && c <= '9':
		case c >= 'a' && c <= 'f':
			hasLower = true
		case c >= 'A' && c <= 'F':
			hasUpper = true
		default:
			return false
		}
	}
	if !hasLower || !hasUpper {
		return true
	}
	k := keccakPool.Get().(*keccakScratch)
	defer keccakPool.Put(k)
	for i, c := range hex40 {
		k.in[i] = lower(c)
	}
	k.h.Reset()
	k.h.Write(k.in[:])
	sum := k.h.Sum(k.out[:0])
	for i, c := range hex40 {
		if c <= '9' {
			continue
		}
		nibble := sum[i/2] >> 4
		if i%2 == 1 {
			nibble = sum[i/2] & 0x0f
		}
		if (nibble >= 8) != (c <= 'F') {
			return false
		}
	}
	return true
}
