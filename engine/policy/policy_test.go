package policy

import (
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/datafog/datafog-api/engine"
)

// datafogPolicy parses testdata/datafog_api_policy.json, a copy of
// datafog-api's config/policy.json.
func datafogPolicy(t testing.TB) *Policy {
	t.Helper()
	data, err := os.ReadFile("testdata/datafog_api_policy.json")
	if err != nil {
		t.Fatal(err)
	}
	p, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestParseDatafogAPIPolicy(t *testing.T) {
	p := datafogPolicy(t)
	if p.PolicyID != "datafog-mvp" || p.PolicyVersion != "v2026-02-24-1" || p.UpdatedAt != "2026-02-24T00:00:00Z" || len(p.Rules) != 7 {
		t.Fatalf("header: %+v", p)
	}
	r := p.Rules[3]
	want := Rule{
		ID: "deny-agent-shell-exec", Description: "Block shell-style invocation from AI agent adapters",
		Priority: 90, Effect: Deny,
		Match: Match{ActionTypes: []string{"command.exec"}, Adapters: []string{"claude", "codex"}, Commands: []string{"-lc"}},
	}
	if !reflect.DeepEqual(r, want) {
		t.Fatalf("rules[3]:\n got %+v\nwant %+v", r, want)
	}
}

func TestResourcePrefixSpellings(t *testing.T) {
	for _, field := range []string{`"resource_prefix": ["/tmp/", "/var/"]`, `"resource_prefixes": ["/tmp/", "/var/"]`} {
		p, err := Parse([]byte(`{"policy_id":"p","policy_version":"1","rules":[{"id":"r","priority":1,"effect":"allow","match":{` + field + `}}]}`))
		if err != nil {
			t.Fatal(err)
		}
		if got := p.Rules[0].Match.ResourcePrefixes; !reflect.DeepEqual(got, []string{"/tmp/", "/var/"}) {
			t.Fatalf("%s: got %q", field, got)
		}
	}
	p, err := Parse([]byte(`{"policy_id":"p","policy_version":"1","rules":[{"id":"r","effect":"allow","match":{"resource_prefix":"/tmp/"}}]}`))
	if err != nil || !reflect.DeepEqual(p.Rules[0].Match.ResourcePrefixes, []string{"/tmp/"}) {
		t.Fatalf("single string prefix: %v %+v", err, p)
	}
}

func TestParseListsEveryProblem(t *testing.T) {
	data, err := os.ReadFile("testdata/bad_policy.json")
	if err != nil {
		t.Fatal(err)
	}
	_, err = Parse(data)
	var ve *ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("want *ValidationError, got %v", err)
	}
	want := []string{
		// Decoding problems, in sorted field order.
		`detectors["email"]: unknown field "enable"`,
		`unknown field "extra"`,
		`rules[0] "a": match: unknown field "adapter"`,
		`rules[1] "a": priority: must be an integer`,
		`rules[2]: match: both resource_prefix and resource_prefixes given; use one`,
		// Validation problems.
		`policy_id: required`,
		`policy_version: required`,
		`updated_at: "yesterday" is not an RFC 3339 timestamp`,
		`dictionaries[0] "staff": terms[1]: leading or trailing white space`,
		`dictionaries[0] "staff": terms[2]: empty term`,
		`dictionaries[0] "staff": confidence 2 outside [0, 1]`,
		`dictionaries[1] "staff": duplicate name (also dictionaries[0])`,
		`dictionaries[1] "staff": entity_type "bad-type" must be lowercase letters, digits and '_', starting with a letter, at most 64 bytes`,
		`dictionaries[1] "staff": file "../x.txt" must be a relative path inside the policy's directory`,
		`dictionaries[2]: missing name`,
		`dictionaries[2]: needs terms or a file`,
		`detectors["passport"]: unknown built-in detector`,
		`detectors["ssn"]: min_confidence 1.5 outside [0, 1]`,
		`rules[0] "a": negative priority -1`,
		`rules[0] "a": unsupported effect "block"`,
		`rules[0] "a": match.action_types[0]: empty condition`,
		`rules[0] "a": entity_requirements[1]: unknown entity type "passport"`,
		`rules[1] "a": duplicate id (also rules[0])`,
		`rules[1] "a": entity_transforms[0]: unsupported mode "blur"`,
		`rules[1] "a": entity_transforms[1]: missing entity_type`,
		`rules[2]: missing id`,
	}
	if !reflect.DeepEqual(ve.Problems, want) {
		t.Fatalf("problems:\n%s", strings.Join(ve.Problems, "\n"))
	}
	if !strings.HasPrefix(err.Error(), `policy: invalid policy: detectors["email"]: unknown field "enable"; unknown field "extra"; `) {
		t.Fatalf("Error(): %s", err)
	}
}

func TestParseRejectsNonObjects(t *testing.T) {
	tests := map[string]string{
		`[1,2]`:               "document must be a JSON object",
		`null`:                "document must be a JSON object",
		`{"rules": [`:         "invalid JSON at offset 11: unexpected end of JSON input",
		`{"rules": {"a": 1}}`: "rules: must be an array",
	}
	for in, first := range tests {
		_, err := Parse([]byte(in))
		var ve *ValidationError
		if !errors.As(err, &ve) || ve.Problems[0] != first {
			t.Errorf("Parse(%s): %v, want first problem %q", in, err, first)
		}
	}
}

func TestMarshalRoundTrip(t *testing.T) {
	for _, p := range []*Policy{datafogPolicy(t), Default()} {
		b, err := p.Marshal()
		if err != nil {
			t.Fatal(err)
		}
		q, err := Parse(b)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(p, q) {
			t.Fatalf("round trip of %s differs", p.PolicyID)
		}
	}
}

func TestDefaultPolicy(t *testing.T) {
	p := Default()
	if p.PolicyID != "datafog-default" || len(p.Rules) != 39 {
		t.Fatalf("default policy: id %q, %d rules", p.PolicyID, len(p.Rules))
	}
	if err := p.Validate(); err != nil {
		t.Fatal(err)
	}
	// Every rule of datafog-api's policy is in the default, unchanged.
	byID := map[string]Rule{}
	for _, r := range p.Rules {
		byID[r.ID] = r
	}
	for _, r := range datafogPolicy(t).Rules {
		if !reflect.DeepEqual(byID[r.ID], r) {
			t.Errorf("default policy rule %q differs from datafog-api's", r.ID)
		}
	}
	p.Rules[0].ID = "changed"
	if Default().Rules[0].ID != "deny-shell-api-key" {
		t.Fatal("Default returned shared state")
	}
}

// decision is an expected Decide result.
type decision struct {
	action   Action
	types    []engine.EntityType
	decision string
	matched  []string
	plan     []TransformStep
	reason   string
}

// findingsOf returns one finding per type.
func findingsOf(types []engine.EntityType) []engine.Finding {
	out := make([]engine.Finding, len(types))
	for i, typ := range types {
		out[i] = engine.Finding{Type: typ, Start: int64(i * 10), End: int64(i*10 + 5), Confidence: 0.9}
	}
	return out
}

// fullDefaultPlan is datafog-api's default plan followed by the other
// built-in types, redacted: the contract's 24 types, then every type the
// registry adds after them, in the registry's order.
var fullDefaultPlan = append([]TransformStep{
	{"email", "mask"}, {"phone", "tokenize"}, {"ssn", "anonymize"}, {"api_key", "redact"},
	{"credit_card", "redact"}, {"ip_address", "mask"}, {"date", "mask"}, {"zip_code", "mask"},
	{"iban", "redact"}, {"bank_routing", "redact"}, {"mac_address", "redact"}, {"aws_access_key", "redact"},
	{"github_token", "redact"}, {"slack_token", "redact"}, {"stripe_key", "redact"}, {"google_api_key", "redact"},
	{"private_key", "redact"}, {"jwt", "redact"}, {"bitcoin_address", "redact"}, {"ethereum_address", "redact"},
	{"uk_nhs_number", "redact"}, {"ca_sin", "redact"}, {"us_npi", "redact"}, {"in_aadhaar", "redact"},
}, laterTypesRedacted()...)

// laterTypesRedacted returns a redact step for every built-in type after
// the contract's first 24.
func laterTypesRedacted() []TransformStep {
	var out []TransformStep
	for _, t := range engine.BuiltinTypes[24:] {
		out = append(out, TransformStep{string(t), "redact"})
	}
	return out
}

func checkDecisions(t *testing.T, ev evaluator, tests []decision) {
	t.Helper()
	for i, tc := range tests {
		got := ev.decide(tc.action, findingsOf(tc.types))
		want := Decision{Decision: tc.decision, MatchedRules: tc.matched, TransformPlan: tc.plan, Reason: tc.reason}
		if want.MatchedRules == nil {
			want.MatchedRules = []string{}
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("case %d (%+v):\n got %+v\nwant %+v", i, tc.action, got, want)
		}
	}
}

func TestDecideDatafogAPIPolicy(t *testing.T) {
	all5 := []engine.EntityType{engine.Email, engine.Phone, engine.SSN, engine.APIKey, engine.CreditCard}
	checkDecisions(t, newEvaluator(datafogPolicy(t)), []decision{
		{Action{Type: "shell.exec"}, []engine.EntityType{engine.APIKey}, Deny, []string{"deny-shell-api-key"}, nil, "Deny shell actions when API key is present in payload"},
		{Action{Type: "shell.exec"}, all5, Deny, []string{"deny-shell-api-key", "transform-sensitive-file-write"}, nil, "Deny shell actions when API key is present in payload"},
		{Action{Type: "file.read", Resource: "notes.txt"}, nil, Allow, []string{"allow-file-read"}, nil, ""},
		{Action{Type: "FILE.WRITE"}, all5, AllowWithRedaction, []string{"transform-sensitive-file-write"}, fullDefaultPlan, ""},
		{Action{Type: "file.write"}, []engine.EntityType{engine.Email}, Deny, nil, nil, "no matching rule"},
		{Action{Type: "command.exec", Adapter: "claude", Command: "--help"}, nil, Allow, []string{"allow-claude-help"}, nil, ""},
		{Action{Type: "command.exec", Adapter: "CODEX", Command: "-lc"}, nil, Deny, []string{"deny-agent-shell-exec"}, nil, "Block shell-style invocation from AI agent adapters"},
		{Action{Type: "command.exec", Adapter: "gemini", Command: "--help"}, nil, Deny, nil, nil, "no matching rule"},
		{Action{Type: "annotation.custom"}, all5, Allow, []string{"allow-annotate"}, nil, ""},
		{Action{Type: " "}, nil, Deny, nil, nil, "action.type is required"},
	})
}

func TestDecidePrecedenceAndPlanMerge(t *testing.T) {
	p, err := Parse([]byte(`{"policy_id":"p","policy_version":"1","rules":[
		{"id":"redact-low","priority":5,"effect":"allow_with_redaction","match":{"action_types":["file.write"]},
		 "entity_transforms":[{"entity_type":"email","mode":"redact"},{"entity_type":"ssn","mode":"hash"}]},
		{"id":"allow-high","priority":50,"effect":"allow","match":{"action_types":["file.write"]}},
		{"id":"transform-mid","priority":20,"effect":"transform","match":{"action_types":["file.write"],"resource_prefixes":["/data/"]},
		 "entity_requirements":["email"],"entity_transforms":[{"entity_type":"email","mode":"anonymize"}]},
		{"id":"deny-rm","priority":1,"effect":"deny","match":{"commands":["rm"],"args":["-r","-F"]}},
		{"id":"sensitive","priority":50,"effect":"transform","require_sensitive_only":true,"match":{"tools":["editor"]}},
		{"id":"deny-same-priority","priority":50,"effect":"deny","match":{"action_types":["file.write"]},"entity_requirements":["private_key"]}
	]}`))
	if err != nil {
		t.Fatal(err)
	}
	checkDecisions(t, newEvaluator(p), []decision{
		// Transform beats allow and allow_with_redaction; plans merge with
		// the higher-priority rule's step first.
		{Action{Type: "file.write", Resource: "/data/x"}, []engine.EntityType{engine.Email}, Transform,
			[]string{"allow-high", "transform-mid", "redact-low"}, []TransformStep{{"email", "anonymize"}, {"ssn", "hash"}}, ""},
		// Resource prefixes are case-sensitive.
		{Action{Type: "file.write", Resource: "/DATA/x"}, []engine.EntityType{engine.Email}, AllowWithRedaction,
			[]string{"allow-high", "redact-low"}, []TransformStep{{"email", "redact"}, {"ssn", "hash"}}, ""},
		// Deny wins whatever its priority; every matching rule is listed.
		{Action{Type: "file.write", Command: "RM", Args: []string{"-f", "x", "-R"}}, nil, Deny,
			[]string{"allow-high", "redact-low", "deny-rm"}, nil, `denied by rule "deny-rm"`},
		// All args must be present.
		{Action{Type: "shell.exec", Command: "rm", Args: []string{"-r"}}, nil, Deny, nil, nil, "no matching rule"},
		// require_sensitive_only; an empty plan falls back to the default.
		{Action{Type: "x", Tool: "Editor", Sensitive: true}, nil, Transform, []string{"sensitive"}, fullDefaultPlan, ""},
		{Action{Type: "x", Tool: "editor"}, nil, Deny, nil, nil, "no matching rule"},
		{Action{Type: "file.write"}, []engine.EntityType{engine.PrivateKey, engine.Email}, Deny,
			[]string{"allow-high", "deny-same-priority", "redact-low"}, nil, `denied by rule "deny-same-priority"`},
	})
}

func TestDefaultPolicyDecisions(t *testing.T) {
	ev := newEvaluator(Default())
	checkDecisions(t, ev, []decision{
		{Action{Type: "http.request"}, []engine.EntityType{engine.AWSAccessKey}, Deny, []string{"deny-egress-aws-access-key", "allow-clean-write"}, nil,
			"Deny shell and HTTP actions that carry a secret (aws_access_key)"},
		{Action{Type: "file.write"}, []engine.EntityType{engine.Email, engine.CreditCard}, AllowWithRedaction,
			[]string{"redact-email", "redact-credit-card", "allow-clean-write"}, []TransformStep{{"email", "mask"}, {"credit_card", "redact"}}, ""},
		{Action{Type: "http.request"}, nil, Allow, []string{"allow-clean-write"}, nil, ""},
		{Action{Type: "shell.exec"}, []engine.EntityType{engine.Email}, Deny, nil, nil, "no matching rule"},
	})
}
