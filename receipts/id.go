package receipts

import (
	"encoding/hex"
	"fmt"
	"math"
)

// A receipt id is "rc1_" + node + "_" + 8 hex digits of segment number +
// "_" + 8 hex digits of record offset + "_" + 16 hex digits of the record's
// chain value (its first 8 bytes). All hex is lowercase. doc.go has details.
const (
	idPrefix    = "rc1_"
	idSuffixLen = 1 + 8 + 1 + 8 + 1 + 16
	idTagLen    = 8
	maxNodeLen  = 32

	// maxSegSeq is the largest segment number: an id holds it in 8 hex
	// digits. createSegment refuses to go past it.
	maxSegSeq = 0xffffffff
)

// receiptLoc is the decoded location part of a receipt id.
type receiptLoc struct {
	seg uint32
	off uint32
	tag [idTagLen]byte
}

// makeLoc returns the id location (without its tag) of the record at off in
// segment seq, or false when seq or off does not fit the 32 bits an id gives
// each. Segments this package writes always fit: createSegment caps segment
// numbers at maxSegSeq and Open caps segments at maxSegmentSize bytes.
func makeLoc(seq uint64, off int64) (receiptLoc, bool) {
	if seq > maxSegSeq || off < 0 || off > math.MaxUint32 {
		return receiptLoc{}, false
	}
	return receiptLoc{seg: uint32(seq), off: uint32(off)}, true
}

// packCommitted returns Log.committed's form of a durable end: the segment
// number in the high 32 bits and the offset in the low 32. The mask keeps an
// offset from ever spilling into the segment half; offsets never exceed
// maxSegmentSize, so it changes nothing for a valid one.
func packCommitted(seq uint64, off int64) uint64 {
	return seq<<32 | uint64(off&0xffffffff)
}

// validNodeID reports whether s may be used as a node id: 1 to 32 bytes of
// [a-z0-9-].
func validNodeID(s string) bool {
	if len(s) == 0 || len(s) > maxNodeLen {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// sanitizeNodeID maps an arbitrary name (such as a host name) to a valid node
// id, or "local" when nothing usable is left.
func sanitizeNodeID(s string) string {
	b := make([]byte, 0, maxNodeLen)
	for i := 0; i < len(s) && len(b) < maxNodeLen; i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z':
			b = append(b, c+'a'-'A')
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '-':
			b = append(b, c)
		default:
			b = append(b, '-')
		}
	}
	if len(b) == 0 {
		return "local"
	}
	return string(b)
}

// appendID appends the receipt id for a record to dst.
func appendID(dst []byte, node string, loc receiptLoc) []byte {
	dst = append(dst, idPrefix...)
	dst = append(dst, node...)
	dst = append(dst, '_')
	dst = appendHex32(dst, loc.seg)
	dst = append(dst, '_')
	dst = appendHex32(dst, loc.off)
	dst = append(dst, '_')
	return hex.AppendEncode(dst, loc.tag[:])
}

func appendHex32(dst []byte, v uint32) []byte {
	const digits = "0123456789abcdef"
	for shift := 28; shift >= 0; shift -= 4 {
		dst = append(dst, digits[(v>>uint(shift))&0xf])
	}
	return dst
}

// parseID decodes id, checking every field. It returns the node id and the
// location.
func parseID(id string) (string, receiptLoc, error) {
	var loc receiptLoc
	if len(id) < len(idPrefix)+1+idSuffixLen || id[:len(idPrefix)] != idPrefix {
		return "", loc, fmt.Errorf("bad prefix or length")
	}
	node := id[len(idPrefix) : len(id)-idSuffixLen]
	if !validNodeID(node) {
		return "", loc, fmt.Errorf("bad node id")
	}
	rest := id[len(id)-idSuffixLen:]
	if rest[0] != '_' || rest[9] != '_' || rest[18] != '_' {
		return "", loc, fmt.Errorf("bad separators")
	}
	seg, ok := parseHex32(rest[1:9])
	if !ok {
		return "", loc, fmt.Errorf("bad segment number")
	}
	off, ok := parseHex32(rest[10:18])
	if !ok {
		return "", loc, fmt.Errorf("bad offset")
	}
	for i := 0; i < idTagLen; i++ {
		hi, ok1 := unhex(rest[19+2*i])
		lo, ok2 := unhex(rest[20+2*i])
		if !ok1 || !ok2 {
			return "", loc, fmt.Errorf("bad tag")
		}
		loc.tag[i] = hi<<4 | lo
	}
	if seg == 0 || off < headerSize || off%align != 0 {
		return "", loc, fmt.Errorf("location out of range")
	}
	loc.seg, loc.off = seg, off
	return node, loc, nil
}

func parseHex32(s string) (uint32, bool) {
	var v uint32
	for i := 0; i < len(s); i++ {
		d, ok := unhex(s[i])
		if !ok {
			return 0, false
		}
		v = v<<4 | uint32(d)
	}
	return v, true
}

// unhex decodes one lowercase hex digit.
func unhex(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	}
	return 0, false
}
