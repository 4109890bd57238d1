package policy

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// compileSchema loads policy.schema.json with a JSON Schema 2020-12
// validator, format assertions on (updated_at is a date-time).
func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open("policy.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatalf("policy.schema.json: %v", err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("policy.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("policy.schema.json")
	if err != nil {
		t.Fatalf("compile policy.schema.json: %v", err)
	}
	return sch
}

// schemaAccepts validates a policy document against the schema.
func schemaAccepts(t *testing.T, sch *jsonschema.Schema, doc string) error {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(strings.NewReader(doc))
	if err != nil {
		return err
	}
	return sch.Validate(v)
}

// compilerAccepts parses and compiles a policy as the commands load it.
func compilerAccepts(doc, dir string) error {
	p, err := Parse([]byte(doc))
	if err != nil {
		return err
	}
	_, err = Compile(p, dir)
	return err
}

// policyOf builds a minimal policy around one rule and extra members.
func policyOf(rule, extra string) string {
	if extra != "" {
		extra = "," + extra
	}
	return `{"policy_id":"p","policy_version":"1","rules":[` + rule + `]` + extra + `}`
}

const okRule = `{"id":"r","effect":"allow"}`

// TestSchemaAndCompilerAgree: for every policy below the schema and the
// compiler give the same verdict, except for the problems a schema cannot
// express (uniqueness, names known to this build, files), which the
// compiler alone refuses and docs/policy.md lists.
func TestSchemaAndCompilerAgree(t *testing.T) {
	sch := compileSchema(t)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "staff.txt"), []byte("E-1\nE-2\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	def, err := os.ReadFile("default_policy.json")
	if err != nil {
		t.Fatal(err)
	}
	api, err := os.ReadFile("testdata/datafog_api_policy.json")
	if err != nil {
		t.Fatal(err)
	}
	good := map[string]string{
		"default policy":   string(def),
		"datafog-api":      string(api),
		"minimal":          policyOf(okRule, ""),
		"nulls":            policyOf(`{"id":"r","effect":"deny","match":null,"priority":null,"entity_transforms":null}`, `"description":null,"min_confidence":null,"dictionaries":null`),
		"every rule field": policyOf(`{"id":"r","description":"d","priority":3,"effect":"transform","match":{"action_types":["a"],"tools":["t"],"resource_prefixes":["/x"],"commands":["c"],"args":["-v"],"adapters":["claude"]},"entity_requirements":["email"],"entity_transforms":[{"entity_type":"email","mode":"hash"}],"require_sensitive_only":true}`, ""),
		"one prefix":       policyOf(`{"id":"r","effect":"allow","match":{"resource_prefix":"/tmp"}}`, ""),
		"dictionary terms": policyOf(`{"id":"r","effect":"deny","entity_requirements":["employee_id"]}`, `"dictionaries":[{"name":"s","entity_type":"Employee_ID","terms":["E-1"],"case_insensitive":true,"whole_word":true,"confidence":0.8}]`),
		"dictionary file":  policyOf(okRule, `"dictionaries":[{"name":"s","entity_type":"staff","file":"staff.txt"}]`),
		"detectors":        policyOf(okRule, `"detectors":{"zip_code":{"enabled":false},"phone":{"min_confidence":0.7}},"min_confidence":0.25`),
		"updated_at":       policyOf(okRule, `"updated_at":"2026-12-01T10:00:00Z"`),
		"custom rule":      policyOf(`{"id":"r","effect":"deny","entity_requirements":["acme_token"]}`, `"custom_rules":[{"name":"acme","entity_type":"acme_token","prefix":"acme_","charset":"base62","min_length":32,"max_length":40,"min_entropy":3.5,"confidence":0.95}]`),
	}
	// Structural problems: both refuse.
	bad := map[string]string{
		"not an object":          `[1]`,
		"no policy_id":           `{"policy_version":"1","rules":[` + okRule + `]}`,
		"blank policy_version":   `{"policy_id":"p","policy_version":"  ","rules":[` + okRule + `]}`,
		"no rules":               `{"policy_id":"p","policy_version":"1","rules":[]}`,
		"unknown member":         policyOf(okRule, `"custom_rule":[]`),
		"custom rule typo":       policyOf(okRule, `"custom_rules":[{"name":"a","entity_type":"acme_token","prefix":"acme_","charset":"hex","min_length":8,"maxlength":9}]`),
		"custom rule no prefix":  policyOf(okRule, `"custom_rules":[{"name":"a","entity_type":"acme_token","charset":"hex","min_length":8}]`),
		"custom prefix anchor":   policyOf(okRule, `"custom_rules":[{"name":"a","entity_type":"acme_token","prefix":"acme","charset":"hex","min_length":8}]`),
		"custom body length":     policyOf(okRule, `"custom_rules":[{"name":"a","entity_type":"acme_token","prefix":"acme_","charset":"hex","min_length":2000}]`),
		"custom entropy":         policyOf(okRule, `"custom_rules":[{"name":"a","entity_type":"acme_token","prefix":"acme_","charset":"hex","min_length":8,"min_entropy":9}]`),
		"custom type case":       policyOf(okRule, `"custom_rules":[{"name":"a","entity_type":"Acme-Token","prefix":"acme_","charset":"hex","min_length":8}]`),
		"typo in a rule":         policyOf(`{"id":"r","effect":"allow","priorty":1}`, ""),
		"typo in match":          policyOf(`{"id":"r","effect":"allow","match":{"adapter":["x"]}}`, ""),
		"unknown effect":         policyOf(`{"id":"r","effect":"block"}`, ""),
		"no effect":              policyOf(`{"id":"r"}`, ""),
		"no id":                  policyOf(`{"effect":"allow"}`, ""),
		"negative priority":      policyOf(`{"id":"r","effect":"allow","priority":-1}`, ""),
		"fractional priority":    policyOf(`{"id":"r","effect":"allow","priority":1.5}`, ""),
		"priority as a string":   policyOf(`{"id":"r","effect":"allow","priority":"1"}`, ""),
		"empty condition":        policyOf(`{"id":"r","effect":"allow","match":{"action_types":[""]}}`, ""),
		"both prefixes":          policyOf(`{"id":"r","effect":"allow","match":{"resource_prefix":"/a","resource_prefixes":["/b"]}}`, ""),
		"unknown mode":           policyOf(`{"id":"r","effect":"transform","entity_transforms":[{"entity_type":"email","mode":"blur"}]}`, ""),
		"transform without type": policyOf(`{"id":"r","effect":"transform","entity_transforms":[{"mode":"mask"}]}`, ""),
		"min_confidence 2":       policyOf(okRule, `"min_confidence":2`),
		"bad updated_at":         policyOf(okRule, `"updated_at":"yesterday"`),
		"dictionary, no source":  policyOf(okRule, `"dictionaries":[{"name":"s","entity_type":"x"}]`),
		"dictionary, both":       policyOf(okRule, `"dictionaries":[{"name":"s","entity_type":"x","terms":["a"],"file":"staff.txt"}]`),
		"dictionary type":        policyOf(okRule, `"dictionaries":[{"name":"s","entity_type":"bad-type","terms":["a"]}]`),
		"dictionary, no name":    policyOf(okRule, `"dictionaries":[{"entity_type":"x","terms":["a"]}]`),
		"padded term":            policyOf(okRule, `"dictionaries":[{"name":"s","entity_type":"x","terms":[" a"]}]`),
		"empty term":             policyOf(okRule, `"dictionaries":[{"name":"s","entity_type":"x","terms":[""]}]`),
		"long term":              policyOf(okRule, `"dictionaries":[{"name":"s","entity_type":"x","terms":["`+strings.Repeat("a", 257)+`"]}]`),
		"confidence 2":           policyOf(okRule, `"dictionaries":[{"name":"s","entity_type":"x","terms":["a"],"confidence":2}]`),
		"absolute file":          policyOf(okRule, `"dictionaries":[{"name":"s","entity_type":"x","file":"/etc/passwd"}]`),
		"file outside":           policyOf(okRule, `"dictionaries":[{"name":"s","entity_type":"x","file":"../x.txt"}]`),
		"detector typo":          policyOf(okRule, `"detectors":{"email":{"enable":true}}`),
		"detector confidence":    policyOf(okRule, `"detectors":{"ssn":{"min_confidence":1.5}}`),
		"enabled as a string":    policyOf(okRule, `"detectors":{"ssn":{"enabled":"no"}}`),
	}
	// Beyond the schema: only the compiler can tell (docs/policy.md).
	semantic := map[string]string{
		"duplicate rule id":        policyOf(okRule+","+okRule, ""),
		"unknown entity type":      policyOf(`{"id":"r","effect":"deny","entity_requirements":["passport_no"]}`, ""),
		"unknown transform type":   policyOf(`{"id":"r","effect":"transform","entity_transforms":[{"entity_type":"nope","mode":"mask"}]}`, ""),
		"duplicate dictionary":     policyOf(okRule, `"dictionaries":[{"name":"s","entity_type":"x","terms":["a"]},{"name":"s","entity_type":"y","terms":["b"]}]`),
		"unknown detector":         policyOf(okRule, `"detectors":{"passport":{}}`),
		"missing dictionary file":  policyOf(okRule, `"dictionaries":[{"name":"s","entity_type":"x","file":"missing.txt"}]`),
		"custom rule builtin type": policyOf(okRule, `"custom_rules":[{"name":"a","entity_type":"email","prefix":"acme_","charset":"hex","min_length":8}]`),
		"custom unknown charset":   policyOf(okRule, `"custom_rules":[{"name":"a","entity_type":"acme_token","prefix":"acme_","charset":"z-a","min_length":8}]`),
		"custom max below min":     policyOf(okRule, `"custom_rules":[{"name":"a","entity_type":"acme_token","prefix":"acme_","charset":"hex","min_length":8,"max_length":4}]`),
		"duplicate transform type": policyOf(`{"id":"r","effect":"transform","entity_transforms":[{"entity_type":"email","mode":"mask"},{"entity_type":"email","mode":"hash"}]}`, ""),
	}
	for name, doc := range good {
		if err := schemaAccepts(t, sch, doc); err != nil {
			t.Errorf("good %q: schema refuses it: %v", name, err)
		}
		if err := compilerAccepts(doc, dir); err != nil {
			t.Errorf("good %q: compiler refuses it: %v", name, err)
		}
	}
	for name, doc := range bad {
		if err := schemaAccepts(t, sch, doc); err == nil {
			t.Errorf("bad %q: schema accepts it", name)
		}
		if err := compilerAccepts(doc, dir); err == nil {
			t.Errorf("bad %q: compiler accepts it", name)
		}
	}
	for name, doc := range semantic {
		if err := schemaAccepts(t, sch, doc); err != nil {
			t.Errorf("semantic %q: the schema refuses it (%v); move it to bad", name, err)
		}
		if err := compilerAccepts(doc, dir); err == nil {
			t.Errorf("semantic %q: compiler accepts it", name)
		}
	}
}

// TestPolicyDocExamples: every JSON example in docs/policy.md passes the
// schema and the compiler, so the page stays true.
func TestPolicyDocExamples(t *testing.T) {
	sch := compileSchema(t)
	page, err := os.ReadFile("../../docs/policy.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := regexp.MustCompile("(?s)```json\n(.*?)```").FindAllSubmatch(page, -1)
	if len(blocks) < 3 {
		t.Fatalf("docs/policy.md has %d JSON examples, want at least 3", len(blocks))
	}
	for i, b := range blocks {
		var v any
		if err := json.Unmarshal(b[1], &v); err != nil {
			t.Errorf("example %d is not JSON: %v", i+1, err)
			continue
		}
		if err := schemaAccepts(t, sch, string(b[1])); err != nil {
			t.Errorf("example %d: schema: %v", i+1, err)
		}
		if err := compilerAccepts(string(bytes.TrimSpace(b[1])), t.TempDir()); err != nil {
			t.Errorf("example %d: compiler: %v", i+1, err)
		}
	}
}
