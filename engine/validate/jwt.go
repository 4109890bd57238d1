package validate

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
)

// jwtMaxHeader is the largest decoded JOSE header JWTHeader examines. Real
// headers are a few dozen bytes; ones carrying certificate chains (x5c) can
// reach a few kilobytes. Larger segments are rejected.
const jwtMaxHeader = 4096

// JWTHeader reports whether seg, the first dot-separated segment of a
// compact JWS/JWT, is unpadded base64url that decodes to a JSON object with a
// top-level "alg" member (RFC 7515 §4.1.1).
//
// A cheap pre-check (decoded text starts with '{', ends with '}' after
// trimming JSON whitespace, and contains "alg" or a backslash escape) runs
// before any JSON parsing. Decoding uses a stack buffer and the syntax check
// is encoding/json.Valid, so a typical header costs no allocation; a header
// whose keys use backslash escapes costs a few. Callers should still reach
// it only for candidates that already look like "eyJ…" segments.
func JWTHeader(seg []byte) bool {
	n := len(seg)
	if n < 4 || n%4 == 1 || base64.RawURLEncoding.DecodedLen(n) > jwtMaxHeader {
		return false
	}
	var buf [jwtMaxHeader]byte
	m, err := base64.RawURLEncoding.Decode(buf[:], seg)
	if err != nil {
		return false
	}
	doc := bytes.Trim(buf[:m], " \t\r\n")
	if len(doc) < 2 || doc[0] != '{' || doc[len(doc)-1] != '}' {
		return false
	}
	if !bytes.Contains(doc, []byte(`"alg"`)) && bytes.IndexByte(doc, '\\') < 0 {
		return false
	}
	if !json.Valid(doc) {
		return false
	}
	return hasTopLevelKey(doc, "alg")
}

// hasTopLevelKey reports whether the valid JSON object doc has a member
// named key at its top level. Keys written with escapes are decoded before
// comparing.
func hasTopLevelKey(doc []byte, key string) bool {
	depth := 0
	expectKey := false
	for i := 0; i < len(doc); i++ {
		switch c := doc[i]; c {
		case '{':
			depth++
			expectKey = depth == 1
		case '[':
			depth++
		case '}', ']':
			depth--
		case ',':
			expectKey = depth == 1
		case '"':
			start := i
			escaped := false
			for i++; i < len(doc); i++ {
				if doc[i] == '\\' {
					escaped = true
					i++
					continue
				}
				if doc[i] == '"' {
					break
				}
			}
			if depth == 1 && expectKey {
				raw := doc[start : i+1]
				if !escaped {
					if string(raw[1:len(raw)-1]) == key {
						return true
					}
				} else {
					// Rare: decode the escaped key from a copy, so that
					// the caller's stack buffer does not escape.
					var s string
					if json.Unmarshal(bytes.Clone(raw), &s) == nil && s == key {
						return true
					}
				}
			}
			expectKey = false
		}
	}
	return false
}
