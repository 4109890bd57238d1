package kubernetes_test

import (
	"testing"

	"github.com/datafog/datafog-api/engine/policy"
)

// TestPolicyConfigMapCompiles loads the ConfigMap's policy with the service's
// own loader, as a replica does at start-up and on reload; a policy the
// service would refuse fails here, not in the cluster.
func TestPolicyConfigMapCompiles(t *testing.T) {
	b := load(t)
	cm, key := policyConfigMap(b)
	if cm == nil {
		t.Fatal("no policy ConfigMap mounted at DATAFOG_POLICY_PATH")
	}
	p, err := policy.Parse([]byte(cm.Data[key]))
	if err != nil {
		t.Fatalf("ConfigMap %s: %s: %v", cm.Name, key, err)
	}
	c, err := policy.Compile(p, t.TempDir())
	if err != nil {
		t.Fatalf("ConfigMap %s: %s: compile: %v", cm.Name, key, err)
	}
	if c.Policy.PolicyID != "datafog-kubernetes" || c.Policy.PolicyVersion != "2026-01-01.1" || len(c.Policy.Rules) != 10 {
		t.Errorf("policy %s %s with %d rules, want datafog-kubernetes 2026-01-01.1 with 10", c.Policy.PolicyID, c.Policy.PolicyVersion, len(c.Policy.Rules))
	}
	// The loader must refuse what the structural checks refuse.
	if _, err := policy.Parse([]byte(`{"policy_id":"x","policy_version":"1","rules":[{"id":"a","priority":1,"effect":"block","match":{"action_types":["file.read"]}}]}`)); err == nil {
		t.Error("policy.Parse accepted an unknown effect")
	}
}
