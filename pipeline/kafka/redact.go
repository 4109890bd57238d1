package kafka

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"github.com/datafog/datafog-api/engine"
	"github.com/datafog/datafog-api/engine/policy"
	"github.com/datafog/datafog-api/engine/transform"
	"github.com/datafog/datafog-api/internal/jsonstr"
)

// Format says how a record value is read.
type Format string

// The value formats.
const (
	// FormatText redacts the value as bytes.
	FormatText Format = "text"
	// FormatJSON redacts the strings of a JSON value in place and keeps
	// its structure; see the package documentation.
	FormatJSON Format = "json"
)

// ParseFormat returns the format named s.
func ParseFormat(s string) (Format, error) {
	switch f := Format(strings.ToLower(strings.TrimSpace(s))); f {
	case FormatText, FormatJSON:
		return f, nil
	}
	return "", fmt.Errorf("kafka: unknown format %q (want text or json)", clip(s))
}

// separator stands between piece values in the text handed to one
// Transformer.Apply call. No replacement contains it: mask writes '*' for
// every byte at or above 0x80 and the other modes write ASCII.
const separator = 0xff

// redactor redacts record values under one compiled policy. It is
// immutable and shared by every goroutine of a batch; per-goroutine state
// lives in a scratch.
type redactor struct {
	comp   *policy.Compiled
	filter engine.Filter
	xf     *transform.Transformer
	format Format
	fields *fieldSet
}

// newRedactor builds the redactor for comp. entities selects the types to
// replace (empty: every type the policy reports); findings under the
// policy's min_confidence (0.5 by default) are left alone, as by serve.
func newRedactor(comp *policy.Compiled, entities []string, mode transform.Mode, key []byte, format Format, fields *fieldSet) (*redactor, error) {
	filter, err := comp.Engine.Filter(entities)
	if err != nil {
		return nil, err
	}
	filter = filter.WithMinConfidence(comp.MinConfidence)
	xf, err := transform.New(transform.Options{Default: mode, Key: key})
	if err != nil {
		return nil, err
	}
	return &redactor{comp: comp, filter: filter, xf: xf, format: format, fields: fields}, nil
}

// scratch is one goroutine's working memory for redact; not safe for
// concurrent use.
type scratch struct {
	findings []engine.Finding
	parser   jsonParser
	view     []byte
	pieces   []piece
	concat   []byte
	applyAt  []engine.Finding
	applied  []byte
	reps     [][]byte
	counts   []TypeCount
	decoded  []byte
}

// piece is the part of one finding that lies in one selected JSON token,
// in scan-view offsets.
type piece struct {
	tok        int
	start, end int
	typ        engine.EntityType
}

// redaction is the result of redacting one value.
type redaction struct {
	// out is the output value; it aliases the input when nothing was
	// replaced, otherwise it is dst extended. nil when err is set.
	out []byte
	err *RecordError
	// counts are the findings replaced, by type (sorted); they live in
	// the scratch until its next use.
	counts     []TypeCount
	unredacted int
}

// redact redacts value, appending a rewritten value to dst when a finding
// is replaced.
func (r *redactor) redact(sc *scratch, dst, value []byte) redaction {
	if r.format == FormatJSON {
		return r.redactJSON(sc, dst, value)
	}
	sc.findings = r.comp.Engine.Scan(sc.findings[:0], value, r.filter)
	if len(sc.findings) == 0 {
		return redaction{out: value}
	}
	out, _ := r.xf.Apply(dst, value, sc.findings)
	sc.counts = countTypes(sc.counts[:0], sc.findings)
	return redaction{out: out, counts: sc.counts}
}

// redactJSON validates value as JSON, scans it whole (so keys and nearby
// fields give context) and replaces the parts of findings that lie in
// selected string and number values.
func (r *redactor) redactJSON(sc *scratch, dst, value []byte) redaction {
	if err := sc.parser.parse(value, r.fields); err != nil {
		return redaction{err: err}
	}
	toks := sc.parser.toks
	view := value
	if sc.parser.anyEscape {
		sc.view = buildView(sc.view[:0], value, toks)
		view = sc.view
	}
	sc.findings = r.comp.Engine.Scan(sc.findings[:0], view, r.filter)
	if len(sc.findings) == 0 {
		return redaction{out: value}
	}
	sc.pieces = sc.pieces[:0]
	sc.counts = sc.counts[:0]
	unredacted := 0
	t := 0
	for _, f := range sc.findings {
		start, end := int(f.Start), int(f.End)
		for t < len(toks) && toks[t].view1 <= start {
			t++
		}
		replaced, inKey := false, false
		for k := t; k < len(toks) && toks[k].view0 < end; k++ {
			tk := &toks[k]
			s, e := max(start, tk.view0), min(end, tk.view1)
			if s >= e {
				continue
			}
			switch {
			case tk.kind == tokKey:
				inKey = true
			case tk.selected:
				sc.pieces = append(sc.pieces, piece{tok: k, start: s, end: e, typ: f.Type})
				replaced = true
			}
		}
		if replaced {
			sc.counts = addCount(sc.counts, string(f.Type))
		} else if inKey {
			unredacted++
		}
	}
	if len(sc.pieces) == 0 {
		return redaction{out: value, unredacted: unredacted}
	}
	reps := r.replacements(sc, view)
	out := writeJSON(dst, value, view, toks, sc.pieces, reps, sc)
	sortCounts(sc.counts)
	return redaction{out: out, counts: sc.counts, unredacted: unredacted}
}

// replacements returns the replacement of every piece, in one Apply call
// so that anonymize numbers the values of a record consistently. The
// slices point into sc.applied.
func (r *redactor) replacements(sc *scratch, view []byte) [][]byte {
	sc.concat = sc.concat[:0]
	sc.applyAt = sc.applyAt[:0]
	for i, p := range sc.pieces {
		if i > 0 {
			sc.concat = append(sc.concat, separator)
		}
		s := len(sc.concat)
		sc.concat = append(sc.concat, view[p.start:p.end]...)
		sc.applyAt = append(sc.applyAt, engine.Finding{Type: p.typ, Start: int64(s), End: int64(len(sc.concat))})
	}
	sc.applied, _ = r.xf.Apply(sc.applied[:0], sc.concat, sc.applyAt)
	sc.reps = sc.reps[:0]
	for part := range bytes.SplitSeq(sc.applied, []byte{separator}) {
		sc.reps = append(sc.reps, part)
	}
	if len(sc.reps) == len(sc.pieces) {
		return sc.reps
	}
	// A replacement held the separator after all: replace piece by piece.
	// anonymize then numbers each piece on its own.
	sc.reps = sc.reps[:0]
	sc.applied = sc.applied[:0]
	var bounds []int
	for _, p := range sc.pieces {
		v := view[p.start:p.end]
		s := len(sc.applied)
		sc.applied, _ = r.xf.Apply(sc.applied, v, []engine.Finding{{Type: p.typ, Start: 0, End: int64(len(v))}})
		bounds = append(bounds, s, len(sc.applied))
	}
	for i := 0; i < len(bounds); i += 2 {
		sc.reps = append(sc.reps, sc.applied[bounds[i]:bounds[i+1]])
	}
	return sc.reps
}

// buildView copies value into dst with the content of every string that
// holds escapes decoded, and moves each token's view span accordingly.
func buildView(dst, value []byte, toks []jsonToken) []byte {
	cursor := 0
	for i := range toks {
		tk := &toks[i]
		dst = append(dst, value[cursor:tk.raw0]...)
		tk.view0 = len(dst)
		if tk.escaped {
			dst = jsonstr.Unescape(dst, value[tk.raw0:tk.raw1])
		} else {
			dst = append(dst, value[tk.raw0:tk.raw1]...)
		}
		tk.view1 = len(dst)
		cursor = tk.raw1
	}
	return append(dst, value[cursor:]...)
}

// writeJSON appends value to dst with the pieces replaced. A string
// without escapes keeps its other bytes as they are; a string with escapes
// is written again from its decoded content; a number holding a piece
// becomes a string.
func writeJSON(dst, value, view []byte, toks []jsonToken, pieces []piece, reps [][]byte, sc *scratch) []byte {
	dst = slices.Grow(dst, len(value)+len(value)/8)
	cursor := 0
	for i := 0; i < len(pieces); {
		tk := &toks[pieces[i].tok]
		j := i
		for j < len(pieces) && pieces[j].tok == pieces[i].tok {
			j++
		}
		open := tk.raw0
		if tk.kind == tokString {
			open-- // the opening quote
		}
		dst = append(dst, value[cursor:open]...)
		dst = append(dst, '"')
		if tk.kind == tokString && !tk.escaped {
			at := tk.view0
			for k := i; k < j; k++ {
				p := pieces[k]
				dst = append(dst, value[tk.raw0+(at-tk.view0):tk.raw0+(p.start-tk.view0)]...)
				dst = appendJSONEscaped(dst, reps[k])
				at = p.end
			}
			dst = append(dst, value[tk.raw0+(at-tk.view0):tk.raw1]...)
		} else {
			sc.decoded = sc.decoded[:0]
			at := tk.view0
			for k := i; k < j; k++ {
				p := pieces[k]
				sc.decoded = append(sc.decoded, view[at:p.start]...)
				sc.decoded = append(sc.decoded, reps[k]...)
				at = p.end
			}
			sc.decoded = append(sc.decoded, view[at:tk.view1]...)
			dst = appendJSONEscaped(dst, sc.decoded)
		}
		dst = append(dst, '"')
		cursor = tk.raw1
		if tk.kind == tokString {
			cursor++ // the closing quote
		}
		i = j
	}
	return append(dst, value[cursor:]...)
}

// countTypes appends the findings counted by type, sorted by type.
func countTypes(dst []TypeCount, findings []engine.Finding) []TypeCount {
	for _, f := range findings {
		dst = addCount(dst, string(f.Type))
	}
	sortCounts(dst)
	return dst
}

// addCount adds one finding of type typ.
func addCount(dst []TypeCount, typ string) []TypeCount {
	for i := range dst {
		if dst[i].Type == typ {
			dst[i].Count++
			return dst
		}
	}
	return append(dst, TypeCount{Type: typ, Count: 1})
}

// sortCounts sorts counts by type; the lists are short.
func sortCounts(c []TypeCount) {
	for i := 1; i < len(c); i++ {
		for j := i; j > 0 && c[j].Type < c[j-1].Type; j-- {
			c[j], c[j-1] = c[j-1], c[j]
		}
	}
}
