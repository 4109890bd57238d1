package transport

import (
	"bytes"
	"strconv"
	"unicode/utf8"

	"github.com/datafog/datafog-api/internal/jsonstr"
)

// Requests are parsed one way only. fastjson, like most fast parsers,
// accepts two things RFC 8259 forbids or leaves open, and a gateway in
// front of this service may read them differently:
//
//   - a duplicate member name: {"text":"clean","text":"ssn 123-45-6789"}.
//     fastjson's Get returns the first value; most parsers and gateways keep
//     the last, so what a gateway inspects and what we decide on differ.
//   - a raw control character (U+0000 to U+001F) inside a string, which
//     RFC 8259 section 7 requires to be escaped.
//
// jsonCheck walks a body fastjson has already accepted and refuses both
// with a 400 invalid_request that names the member at fault. Member names
// are compared after unescaping ("t\u0065xt" duplicates "text"). The walk is
// one pass over the bytes, allocation-free for ordinary bodies (it reuses
// the call's buffers); an object with more than linearKeys members switches
// to a map, so a hostile body with many members stays linear.

// linearKeys is the member count up to which duplicates are found by
// comparing each new name with the earlier ones.
const linearKeys = 16

// jsonCheck holds the reusable state of one walk. The zero value is ready.
type jsonCheck struct {
	body []byte
	// names holds the unescaped member names of the objects being walked,
	// back to back; spans index it.
	names []byte
	spans []nameSpan
	// path is the chain of members and array indexes leading to the value
	// being walked, for error messages.
	path []pathElem
}

type nameSpan struct{ start, end int }

// pathElem is one step of a path: a member name (a span of names) or an
// array index (index >= 0).
type pathElem struct {
	name  nameSpan
	index int
}

// reset drops the state of the last walk, keeping its buffers.
func (j *jsonCheck) reset() {
	j.body = nil
	j.names, j.spans, j.path = j.names[:0], j.spans[:0], j.path[:0]
}

// check walks body, which must be a JSON value fastjson accepted, and
// returns the first duplicate member or raw control character as an
// apiError.
func (j *jsonCheck) check(body []byte) *apiError {
	j.reset()
	j.body = body
	_, e := j.value(skipSpace(body, 0), 0)
	j.body = nil
	return e
}

// maxCheckDepth bounds the recursion; fastjson refuses deeper bodies
// already (its MaxDepth is 300).
const maxCheckDepth = 512

// value walks the value starting at i and returns the offset after it.
func (j *jsonCheck) value(i, depth int) (int, *apiError) {
	b := j.body
	if i >= len(b) || depth > maxCheckDepth {
		return len(b), nil
	}
	switch b[i] {
	case '{':
		return j.object(i+1, depth+1)
	case '[':
		return j.array(i+1, depth+1)
	case '"':
		end, _, bad := scanString(b, i+1)
		if bad {
			return end, j.controlError(false)
		}
		return end, nil
	}
	for i < len(b) && !isDelimiter(b[i]) {
		i++
	}
	return i, nil
}

func (j *jsonCheck) object(i, depth int) (int, *apiError) {
	b := j.body
	first := len(j.spans)
	var seen map[string]struct{}
	defer func() { j.spans = j.spans[:first] }()
	for {
		i = skipSpace(b, i)
		if i >= len(b) {
			return i, nil
		}
		switch b[i] {
		case '}':
			return i + 1, nil
		case ',':
			i++
			continue
		case '"':
		default:
			return len(b), nil // not reached for a body fastjson accepted
		}
		end, escaped, bad := scanString(b, i+1)
		if bad {
			return end, j.controlError(true)
		}
		name := j.addName(b[i+1:end-1], escaped)
		j.path = append(j.path, pathElem{name: name, index: -1})
		if dup := j.isDuplicate(name, first, &seen); dup {
			return end, j.duplicateError()
		}
		j.spans = append(j.spans, name)
		i = skipSpace(b, end)
		if i < len(b) && b[i] == ':' {
			i++
		}
		var e *apiError
		if i, e = j.value(skipSpace(b, i), depth); e != nil {
			return i, e
		}
		j.path = j.path[:len(j.path)-1]
	}
}

func (j *jsonCheck) array(i, depth int) (int, *apiError) {
	b := j.body
	j.path = append(j.path, pathElem{index: 0})
	at := len(j.path) - 1
	for {
		i = skipSpace(b, i)
		if i >= len(b) {
			return i, nil
		}
		switch b[i] {
		case ']':
			j.path = j.path[:at]
			return i + 1, nil
		case ',':
			j.path[at].index++
			i++
			continue
		}
		var e *apiError
		if i, e = j.value(i, depth); e != nil {
			return i, e
		}
	}
}

// addName appends the unescaped member name raw to j.names and returns its
// span. Invalid UTF-8 becomes U+FFFD byte by byte, as encoding/json decodes
// it, so two names that another parser would read as one are duplicates
// here too.
func (j *jsonCheck) addName(raw []byte, escaped bool) nameSpan {
	start := len(j.names)
	if escaped {
		j.names = jsonstr.Unescape(j.names, raw)
	} else {
		j.names = append(j.names, raw...)
	}
	if name := j.names[start:]; !isASCII(name) && !utf8.Valid(name) {
		fixed := toValidUTF8(nil, name)
		j.names = append(j.names[:start], fixed...)
	}
	return nameSpan{start, len(j.names)}
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// toValidUTF8 appends s to dst with each byte of an invalid sequence
// replaced by U+FFFD.
func toValidUTF8(dst, s []byte) []byte {
	for len(s) > 0 {
		r, n := utf8.DecodeRune(s)
		if r == utf8.RuneError && n <= 1 {
			dst = utf8.AppendRune(dst, utf8.RuneError)
			s = s[1:]
			continue
		}
		dst = append(dst, s[:n]...)
		s = s[n:]
	}
	return dst
}

// isDuplicate reports whether name equals a member name of the current
// object (spans[first:]). Past linearKeys names it keeps them in *seen.
func (j *jsonCheck) isDuplicate(name nameSpan, first int, seen *map[string]struct{}) bool {
	n := j.names[name.start:name.end]
	earlier := j.spans[first:]
	if len(earlier) < linearKeys {
		for _, s := range earlier {
			if bytes.Equal(j.names[s.start:s.end], n) {
				return true
			}
		}
		return false
	}
	if *seen == nil {
		*seen = make(map[string]struct{}, 2*len(earlier))
		for _, s := range earlier {
			(*seen)[string(j.names[s.start:s.end])] = struct{}{}
		}
	}
	if _, ok := (*seen)[string(n)]; ok {
		return true
	}
	(*seen)[string(n)] = struct{}{}
	return false
}

func (j *jsonCheck) duplicateError() *apiError {
	return errInvalid("duplicate member in the JSON body: " + j.pathString())
}

func (j *jsonCheck) controlError(inName bool) *apiError {
	where := j.pathString()
	if inName {
		if where == "" {
			where = "a top-level member name"
		} else {
			where = "a member name inside " + where
		}
	}
	return errInvalid("raw control character in a JSON string (escape it as \\u00XX): " + where)
}

// pathString renders the path as members and indexes, for example
// "findings[2].entity_type". A member name is shown only when it is 1 to
// 64 ASCII letters and underscores (every field of the API, and every
// entity type name without digits); any other name is shown as "*",
// since a name is caller text and could carry a value.
func (j *jsonCheck) pathString() string {
	var b []byte
	for _, p := range j.path {
		if p.index >= 0 {
			b = append(b, '[')
			b = strconv.AppendInt(b, int64(p.index), 10)
			b = append(b, ']')
			continue
		}
		if len(b) > 0 {
			b = append(b, '.')
		}
		name := j.names[p.name.start:p.name.end]
		if showableName(name) {
			b = append(b, name...)
		} else {
			b = append(b, "*"...)
		}
	}
	return string(b)
}

func showableName(n []byte) bool {
	if len(n) == 0 || len(n) > 64 {
		return false
	}
	for _, c := range n {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_') {
			return false
		}
	}
	return true
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

func isDelimiter(c byte) bool {
	return c == ',' || c == '}' || c == ']' || c == ' ' || c == '\t' || c == '\n' || c == '\r'
}

// scanString scans a string whose opening quote is at i-1. It returns the
// offset after the closing quote, whether the string holds an escape, and
// whether it holds a raw control character. Eight bytes are tested at a
// time while none of them is a quote, a backslash or a control character.
func scanString(b []byte, i int) (end int, escaped, control bool) {
	for {
		for i+8 <= len(b) && !specialWord(loadWord(b[i:i+8])) {
			i += 8
		}
		if i >= len(b) {
			return len(b), escaped, control
		}
		switch c := b[i]; {
		case c == '"':
			return i + 1, escaped, control
		case c == '\\':
			escaped = true
			if i+1 < len(b) && b[i+1] < 0x20 {
				control = true
			}
			i += 2
		case c < 0x20:
			control = true
			i++
		default:
			i++
		}
	}
}

func loadWord(b []byte) uint64 {
	_ = b[7]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// Word-at-a-time constants: a byte value repeated in all eight bytes.
const (
	ones    = 0x0101010101010101
	highs   = 0x8080808080808080
	quotes  = '"' * ones
	slashes = '\\' * ones
	spaces  = 0x20 * ones
)

// specialWord reports whether one of the eight bytes of w is a quote, a
// backslash or below 0x20. (w - c*ones) & ^w & highs is non-zero exactly
// when some byte of w is below c (the classic "has less than" test), and a
// byte equals c exactly when it is zero in w ^ c*ones.
func specialWord(w uint64) bool {
	lt := func(x, c uint64) uint64 { return (x - c) & ^x & highs }
	return lt(w, spaces)|lt(w^quotes, ones)|lt(w^slashes, ones) != 0
}
