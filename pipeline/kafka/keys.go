package kafka

import (
	"crypto/hkdf"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"hash"
)

// MinKeyBytes is the shortest pipeline key accepted, as for `datafog redact
// --key-file`.
const MinKeyBytes = 16

// Labels of the keys derived from the pipeline key (HKDF-SHA256 info
// strings). HKDF's extract step keys HMAC with a fixed salt and feeds it the
// pipeline key, so no derived key equals an HMAC under the pipeline key of
// any value: a hash-mode replacement can never reveal a derived key.
const (
	chainKeyInfo = "datafog pipeline receipt chain v1"
	hashKeyInfo  = "datafog pipeline value hash v1"
)

// hkdfSalt is the HKDF salt; fixed, so every worker derives the same keys.
var hkdfSalt = []byte("datafog pipeline kafka")

// Keys holds the pipeline key and the keys derived from it. Every worker of
// a pipeline loads the same key file, so tokens, hashes and receipt chains
// agree across workers and restarts.
type Keys struct {
	// Transform keys the tokenize and hash modes. It is the pipeline key
	// itself, so a value gets the same token from the pipeline as from
	// `datafog redact --key-file` with the same file.
	Transform []byte
	chain     []byte // HMAC key of the receipt chain
	hash      []byte // HMAC key of key_hash, value_hash and output_hash
}

// NewKeys derives the receipt keys from the pipeline key, which must hold at
// least MinKeyBytes bytes. It copies key.
func NewKeys(key []byte) (*Keys, error) {
	if len(key) < MinKeyBytes {
		return nil, errors.New("kafka: pipeline key: need at least 16 bytes")
	}
	chain, err := hkdf.Key(sha256.New, key, hkdfSalt, chainKeyInfo, sha256.Size)
	if err != nil {
		return nil, err
	}
	hk, err := hkdf.Key(sha256.New, key, hkdfSalt, hashKeyInfo, sha256.Size)
	if err != nil {
		return nil, err
	}
	return &Keys{Transform: append([]byte(nil), key...), chain: chain, hash: hk}, nil
}

// hasher computes the keyed hashes of one goroutine; it is not safe for
// concurrent use.
type hasher struct {
	chain hash.Hash
	value hash.Hash
	sum   [sha256.Size]byte
}

// newHasher returns a hasher bound to k.
func (k *Keys) newHasher() *hasher {
	return &hasher{chain: hmac.New(sha256.New, k.chain), value: hmac.New(sha256.New, k.hash)}
}

// appendValueHash appends the lowercase hex HMAC-SHA256 of b under the hash
// key.
func (h *hasher) appendValueHash(dst, b []byte) []byte {
	h.value.Reset()
	h.value.Write(b)
	return hex.AppendEncode(dst, h.value.Sum(h.sum[:0]))
}

// chainMAC returns the HMAC-SHA256 of body under the chain key.
func (h *hasher) chainMAC(body []byte) [sha256.Size]byte {
	h.chain.Reset()
	h.chain.Write(body)
	var mac [sha256.Size]byte
	copy(mac[:], h.chain.Sum(h.sum[:0]))
	return mac
}
