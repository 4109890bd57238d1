package kafka

import (
	"strconv"
	"unicode/utf8"

	"github.com/datafog/datafog-api/internal/jsonstr"
)

// MaxJSONDepth is the deepest nesting of arrays and objects --format json
// accepts; a deeper record is dead-lettered as invalid_json.
const MaxJSONDepth = 512

// tokenKind says what a jsonToken is.
type tokenKind uint8

const (
	tokKey    tokenKind = iota + 1 // an object key (a string)
	tokString                      // a string value
	tokNumber                      // a number value
)

// jsonToken is one string or number of a JSON text. raw0:raw1 is its
// content in the record (a string's bytes between the quotes, a number's
// text); view0:view1 the same content in the scan view, where strings with
// escapes are decoded. The parser sets the view span to the raw span; the
// redactor moves it when it builds a decoded view.
type jsonToken struct {
	kind       tokenKind
	selected   bool // a value under one of --fields (always, without --fields)
	escaped    bool // a string holding at least one backslash escape
	raw0, raw1 int
	view0      int
	view1      int
}

// jsonParser validates one JSON text (RFC 8259) and records its strings and
// numbers. It is reused across records; it is not safe for concurrent use.
type jsonParser struct {
	b         []byte
	i         int
	fields    *fieldSet // nil selects every value
	toks      []jsonToken
	anyEscape bool
	scratch   []byte // a decoded key, for matching --fields
	err       *RecordError
}

// parse validates b and fills p.toks, marking the values fields selects.
// It returns nil or the reason b is not one JSON text.
func (p *jsonParser) parse(b []byte, fields *fieldSet) *RecordError {
	p.b, p.i, p.toks, p.anyEscape, p.err, p.fields = b, 0, p.toks[:0], false, nil, fields
	alive, selected := p.fields.root()
	p.skipSpace()
	if p.value(alive, selected, 0) {
		p.skipSpace()
		if p.i != len(p.b) {
			p.fail(ReasonInvalidJSON, "data after the JSON value")
		}
	}
	p.b = nil
	return p.err
}

// fail records the first error, naming the byte offset (never a byte of
// the record).
func (p *jsonParser) fail(code, what string) bool {
	if p.err == nil {
		p.err = &RecordError{Code: code, Message: "byte " + strconv.Itoa(p.i) + ": " + what}
	}
	return false
}

func (p *jsonParser) skipSpace() {
	for p.i < len(p.b) {
		switch p.b[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

// value parses one value at depth; alive and selected are the --fields
// state of its path.
func (p *jsonParser) value(alive uint64, selected bool, depth int) bool {
	if p.i >= len(p.b) {
		return p.fail(ReasonInvalidJSON, "unexpected end of input, expected a value")
	}
	switch c := p.b[p.i]; {
	case c == '{':
		return p.object(alive, selected, depth+1)
	case c == '[':
		return p.array(alive, selected, depth+1)
	case c == '"':
		return p.str(tokString, selected)
	case c == '-' || '0' <= c && c <= '9':
		return p.number(selected)
	case c == 't':
		return p.literal("true")
	case c == 'f':
		return p.literal("false")
	case c == 'n':
		return p.literal("null")
	}
	return p.fail(ReasonInvalidJSON, "expected a value")
}

func (p *jsonParser) literal(word string) bool {
	if len(p.b)-p.i < len(word) || string(p.b[p.i:p.i+len(word)]) != word {
		return p.fail(ReasonInvalidJSON, "invalid literal, expected "+word)
	}
	p.i += len(word)
	return true
}

func (p *jsonParser) object(alive uint64, selected bool, depth int) bool {
	if depth > MaxJSONDepth {
		return p.fail(ReasonInvalidJSON, "nesting deeper than "+strconv.Itoa(MaxJSONDepth))
	}
	p.i++ // '{'
	p.skipSpace()
	if p.i < len(p.b) && p.b[p.i] == '}' {
		p.i++
		return true
	}
	for {
		if p.i >= len(p.b) || p.b[p.i] != '"' {
			return p.fail(ReasonInvalidJSON, "expected a string key")
		}
		if !p.str(tokKey, false) {
			return false
		}
		ca, childSelected := alive, selected
		if p.fields != nil && !selected {
			key := p.toks[len(p.toks)-1]
			name := p.b[key.raw0:key.raw1]
			if key.escaped {
				p.scratch = jsonstr.Unescape(p.scratch[:0], name)
				name = p.scratch
			}
			ca, childSelected = p.fields.child(alive, depth-1, name, -1)
		}
		p.skipSpace()
		if p.i >= len(p.b) || p.b[p.i] != ':' {
			return p.fail(ReasonInvalidJSON, "expected ':' after an object key")
		}
		p.i++
		p.skipSpace()
		if !p.value(ca, childSelected, depth) {
			return false
		}
		p.skipSpace()
		if p.i >= len(p.b) {
			return p.fail(ReasonInvalidJSON, "unexpected end of input in an object")
		}
		switch p.b[p.i] {
		case ',':
			p.i++
			p.skipSpace()
		case '}':
			p.i++
			return true
		default:
			return p.fail(ReasonInvalidJSON, "expected ',' or '}' in an object")
		}
	}
}

func (p *jsonParser) array(alive uint64, selected bool, depth int) bool {
	if depth > MaxJSONDepth {
		return p.fail(ReasonInvalidJSON, "nesting deeper than "+strconv.Itoa(MaxJSONDepth))
	}
	p.i++ // '['
	p.skipSpace()
	if p.i < len(p.b) && p.b[p.i] == ']' {
		p.i++
		return true
	}
	for index := 0; ; index++ {
		ca, childSelected := alive, selected
		if p.fields != nil && !selected {
			ca, childSelected = p.fields.child(alive, depth-1, nil, index)
		}
		if !p.value(ca, childSelected, depth) {
			return false
		}
		p.skipSpace()
		if p.i >= len(p.b) {
			return p.fail(ReasonInvalidJSON, "unexpected end of input in an array")
		}
		switch p.b[p.i] {
		case ',':
			p.i++
			p.skipSpace()
		case ']':
			p.i++
			return true
		default:
			return p.fail(ReasonInvalidJSON, "expected ',' or ']' in an array")
		}
	}
}

// str parses a string starting at its opening quote and records it.
func (p *jsonParser) str(kind tokenKind, selected bool) bool {
	b := p.b
	start := p.i + 1
	i := start
	escaped := false
	for {
		// Plain ASCII runs are the common case.
		for i < len(b) && b[i] >= 0x20 && b[i] != '"' && b[i] != '\\' && b[i] < utf8.RuneSelf {
			i++
		}
		if i >= len(b) {
			p.i = i
			return p.fail(ReasonInvalidJSON, "unterminated string")
		}
		switch c := b[i]; {
		case c == '"':
			p.toks = append(p.toks, jsonToken{kind: kind, selected: selected, escaped: escaped, raw0: start, raw1: i, view0: start, view1: i})
			p.anyEscape = p.anyEscape || escaped
			p.i = i + 1
			return true
		case c == '\\':
			escaped = true
			n := escapeLen(b[i:])
			if n == 0 {
				p.i = i
				return p.fail(ReasonDecode, "invalid escape in a string")
			}
			i += n
		case c < 0x20:
			p.i = i
			return p.fail(ReasonInvalidJSON, "control character in a string")
		default:
			r, size := utf8.DecodeRune(b[i:])
			if r == utf8.RuneError && size <= 1 {
				p.i = i
				return p.fail(ReasonDecode, "bytes that are not UTF-8 in a string")
			}
			i += size
		}
	}
}

// escapeLen returns the length of the valid escape at the start of b (which
// starts with a backslash), or 0.
func escapeLen(b []byte) int {
	if len(b) < 2 {
		return 0
	}
	switch b[1] {
	case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
		return 2
	case 'u':
		if len(b) < 6 {
			return 0
		}
		for _, c := range b[2:6] {
			if hexVal(c) < 0 {
				return 0
			}
		}
		return 6
	}
	return 0
}

// number parses a number and records it.
func (p *jsonParser) number(selected bool) bool {
	b := p.b
	start := p.i
	i := start
	if b[i] == '-' {
		i++
	}
	switch {
	case i < len(b) && b[i] == '0':
		i++
	case i < len(b) && '1' <= b[i] && b[i] <= '9':
		for i < len(b) && '0' <= b[i] && b[i] <= '9' {
			i++
		}
	default:
		p.i = i
		return p.fail(ReasonInvalidJSON, "invalid number")
	}
	if i < len(b) && b[i] == '.' {
		i++
		if i >= len(b) || b[i] < '0' || b[i] > '9' {
			p.i = i
			return p.fail(ReasonInvalidJSON, "invalid number: no digit after '.'")
		}
		for i < len(b) && '0' <= b[i] && b[i] <= '9' {
			i++
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if i >= len(b) || b[i] < '0' || b[i] > '9' {
			p.i = i
			return p.fail(ReasonInvalidJSON, "invalid number: no digit in the exponent")
		}
		for i < len(b) && '0' <= b[i] && b[i] <= '9' {
			i++
		}
	}
	p.toks = append(p.toks, jsonToken{kind: tokNumber, selected: selected, raw0: start, raw1: i, view0: start, view1: i})
	p.i = i
	return true
}

// hexVal returns the value of a hex digit, or -1.
func hexVal(c byte) int {
	switch {
	case '0' <= c && c <= '9':
		return int(c - '0')
	case 'a' <= c && c <= 'f':
		return int(c-'a') + 10
	case 'A' <= c && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}
