package transport

import (
	"encoding/json"
	"testing"

	"github.com/datafog/datafog-api/engine"
)

// TestEntitiesRoute checks GET /v1/entities: 200 with every type the
// policy's engine reports, from the registry; other methods are refused.
func TestEntitiesRoute(t *testing.T) {
	_, base := startServer(t, testConfig(), newFakeStore())
	c := testClient()
	r := do(t, c, "GET", base+"/v1/entities", nil, nil)
	if r.status != 200 || r.header.Get("Content-Type") != "application/json" {
		t.Fatalf("%d %s %.200s", r.status, r.header.Get("Content-Type"), r.body)
	}
	var out struct {
		PolicyID string              `json:"policy_id"`
		Count    int                 `json:"count"`
		Entities []engine.EntityInfo `json:"entities"`
	}
	if err := json.Unmarshal([]byte(r.body), &out); err != nil {
		t.Fatal(err)
	}
	want := testPolicy(t).Engine.Entities()
	if out.Count != len(want) || len(out.Entities) != len(want) || out.PolicyID == "" {
		t.Fatalf("count %d, %d entries, want %d", out.Count, len(out.Entities), len(want))
	}
	for i := range want {
		if out.Entities[i].EntityType != want[i].EntityType || out.Entities[i].ConfirmedBy != want[i].ConfirmedBy {
			t.Errorf("entry %d: %+v, want %+v", i, out.Entities[i], want[i])
		}
	}
	wantError(t, do(t, c, "POST", base+"/v1/entities", nil, jsonHdr), 405, "method_not_allowed", "method not allowed")
}
