package kafka

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// MaxFields is the most JSON Pointers --fields may list.
const MaxFields = 64

// fieldSet is a parsed --fields list: JSON Pointers (RFC 6901). A value is
// selected when one of the pointers addresses it or one of its ancestors,
// so "/user" selects every string and number under "user". The nil
// *fieldSet selects everything.
type fieldSet struct {
	ptrs []pointer
}

// pointer is one JSON Pointer: its reference tokens, unescaped, and for
// each token the array index it names, or -1.
type pointer struct {
	text   string
	tokens []string
	index  []int
}

// parseFields parses JSON Pointers. An empty list returns nil (every
// value). Every problem is reported in one error.
func parseFields(list []string) (*fieldSet, error) {
	if len(list) == 0 {
		return nil, nil
	}
	if len(list) > MaxFields {
		return nil, fmt.Errorf("kafka: --fields: %d pointers, at most %d", len(list), MaxFields)
	}
	fs := &fieldSet{}
	var problems []string
	for _, text := range list {
		p, err := parsePointer(text)
		if err != nil {
			problems = append(problems, err.Error())
			continue
		}
		fs.ptrs = append(fs.ptrs, p)
	}
	if len(problems) > 0 {
		return nil, errors.New("kafka: --fields: " + strings.Join(problems, "; "))
	}
	return fs, nil
}

// parsePointer parses one JSON Pointer: "" or "/" followed by tokens
// separated by "/", with "~1" for "/" and "~0" for "~".
func parsePointer(text string) (pointer, error) {
	p := pointer{text: text}
	if text == "" {
		return p, nil
	}
	if text[0] != '/' {
		return p, fmt.Errorf("%q: a JSON Pointer starts with '/'", clip(text))
	}
	for _, raw := range strings.Split(text[1:], "/") {
		tok, ok := unescapePointerToken(raw)
		if !ok {
			return p, fmt.Errorf("%q: '~' must be followed by '0' or '1'", clip(text))
		}
		p.tokens = append(p.tokens, tok)
		p.index = append(p.index, arrayIndex(tok))
	}
	return p, nil
}

// unescapePointerToken undoes "~1" and "~0" (in that order, per RFC 6901).
func unescapePointerToken(s string) (string, bool) {
	if !strings.Contains(s, "~") {
		return s, true
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '~' {
			b.WriteByte(s[i])
			continue
		}
		if i+1 >= len(s) || s[i+1] != '0' && s[i+1] != '1' {
			return "", false
		}
		if s[i+1] == '0' {
			b.WriteByte('~')
		} else {
			b.WriteByte('/')
		}
		i++
	}
	return b.String(), true
}

// arrayIndex returns the array index token s names ("0", or digits without
// a leading zero), or -1.
func arrayIndex(s string) int {
	if s == "" || len(s) > 1 && s[0] == '0' {
		return -1
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || strings.ContainsAny(s, "+-") {
		return -1
	}
	return n
}

// root returns the --fields state of the whole document: the pointers that
// may still match below it, and whether the document itself is selected.
func (fs *fieldSet) root() (alive uint64, selected bool) {
	if fs == nil {
		return 0, true
	}
	for i, p := range fs.ptrs {
		if len(p.tokens) == 0 {
			return 0, true
		}
		alive |= 1 << i
	}
	return alive, false
}

// child returns the state of the member at path position pos (0-based) of
// a container whose pointers alive still match: name is the member's
// decoded key in an object, or index its position in an array (name nil).
func (fs *fieldSet) child(alive uint64, pos int, name []byte, index int) (uint64, bool) {
	var next uint64
	selected := false
	for i := range fs.ptrs {
		if alive&(1<<i) == 0 {
			continue
		}
		p := &fs.ptrs[i]
		if pos >= len(p.tokens) {
			continue
		}
		if name != nil && p.tokens[pos] != string(name) || name == nil && p.index[pos] != index {
			continue
		}
		if pos == len(p.tokens)-1 {
			selected = true
		}
		next |= 1 << i
	}
	return next, selected
}

// clip shortens s for an error message.
func clip(s string) string {
	if len(s) > 64 {
		return s[:64] + "..."
	}
	return s
}
