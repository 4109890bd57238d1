package policy

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/datafog/datafog-api/engine"
)

// Effects a rule may have, and the decisions Decide returns.
const (
	Allow              = "allow"
	AllowWithRedaction = "allow_with_redaction"
	Transform          = "transform"
	Deny               = "deny"
)

// Limits on dictionaries.
const (
	// MaxTerms is the most dictionary terms a policy may hold in total,
	// inline and from files.
	MaxTerms = 100_000
	// MaxTermLen is the longest dictionary term, in bytes.
	MaxTermLen = engine.MaxTermLen
	// MaxEntityTypeLen is the longest dictionary entity type name.
	MaxEntityTypeLen = 64
)

// Policy is a datafog-api policy document plus this service's extensions
// (Dictionaries and Detectors). Field names follow the JSON format; see the
// package documentation.
type Policy struct {
	PolicyID      string `json:"policy_id"`
	PolicyVersion string `json:"policy_version"`
	Description   string `json:"description,omitempty"`
	// UpdatedAt is an RFC 3339 timestamp, kept as written.
	UpdatedAt string `json:"updated_at,omitempty"`
	Rules     []Rule `json:"rules"`
	// Dictionaries add custom terms reported as their own entity types.
	Dictionaries []Dictionary `json:"dictionaries,omitempty"`
	// Detectors tunes built-in detectors, keyed by entity type.
	Detectors map[string]DetectorSetting `json:"detectors,omitempty"`
	// CustomRules add the organisation's own credential formats, found
	// in the same pass as the built-in detectors.
	CustomRules []CustomRule `json:"custom_rules,omitempty"`
	// MinConfidence is the least confidence a finding needs to be
	// reported, unless a request or the command line sets its own; nil
	// means engine.DefaultMinConfidence (0.5).
	MinConfidence *float64 `json:"min_confidence,omitempty"`
}

// Rule is one policy rule. It matches an action when every non-empty
// criterion of Match holds and every entity type in EntityRequirements is
// among the findings.
type Rule struct {
	ID                 string          `json:"id"`
	Description        string          `json:"description,omitempty"`
	Priority           int             `json:"priority"`
	Effect             string          `json:"effect"`
	Match              Match           `json:"match"`
	EntityRequirements []string        `json:"entity_requirements,omitempty"`
	EntityTransforms   []TransformStep `json:"entity_transforms,omitempty"`
	// RequireSensitiveOnly restricts the rule to actions marked sensitive.
	RequireSensitiveOnly bool `json:"require_sensitive_only,omitempty"`
}

// Match holds a rule's action criteria. An empty list matches anything.
// Comparisons ignore ASCII case except ResourcePrefixes, which are
// case-sensitive prefixes of the action's resource. Parse accepts the
// resource prefixes under "resource_prefixes" (datafog-api's spelling) or
// "resource_prefix"; Marshal writes "resource_prefixes".
type Match struct {
	ActionTypes      []string `json:"action_types,omitempty"`
	Tools            []string `json:"tools,omitempty"`
	ResourcePrefixes []string `json:"resource_prefixes,omitempty"`
	Commands         []string `json:"commands,omitempty"`
	// Args must all be present among the action's arguments.
	Args     []string `json:"args,omitempty"`
	Adapters []string `json:"adapters,omitempty"`
}

// TransformStep names the transform mode for one entity type.
type TransformStep struct {
	EntityType string `json:"entity_type"`
	Mode       string `json:"mode"`
}

// Dictionary is a list of custom terms reported as EntityType. Terms come
// inline or from File, a path relative to the policy file's directory with
// one term per line (blank lines ignored, surrounding white space trimmed).
type Dictionary struct {
	Name            string   `json:"name"`
	EntityType      string   `json:"entity_type"`
	Terms           []string `json:"terms,omitempty"`
	File            string   `json:"file,omitempty"`
	CaseInsensitive bool     `json:"case_insensitive,omitempty"`
	WholeWord       bool     `json:"whole_word,omitempty"`
	// Confidence of the findings, in (0, 1]; 0 means 0.9.
	Confidence float64 `json:"confidence,omitempty"`
}

// CustomRule is a credential format of the organisation's own: a literal
// Prefix, then a body of MinLength to MaxLength characters of Charset,
// with a Shannon entropy of at least MinEntropy bits per character. See
// engine.CustomRule for how a match is found.
type CustomRule struct {
	Name       string `json:"name"`
	EntityType string `json:"entity_type"`
	Prefix     string `json:"prefix"`
	// Charset is a named set (engine.CharsetNames: "base62", "hex",
	// "base64url", ...) or the characters and ranges themselves, as in
	// "A-Za-z0-9_-".
	Charset   string `json:"charset"`
	MinLength int    `json:"min_length"`
	// MaxLength is the longest body; 0 means MinLength (a fixed length).
	MaxLength int `json:"max_length,omitempty"`
	// MinEntropy is in bits per character; 0 means no floor.
	MinEntropy float64 `json:"min_entropy,omitempty"`
	// Confidence of a match, in (0, 1]; 0 means 0.9.
	Confidence float64 `json:"confidence,omitempty"`
}

// engineRule is r as the engine takes it.
func (r *CustomRule) engineRule() engine.CustomRule {
	max := r.MaxLength
	if max == 0 {
		max = r.MinLength
	}
	return engine.CustomRule{
		Name: r.Name, EntityType: engine.EntityType(r.EntityType), Prefix: r.Prefix, Charset: r.Charset,
		MinLen: r.MinLength, MaxLen: max, MinEntropy: r.MinEntropy, Confidence: r.Confidence,
	}
}

// DetectorSetting tunes one built-in detector.
type DetectorSetting struct {
	// Enabled false turns the detector off; nil or true leaves it on.
	Enabled *bool `json:"enabled,omitempty"`
	// MinConfidence drops findings below it; 0 keeps the detector default.
	MinConfidence float64 `json:"min_confidence,omitempty"`
}

// ValidationError lists every problem found in a policy.
type ValidationError struct {
	// Problems each name where the problem is, e.g.
	// `rules[3] "deny-x": unsupported effect "block"`.
	Problems []string
}

// Error joins the problems with "; ".
func (e *ValidationError) Error() string {
	return "policy: invalid policy: " + strings.Join(e.Problems, "; ")
}

// Parse decodes and validates a policy document. A bad document yields a
// *ValidationError listing every problem found: JSON type errors, unknown
// fields and rule problems together. Entity type names are normalised to
// lower case. Parse does not read dictionary files; Compile does.
func Parse(data []byte) (*Policy, error) {
	return parse(data, false)
}

// parse is Parse; stripped admits dictionaries without terms, as stored in
// the compiled form.
func parse(data []byte, stripped bool) (*Policy, error) {
	d := &decoder{}
	p := d.policy(data)
	if p != nil {
		p.normalize()
		p.validate(&d.problems, stripped)
	}
	if len(d.problems) > 0 {
		return nil, &ValidationError{Problems: d.problems}
	}
	return p, nil
}

// Validate checks a policy built in code, as Parse checks a document.
func (p *Policy) Validate() error {
	var problems []string
	p.validate(&problems, false)
	if len(problems) > 0 {
		return &ValidationError{Problems: problems}
	}
	return nil
}

// Marshal encodes p as JSON that Parse reads back to an equal Policy.
func (p *Policy) Marshal() ([]byte, error) {
	b, err := json.Marshal(p)
	if err != nil {
		return nil, fmt.Errorf("policy: marshal: %w", err)
	}
	return b, nil
}

// normalize lower-cases entity type names and turns empty lists into nil,
// so that a policy survives Marshal and Parse unchanged.
func (p *Policy) normalize() {
	for i := range p.Rules {
		r := &p.Rules[i]
		for j := range r.EntityRequirements {
			r.EntityRequirements[j] = normType(r.EntityRequirements[j])
		}
		for j := range r.EntityTransforms {
			r.EntityTransforms[j].EntityType = normType(r.EntityTransforms[j].EntityType)
		}
		m := &r.Match
		for _, l := range []*[]string{&m.ActionTypes, &m.Tools, &m.ResourcePrefixes, &m.Commands, &m.Args, &m.Adapters, &r.EntityRequirements} {
			if len(*l) == 0 {
				*l = nil
			}
		}
		if len(r.EntityTransforms) == 0 {
			r.EntityTransforms = nil
		}
	}
	for i := range p.Dictionaries {
		p.Dictionaries[i].EntityType = normType(p.Dictionaries[i].EntityType)
		if len(p.Dictionaries[i].Terms) == 0 {
			p.Dictionaries[i].Terms = nil
		}
	}
	if len(p.Rules) == 0 {
		p.Rules = nil
	}
	if len(p.Dictionaries) == 0 {
		p.Dictionaries = nil
	}
	if len(p.Detectors) == 0 {
		p.Detectors = nil
	}
	for i := range p.CustomRules {
		p.CustomRules[i].EntityType = normType(p.CustomRules[i].EntityType)
	}
	if len(p.CustomRules) == 0 {
		p.CustomRules = nil
	}
}

// normType normalises an entity type name.
func normType(s string) string {
	return strings.ToLower(strings.TrimSpace(s))
}
