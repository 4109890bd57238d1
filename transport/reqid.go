package transport

import (
	"crypto/rand"
	"encoding/hex"
	"strconv"
	"sync/atomic"
)

// maxRequestIDLen bounds a caller's X-Request-ID. Longer or non-printable
// values are replaced by a generated id rather than reflected.
const maxRequestIDLen = 128

// validRequestID reports whether a caller-sent id may be reflected: 1 to
// maxRequestIDLen bytes of visible ASCII other than '"' and '\\', so it can
// go into headers, JSON and logs unescaped.
func validRequestID(b []byte) bool {
	if len(b) == 0 || len(b) > maxRequestIDLen {
		return false
	}
	for _, c := range b {
		if c <= 0x20 || c >= 0x7f || c == '"' || c == '\\' {
			return false
		}
	}
	return true
}

// idGenerator makes request ids: a random per-process prefix and a counter,
// which is unique within the process, unguessable across processes, and
// needs no system call per request.
type idGenerator struct {
	prefix [16]byte // 8 random bytes, hex
	n      atomic.Uint64
}

func newIDGenerator() *idGenerator {
	g := &idGenerator{}
	var r [8]byte
	_, _ = rand.Read(r[:]) // crypto/rand.Read never fails on supported platforms
	hex.Encode(g.prefix[:], r[:])
	return g
}

// appendID appends a fresh id to dst.
func (g *idGenerator) appendID(dst []byte) []byte {
	dst = append(dst, g.prefix[:]...)
	dst = append(dst, '-')
	return strconv.AppendUint(dst, g.n.Add(1), 36)
}
