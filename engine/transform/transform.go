package transform

import (
	"crypto/hmac"
	"crypto/sha256"
	"errors"
	"fmt"
	"sort"
	"sync"

	"github.com/datafog/datafog-api/engine"
)

// Options configures a Transformer.
type Options struct {
	// Default is the mode for entity types not listed in PerEntity. The
	// empty string means Redact.
	Default Mode
	// PerEntity overrides Default for the listed entity types.
	PerEntity map[engine.EntityType]Mode
	// Key is the HMAC-SHA256 key used by the tokenize and hash modes. It is
	// required when either mode is configured and ignored otherwise. New
	// copies it.
	Key []byte
}

// Stats summarises one transform: one Apply call or one Writer stream.
type Stats struct {
	// Transformed counts the findings replaced.
	Transformed int
	// ByType counts the findings replaced per entity type. It is nil when
	// Transformed is 0; otherwise the caller owns it.
	ByType map[engine.EntityType]int
	// Modes lists the distinct modes applied, sorted. The slice is shared
	// and read-only: callers must not modify its elements.
	Modes []Mode
}

// Transformer replaces findings in text according to its Options. It is
// safe for concurrent use by multiple goroutines.
type Transformer struct {
	def       Mode
	perEntity map[engine.EntityType]Mode
	key       []byte

	// anonBudget and anonKey configure anonymize (AnonymizeBudget and
	// crypto/rand outside tests).
	anonBudget int
	anonKey    func(key []byte)

	mu   sync.Mutex
	free []*state // idle per-call states; bounded by maxFreeStates
}

// maxFreeStates bounds the number of idle states a Transformer keeps.
const maxFreeStates = 64

// New validates opts and returns a Transformer. Every problem is reported
// in one error.
func New(opts Options) (*Transformer, error) {
	t := &Transformer{def: opts.Default, perEntity: make(map[engine.EntityType]Mode, len(opts.PerEntity)),
		anonBudget: AnonymizeBudget, anonKey: randomKey}
	if t.def == "" {
		t.def = Redact
	}
	var problems []string
	needKey := false
	if !t.def.Valid() {
		problems = append(problems, fmt.Sprintf("unknown default mode %q", truncate(string(opts.Default), 32)))
	}
	needKey = t.def.needsKey()
	types := make([]string, 0, len(opts.PerEntity))
	for typ := range opts.PerEntity {
		types = append(types, string(typ))
	}
	sort.Strings(types)
	for _, name := range types {
		typ := engine.EntityType(name)
		m := opts.PerEntity[typ]
		switch {
		case typ == "":
			problems = append(problems, "per-entity mode for an empty entity type")
		case !m.Valid():
			problems = append(problems, fmt.Sprintf("entity %q: unknown mode %q", truncate(name, 64), truncate(string(m), 32)))
		default:
			needKey = needKey || m.needsKey()
			t.perEntity[typ] = m
		}
	}
	if needKey && len(opts.Key) == 0 {
		problems = append(problems, "tokenize and hash modes need a key")
	}
	if len(problems) > 0 {
		return nil, errors.New("transform: " + joinProblems(problems))
	}
	if needKey {
		t.key = append([]byte(nil), opts.Key...)
	}
	return t, nil
}

// ModeFor returns the mode applied to findings of type typ.
func (t *Transformer) ModeFor(typ engine.EntityType) Mode {
	if m, ok := t.perEntity[typ]; ok {
		return m
	}
	return t.def
}

// Apply appends to dst the text with every finding replaced and returns the
// extended slice and the stats. Findings must be sorted by Start, as
// engine.Scan returns them; a finding that overlaps an earlier applied one,
// is empty, or lies outside text is skipped and not counted. Anonymize
// labels start afresh for every call: numbers from 1, and pseudonyms (past
// AnonymizeBudget distinct values) under a key of the call's own.
//
// Apply allocates nothing beyond the growth of dst when findings is empty;
// otherwise it allocates the returned Stats.ByType map.
func (t *Transformer) Apply(dst, text []byte, findings []engine.Finding) ([]byte, Stats) {
	if len(findings) == 0 {
		return append(dst, text...), Stats{}
	}
	st := t.acquire()
	defer t.release(st)
	cursor := int64(0)
	size := int64(len(text))
	for _, f := range findings {
		if f.Start < cursor || f.End > size || f.Start >= f.End {
			continue
		}
		dst = append(dst, text[cursor:f.Start]...)
		dst = st.replace(dst, f.Type, text[f.Start:f.End], t.ModeFor(f.Type))
		cursor = f.End
	}
	dst = append(dst, text[cursor:]...)
	return dst, st.stats()
}

// acquire returns a reset state for one Apply call.
func (t *Transformer) acquire() *state {
	t.mu.Lock()
	if n := len(t.free); n > 0 {
		st := t.free[n-1]
		t.free[n-1] = nil
		t.free = t.free[:n-1]
		t.mu.Unlock()
		return st
	}
	t.mu.Unlock()
	return t.newState()
}

// release resets st and keeps it for reuse, unless enough are kept already.
// Reset drops a large anonymize map, so kept states stay small.
func (t *Transformer) release(st *state) {
	st.reset()
	t.mu.Lock()
	if len(t.free) < maxFreeStates {
		t.free = append(t.free, st)
	}
	t.mu.Unlock()
}

// newState returns a state bound to t's key and anonymize settings.
func (t *Transformer) newState() *state {
	st := &state{anon: anonState{budget: t.anonBudget, newKey: t.anonKey}}
	if t.key != nil {
		st.mac = hmac.New(sha256.New, t.key)
	}
	return st
}

// joinProblems joins problem descriptions with "; ".
func joinProblems(problems []string) string {
	out := ""
	for i, p := range problems {
		if i > 0 {
			out += "; "
		}
		out += p
	}
	return out
}
