package transport

import (
	"bytes"
	"encoding/binary"
	"io"
	"mime"
	"strconv"
	"strings"

	"github.com/valyala/fastjson"

	"github.com/datafog/datafog-api/engine"
)

// JSON request decoding. The body is read into call.body and parsed with
// fastjson, whose parser copies it once into its own buffer; every string
// the handlers get ([]byte or b2s string) is borrowed from that buffer and
// stays valid until the call is released. Strings that outlive the request
// (receipt fields) are copied with string(...).

// Request-shape bounds, beyond the body size cap.
const (
	maxIdemKeyLen    = 256
	maxEntityTypeLen = 64
	maxIDFieldLen    = 256
)

// isJSONContentType reports whether a Content-Type is application/json,
// with any parameters.
func isJSONContentType(v []byte) bool {
	mt, _, _ := bytes.Cut(v, []byte{';'})
	return bytes.EqualFold(bytes.TrimSpace(mt), []byte(contentTypeJSON))
}

// readJSON checks the media type and coding, reads the decoded body within
// MaxBodyBytes and parses it as a JSON object. A body with a duplicate
// member or a raw control character in a string is refused (see
// jsoncheck.go), so every route reads a request the way any other parser
// would.
func (c *call) readJSON() (*fastjson.Value, *apiError) {
	h := &c.ctx.Request.Header
	if !isJSONContentType(h.ContentType()) {
		return nil, errContentType
	}
	enc, e := contentEncoding(h)
	if e != nil {
		return nil, e
	}
	max := c.s.cfg.MaxBodyBytes
	if cl := h.ContentLength(); cl > 0 && int64(cl) > max+4096 {
		return nil, errTooLarge
	}
	c.body = c.body[:0]
	if stream := c.requestBody(); stream != nil {
		br, err := acquireBodyReader(stream, enc, limits{wire: max + 4096, decoded: max,
			ratio: int64(c.s.cfg.MaxCompressionRatio), declared: declaredLength(h)})
		if err != nil {
			return nil, decodeErr(err)
		}
		c.body, err = br.readAll(c.body)
		br.release()
		if err != nil {
			return nil, decodeErr(err)
		}
	}
	v, err := c.parser.ParseBytes(c.body)
	if err != nil {
		return nil, errBadJSON
	}
	if v.Type() != fastjson.TypeObject {
		return nil, errInvalid("request body must be a JSON object")
	}
	if e := c.check.check(c.body); e != nil {
		return nil, e
	}
	return v, nil
}

// requestBody returns the request body as a reader: fasthttp's body stream
// when the server streams request bodies (always, under Serve), else the
// buffered body (a handler driven directly). nil means no body.
func (c *call) requestBody() io.Reader {
	if rs := c.ctx.RequestBodyStream(); rs != nil {
		return rs
	}
	if b := c.ctx.Request.Body(); len(b) > 0 {
		c.raw.Reset(b)
		return &c.raw
	}
	return nil
}

// field returns obj[key], or nil when it is absent or null.
func field(obj *fastjson.Value, key string) *fastjson.Value {
	v := obj.Get(key)
	if v == nil || v.Type() == fastjson.TypeNull {
		return nil
	}
	return v
}

// strField returns a string member (borrowed), "" when absent.
func strField(obj *fastjson.Value, key string, maxLen int) ([]byte, *apiError) {
	v := field(obj, key)
	if v == nil {
		return nil, nil
	}
	b, err := v.StringBytes()
	if err != nil {
		return nil, errInvalid(key + " must be a string")
	}
	if maxLen > 0 && len(b) > maxLen {
		return nil, errInvalid(key + " is too long")
	}
	return b, nil
}

// boolField returns a boolean member, false when absent.
func boolField(obj *fastjson.Value, key string) (bool, *apiError) {
	v := field(obj, key)
	if v == nil {
		return false, nil
	}
	b, err := v.Bool()
	if err != nil {
		return false, errInvalid(key + " must be a boolean")
	}
	return b, nil
}

// strsField appends the members of a string array to dst (borrowed).
func strsField(dst []string, obj *fastjson.Value, key string) ([]string, *apiError) {
	v := field(obj, key)
	if v == nil {
		return dst, nil
	}
	arr, err := v.Array()
	if err != nil {
		return dst, errInvalid(key + " must be an array of strings")
	}
	for _, it := range arr {
		b, err := it.StringBytes()
		if err != nil {
			return dst, errInvalid(key + " must be an array of strings")
		}
		dst = append(dst, b2s(b))
	}
	return dst, nil
}

// commonFields are the members every JSON route shares.
type commonFields struct {
	requestID, traceID []byte
	idemKey            []byte
}

func (c *call) common(obj *fastjson.Value) (commonFields, *apiError) {
	var f commonFields
	var e *apiError
	if f.requestID, e = strField(obj, "request_id", maxIDFieldLen); e != nil {
		return f, e
	}
	if f.traceID, e = strField(obj, "trace_id", maxIDFieldLen); e != nil {
		return f, e
	}
	if f.idemKey, e = strField(obj, "idempotency_key", maxIdemKeyLen); e != nil {
		return f, e
	}
	if len(f.idemKey) == 0 {
		if k := c.ctx.Request.Header.Peek(headerIdemKey); len(k) > 0 {
			if len(k) > maxIdemKeyLen {
				return f, errInvalid("idempotency key is too long")
			}
			f.idemKey = k
		}
	}
	if len(f.requestID) == 0 {
		f.requestID = c.rid
	}
	return f, nil
}

// parseFindings reads a findings array given by the caller. textLen < 0
// means no text was given. Values are returned alongside (borrowed), "" when
// neither the text nor the finding carries one.
func parseFindings(dst []engine.Finding, values []string, v *fastjson.Value, textLen int) ([]engine.Finding, []string, *apiError) {
	if v == nil {
		return dst, values, nil
	}
	arr, err := v.Array()
	if err != nil {
		return dst, values, errInvalid("findings must be an array")
	}
	for i, it := range arr {
		if it.Type() != fastjson.TypeObject {
			return dst, values, errInvalid("each finding must be an object")
		}
		if bad := firstUnknown(it, findingMembers); bad != nil {
			return dst, values, unknownMember(bad, findingMembers, "findings["+strconv.Itoa(i)+"]")
		}
		t, e := strField(it, "entity_type", maxEntityTypeLen)
		if e != nil {
			return dst, values, e
		}
		if len(t) == 0 {
			return dst, values, errInvalid("finding entity_type is required")
		}
		start, err1 := intMember(it, "start")
		end, err2 := intMember(it, "end")
		if err1 || err2 || start < 0 || end < start || (textLen >= 0 && end > int64(textLen)) {
			return dst, values, errInvalid("finding offsets are out of range")
		}
		conf := 1.0
		if cv := field(it, "confidence"); cv != nil {
			f, err := cv.Float64()
			if err != nil || f < 0 || f > 1 {
				return dst, values, errInvalid("finding confidence must be a number in [0, 1]")
			}
			conf = f
		}
		val, e := strField(it, "value", 0)
		if e != nil {
			return dst, values, e
		}
		dst = append(dst, engine.Finding{Type: engine.EntityType(b2s(t)), Start: start, End: end, Confidence: conf})
		values = append(values, b2s(val))
	}
	return dst, values, nil
}

// intMember reads a non-fractional number member; bad reports a missing or
// non-integer value.
func intMember(obj *fastjson.Value, key string) (n int64, bad bool) {
	v := field(obj, key)
	if v == nil {
		return 0, true
	}
	n, err := v.Int64()
	return n, err != nil
}

// appendCanon appends a length-prefixed field to a canonical encoding, so
// that distinct field sequences never encode alike.
func appendCanon(dst []byte, s string) []byte {
	dst = binary.AppendUvarint(dst, uint64(len(s)))
	return append(dst, s...)
}

// isStreamContentType reports whether a stream route accepts the body's
// media type: none, text/*, application/octet-stream, application/json,
// application/x-ndjson or application/jsonl. Forms and multipart bodies are
// refused, as their framing would be scanned as text.
func isStreamContentType(v []byte) bool {
	if len(bytes.TrimSpace(v)) == 0 {
		return true
	}
	mt, _, err := mime.ParseMediaType(string(v))
	if err != nil {
		return false
	}
	// The body is scanned as raw bytes, so any single-part type will do,
	// including application/x-www-form-urlencoded, which curl sends for
	// --data-binary by default. Multipart and message bodies wrap the text
	// in framing the scanner would report offsets into, so they are refused.
	return !strings.HasPrefix(mt, "multipart/") && !strings.HasPrefix(mt, "message/")
}

// redactContentType is the media type of a redact stream's response: the
// request's own when it is text (text/*, or JSON and NDJSON, which stay
// text once redacted), with its charset; application/octet-stream for
// anything else, a form type included, so a browser or client never
// decodes the redacted bytes as a form. The type is rebuilt from its
// parsed parts, not copied, so nothing but a media type and a charset
// goes back.
func redactContentType(v []byte) string {
	const binary = "application/octet-stream"
	if len(bytes.TrimSpace(v)) == 0 {
		return binary
	}
	mt, params, err := mime.ParseMediaType(string(v))
	if err != nil || !isTextMediaType(mt) {
		return binary
	}
	if cs := params["charset"]; cs != "" {
		if out := mime.FormatMediaType(mt, map[string]string{"charset": cs}); out != "" {
			return out
		}
	}
	return mt
}

// isTextMediaType reports whether a (lower-case) media type is text.
func isTextMediaType(mt string) bool {
	switch mt {
	case "application/json", "application/x-ndjson", "application/ndjson", "application/jsonl", "application/json-seq":
		return true
	}
	return strings.HasPrefix(mt, "text/")
}
