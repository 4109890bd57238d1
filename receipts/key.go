package receipts

import (
	"bytes"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io/fs"
	"os"
	"path/filepath"
	"sync"

	"golang.org/x/crypto/blake2b"

	"github.com/datafog/datafog-api/internal/keyfile"
)

// keySize is the size of a generated receipt key.
const keySize = 32

// Labels for the two keys derived from the receipt key.
const (
	chainLabel = "datafog receipts chain v2"
	hashLabel  = "datafog receipts hash v1"
)

// LoadKey reads a receipt key file: at least 32 bytes written as hex digits,
// optionally surrounded by white space. A file others may read is refused
// (see internal/keyfile: 0600, or 0440 for a root-owned Kubernetes Secret).
func LoadKey(path string) ([]byte, error) {
	b, err := os.ReadFile(path) // #nosec G304 -- operator-chosen key path
	if err != nil {
		return nil, fmt.Errorf("receipts: load key: %w", err)
	}
	if err := keyfile.Check(path); err != nil {
		return nil, fmt.Errorf("receipts: load key: %w", err)
	}
	text := bytes.TrimSpace(b)
	key := make([]byte, hex.DecodedLen(len(text)))
	if _, err := hex.Decode(key, text); err != nil {
		return nil, fmt.Errorf("receipts: load key %s: not hex", path)
	}
	if len(key) < keySize {
		return nil, fmt.Errorf("receipts: load key %s: %d bytes, want at least %d", path, len(key), keySize)
	}
	return key, nil
}

// loadOrCreateKey loads the key at path, or generates one there (mode 0600)
// when no file exists. It reports whether it created the file.
func loadOrCreateKey(path string) ([]byte, bool, error) {
	key, err := LoadKey(path)
	if err == nil {
		return key, false, nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return nil, false, err
	}
	key = make([]byte, keySize)
	if _, err := rand.Read(key); err != nil {
		return nil, false, fmt.Errorf("receipts: generate key: %w", err)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600) // #nosec G304 -- operator-chosen key path; O_EXCL never overwrites an existing file
	if err != nil {
		return nil, false, fmt.Errorf("receipts: create key: %w", err)
	}
	_, err = f.Write(append(hex.AppendEncode(nil, key), '\n'))
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = OSFileSystem{}.SyncDir(filepath.Dir(path))
	}
	if err != nil {
		return nil, false, fmt.Errorf("receipts: create key: %w", err)
	}
	return key, true, nil
}

// deriveKey returns HMAC-SHA256(key, label).
func deriveKey(key []byte, label string) []byte {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(label))
	return m.Sum(nil)
}

// macPool hands out HMAC-SHA256 states under one key, with scratch space so
// that computing a digest allocates nothing.
type macPool struct{ pool sync.Pool }

type macState struct {
	h       hash.Hash
	sum     [sha256.Size]byte
	scratch []byte
}

func newMacPool(key []byte) *macPool {
	k := bytes.Clone(key)
	p := &macPool{}
	p.pool.New = func() any { return &macState{h: hmac.New(sha256.New, k)} }
	return p
}

// appendHex appends the hex HMAC of data to dst.
func (p *macPool) appendHex(dst, data []byte) []byte {
	m := p.pool.Get().(*macState)
	m.h.Reset()
	m.h.Write(data)
	dst = hex.AppendEncode(dst, m.h.Sum(m.sum[:0]))
	p.pool.Put(m)
	return dst
}

// appendHexString is appendHex for a string, without converting it.
func (p *macPool) appendHexString(dst []byte, s string) []byte {
	m := p.pool.Get().(*macState)
	m.scratch = append(m.scratch[:0], s...)
	m.h.Reset()
	m.h.Write(m.scratch)
	dst = hex.AppendEncode(dst, m.h.Sum(m.sum[:0]))
	if cap(m.scratch) > 64<<10 {
		m.scratch = nil
	}
	p.pool.Put(m)
	return dst
}

// payloadDigestSize is the size of a record's payload digest.
const payloadDigestSize = blake2b.Size256

// payloadDigest returns the digest of a record's payload that its chain value
// covers: unkeyed BLAKE2b-256. The chain value itself is keyed, so the payload
// digest needs only collision resistance; BLAKE2b runs several times faster
// than SHA-256 on CPUs without SHA extensions.
func payloadDigest(payload []byte) [payloadDigestSize]byte { return blake2b.Sum256(payload) }

// chainMAC computes the chain value of a record: HMAC-SHA256 under the chain
// key over prev, the record's 8-byte body header and the payload digest. The
// message is 72 bytes, so the HMAC costs a few SHA-256 blocks whatever the
// record's size; the per-byte work is the BLAKE2b payload digest.
type chainMAC struct {
	h   hash.Hash
	buf [chainSize + bodyHdrSize + payloadDigestSize]byte
	sum [chainSize]byte
}

func newChainMAC(chainKey []byte) *chainMAC {
	return &chainMAC{h: hmac.New(sha256.New, chainKey)}
}

func (c *chainMAC) next(out, prev *[chainSize]byte, bodyHdr *[bodyHdrSize]byte, payloadSum *[payloadDigestSize]byte) {
	copy(c.buf[:chainSize], prev[:])
	copy(c.buf[chainSize:], bodyHdr[:])
	copy(c.buf[chainSize+bodyHdrSize:], payloadSum[:])
	c.h.Reset()
	c.h.Write(c.buf[:])
	copy(out[:], c.h.Sum(c.sum[:0]))
}
