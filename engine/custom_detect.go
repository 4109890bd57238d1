package engine

import (
	"encoding/binary"
	"fmt"
	"math"

	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// Custom rules compiled: each checked CustomRule becomes a detector with
// one OnPrefix literal, and the compiled form carries the rules.

// customDet is one compiled custom rule.
type customDet struct {
	set        [256]bool
	min, max   int
	minEntropy float64
	conf       float64
	wordFirst  bool // the prefix starts with a word byte
}

// customDetectors turns checked rules into detectors, one per rule.
func customDetectors(rules []CustomRule) []*detect.Detector {
	out := make([]*detect.Detector, 0, len(rules))
	for _, r := range rules {
		set, _, _ := parseCharset(r.Charset)
		cd := &customDet{set: set, min: r.MinLen, max: r.MaxLen, minEntropy: r.MinEntropy, conf: r.Confidence,
			wordFirst: detect.IsWord(r.Prefix[0])}
		if cd.conf == 0 {
			cd.conf = defaultCustomConfidence
		}
		out = append(out, &detect.Detector{
			Name: "custom:" + r.Name,
			Types: []detect.Type{{
				Name: string(r.EntityType), Family: detect.Secret, Confidence: cd.conf,
				Confirm: confirmLine(r),
			}},
			Source:   "the policy's custom rule " + r.Name,
			Prefixes: &detect.OnPrefix{Literals: []string{r.Prefix}, Find: cd.find},
		})
	}
	return out
}

// confirmLine says in one line how a rule confirms a match.
func confirmLine(r CustomRule) string {
	s := fmt.Sprintf("custom rule %s: %q + ", r.Name, r.Prefix)
	if r.MinLen == r.MaxLen {
		s += fmt.Sprintf("%d", r.MinLen)
	} else {
		s += fmt.Sprintf("%d to %d", r.MinLen, r.MaxLen)
	}
	s += fmt.Sprintf(" characters of %s", r.Charset)
	if r.MinEntropy > 0 {
		s += fmt.Sprintf(", at least %g bits of entropy per character", r.MinEntropy)
	}
	return s
}

// find handles the prefix t[b:p]: the body is the run of charset bytes
// from p on.
func (cd *customDet) find(s *detect.Scan, b, p int) {
	t := s.T
	if cd.wordFirst && !detect.FreeLeft(t, b) {
		return
	}
	e := p
	for lim := min(len(t), p+cd.max+1); e < lim && cd.set[t[e]]; e++ {
	}
	if n := e - p; n < cd.min || n > cd.max || !detect.FreeRight(t, e) {
		return
	}
	if cd.minEntropy > 0 && validate.Entropy(t[p:e]) < cd.minEntropy {
		return
	}
	if placeholderBody(s, t[p:e]) {
		return
	}
	s.Add(0, b, e, cd.conf, true)
}

// placeholderBody reports whether body, without its separators ('-', '_',
// '.'), is a placeholder. detect.SecretPlaceholder looks only past the
// last separator near the start, which would judge "0a1b-2c3d-4e" by its
// "4e"; a custom body is all body.
func placeholderBody(s *detect.Scan, body []byte) bool {
	v := s.Scratch(len(body))[:0]
	for _, c := range body {
		if c != '-' && c != '_' && c != '.' {
			v = append(v, c)
		}
	}
	return detect.SecretPlaceholder(v)
}

// kindOf returns the kind of a built-in type, or else of a custom rule's
// type (custom maps each to its kind).
func kindOf(t EntityType, custom map[EntityType]uint16) uint16 {
	if i := builtinRank(t); i >= 0 {
		return uint16(i) // #nosec G115 -- a few hundred built-in types
	}
	return custom[t]
}

// appendRules appends the compiled form of rules (see marshal.go): a
// count, then per rule its name, type, prefix and charset, the lengths,
// and the entropy floor and confidence as IEEE 754 little endian.
func appendRules(b []byte, rules []CustomRule) []byte {
	b = appendCount(b, len(rules))
	for _, r := range rules {
		b = appendString(b, r.Name)
		b = appendString(b, string(r.EntityType))
		b = appendString(b, r.Prefix)
		b = appendString(b, r.Charset)
		b = appendCount(b, r.MinLen)
		b = appendCount(b, r.MaxLen)
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(r.MinEntropy))
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(r.Confidence))
	}
	return b
}

// rules reads what appendRules wrote; the caller checks the rules.
func (d *decoder) rules() []CustomRule {
	n := d.uvarint("custom rule count", MaxCustomRules)
	var out []CustomRule
	str := func(what string) string { return string(d.bytes(what, d.count(what+" length", 4096))) }
	for i := uint64(0); i < n && d.err == nil; i++ {
		r := CustomRule{Name: str("custom rule name"), EntityType: EntityType(str("custom rule type")),
			Prefix: str("custom rule prefix"), Charset: str("custom rule charset")}
		r.MinLen = d.count("custom rule min length", MaxCustomBody)
		r.MaxLen = d.count("custom rule max length", MaxCustomBody)
		if v := d.bytes("custom rule entropy", 8); v != nil {
			r.MinEntropy = math.Float64frombits(binary.LittleEndian.Uint64(v))
		}
		r.Confidence = d.float("custom rule confidence")
		out = append(out, r)
	}
	return out
}
