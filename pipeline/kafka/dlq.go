package kafka

import (
	"strconv"
)

// Dead-letter reason codes, written in a dead-letter record's "error.code"
// and a receipt's "error", and used as the reason label of the
// dead-lettered metric.
const (
	// ReasonTooLarge: the input record (key, value and headers) is over
	// the size limit.
	ReasonTooLarge = "too_large"
	// ReasonOutputTooLarge: the redacted record would be over the size
	// limit (tokenize and hash replacements can be longer than the value).
	ReasonOutputTooLarge = "output_too_large"
	// ReasonInvalidJSON: with --format json, the value is not one JSON
	// text (RFC 8259): a syntax error, trailing data or nesting deeper
	// than MaxJSONDepth.
	ReasonInvalidJSON = "invalid_json"
	// ReasonDecode: with --format json, a string does not decode: a bad
	// escape or bytes that are not UTF-8.
	ReasonDecode = "decode_error"
)

// reasonCodes lists every reason code, for metrics.
var reasonCodes = [...]string{ReasonDecode, ReasonInvalidJSON, ReasonOutputTooLarge, ReasonTooLarge}

// RecordError is why one record cannot be processed. Message never holds
// bytes of the record: only positions and what was expected.
type RecordError struct {
	Code    string
	Message string
}

// Error implements error.
func (e *RecordError) Error() string { return e.Code + ": " + e.Message }

// deadLetter is what a dead-letter record says about one input record.
type deadLetter struct {
	Topic      string
	Partition  int32
	Offset     int64
	Timestamp  int64
	Err        *RecordError
	HeaderKeys int
}

// appendDeadLetter appends the dead-letter record value for d: the
// coordinates, the error and keyed hashes of the key and value, never the
// raw bytes. worker names the pipeline worker.
func (s *sealer) appendDeadLetter(dst []byte, d *deadLetter, key, value []byte, worker string) []byte {
	dst = append(dst, `{"v":1,"topic":`...)
	dst = appendJSONString(dst, d.Topic)
	dst = append(dst, `,"partition":`...)
	dst = strconv.AppendInt(dst, int64(d.Partition), 10)
	dst = append(dst, `,"offset":`...)
	dst = strconv.AppendInt(dst, d.Offset, 10)
	dst = append(dst, `,"timestamp":`...)
	dst = strconv.AppendInt(dst, d.Timestamp, 10)
	dst = append(dst, `,"error":{"code":`...)
	dst = appendJSONString(dst, d.Err.Code)
	dst = append(dst, `,"message":`...)
	dst = appendJSONString(dst, d.Err.Message)
	dst = append(dst, `},"worker":`...)
	dst = appendJSONString(dst, worker)
	if key != nil {
		dst = append(dst, `,"key_hash":"`...)
		dst = s.h.appendValueHash(dst, key)
		dst = append(dst, '"')
	}
	dst = append(dst, `,"value_hash":"`...)
	dst = s.h.appendValueHash(dst, value)
	dst = append(dst, `","value_bytes":`...)
	dst = strconv.AppendInt(dst, int64(len(value)), 10)
	dst = append(dst, `,"headers":`...)
	dst = strconv.AppendInt(dst, int64(d.HeaderKeys), 10)
	return append(dst, '}')
}
