package kafka

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"unicode/utf8"
)

// ReceiptVersion is the receipt record format version written in "v".
const ReceiptVersion = 1

// Outcomes of one input record, as written in a receipt's "outcome".
const (
	// OutcomeRedacted: the output record holds the value with at least
	// one finding replaced.
	OutcomeRedacted = "redacted"
	// OutcomeClean: nothing was found; the output value equals the input.
	OutcomeClean = "clean"
	// OutcomeDeadLetter: the record could not be processed; it went to
	// the dead-letter topic (or stopped the pipeline when there is none)
	// and has no output record.
	OutcomeDeadLetter = "dead_letter"
)

// macSuffixLen is the length of the `,"mac":"<64 hex>"}` that ends every
// receipt; the chain MAC covers the bytes before it.
const macSuffixLen = len(`,"mac":"`) + 2*sha256.Size + len(`"}`)

// ChainHead is the state of one receipt chain: the sequence number and MAC
// of its last receipt. The zero value is the head of a chain that has no
// receipt yet; its first receipt has seq 1 and a prev of 64 zeros.
type ChainHead struct {
	Seq uint64
	MAC [sha256.Size]byte
}

// TypeCount is a number of findings of one entity type.
type TypeCount struct {
	Type  string
	Count int
}

// Receipt is what a receipt record states about one input record. The
// sealer adds the chain fields, the keyed hashes and the plan.
type Receipt struct {
	Topic     string
	Partition int32
	Offset    int64
	// Timestamp is the input record's timestamp in Unix milliseconds.
	Timestamp int64
	Outcome   string
	// Error is the dead-letter reason code (OutcomeDeadLetter only).
	Error string
	// Findings counts the findings replaced, by type, sorted by type.
	Findings []TypeCount
	// Unredacted counts findings left in place: in JSON object keys,
	// which --format json keeps as structure.
	Unredacted int
}

// sealer writes receipts for one goroutine; it is not safe for concurrent
// use. static holds the fields that are the same for every receipt of a
// batch (time, worker, plan, policy), pre-encoded with a leading comma.
type sealer struct {
	h      *hasher
	static []byte
}

// seal appends the receipt record for r, chained after head, and returns
// the extended buffer and the new head. key and value are the input
// record's key and value; output is the output value, nil for a dead
// letter. The bytes appended are the record's value.
func (s *sealer) seal(dst []byte, head ChainHead, r *Receipt, key, value, output []byte) ([]byte, ChainHead) {
	start := len(dst)
	next := head.Seq + 1
	dst = append(dst, `{"v":`...)
	dst = strconv.AppendInt(dst, ReceiptVersion, 10)
	dst = append(dst, `,"seq":`...)
	dst = strconv.AppendUint(dst, next, 10)
	dst = append(dst, `,"prev":"`...)
	dst = hex.AppendEncode(dst, head.MAC[:])
	dst = append(dst, `","topic":`...)
	dst = appendJSONString(dst, r.Topic)
	dst = append(dst, `,"partition":`...)
	dst = strconv.AppendInt(dst, int64(r.Partition), 10)
	dst = append(dst, `,"offset":`...)
	dst = strconv.AppendInt(dst, r.Offset, 10)
	dst = append(dst, `,"timestamp":`...)
	dst = strconv.AppendInt(dst, r.Timestamp, 10)
	dst = append(dst, `,"outcome":`...)
	dst = appendJSONString(dst, r.Outcome)
	if r.Error != "" {
		dst = append(dst, `,"error":`...)
		dst = appendJSONString(dst, r.Error)
	}
	dst = append(dst, `,"findings":{`...)
	for i, tc := range r.Findings {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = appendJSONString(dst, tc.Type)
		dst = append(dst, ':')
		dst = strconv.AppendInt(dst, int64(tc.Count), 10)
	}
	dst = append(dst, `},"unredacted":`...)
	dst = strconv.AppendInt(dst, int64(r.Unredacted), 10)
	dst = append(dst, s.static...)
	if key != nil {
		dst = append(dst, `,"key_hash":"`...)
		dst = s.h.appendValueHash(dst, key)
		dst = append(dst, '"')
	}
	dst = append(dst, `,"value_hash":"`...)
	dst = s.h.appendValueHash(dst, value)
	dst = append(dst, `","value_bytes":`...)
	dst = strconv.AppendInt(dst, int64(len(value)), 10)
	if output != nil {
		dst = append(dst, `,"output_hash":"`...)
		dst = s.h.appendValueHash(dst, output)
		dst = append(dst, `","output_bytes":`...)
		dst = strconv.AppendInt(dst, int64(len(output)), 10)
	}
	mac := s.h.chainMAC(dst[start:])
	dst = append(dst, `,"mac":"`...)
	dst = hex.AppendEncode(dst, mac[:])
	dst = append(dst, `"}`...)
	return dst, ChainHead{Seq: next, MAC: mac}
}

// splitReceipt splits a receipt record into the body the MAC covers and
// the MAC. ok is false when value does not end in a well-formed mac field.
func splitReceipt(value []byte) (body []byte, mac [sha256.Size]byte, ok bool) {
	if len(value) < macSuffixLen+1 || value[0] != '{' {
		return nil, mac, false
	}
	suffix := value[len(value)-macSuffixLen:]
	if !bytes.HasPrefix(suffix, []byte(`,"mac":"`)) || !bytes.HasSuffix(suffix, []byte(`"}`)) {
		return nil, mac, false
	}
	hexMAC := suffix[len(`,"mac":"`) : len(suffix)-2]
	if !isLowerHex(hexMAC) {
		return nil, mac, false
	}
	if _, err := hex.Decode(mac[:], hexMAC); err != nil {
		return nil, mac, false
	}
	return value[:len(value)-macSuffixLen], mac, true
}

// macValid reports whether mac is the chain MAC of body.
func (h *hasher) macValid(body []byte, mac [sha256.Size]byte) bool {
	want := h.chainMAC(body)
	return hmac.Equal(want[:], mac[:])
}

// isLowerHex reports whether b is all lowercase hex digits.
func isLowerHex(b []byte) bool {
	for _, c := range b {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// appendJSONString appends s as a JSON string. Bytes that are not valid
// UTF-8 become U+FFFD, as encoding/json writes them.
func appendJSONString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	dst = appendJSONEscaped(dst, s)
	return append(dst, '"')
}

// appendJSONEscaped appends the JSON string content for s (no quotes):
// '"', '\\' and control bytes escaped, invalid UTF-8 as U+FFFD, everything
// else as is.
func appendJSONEscaped[T string | []byte](dst []byte, s T) []byte {
	const hexDigits = "0123456789abcdef"
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			dst = append(dst, '\\', c)
			i++
		case c < 0x20:
			switch c {
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&15])
			}
			i++
		case c < utf8.RuneSelf:
			dst = append(dst, c)
			i++
		default:
			r, size := decodeRune(s[i:])
			if r == utf8.RuneError && size == 1 {
				dst = append(dst, "\ufffd"...)
			} else {
				dst = append(dst, s[i:i+size]...)
			}
			i += size
		}
	}
	return dst
}

// decodeRune decodes the first rune of s.
func decodeRune[T string | []byte](s T) (rune, int) {
	switch v := any(s).(type) {
	case string:
		return utf8.DecodeRuneInString(v)
	case []byte:
		return utf8.DecodeRune(v)
	}
	return utf8.RuneError, 1
}
