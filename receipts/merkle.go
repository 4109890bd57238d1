package receipts

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
)

// The Merkle tree over a receipt's finding hashes (findings_root) is RFC
// 6962's: leaf SHA-256(0x00 || hash), node SHA-256(0x01 || left || right),
// the empty tree SHA-256(""). FindingProof and VerifyFindingProof prove one
// finding against a root.

// merkleStack computes the RFC 6962 Merkle tree hash of a sequence of
// leaves incrementally: it keeps the roots of the perfect subtrees of the
// leaves so far (at most 64), so memory does not grow with the leaves.
type merkleStack struct {
	nodes [64][32]byte
	sizes [64]uint64
	n     int
}

// push adds a leaf: its leaf hash SHA-256(0x00 || data), then merges equal
// subtrees from the right.
func (m *merkleStack) push(data *[32]byte) {
	m.nodes[m.n] = leafHash(data[:])
	m.sizes[m.n] = 1
	m.n++
	for m.n >= 2 && m.sizes[m.n-1] == m.sizes[m.n-2] {
		m.nodes[m.n-2] = nodeHash(&m.nodes[m.n-2], &m.nodes[m.n-1])
		m.sizes[m.n-2] *= 2
		m.n--
	}
}

// root folds the subtrees from the right, which gives the RFC 6962 tree
// hash (the split at the largest power of two below the size is exactly
// the binary decomposition kept on the stack). The empty tree's hash is
// SHA-256 of nothing.
func (m *merkleStack) root() [32]byte {
	if m.n == 0 {
		return sha256.Sum256(nil)
	}
	r := m.nodes[m.n-1]
	for i := m.n - 2; i >= 0; i-- {
		r = nodeHash(&m.nodes[i], &r)
	}
	return r
}

func leafHash(data []byte) [32]byte {
	var b [1 + 32]byte
	copy(b[1:], data)
	return sha256.Sum256(b[:1+len(data)])
}

func nodeHash(l, r *[32]byte) [32]byte {
	var b [1 + 64]byte
	b[0] = 1
	copy(b[1:33], l[:])
	copy(b[33:], r[:])
	return sha256.Sum256(b[:])
}

// FindingProof returns the RFC 6962 audit path of finding index among
// hashes (every finding hash of a receipt, in order): the sibling hashes
// from the leaf up. With it, VerifyFindingProof checks one finding against
// findings_root without the others.
func FindingProof(hashes [][32]byte, index int) ([][32]byte, error) {
	if index < 0 || index >= len(hashes) {
		return nil, fmt.Errorf("receipts: finding proof: index %d out of range [0, %d)", index, len(hashes))
	}
	return auditPath(hashes, index), nil
}

func auditPath(d [][32]byte, m int) [][32]byte {
	if len(d) <= 1 {
		return nil
	}
	k := splitPoint(len(d))
	if m < k {
		return append(auditPath(d[:k], m), subtreeRoot(d[k:]))
	}
	return append(auditPath(d[k:], m-k), subtreeRoot(d[:k]))
}

func subtreeRoot(d [][32]byte) [32]byte {
	var m merkleStack
	for i := range d {
		m.push(&d[i])
	}
	return m.root()
}

// splitPoint is the largest power of two below n (n > 1).
func splitPoint(n int) int {
	k := 1
	for k<<1 < n {
		k <<= 1
	}
	return k
}

// VerifyFindingProof reports whether proof shows that hash is finding
// index of size findings under root (the hex findings_root of a receipt).
// It follows RFC 9162 section 2.1.3.2.
func VerifyFindingProof(root string, hash [32]byte, index, size int, proof [][32]byte) bool {
	want, err := hex.DecodeString(root)
	if err != nil || len(want) != 32 || index < 0 || index >= size {
		return false
	}
	fn, sn := uint64(index), uint64(size-1) // #nosec G115 -- both checked non-negative above
	r := leafHash(hash[:])
	for _, p := range proof {
		if sn == 0 {
			return false
		}
		if fn&1 == 1 || fn == sn {
			r = nodeHash(&p, &r)
			for fn&1 == 0 && fn != 0 {
				fn >>= 1
				sn >>= 1
			}
		} else {
			r = nodeHash(&r, &p)
		}
		fn >>= 1
		sn >>= 1
	}
	return sn == 0 && bytes.Equal(r[:], want)
}
