package policy

import (
	"fmt"
	"sort"
	"strings"

	"github.com/datafog/datafog-api/engine"
)

// Action describes what a caller wants to do, as in datafog-api's
// /v1/decide request.
type Action struct {
	Type      string   `json:"type"`
	Tool      string   `json:"tool,omitempty"`
	Resource  string   `json:"resource,omitempty"`
	Command   string   `json:"command,omitempty"`
	Adapter   string   `json:"adapter,omitempty"`
	Args      []string `json:"args,omitempty"`
	Sensitive bool     `json:"sensitive,omitempty"`
}

// Decision is the outcome of evaluating a policy for one action.
type Decision struct {
	// Decision is Allow, AllowWithRedaction, Transform or Deny.
	Decision string `json:"decision"`
	// MatchedRules lists the id of every matching rule, in evaluation order
	// (priority descending, then file order). It is never nil.
	MatchedRules []string `json:"matched_rules"`
	// TransformPlan is set for Transform and AllowWithRedaction decisions.
	TransformPlan []TransformStep `json:"transform_plan,omitempty"`
	// Reason explains a Deny.
	Reason string `json:"reason,omitempty"`
}

// datafogDefaultPlan is datafog-api's plan for a transform or redaction
// decision whose matching rules give no entity_transforms.
var datafogDefaultPlan = []TransformStep{
	{"email", "mask"}, {"phone", "tokenize"}, {"ssn", "anonymize"}, {"api_key", "redact"},
	{"credit_card", "redact"}, {"ip_address", "mask"}, {"date", "mask"}, {"zip_code", "mask"},
}

// evaluator decides actions for one validated policy.
type evaluator struct {
	rules []*Rule // by priority descending, stable
}

// newEvaluator prepares p, which must be valid, for Decide.
func newEvaluator(p *Policy) evaluator {
	ev := evaluator{rules: make([]*Rule, len(p.Rules))}
	for i := range p.Rules {
		ev.rules[i] = &p.Rules[i]
	}
	sort.SliceStable(ev.rules, func(i, j int) bool { return ev.rules[i].Priority > ev.rules[j].Priority })
	return ev
}

// defaultPlan returns datafog-api's default plan followed by every other
// entity type found, redacted, in the order first found. (Listing every
// type the engine knows, some two hundred, would bloat every decision and
// receipt; a plan covers the findings it is applied to.)
func defaultPlan(found []engine.EntityType) []TransformStep {
	plan := append([]TransformStep(nil), datafogDefaultPlan...)
next:
	for _, t := range found {
		for _, s := range plan {
			if s.EntityType == string(t) {
				continue next
			}
		}
		plan = append(plan, TransformStep{EntityType: string(t), Mode: "redact"})
	}
	return plan
}

// decide evaluates the rules for a and the entity types found.
func (ev *evaluator) decide(a Action, findings []engine.Finding) Decision {
	if strings.TrimSpace(a.Type) == "" {
		return Decision{Decision: Deny, MatchedRules: []string{}, Reason: "action.type is required"}
	}
	found := distinctTypes(findings)
	matched := []string{}
	var plan []TransformStep
	var denyReason string
	deny, transform, redact := false, false, false
	for _, r := range ev.rules {
		if !matchAction(&r.Match, r.RequireSensitiveOnly, &a) || !hasAll(r.EntityRequirements, found) {
			continue
		}
		matched = append(matched, r.ID)
		switch r.Effect {
		case Deny:
			if !deny {
				deny = true
				denyReason = r.Description
				if denyReason == "" {
					denyReason = fmt.Sprintf("denied by rule %q", r.ID)
				}
			}
		case Transform:
			transform = true
			plan = mergeSteps(plan, r.EntityTransforms)
		case AllowWithRedaction:
			redact = true
			plan = mergeSteps(plan, r.EntityTransforms)
		}
	}
	d := Decision{MatchedRules: matched}
	switch {
	case deny:
		d.Decision, d.Reason = Deny, denyReason
	case transform || redact:
		d.Decision = AllowWithRedaction
		if transform {
			d.Decision = Transform
		}
		if len(plan) == 0 {
			plan = defaultPlan(found)
		}
		d.TransformPlan = plan
	case len(matched) > 0:
		d.Decision = Allow
	default:
		d.Decision, d.Reason = Deny, "no matching rule"
	}
	return d
}

// mergeSteps appends the steps whose entity type plan does not hold yet.
func mergeSteps(plan, steps []TransformStep) []TransformStep {
next:
	for _, s := range steps {
		for _, p := range plan {
			if p.EntityType == s.EntityType {
				continue next
			}
		}
		plan = append(plan, s)
	}
	return plan
}

// distinctTypes returns the distinct entity types of findings.
func distinctTypes(findings []engine.Finding) []engine.EntityType {
	var types []engine.EntityType
next:
	for _, f := range findings {
		for _, t := range types {
			if t == f.Type {
				continue next
			}
		}
		types = append(types, f.Type)
	}
	return types
}

// hasAll reports whether every required entity type is among found;
// names compare ignoring ASCII case.
func hasAll(required []string, found []engine.EntityType) bool {
next:
	for _, req := range required {
		for _, t := range found {
			if strings.EqualFold(req, string(t)) {
				continue next
			}
		}
		return false
	}
	return true
}

// matchAction reports whether a meets m (and the sensitivity condition).
func matchAction(m *Match, sensitiveOnly bool, a *Action) bool {
	if sensitiveOnly && !a.Sensitive {
		return false
	}
	if !anyEqualFold(m.ActionTypes, a.Type) || !anyEqualFold(m.Tools, a.Tool) ||
		!anyEqualFold(m.Commands, a.Command) || !anyEqualFold(m.Adapters, a.Adapter) {
		return false
	}
	for _, want := range m.Args {
		if !containsFold(a.Args, want) {
			return false
		}
	}
	if len(m.ResourcePrefixes) == 0 {
		return true
	}
	if a.Resource == "" {
		return false
	}
	for _, p := range m.ResourcePrefixes {
		if strings.HasPrefix(a.Resource, p) {
			return true
		}
	}
	return false
}

// anyEqualFold reports whether allowed is empty or holds v (ignoring case).
func anyEqualFold(allowed []string, v string) bool {
	return len(allowed) == 0 || containsFold(allowed, v)
}

// containsFold reports whether list holds v, ignoring ASCII case.
func containsFold(list []string, v string) bool {
	for _, x := range list {
		if strings.EqualFold(x, v) {
			return true
		}
	}
	return false
}
