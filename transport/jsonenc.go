package transport

import (
	"strconv"

	"github.com/datafog/datafog-api/internal/jsonstr"
)

// Hand-written JSON appenders. They follow fasthttp's AppendUint style:
// each appends to dst and returns the extended slice, so callers that reuse
// a buffer (buf[:0]) encode a response without allocating.

const hexDigits = "0123456789abcdef"

// appendJSONString appends s as a JSON string literal, byte-for-byte as a
// json.Encoder with SetEscapeHTML(false) writes it (see internal/jsonstr):
// '<', '>' and '&' stay as they are, so anonymize labels read <EMAIL_1>.
func appendJSONString(dst []byte, s string) []byte { return jsonstr.AppendText(dst, s) }

// appendJSONStrings appends a JSON array of strings; nil appends [].
func appendJSONStrings(dst []byte, ss []string) []byte {
	dst = append(dst, '[')
	for i, s := range ss {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = appendJSONString(dst, s)
	}
	return append(dst, ']')
}

// appendConfidence appends a confidence in the shortest form that reads back
// as the same float64 (what encoding/json writes for these values).
func appendConfidence(dst []byte, f float64) []byte {
	return strconv.AppendFloat(dst, f, 'f', -1, 64)
}
