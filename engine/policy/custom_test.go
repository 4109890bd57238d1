package policy

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/datafog/datafog-api/engine"
)

// customPolicy declares two custom rules, one of fixed length, and a rule
// that requires the first one's type.
const customPolicy = `{"policy_id":"p","policy_version":"1",
 "rules":[{"id":"deny-acme","priority":10,"effect":"deny","match":{"action_types":["http.request"]},"entity_requirements":["acme_token"]},
          {"id":"allow-all","effect":"allow"}],
 "custom_rules":[
  {"name":"acme","entity_type":"ACME_Token","prefix":"acme_","charset":"base62","min_length":32,"max_length":40,"min_entropy":3.5},
  {"name":"build","entity_type":"build_key","prefix":"BK-","charset":"digits","min_length":6,"confidence":0.6}]}`

const customText = "deploy acme_Q7vR2kLm9XpT4wZs8NbY1cHd6FgJ3eUa key BK-730194 and BK-7301945, mail bob@example.com"

// TestCustomRulesCompile parses, compiles and round-trips a policy with
// custom rules: the engine finds each rule's token in the same pass as the
// built-in email, with the rule's confidence; the policy's rules may name
// the custom type; Marshal/Parse and MarshalBinary/LoadCompiled keep the
// rules.
func TestCustomRulesCompile(t *testing.T) {
	p, err := Parse([]byte(customPolicy))
	if err != nil {
		t.Fatal(err)
	}
	if p.CustomRules[0].EntityType != "acme_token" {
		t.Fatalf("entity_type not normalised: %q", p.CustomRules[0].EntityType)
	}
	c, err := Compile(p, "")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"acme_token[7,44)", "build_key[49,58)", "email[80,95)"}
	if got := scanTypes(c, customText); !reflect.DeepEqual(got, want) {
		t.Fatalf("findings %v, want %v", got, want)
	}
	all := c.Engine.Scan(nil, []byte(customText), engine.Filter{})
	if all[0].Confidence != 0.9 || all[1].Confidence != 0.6 {
		t.Fatalf("confidences %v and %v, want 0.9 and 0.6", all[0].Confidence, all[1].Confidence)
	}
	if d := c.Decide(Action{Type: "http.request"}, all); d.Decision != Deny {
		t.Fatalf("decision %q, want deny", d.Decision)
	}
	js, err := p.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	again, err := Parse(js)
	if err != nil || !reflect.DeepEqual(again, p) {
		t.Fatalf("Marshal/Parse: %v\n%+v\nwant %+v", err, again, p)
	}
	blob, err := c.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	lc, err := LoadCompiled(blob)
	if err != nil {
		t.Fatal(err)
	}
	if got := scanTypes(lc, customText); !reflect.DeepEqual(got, want) {
		t.Fatalf("after LoadCompiled: findings %v, want %v", got, want)
	}
	if !reflect.DeepEqual(lc.Policy.CustomRules, p.CustomRules) {
		t.Fatalf("LoadCompiled policy rules %+v", lc.Policy.CustomRules)
	}
}

// TestCustomRulesProblemsListed rejects a policy whose custom rules are
// wrong in every way at once, with every problem named by rule and field.
func TestCustomRulesProblemsListed(t *testing.T) {
	doc := `{"policy_id":"p","policy_version":"1","rules":[{"id":"r","effect":"allow","entity_requirements":["nope_token"]}],
 "custom_rules":[
  {"name":"a","entity_type":"email","prefix":"abc","charset":"hex","min_length":"32","colour":"red"},
  {"name":"a","entity_type":"Bad Type","prefix":"X_","charset":"z-a","min_length":10,"max_length":5,"min_entropy":9,"confidence":1.5},
  {"entity_type":"ok_type","charset":"hex","min_length":8,"min_entropy":3.5},
  {"name":"e"},
  "not an object"]}`
	_, err := Parse([]byte(doc))
	var ve *ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("got %v, want *ValidationError", err)
	}
	want := []string{
		`custom_rules[0] "a": unknown field "colour"`,
		`custom_rules[0] "a": min_length: must be an integer`,
		`custom_rules[4]: must be an object`,
		`custom_rules[0] "a": entity_type "email" is a built-in type; a custom rule reports a type of its own`,
		`custom_rules[0] "a": missing min_length`,
		`custom_rules[0] "a": prefix "abc": needs a byte that is neither a lower-case letter nor a digit (punctuation or a capital), where the scan can anchor it`,
		`custom_rules[1] "a": duplicate name (also custom_rules[0])`,
		`custom_rules[1] "a": entity_type "bad type" must be lowercase letters, digits and '_', starting with a letter, at most 64 bytes`,
		`custom_rules[1] "a": prefix "X_": must be 3 to 64 bytes`,
		`custom_rules[1] "a": charset "z-a": range z-a runs backwards`,
		`custom_rules[1] "a": max_length 5: below min_length 10`,
		`custom_rules[1] "a": min_entropy 9: outside [0, 8] bits per byte`,
		`custom_rules[1] "a": confidence 1.5: outside [0, 1]`,
		`custom_rules[2]: missing name`,
		`custom_rules[2]: missing prefix`,
		`custom_rules[2]: min_entropy 3.5: above the 3.00 bits per byte that a body of at most 8 bytes of this charset can reach`,
		`custom_rules[3] "e": missing entity_type`,
		`custom_rules[3] "e": missing prefix`,
		`custom_rules[3] "e": missing charset`,
		`custom_rules[3] "e": missing min_length`,
		`custom_rules[4]: missing name`,
		`custom_rules[4]: missing entity_type`,
		`custom_rules[4]: missing prefix`,
		`custom_rules[4]: missing charset`,
		`custom_rules[4]: missing min_length`,
		`rules[0] "r": entity_requirements[0]: unknown entity type "nope_token"`,
	}
	if !reflect.DeepEqual(ve.Problems, want) {
		t.Fatalf("problems:\n%s\nwant:\n%s", strings.Join(ve.Problems, "\n"), strings.Join(want, "\n"))
	}
}
