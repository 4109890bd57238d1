package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/datafog/datafog-api/engine"
)

// TestEntitiesCommand checks that `datafog entities` lists every built-in
// type from the registry, in order, with the contract's fields, plus a
// policy's dictionary types.
func TestEntitiesCommand(t *testing.T) {
	r := runCLI(t, nil, nil, "entities")
	if r.code != exitOK || r.stderr != "" {
		t.Fatalf("code %d stderr %q", r.code, r.stderr)
	}
	var out struct {
		Count    int                 `json:"count"`
		Entities []engine.EntityInfo `json:"entities"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatal(err)
	}
	if out.Count != len(engine.BuiltinTypes) || len(out.Entities) != out.Count {
		t.Fatalf("count %d, %d entries, want %d", out.Count, len(out.Entities), len(engine.BuiltinTypes))
	}
	for i, e := range out.Entities {
		if e.EntityType != string(engine.BuiltinTypes[i]) || e.Family == "" || e.ConfirmedBy == "" || e.DefaultConfidence <= 0 {
			t.Errorf("entry %d: %+v", i, e)
		}
	}
	if !strings.Contains(r.stdout, `"entity_type": "uk_nhs_number"`) || !strings.Contains(r.stdout, `"nhs"`) {
		t.Errorf("uk_nhs_number or its context words missing")
	}
	base := strings.TrimSpace(testPolicyJSON("v1", "allow"))
	pol := writeFile(t, t.TempDir(), "p.json", base[:len(base)-1]+`,"dictionaries":[{"name":"p","entity_type":"project_code","terms":["apollo"]}]}`)
	r = runCLI(t, nil, nil, "entities", "--policy", pol)
	if r.code != exitOK || !strings.Contains(r.stdout, `"entity_type": "project_code"`) || !strings.Contains(r.stdout, `"family": "dictionary"`) {
		t.Errorf("with a dictionary: code %d stdout %.300s stderr %q", r.code, r.stdout, r.stderr)
	}
	if r := runCLI(t, nil, nil, "entities", "extra"); r.code != exitError {
		t.Errorf("an extra argument: code %d", r.code)
	}
}
