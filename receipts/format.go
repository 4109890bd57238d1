package receipts

import (
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"strconv"
	"strings"
)

// Layout constants; doc.go describes the format they implement.
const (
	formatVersion = 2
	headerSize    = 72 // segment header bytes
	frameHdrSize  = 8  // length + CRC-32C
	bodyHdrSize   = 8  // kind, flags, reserved, batch start
	chainSize     = 32 // HMAC-SHA256 chain value
	minBodySize   = bodyHdrSize + chainSize
	align         = 8

	// maxRecordBytes bounds one record's body; larger lengths are framing
	// errors.
	maxRecordBytes = 4 << 20
	// maxSegmentSize keeps every offset within the 32 bits of a receipt id.
	maxSegmentSize = 1 << 31

	segSuffix    = ".seg"
	tmpSuffix    = ".tmp"
	brokenSuffix = ".broken"
)

// Record kinds.
const (
	kindReceipt    = 1
	kindCheckpoint = 2
)

// flagCommit marks the last record of a batch.
const flagCommit = 1

var (
	headerMagic = [8]byte{'D', 'F', 'R', 'C', 'P', 'T', 'S', 0}
	crcTable    = crc32.MakeTable(crc32.Castagnoli)
)

// segHeader is the decoded segment header.
type segHeader struct {
	seq     uint64
	created int64 // Unix nanoseconds
	prev    [chainSize]byte
}

// appendHeader appends the encoded header to dst.
func appendHeader(dst []byte, h *segHeader) []byte {
	var b [headerSize]byte
	copy(b[0:8], headerMagic[:])
	binary.LittleEndian.PutUint32(b[8:12], formatVersion)
	binary.LittleEndian.PutUint64(b[16:24], h.seq)
	binary.LittleEndian.PutUint64(b[24:32], uint64(h.created)) // #nosec G115 -- two's-complement bit copy of Unix nanoseconds; parseHeader reverses it exactly
	copy(b[32:64], h.prev[:])
	binary.LittleEndian.PutUint32(b[64:68], crc32.Checksum(b[:64], crcTable))
	return append(dst, b[:]...)
}

// parseHeader decodes a segment header.
func parseHeader(b []byte) (segHeader, error) {
	var h segHeader
	if len(b) < headerSize {
		return h, fmt.Errorf("short header (%d bytes)", len(b))
	}
	if [8]byte(b[0:8]) != headerMagic {
		return h, fmt.Errorf("bad magic")
	}
	if got, want := binary.LittleEndian.Uint32(b[64:68]), crc32.Checksum(b[:64], crcTable); got != want {
		return h, fmt.Errorf("header crc mismatch")
	}
	if v := binary.LittleEndian.Uint32(b[8:12]); v != formatVersion {
		return h, fmt.Errorf("unsupported format version %d (this build reads only version %d; version 1 logs, chained with HMAC-SHA256 over SHA-256 payload digests, must be verified and archived with an older build)", v, formatVersion)
	}
	h.seq = binary.LittleEndian.Uint64(b[16:24])
	h.created = int64(binary.LittleEndian.Uint64(b[24:32])) // #nosec G115 -- reverses appendHeader's bit copy of a signed Unix-nanosecond value
	copy(h.prev[:], b[32:64])
	return h, nil
}

// padded rounds n up to the record alignment.
func padded(n int64) int64 { return (n + align - 1) &^ (align - 1) }

// frameSize is the on-disk size of a record with a payload of n bytes.
func frameSize(n int) int64 { return padded(int64(frameHdrSize + minBodySize + n)) }

// makeBodyHdr builds the 8-byte body header of a record.
func makeBodyHdr(kind, flags byte, batchStart uint32) [bodyHdrSize]byte {
	var h [bodyHdrSize]byte
	h[0] = kind
	h[1] = flags
	binary.LittleEndian.PutUint32(h[4:8], batchStart)
	return h
}

// appendFrame appends one framed, padded record to dst.
func appendFrame(dst []byte, bodyHdr *[bodyHdrSize]byte, chain *[chainSize]byte, payload []byte) []byte {
	start := len(dst)
	var lenCRC [frameHdrSize]byte
	// #nosec G115 -- callers bound payload by Log.maxPayload (at most maxRecordBytes-minBodySize), so the body length fits 32 bits
	binary.LittleEndian.PutUint32(lenCRC[0:4], uint32(minBodySize+len(payload)))
	dst = append(dst, lenCRC[:]...)
	dst = append(dst, bodyHdr[:]...)
	dst = append(dst, chain[:]...)
	dst = append(dst, payload...)
	crc := crc32.Checksum(dst[start+frameHdrSize:], crcTable)
	binary.LittleEndian.PutUint32(dst[start+4:start+8], crc)
	for pad := int(frameSize(len(payload))) - (len(dst) - start); pad > 0; pad-- {
		dst = append(dst, 0)
	}
	return dst
}

// rawRecord is one decoded frame. payload aliases the reader's buffer.
type rawRecord struct {
	off        int64 // offset of the frame in its segment
	size       int64 // padded frame size
	kind       byte
	flags      byte
	batchStart uint32
	chain      [chainSize]byte
	bodyHdr    [bodyHdrSize]byte
	payload    []byte
}

// frameLen validates the length word of a frame at off in a segment of size
// limit and returns the body length.
func frameLen(hdr []byte, off, limit int64) (int, error) {
	n := binary.LittleEndian.Uint32(hdr[0:4])
	if n < minBodySize || n > maxRecordBytes {
		return 0, fmt.Errorf("bad record length %d", n)
	}
	if off+padded(int64(frameHdrSize)+int64(n)) > limit {
		return 0, fmt.Errorf("record length %d runs past the end", n)
	}
	return int(n), nil
}

// decodeBody checks the CRC of a frame's body and fills r.
func decodeBody(r *rawRecord, crc uint32, body []byte) error {
	if got := crc32.Checksum(body, crcTable); got != crc {
		return fmt.Errorf("crc mismatch")
	}
	copy(r.bodyHdr[:], body[:bodyHdrSize])
	r.kind = body[0]
	r.flags = body[1]
	r.batchStart = binary.LittleEndian.Uint32(body[4:8])
	copy(r.chain[:], body[bodyHdrSize:minBodySize])
	r.payload = body[minBodySize:]
	if r.kind != kindReceipt && r.kind != kindCheckpoint {
		return fmt.Errorf("unknown record kind %d", r.kind)
	}
	if r.flags&^flagCommit != 0 || body[2] != 0 || body[3] != 0 {
		return fmt.Errorf("reserved bits set")
	}
	return nil
}

// segName is the file name of segment seq.
func segName(seq uint64) string { return fmt.Sprintf("%016x%s", seq, segSuffix) }

// parseSegName returns the sequence number of a segment file name.
func parseSegName(name string) (uint64, bool) {
	hex, ok := strings.CutSuffix(name, segSuffix)
	if !ok || len(hex) != 16 {
		return 0, false
	}
	seq, err := strconv.ParseUint(hex, 16, 64)
	if err != nil || seq == 0 || seq > maxSegSeq || segName(seq) != name {
		return 0, false
	}
	return seq, true
}
