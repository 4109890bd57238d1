package policy

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
)

// decoder reads a policy document field by field, so that type errors and
// unknown fields anywhere are all collected as problems instead of stopping
// at the first.
type decoder struct {
	problems []string
}

// fieldFunc decodes one known field's raw value.
type fieldFunc func(raw json.RawMessage)

// addf records a problem.
func (d *decoder) addf(format string, args ...any) {
	d.problems = append(d.problems, fmt.Sprintf(format, args...))
}

// policy decodes the whole document; it returns nil when the document is
// not a JSON object at all.
func (d *decoder) policy(data []byte) *Policy {
	var top map[string]json.RawMessage
	if err := json.Unmarshal(data, &top); err != nil {
		var syn *json.SyntaxError
		switch {
		case errors.As(err, &syn):
			d.addf("invalid JSON at offset %d: %s", syn.Offset, syn.Error())
		default:
			d.addf("document must be a JSON object")
		}
		return nil
	}
	if top == nil {
		d.addf("document must be a JSON object")
		return nil
	}
	p := &Policy{}
	d.object("", top, map[string]fieldFunc{
		"policy_id":      func(r json.RawMessage) { d.str("policy_id", r, &p.PolicyID) },
		"policy_version": func(r json.RawMessage) { d.str("policy_version", r, &p.PolicyVersion) },
		"description":    func(r json.RawMessage) { d.str("description", r, &p.Description) },
		"updated_at":     func(r json.RawMessage) { d.str("updated_at", r, &p.UpdatedAt) },
		"rules":          func(r json.RawMessage) { p.Rules = d.rules(r) },
		"dictionaries":   func(r json.RawMessage) { p.Dictionaries = d.dictionaries(r) },
		"detectors":      func(r json.RawMessage) { p.Detectors = d.detectors(r) },
		"custom_rules":   func(r json.RawMessage) { p.CustomRules = d.customRules(r) },
		"min_confidence": func(r json.RawMessage) {
			if !isNull(r) {
				p.MinConfidence = new(float64)
				d.number("min_confidence", r, p.MinConfidence)
			}
		},
	})
	return p
}

// object decodes the known fields of obj in sorted key order and reports
// the unknown ones. where prefixes problem locations ("" at top level).
func (d *decoder) object(where string, obj map[string]json.RawMessage, fields map[string]fieldFunc) {
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if f, ok := fields[k]; ok {
			f(obj[k])
			continue
		}
		if where == "" {
			d.addf("unknown field %q", clip(k))
		} else {
			d.addf("%s: unknown field %q", where, clip(k))
		}
	}
}

// asObject decodes raw as a JSON object; null gives nil and ok.
func (d *decoder) asObject(where string, raw json.RawMessage) (map[string]json.RawMessage, bool) {
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(raw, &obj); err != nil {
		d.addf("%s: must be an object", where)
		return nil, false
	}
	return obj, true
}

// asArray decodes raw as a JSON array; null gives nil.
func (d *decoder) asArray(where string, raw json.RawMessage) []json.RawMessage {
	var arr []json.RawMessage
	if err := json.Unmarshal(raw, &arr); err != nil {
		d.addf("%s: must be an array", where)
		return nil
	}
	return arr
}

// str decodes a string field.
func (d *decoder) str(where string, raw json.RawMessage, dst *string) {
	if isNull(raw) {
		return
	}
	if err := json.Unmarshal(raw, dst); err != nil {
		d.addf("%s: must be a string", where)
	}
}

// strs decodes an array of strings.
func (d *decoder) strs(where string, raw json.RawMessage, dst *[]string) {
	if isNull(raw) {
		return
	}
	if err := json.Unmarshal(raw, dst); err != nil {
		d.addf("%s: must be an array of strings", where)
	}
}

// integer decodes a JSON integer that fits an int.
func (d *decoder) integer(where string, raw json.RawMessage, dst *int) {
	if isNull(raw) {
		return
	}
	if err := json.Unmarshal(raw, dst); err != nil {
		d.addf("%s: must be an integer", where)
	}
}

// boolean decodes a JSON boolean.
func (d *decoder) boolean(where string, raw json.RawMessage, dst *bool) {
	if isNull(raw) {
		return
	}
	if err := json.Unmarshal(raw, dst); err != nil {
		d.addf("%s: must be true or false", where)
	}
}

// number decodes a JSON number.
func (d *decoder) number(where string, raw json.RawMessage, dst *float64) {
	if isNull(raw) {
		return
	}
	if err := json.Unmarshal(raw, dst); err != nil {
		d.addf("%s: must be a number", where)
	}
}

// rules decodes the rules array.
func (d *decoder) rules(raw json.RawMessage) []Rule {
	arr := d.asArray("rules", raw)
	rules := make([]Rule, len(arr))
	for i, elem := range arr {
		r := &rules[i]
		obj, ok := d.asObject(fmt.Sprintf("rules[%d]", i), elem)
		if !ok {
			continue
		}
		if idRaw, ok := obj["id"]; ok {
			d.str(fmt.Sprintf("rules[%d].id", i), idRaw, &r.ID)
		}
		where := ruleLabel(i, r.ID)
		d.object(where, obj, map[string]fieldFunc{
			"id":                     func(json.RawMessage) {},
			"description":            func(raw json.RawMessage) { d.str(where+": description", raw, &r.Description) },
			"priority":               func(raw json.RawMessage) { d.integer(where+": priority", raw, &r.Priority) },
			"effect":                 func(raw json.RawMessage) { d.str(where+": effect", raw, &r.Effect) },
			"match":                  func(raw json.RawMessage) { d.match(where, raw, &r.Match) },
			"entity_requirements":    func(raw json.RawMessage) { d.strs(where+": entity_requirements", raw, &r.EntityRequirements) },
			"entity_transforms":      func(raw json.RawMessage) { r.EntityTransforms = d.transforms(where, raw) },
			"require_sensitive_only": func(raw json.RawMessage) { d.boolean(where+": require_sensitive_only", raw, &r.RequireSensitiveOnly) },
		})
	}
	return rules
}

// match decodes a rule's match object.
func (d *decoder) match(where string, raw json.RawMessage, m *Match) {
	obj, ok := d.asObject(where+": match", raw)
	if !ok {
		return
	}
	_, singular := obj["resource_prefix"]
	_, plural := obj["resource_prefixes"]
	if singular && plural {
		d.addf("%s: match: both resource_prefix and resource_prefixes given; use one", where)
	}
	at := where + ": match."
	d.object(where+": match", obj, map[string]fieldFunc{
		"action_types":      func(raw json.RawMessage) { d.strs(at+"action_types", raw, &m.ActionTypes) },
		"tools":             func(raw json.RawMessage) { d.strs(at+"tools", raw, &m.Tools) },
		"resource_prefix":   func(raw json.RawMessage) { d.prefixes(at+"resource_prefix", raw, &m.ResourcePrefixes) },
		"resource_prefixes": func(raw json.RawMessage) { d.prefixes(at+"resource_prefixes", raw, &m.ResourcePrefixes) },
		"commands":          func(raw json.RawMessage) { d.strs(at+"commands", raw, &m.Commands) },
		"args":              func(raw json.RawMessage) { d.strs(at+"args", raw, &m.Args) },
		"adapters":          func(raw json.RawMessage) { d.strs(at+"adapters", raw, &m.Adapters) },
	})
}

// prefixes decodes resource prefixes: an array of strings or one string.
func (d *decoder) prefixes(where string, raw json.RawMessage, dst *[]string) {
	var one string
	if len(raw) > 0 && raw[0] == '"' && json.Unmarshal(raw, &one) == nil {
		*dst = append(*dst, one)
		return
	}
	var many []string
	d.strs(where, raw, &many)
	*dst = append(*dst, many...)
}

// transforms decodes a rule's entity_transforms.
func (d *decoder) transforms(where string, raw json.RawMessage) []TransformStep {
	arr := d.asArray(where+": entity_transforms", raw)
	steps := make([]TransformStep, len(arr))
	for j, elem := range arr {
		at := fmt.Sprintf("%s: entity_transforms[%d]", where, j)
		obj, ok := d.asObject(at, elem)
		if !ok {
			continue
		}
		s := &steps[j]
		d.object(at, obj, map[string]fieldFunc{
			"entity_type": func(raw json.RawMessage) { d.str(at+".entity_type", raw, &s.EntityType) },
			"mode":        func(raw json.RawMessage) { d.str(at+".mode", raw, &s.Mode) },
		})
	}
	return steps
}

// dictionaries decodes the dictionaries array.
func (d *decoder) dictionaries(raw json.RawMessage) []Dictionary {
	arr := d.asArray("dictionaries", raw)
	dicts := make([]Dictionary, len(arr))
	for i, elem := range arr {
		obj, ok := d.asObject(fmt.Sprintf("dictionaries[%d]", i), elem)
		if !ok {
			continue
		}
		x := &dicts[i]
		if nameRaw, ok := obj["name"]; ok {
			d.str(fmt.Sprintf("dictionaries[%d].name", i), nameRaw, &x.Name)
		}
		where := dictLabel(i, x.Name)
		d.object(where, obj, map[string]fieldFunc{
			"name":             func(json.RawMessage) {},
			"entity_type":      func(raw json.RawMessage) { d.str(where+": entity_type", raw, &x.EntityType) },
			"terms":            func(raw json.RawMessage) { d.strs(where+": terms", raw, &x.Terms) },
			"file":             func(raw json.RawMessage) { d.str(where+": file", raw, &x.File) },
			"case_insensitive": func(raw json.RawMessage) { d.boolean(where+": case_insensitive", raw, &x.CaseInsensitive) },
			"whole_word":       func(raw json.RawMessage) { d.boolean(where+": whole_word", raw, &x.WholeWord) },
			"confidence":       func(raw json.RawMessage) { d.number(where+": confidence", raw, &x.Confidence) },
		})
	}
	return dicts
}

// detectors decodes the detectors object, normalising its keys.
func (d *decoder) detectors(raw json.RawMessage) map[string]DetectorSetting {
	obj, ok := d.asObject("detectors", raw)
	if !ok || len(obj) == 0 {
		return nil
	}
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make(map[string]DetectorSetting, len(obj))
	for _, k := range keys {
		where := fmt.Sprintf("detectors[%q]", clip(k))
		name := normType(k)
		if _, dup := out[name]; dup {
			d.addf("%s: duplicate detector %q", where, clip(name))
			continue
		}
		ds, ok := d.asObject(where, obj[k])
		if !ok {
			continue
		}
		var s DetectorSetting
		d.object(where, ds, map[string]fieldFunc{
			"enabled": func(raw json.RawMessage) {
				if isNull(raw) {
					return
				}
				var b bool
				d.boolean(where+".enabled", raw, &b)
				s.Enabled = &b
			},
			"min_confidence": func(raw json.RawMessage) { d.number(where+".min_confidence", raw, &s.MinConfidence) },
		})
		out[name] = s
	}
	return out
}

// customRules decodes the custom_rules array.
func (d *decoder) customRules(raw json.RawMessage) []CustomRule {
	arr := d.asArray("custom_rules", raw)
	rules := make([]CustomRule, len(arr))
	for i, elem := range arr {
		obj, ok := d.asObject(fmt.Sprintf("custom_rules[%d]", i), elem)
		if !ok {
			continue
		}
		x := &rules[i]
		if nameRaw, ok := obj["name"]; ok {
			d.str(fmt.Sprintf("custom_rules[%d].name", i), nameRaw, &x.Name)
		}
		where := customLabel(i, x.Name)
		d.object(where, obj, map[string]fieldFunc{
			"name":        func(json.RawMessage) {},
			"entity_type": func(raw json.RawMessage) { d.str(where+": entity_type", raw, &x.EntityType) },
			"prefix":      func(raw json.RawMessage) { d.str(where+": prefix", raw, &x.Prefix) },
			"charset":     func(raw json.RawMessage) { d.str(where+": charset", raw, &x.Charset) },
			"min_length":  func(raw json.RawMessage) { d.integer(where+": min_length", raw, &x.MinLength) },
			"max_length":  func(raw json.RawMessage) { d.integer(where+": max_length", raw, &x.MaxLength) },
			"min_entropy": func(raw json.RawMessage) { d.number(where+": min_entropy", raw, &x.MinEntropy) },
			"confidence":  func(raw json.RawMessage) { d.number(where+": confidence", raw, &x.Confidence) },
		})
	}
	return rules
}

// customLabel names custom rule i in problems.
func customLabel(i int, name string) string {
	if strings.TrimSpace(name) == "" {
		return fmt.Sprintf("custom_rules[%d]", i)
	}
	return fmt.Sprintf("custom_rules[%d] %q", i, clip(name))
}

// isNull reports whether raw is the JSON null literal.
func isNull(raw json.RawMessage) bool {
	return bytes.Equal(bytes.TrimSpace(raw), []byte("null"))
}

// ruleLabel names rule i in problems.
func ruleLabel(i int, id string) string {
	if strings.TrimSpace(id) == "" {
		return fmt.Sprintf("rules[%d]", i)
	}
	return fmt.Sprintf("rules[%d] %q", i, clip(id))
}

// dictLabel names dictionary i in problems.
func dictLabel(i int, name string) string {
	if strings.TrimSpace(name) == "" {
		return fmt.Sprintf("dictionaries[%d]", i)
	}
	return fmt.Sprintf("dictionaries[%d] %q", i, clip(name))
}

// clip shortens a policy string quoted in a problem.
func clip(s string) string {
	if len(s) <= 64 {
		return s
	}
	return s[:64] + "..."
}
