package transform

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"hash"
	"strconv"

	"github.com/datafog/datafog-api/engine"
)

// AnonymizeBudget is how many distinct values one anonymize transform (an
// Apply call or a Writer stream) numbers and remembers; see the package
// documentation. Remembering one value costs about 43 bytes of map, so the
// budget bounds a stream's anonymize memory to about 0.7 MB.
const AnonymizeBudget = 16384

// keepAnonEntries is the largest digest map a state keeps (cleared) for
// its next transform; a larger one is dropped, so an idle pooled state or
// a Reset Writer never holds a big map.
const keepAnonEntries = 1024

// pseudonymLetters is the alphabet of pseudonyms: 16 lower-case consonants,
// one per 4 bits. Without digits or vowels a pseudonym holds no number,
// word, month name or hex secret for a re-scan to find.
const pseudonymLetters = "bcdfghjkmnpqrstv"

// pseudonymBytes is how many bytes of the HMAC a pseudonym encodes (80
// bits, 20 letters): among 10 million distinct values in one stream, two
// share a pseudonym with probability below 1e-10.
const pseudonymBytes = 10

// anonDigest identifies one distinct value of one type: the first 16 bytes
// of SHA-256(type || 0x00 || value). The value itself is never kept.
type anonDigest [16]byte

// anonState is the anonymize part of a state: the numbers handed out so
// far and, once the budget is spent, the stream's pseudonym key.
type anonState struct {
	budget  int // distinct values numbered at most
	ids     map[anonDigest]uint32
	next    []typeCount      // per type, the last number handed out
	newKey  func(key []byte) // fills a fresh stream key
	mac     hash.Hash        // HMAC-SHA256 under the stream key; nil until needed
	scratch []byte           // type || 0x00 || value
	sum     [sha256.Size]byte
}

// randomKey fills key from crypto/rand, which never fails (Go 1.24+).
func randomKey(key []byte) {
	_, _ = rand.Read(key)
}

// reset prepares a for the next transform: numbering starts again and the
// next pseudonym uses a new key. A large digest map is dropped rather than
// kept for reuse.
func (a *anonState) reset() {
	if len(a.ids) > keepAnonEntries {
		a.ids = nil
	} else {
		clear(a.ids)
	}
	a.next = a.next[:0]
	a.mac = nil
}

// appendLabel appends the placeholder of value, a finding of type typ:
// "<TYPE_N>" for a value numbered in this transform, else "<TYPE_" plus
// its pseudonym and ">".
func (a *anonState) appendLabel(dst []byte, typ engine.EntityType, value []byte) []byte {
	a.scratch = append(append(append(a.scratch[:0], typ...), 0), value...)
	dst = appendTypeName(append(dst, '<'), typ)
	dst = append(dst, '_')
	if n, ok := a.number(typ); ok {
		dst = strconv.AppendUint(dst, uint64(n), 10)
	} else {
		dst = a.appendPseudonym(dst)
	}
	return append(dst, '>')
}

// number returns the number of the value in a.scratch: the one it was
// given, or the next one of its type while the budget lasts.
func (a *anonState) number(typ engine.EntityType) (uint32, bool) {
	full := sha256.Sum256(a.scratch)
	d := anonDigest(full[:len(anonDigest{})])
	if n, ok := a.ids[d]; ok {
		return n, true
	}
	if len(a.ids) >= a.budget {
		return 0, false
	}
	if a.ids == nil {
		a.ids = make(map[anonDigest]uint32)
	}
	n := uint32(1)
	i := 0
	for i < len(a.next) && a.next[i].typ != typ {
		i++
	}
	if i == len(a.next) {
		a.next = append(a.next, typeCount{typ: typ, n: 1})
	} else {
		a.next[i].n++
		n = uint32(a.next[i].n) // #nosec G115 -- at most budget values are numbered
	}
	a.ids[d] = n
	return n, true
}

// appendPseudonym appends the pseudonym of the value in a.scratch: 20
// letters of HMAC-SHA256(stream key, type || 0x00 || value). The key is
// drawn on first use, so a stream that stays within the budget never
// needs one.
func (a *anonState) appendPseudonym(dst []byte) []byte {
	if a.mac == nil {
		var key [32]byte
		a.newKey(key[:])
		a.mac = hmac.New(sha256.New, key[:])
	}
	a.mac.Reset()
	a.mac.Write(a.scratch)
	sum := a.mac.Sum(a.sum[:0])
	for _, c := range sum[:pseudonymBytes] {
		dst = append(dst, pseudonymLetters[c>>4], pseudonymLetters[c&15])
	}
	return dst
}

// appendTypeName appends typ in upper case, with every byte other than
// [A-Za-z0-9_] replaced by '_'.
func appendTypeName(dst []byte, typ engine.EntityType) []byte {
	for i := 0; i < len(typ); i++ {
		c := typ[i]
		switch {
		case 'a' <= c && c <= 'z':
			c -= 'a' - 'A'
		case 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '_':
		default:
			c = '_'
		}
		dst = append(dst, c)
	}
	return dst
}
