package engine

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/datafog/datafog-api/engine/automaton"
	"github.com/datafog/datafog-api/engine/detect"
)

// DetectorConfig tunes one built-in detector.
type DetectorConfig struct {
	// Disabled turns the detector off: it produces no candidates at all, so
	// it neither reports nor suppresses anything.
	Disabled bool
	// MinConfidence drops this detector's candidates whose confidence is
	// below it, before overlaps are resolved. 0 means the detector default
	// (which is 0 for every built-in detector: report all it confirms).
	MinConfidence float64
}

// Dictionary is a list of literal terms reported as their own entity type.
type Dictionary struct {
	// EntityType is the type reported for a match. It may be a new
	// lowercase snake_case name or one of BuiltinTypes.
	EntityType EntityType
	// Terms are matched literally. Each is 1..MaxTermLen bytes.
	Terms []string
	// CaseInsensitive folds ASCII letters.
	CaseInsensitive bool
	// WholeWord keeps only matches not glued to ASCII word bytes
	// [A-Za-z0-9_] on either side.
	WholeWord bool
	// Confidence reported for a match; 0 means 0.9.
	Confidence float64
}

// Config selects and tunes detectors. The zero value enables every built-in
// detector with its default threshold and no dictionaries.
type Config struct {
	// Detectors maps a built-in type to its settings; absent types use the
	// defaults.
	Detectors map[EntityType]DetectorConfig
	// Dictionaries add literal-term detectors, in tie-break order.
	Dictionaries []Dictionary
	// Rules add custom credential formats (custom.go), compiled into the
	// dispatch table with the built-in detectors.
	Rules []CustomRule
}

// Limits on configuration.
const (
	// MaxTermLen is the longest dictionary term, in bytes.
	MaxTermLen = 256
	// MaxTerms is the most terms over all dictionaries of one engine.
	MaxTerms = 1_000_000
	// maxKinds bounds the number of distinct reportable types, built-in
	// and dictionary (the Filter bitset size).
	maxKinds = 1024
	// maxDicts bounds the number of dictionaries, so that every candidate
	// source (built-in or dictionary) has a uint16 kind.
	maxDicts = 16384
)

// DefaultMinConfidence is the least confidence reported when the caller
// sets none (the CLI's --min-confidence, a request's "min_confidence", a
// policy's setting): a shape-only match without a context word scores
// below it.
const DefaultMinConfidence = 0.5

// defaultDictConfidence is a dictionary match's confidence when its
// Dictionary.Confidence is 0.
const defaultDictConfidence = 0.9

// Engine detects entities. It is immutable after New or Load and safe for
// concurrent use by any number of goroutines.
type Engine struct {
	detectors map[EntityType]DetectorConfig // as configured
	dicts     []dictMeta

	// kinds: 0..len(BuiltinTypes)-1 are the built-in types; then one
	// per dictionary.
	kinds []kindInfo
	// bits maps every reportable type name to its Filter bit.
	bits  map[EntityType]uint16
	types []EntityType

	// dispatch is the compiled table of every enabled detector's
	// triggers, and words their context and key words.
	dispatch *dispatch
	words    *detect.Words

	dictGroups []dictGroup

	// rules are the custom rules as configured, and custom their
	// detectors (custom.go).
	rules  []CustomRule
	custom []*detect.Detector

	pool statePool
}

// dictMeta is a Dictionary without its terms (they live in the
// automata).
type dictMeta struct {
	typ    EntityType
	ci, ww bool
	conf   float64
	terms  int
}

// kindInfo describes one candidate source: a built-in type or a
// dictionary.
type kindInfo struct {
	typ     EntityType
	bit     uint16
	rank    int // tie-break order: lower wins
	conf    float64
	generic bool // detect.Type.Generic
}

// dictGroup is the automaton for all dictionaries that share case and
// whole-word options. pats[patStart[p]:patStart[p+1]] are the dictionary
// indexes that hold pattern p.
type dictGroup struct {
	opts     uint8 // bit 0: case-insensitive, bit 1: whole-word
	aut      *automaton.Automaton
	patStart []int32
	pats     []int32
}

// New builds an engine. An invalid config returns one error listing every
// problem.
func New(cfg Config) (*Engine, error) {
	var problems []string
	keys := make([]string, 0, len(cfg.Detectors))
	for t := range cfg.Detectors {
		keys = append(keys, string(t))
	}
	sort.Strings(keys)
	for _, k := range keys {
		dc := cfg.Detectors[EntityType(k)]
		if builtinRank(EntityType(k)) < 0 {
			problems = append(problems, fmt.Sprintf("detectors: unknown entity type %q", k))
		}
		if !(dc.MinConfidence >= 0 && dc.MinConfidence <= 1) {
			problems = append(problems, fmt.Sprintf("detectors: %s: min_confidence %v outside [0, 1]", k, dc.MinConfidence))
		}
	}
	total := 0
	metas := make([]dictMeta, len(cfg.Dictionaries))
	for d, dict := range cfg.Dictionaries {
		where := fmt.Sprintf("dictionaries[%d]", d)
		if !validTypeName(string(dict.EntityType)) {
			problems = append(problems, fmt.Sprintf("%s: entity_type %q is not lowercase snake_case", where, dict.EntityType))
		}
		if len(dict.Terms) == 0 {
			problems = append(problems, where+": no terms")
		}
		if !(dict.Confidence >= 0 && dict.Confidence <= 1) {
			problems = append(problems, fmt.Sprintf("%s: confidence %v outside [0, 1]", where, dict.Confidence))
		}
		for j, term := range dict.Terms {
			if len(term) == 0 || len(term) > MaxTermLen {
				problems = append(problems, fmt.Sprintf("%s: terms[%d]: length %d outside 1..%d", where, j, len(term), MaxTermLen))
			}
		}
		total += len(dict.Terms)
		conf := dict.Confidence
		if conf == 0 {
			conf = defaultDictConfidence
		}
		metas[d] = dictMeta{typ: dict.EntityType, ci: dict.CaseInsensitive, ww: dict.WholeWord, conf: conf, terms: len(dict.Terms)}
	}
	if len(cfg.Dictionaries) > maxDicts {
		problems = append(problems, fmt.Sprintf("dictionaries: %d dictionaries, more than %d", len(cfg.Dictionaries), maxDicts))
	}
	if total > MaxTerms {
		problems = append(problems, fmt.Sprintf("dictionaries: %d terms in all, more than %d", total, MaxTerms))
	}
	ruleProblems := checkRules(cfg.Rules, nil)
	problems = append(problems, ruleProblems...)
	rules := append([]CustomRule(nil), cfg.Rules...)
	if len(ruleProblems) > 0 {
		rules = nil
	}
	e := &Engine{}
	if err := e.setup(cfg.Detectors, metas, rules); err != nil {
		problems = append(problems, err.Error())
	}
	if len(problems) > 0 {
		return nil, &ConfigError{Problems: problems}
	}
	if err := e.compileDictionaries(cfg.Dictionaries); err != nil {
		return nil, err
	}
	return e, nil
}

// setup derives the kinds and type names from a checked configuration
// and compiles the enabled detectors, custom rules included, into the
// dispatch table.
func (e *Engine) setup(detectors map[EntityType]DetectorConfig, dicts []dictMeta, rules []CustomRule) error {
	e.detectors = make(map[EntityType]DetectorConfig, len(detectors))
	e.dicts = dicts
	e.bits = make(map[EntityType]uint16)
	for t, dc := range detectors {
		e.detectors[t] = dc
	}
	for i, t := range BuiltinTypes {
		e.bits[t] = uint16(i)                                                                          // #nosec G115 -- a few hundred built-in types
		e.kinds = append(e.kinds, kindInfo{typ: t, bit: uint16(i), rank: i, generic: genericTypes[t]}) // #nosec G115 -- as above
		if !e.detectors[t].Disabled {
			e.types = append(e.types, t)
		}
	}
	for d, m := range dicts {
		bit, ok := e.bits[m.typ]
		if !ok {
			n := len(e.bits)
			if n >= maxKinds {
				return fmt.Errorf("dictionaries[%d]: more than %d distinct entity types", d, maxKinds)
			}
			bit = uint16(n) // #nosec G115 -- n < maxKinds
			e.bits[m.typ] = bit
		}
		e.types = append(e.types, m.typ)
		e.kinds = append(e.kinds, kindInfo{typ: m.typ, bit: bit, rank: len(BuiltinTypes) + d, conf: m.conf})
	}
	// Custom rules: one kind per distinct type, after the dictionaries'.
	e.rules = rules
	e.custom = customDetectors(rules)
	customKinds := make(map[EntityType]uint16, len(rules))
	for r, rule := range rules {
		if _, ok := customKinds[rule.EntityType]; ok {
			continue
		}
		bit, ok := e.bits[rule.EntityType]
		if !ok {
			if len(e.bits) >= maxKinds {
				return fmt.Errorf("custom_rules[%d]: more than %d distinct entity types", r, maxKinds)
			}
			bit = uint16(len(e.bits)) // #nosec G115 -- below maxKinds
			e.bits[rule.EntityType] = bit
		}
		customKinds[rule.EntityType] = uint16(len(e.kinds)) // #nosec G115 -- built-ins, maxDicts dictionaries and MaxCustomRules rules stay under 2^16
		e.kinds = append(e.kinds, kindInfo{typ: rule.EntityType, bit: bit, rank: len(e.kinds)})
		e.types = append(e.types, rule.EntityType)
	}
	e.types = dedupTypes(e.types)
	var err error
	reg := append(registry[:len(registry):len(registry)], e.custom...)
	e.dispatch, e.words, err = compileDispatch(reg, e.detectors, customKinds)
	return err
}

// ConfigError lists every problem New found in a Config.
type ConfigError struct {
	Problems []string
}

// Error joins the problems.
func (c *ConfigError) Error() string {
	return "engine: invalid config: " + strings.Join(c.Problems, "; ")
}

// validTypeName reports whether s is lowercase snake_case: [a-z][a-z0-9_]*,
// at most 64 bytes.
func validTypeName(s string) bool {
	if len(s) == 0 || len(s) > 64 || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

// dedupTypes removes repeated names, keeping first occurrences.
func dedupTypes(ts []EntityType) []EntityType {
	out := ts[:0]
	seen := make(map[EntityType]bool, len(ts))
	for _, t := range ts {
		if !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	return out
}

// compileDictionaries builds one automaton per (case, whole-word) option
// pair in use. A term present in several dictionaries of a group becomes
// one pattern that maps to each of them.
func (e *Engine) compileDictionaries(dicts []Dictionary) error {
	type groupBuild struct {
		pats  []string
		index map[string]int32
		owner [][]int32
	}
	var groups [4]*groupBuild
	for d, dict := range dicts {
		g := 0
		if dict.CaseInsensitive {
			g |= 1
		}
		if dict.WholeWord {
			g |= 2
		}
		if groups[g] == nil {
			groups[g] = &groupBuild{index: make(map[string]int32)}
		}
		gb := groups[g]
		for _, term := range dict.Terms {
			key := term
			if dict.CaseInsensitive {
				key = asciiLower(term)
			}
			p, ok := gb.index[key]
			if !ok {
				p = int32(len(gb.pats)) // #nosec G115 -- at most MaxTerms patterns (New checks the total before compiling)
				gb.index[key] = p
				gb.pats = append(gb.pats, term)
				gb.owner = append(gb.owner, nil)
			}
			d32 := int32(d) // #nosec G115 -- at most maxDicts dictionaries (New checks before compiling)
			if o := gb.owner[p]; len(o) == 0 || o[len(o)-1] != d32 {
				gb.owner[p] = append(gb.owner[p], d32)
			}
		}
	}
	for g, gb := range groups {
		if gb == nil {
			continue
		}
		aut, err := automaton.Compile(gb.pats, automaton.Options{
			CaseInsensitive: g&1 != 0, WholeWord: g&2 != 0, Kind: automaton.Overlapping,
		})
		if err != nil {
			return fmt.Errorf("engine: compile dictionaries: %w", err)
		}
		dg := dictGroup{opts: uint8(g), aut: aut, patStart: make([]int32, 0, len(gb.pats)+1)}
		for _, o := range gb.owner {
			dg.patStart = append(dg.patStart, int32(len(dg.pats))) // #nosec G115 -- at most MaxTerms patterns with at most maxDicts owners each, under 2^31 in total
			dg.pats = append(dg.pats, o...)
		}
		dg.patStart = append(dg.patStart, int32(len(dg.pats))) // #nosec G115 -- as above
		e.dictGroups = append(e.dictGroups, dg)
	}
	return nil
}

// asciiLower folds ASCII upper-case letters.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// Types returns every type this engine can report: the enabled built-ins in
// BuiltinTypes order, then dictionary types in dictionary order, then the
// custom rules' types in rule order. The caller may modify the returned
// slice.
func (e *Engine) Types() []EntityType {
	return append([]EntityType(nil), e.types...)
}

// Filter selects which entity types a scan reports, and the least
// confidence it reports. The zero value selects every type, at any
// confidence. A Filter belongs to the Engine that made it.
type Filter struct {
	on      bool
	bits    [maxKinds / 64]uint64
	minConf float64
}

// WithMinConfidence returns f with a least confidence: candidates below
// it are dropped before overlaps are resolved, so they neither report nor
// suppress anything.
func (f Filter) WithMinConfidence(c float64) Filter {
	f.minConf = c
	return f
}

// MinConfidence returns the filter's least confidence.
func (f Filter) MinConfidence() float64 { return f.minConf }

// Filter builds a Filter from type names. A nil or empty list selects every
// type. Unknown names return one error naming each of them.
func (e *Engine) Filter(types []string) (Filter, error) {
	var f Filter
	var unknown []string
	for _, name := range types {
		bit, ok := e.bits[EntityType(name)]
		if !ok {
			unknown = append(unknown, fmt.Sprintf("%q", name))
			continue
		}
		f.on = true
		f.bits[bit/64] |= 1 << (bit % 64)
	}
	if len(unknown) > 0 {
		return Filter{}, errors.New("engine: filter: unknown entity types " + strings.Join(unknown, ", "))
	}
	return f, nil
}

// allows reports whether the filter selects the type with the given bit.
func (f *Filter) allows(bit uint16) bool {
	return !f.on || f.bits[bit/64]&(1<<(bit%64)) != 0
}
