package policy

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/datafog/datafog-api/engine"
	"github.com/datafog/datafog-api/engine/transform"
)

// validate appends every problem of p to problems. stripped admits
// dictionaries without terms (the compiled form keeps terms in the engine).
func (p *Policy) validate(problems *[]string, stripped bool) {
	add := func(format string, args ...any) {
		*problems = append(*problems, fmt.Sprintf(format, args...))
	}
	if strings.TrimSpace(p.PolicyID) == "" {
		add("policy_id: required")
	}
	if strings.TrimSpace(p.PolicyVersion) == "" {
		add("policy_version: required")
	}
	if m := p.MinConfidence; m != nil && !(*m >= 0 && *m <= 1) {
		add("min_confidence: %g outside [0, 1]", *m)
	}
	if p.UpdatedAt != "" {
		if _, err := time.Parse(time.RFC3339, p.UpdatedAt); err != nil {
			add("updated_at: %q is not an RFC 3339 timestamp", clip(p.UpdatedAt))
		}
	}
	known := p.validateDictionaries(add, stripped)
	p.validateCustomRules(add, known)
	p.validateDetectors(add)
	if len(p.Rules) == 0 {
		add("rules: the policy needs at least one rule")
	}
	seen := make(map[string]int, len(p.Rules))
	for i := range p.Rules {
		validateRule(add, i, &p.Rules[i], seen, known)
	}
}

// validateRule checks one rule; seen maps rule ids to their index.
func validateRule(add func(string, ...any), i int, r *Rule, seen map[string]int, known map[string]bool) {
	where := ruleLabel(i, r.ID)
	if strings.TrimSpace(r.ID) == "" {
		add("%s: missing id", where)
	} else if first, dup := seen[r.ID]; dup {
		add("%s: duplicate id (also rules[%d])", where, first)
	} else {
		seen[r.ID] = i
	}
	if r.Priority < 0 {
		add("%s: negative priority %d", where, r.Priority)
	}
	switch r.Effect {
	case Allow, AllowWithRedaction, Transform, Deny:
	case "":
		add("%s: missing effect", where)
	default:
		add("%s: unsupported effect %q", where, clip(r.Effect))
	}
	m := &r.Match
	for _, c := range []struct {
		name string
		list []string
	}{
		{"action_types", m.ActionTypes}, {"tools", m.Tools}, {"resource_prefixes", m.ResourcePrefixes},
		{"commands", m.Commands}, {"args", m.Args}, {"adapters", m.Adapters},
	} {
		for j, v := range c.list {
			if strings.TrimSpace(v) == "" {
				add("%s: match.%s[%d]: empty condition", where, c.name, j)
			}
		}
	}
	for j, req := range r.EntityRequirements {
		switch {
		case req == "":
			add("%s: entity_requirements[%d]: empty entity type", where, j)
		case !known[req]:
			add("%s: entity_requirements[%d]: unknown entity type %q", where, j, clip(req))
		}
	}
	steps := make(map[string]bool, len(r.EntityTransforms))
	for j, s := range r.EntityTransforms {
		at := fmt.Sprintf("%s: entity_transforms[%d]", where, j)
		switch {
		case s.EntityType == "":
			add("%s: missing entity_type", at)
		case !known[s.EntityType]:
			add("%s: unknown entity type %q", at, clip(s.EntityType))
		case steps[s.EntityType]:
			add("%s: duplicate entity type %q", at, s.EntityType)
		}
		steps[s.EntityType] = true
		if !transform.Mode(s.Mode).Valid() {
			add("%s: unsupported mode %q", at, clip(s.Mode))
		}
	}
}

// validateDictionaries checks the dictionaries and returns the set of
// entity types rules may name: the built-in ones and the dictionaries'.
func (p *Policy) validateDictionaries(add func(string, ...any), stripped bool) map[string]bool {
	known := make(map[string]bool, len(engine.BuiltinTypes)+len(p.Dictionaries))
	for _, t := range engine.BuiltinTypes {
		known[string(t)] = true
	}
	names := make(map[string]int, len(p.Dictionaries))
	total := 0
	for i := range p.Dictionaries {
		x := &p.Dictionaries[i]
		where := dictLabel(i, x.Name)
		if strings.TrimSpace(x.Name) == "" {
			add("%s: missing name", where)
		} else if first, dup := names[x.Name]; dup {
			add("%s: duplicate name (also dictionaries[%d])", where, first)
		} else {
			names[x.Name] = i
		}
		if validTypeName(x.EntityType) {
			known[x.EntityType] = true
		} else if x.EntityType == "" {
			add("%s: missing entity_type", where)
		} else {
			add("%s: entity_type %q must be lowercase letters, digits and '_', starting with a letter, at most %d bytes", where, clip(x.EntityType), MaxEntityTypeLen)
		}
		switch {
		case len(x.Terms) > 0 && x.File != "":
			add("%s: give terms or file, not both", where)
		case len(x.Terms) == 0 && x.File == "" && !stripped:
			add("%s: needs terms or a file", where)
		case x.File != "" && !filepath.IsLocal(x.File):
			add("%s: file %q must be a relative path inside the policy's directory", where, clip(x.File))
		}
		for j, term := range x.Terms {
			if problem := termProblem(term); problem != "" {
				add("%s: terms[%d]: %s", where, j, problem)
			}
		}
		total += len(x.Terms)
		if x.Confidence < 0 || x.Confidence > 1 {
			add("%s: confidence %g outside [0, 1]", where, x.Confidence)
		}
	}
	if total > MaxTerms {
		add("dictionaries: %d terms in total, more than %d", total, MaxTerms)
	}
	return known
}

// validateCustomRules checks the custom rules and adds their entity
// types to known.
func (p *Policy) validateCustomRules(add func(string, ...any), known map[string]bool) {
	if len(p.CustomRules) > engine.MaxCustomRules {
		add("custom_rules: %d rules, more than %d", len(p.CustomRules), engine.MaxCustomRules)
	}
	names := make(map[string]int, len(p.CustomRules))
	for i := range p.CustomRules {
		x := &p.CustomRules[i]
		where := customLabel(i, x.Name)
		if strings.TrimSpace(x.Name) == "" {
			add("%s: missing name", where)
		} else if first, dup := names[x.Name]; dup {
			add("%s: duplicate name (also custom_rules[%d])", where, first)
		} else {
			names[x.Name] = i
		}
		switch {
		case x.EntityType == "":
			add("%s: missing entity_type", where)
		case !validTypeName(x.EntityType):
			add("%s: entity_type %q must be lowercase letters, digits and '_', starting with a letter, at most %d bytes", where, clip(x.EntityType), MaxEntityTypeLen)
		case engine.IsBuiltin(engine.EntityType(x.EntityType)):
			add("%s: entity_type %q is a built-in type; a custom rule reports a type of its own", where, x.EntityType)
		default:
			known[x.EntityType] = true
		}
		missing := map[string]bool{"prefix": x.Prefix == "", "charset": x.Charset == "", "min_length": x.MinLength == 0}
		for _, field := range []string{"prefix", "charset", "min_length"} {
			if missing[field] {
				add("%s: missing %s", where, field)
			}
		}
		for _, problem := range engine.CustomRuleProblems(x.engineRule()) {
			field, _, _ := strings.Cut(problem, " ")
			if missing[field] || field == "max_length" && x.MaxLength == 0 && missing["min_length"] {
				continue // reported as missing above
			}
			add("%s: %s", where, problem)
		}
	}
}

// termProblem describes what is wrong with a dictionary term, or "".
func termProblem(term string) string {
	switch t := strings.TrimSpace(term); {
	case t == "":
		return "empty term"
	case t != term:
		return "leading or trailing white space"
	case len(t) > MaxTermLen:
		return fmt.Sprintf("longer than %d bytes", MaxTermLen)
	}
	return ""
}

// validateDetectors checks the detector settings.
func (p *Policy) validateDetectors(add func(string, ...any)) {
	for _, name := range sortedKeys(p.Detectors) {
		s := p.Detectors[name]
		where := fmt.Sprintf("detectors[%q]", clip(name))
		if !engine.IsBuiltin(engine.EntityType(name)) {
			add("%s: unknown built-in detector", where)
		}
		if s.MinConfidence < 0 || s.MinConfidence > 1 {
			add("%s: min_confidence %g outside [0, 1]", where, s.MinConfidence)
		}
	}
}

// validTypeName reports whether s is a lowercase snake_case name of at
// most MaxEntityTypeLen bytes.
func validTypeName(s string) bool {
	if s == "" || len(s) > MaxEntityTypeLen || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}
