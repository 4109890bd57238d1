package transport

import (
	"crypto/rand"
	"encoding/hex"
	"strconv"
	"sync/atomic"
)

// maxRequestIDLen bounds a caller's X-Request-ID. A longer value, or one
// with a byte outside the safe set, is replaced by a generated id rather
// than reflected.
const maxRequestIDLen = 128

// validRequestID reports whether a caller-sent id may be reflected: 1 to
// maxRequestIDLen bytes of ASCII letters, digits and "-_.:/+=@" (UUIDs,
// ULIDs, W3C trace ids, base64 ids), so it can go into headers, JSON, logs
// and receipts as it is, and can carry no markup, quotes, spaces or
// separators a log parser would split on.
func validRequestID(b []byte) bool {
	if len(b) == 0 || len(b) > maxRequestIDLen {
		return false
	}
	for _, c := range b {
		if !requestIDByte[c] {
			return false
		}
	}
	return true
}

// requestIDByte[c] is true for the bytes a caller's request id may hold.
var requestIDByte = func() (t [256]bool) {
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = true, true
	}
	for _, c := range "-_.:/+=@" {
		t[c] = true
	}
	return t
}()

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
