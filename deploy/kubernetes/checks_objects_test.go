package kubernetes_test

// Checks of the objects around the StatefulSet: Services, the disruption
// budget, the autoscaler, the network policy, the policy ConfigMap, the
// Secret example and the kustomization.

import (
	"encoding/json"
	"path"
	"slices"
	"sort"
	"strings"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

func checkServices(p *problems, b *bundle, podLabels map[string]string) {
	var clusterIP, headless int
	for _, s := range b.services {
		if s.Spec.ClusterIP == corev1.ClusterIPNone {
			headless++
		} else if s.Spec.Type == "" || s.Spec.Type == corev1.ServiceTypeClusterIP {
			clusterIP++
		} else {
			p.addf("Service %s: type %s exposes the pods outside the cluster", s.Name, s.Spec.Type)
		}
		if !selects(&metav1.LabelSelector{MatchLabels: s.Spec.Selector}, podLabels) {
			p.addf("Service %s: selector does not match the pod labels", s.Name)
		}
		for _, sp := range s.Spec.Ports {
			if sp.Port != servicePort || containerPort(&b.statefulSet.Spec.Template.Spec.Containers[0], sp.TargetPort) != servicePort {
				p.addf("Service %s: port %d does not reach container port %d", s.Name, sp.Port, servicePort)
			}
		}
	}
	if clusterIP != 1 || headless != 1 {
		p.addf("Services: want one ClusterIP and one headless Service, have %d and %d", clusterIP, headless)
	}
}

func checkPDB(p *problems, b *bundle, podLabels map[string]string) {
	if !selects(b.pdb.Spec.Selector, podLabels) {
		p.addf("PodDisruptionBudget %s: selector does not match the pod labels", b.pdb.Name)
	}
	if (b.pdb.Spec.MinAvailable == nil) == (b.pdb.Spec.MaxUnavailable == nil) {
		p.addf("PodDisruptionBudget %s: set exactly one of minAvailable and maxUnavailable", b.pdb.Name)
	}
}

func checkHPA(p *problems, b *bundle) {
	h := b.hpa
	ref := h.Spec.ScaleTargetRef
	if ref.APIVersion != "apps/v1" || ref.Kind != "StatefulSet" || ref.Name != b.statefulSet.Name {
		p.addf("HorizontalPodAutoscaler %s: scaleTargetRef is not StatefulSet %s", h.Name, b.statefulSet.Name)
	}
	if h.Spec.MinReplicas == nil || *h.Spec.MinReplicas < 2 || h.Spec.MaxReplicas < *h.Spec.MinReplicas {
		p.addf("HorizontalPodAutoscaler %s: want 2 <= minReplicas <= maxReplicas", h.Name)
	}
	cpu := false
	for _, m := range h.Spec.Metrics {
		if m.Type == "Resource" && m.Resource != nil && m.Resource.Name == corev1.ResourceCPU &&
			m.Resource.Target.Type == "Utilization" && m.Resource.Target.AverageUtilization != nil &&
			*m.Resource.Target.AverageUtilization > 0 && *m.Resource.Target.AverageUtilization <= 100 {
			cpu = true
		}
	}
	if !cpu {
		p.addf("HorizontalPodAutoscaler %s: no CPU utilization metric", h.Name)
	}
}

// checkNetworkPolicy admits exactly two kinds of peer: the gateway namespace
// (any pod in it) and the datafog pods themselves, both on the service port.
func checkNetworkPolicy(p *problems, b *bundle, podLabels map[string]string) {
	np := b.networkPolicy
	if !selects(&np.Spec.PodSelector, podLabels) {
		p.addf("NetworkPolicy %s: podSelector does not match the pod labels", np.Name)
	}
	if !slices.Contains(np.Spec.PolicyTypes, "Ingress") {
		p.addf("NetworkPolicy %s: policyTypes lacks Ingress", np.Name)
	}
	var gateway, peers bool
	for i, r := range np.Spec.Ingress {
		if len(r.From) == 0 {
			p.addf("NetworkPolicy %s: ingress rule %d has no from, which admits every source", np.Name, i)
		}
		for _, f := range r.From {
			switch {
			case f.IPBlock != nil:
				p.addf("NetworkPolicy %s: ingress rule %d admits an ipBlock", np.Name, i)
			case f.NamespaceSelector != nil && f.PodSelector == nil &&
				len(f.NamespaceSelector.MatchExpressions) == 0 &&
				len(f.NamespaceSelector.MatchLabels) == 1 &&
				f.NamespaceSelector.MatchLabels[gatewayNSLabel] == gatewayNSName:
				gateway = true
			case f.NamespaceSelector == nil && f.PodSelector != nil &&
				selects(f.PodSelector, podLabels) && labelsEqual(f.PodSelector.MatchLabels, b.statefulSet.Spec.Selector.MatchLabels):
				peers = true
			default:
				p.addf("NetworkPolicy %s: ingress rule %d admits a source other than namespace %s or datafog pods", np.Name, i, gatewayNSName)
			}
		}
		if len(r.Ports) == 0 {
			p.addf("NetworkPolicy %s: ingress rule %d admits every port", np.Name, i)
		}
		for _, port := range r.Ports {
			if port.Port == nil || port.Port.IntValue() != servicePort || port.EndPort != nil ||
				(port.Protocol != nil && *port.Protocol != corev1.ProtocolTCP) {
				p.addf("NetworkPolicy %s: ingress rule %d admits a port other than TCP %d", np.Name, i, servicePort)
			}
		}
	}
	if !gateway {
		p.addf("NetworkPolicy %s: the %s namespace is not admitted", np.Name, gatewayNSName)
	}
	if !peers {
		p.addf("NetworkPolicy %s: datafog peers are not admitted", np.Name)
	}
}

func labelsEqual(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// policyDoc is the datafog-api policy shape. Unknown fields are rejected so a
// misspelt field in the ConfigMap fails here rather than being ignored.
type policyDoc struct {
	PolicyID      string       `json:"policy_id"`
	PolicyVersion string       `json:"policy_version"`
	Description   string       `json:"description,omitempty"`
	UpdatedAt     string       `json:"updated_at,omitempty"`
	Rules         []policyRule `json:"rules"`
}

type policyRule struct {
	ID          string `json:"id"`
	Description string `json:"description"`
	Priority    int    `json:"priority"`
	Effect      string `json:"effect"`
	Match       struct {
		ActionTypes    []string `json:"action_types"`
		Tools          []string `json:"tools,omitempty"`
		ResourcePrefix []string `json:"resource_prefix,omitempty"`
		Commands       []string `json:"commands,omitempty"`
		Args           []string `json:"args,omitempty"`
		Adapters       []string `json:"adapters,omitempty"`
	} `json:"match"`
	EntityRequirements []string `json:"entity_requirements,omitempty"`
}

// contractEntities are the entity types of CONTRACT.md.
var contractEntities = []string{
	"email", "phone", "ssn", "credit_card", "api_key", "ip_address", "date", "zip_code",
	"iban", "bank_routing", "mac_address", "aws_access_key", "github_token", "slack_token",
	"stripe_key", "google_api_key", "private_key", "jwt", "bitcoin_address",
	"ethereum_address", "uk_nhs_number", "ca_sin", "us_npi", "in_aadhaar",
}

var policyEffects = []string{"allow", "allow_with_redaction", "transform", "deny"}

// checkPolicyConfigMap checks the policy the StatefulSet mounts.
func checkPolicyConfigMap(p *problems, b *bundle) {
	cm, key := policyConfigMap(b)
	if cm == nil {
		p.addf("policy: the StatefulSet mounts no policy ConfigMap at DATAFOG_POLICY_PATH")
		return
	}
	raw, ok := cm.Data[key]
	if !ok {
		return // checkFileOnVolume reports the missing key
	}
	dec := json.NewDecoder(strings.NewReader(raw))
	dec.DisallowUnknownFields()
	var pol policyDoc
	if err := dec.Decode(&pol); err != nil {
		p.addf("ConfigMap %s: %s: not a policy: %v", cm.Name, key, err)
		return
	}
	if dec.More() {
		p.addf("ConfigMap %s: %s: data after the policy object", cm.Name, key)
	}
	if strings.TrimSpace(pol.PolicyID) == "" {
		p.addf("ConfigMap %s: %s: policy_id is empty", cm.Name, key)
	}
	if strings.TrimSpace(pol.PolicyVersion) == "" {
		p.addf("ConfigMap %s: %s: policy_version is empty", cm.Name, key)
	}
	if len(pol.Rules) == 0 {
		p.addf("ConfigMap %s: %s: no rules", cm.Name, key)
	}
	seen := map[string]bool{}
	for _, r := range pol.Rules {
		switch {
		case r.ID == "":
			p.addf("ConfigMap %s: %s: a rule has no id", cm.Name, key)
		case seen[r.ID]:
			p.addf("ConfigMap %s: %s: rule id %s repeats", cm.Name, key, r.ID)
		}
		seen[r.ID] = true
		if !slices.Contains(policyEffects, r.Effect) {
			p.addf("ConfigMap %s: %s: rule %s: unknown effect %q", cm.Name, key, r.ID, r.Effect)
		}
		if r.Priority < 0 {
			p.addf("ConfigMap %s: %s: rule %s: negative priority", cm.Name, key, r.ID)
		}
		if len(r.Match.ActionTypes) == 0 {
			p.addf("ConfigMap %s: %s: rule %s: no action_types", cm.Name, key, r.ID)
		}
		for _, e := range r.EntityRequirements {
			if !slices.Contains(contractEntities, e) {
				p.addf("ConfigMap %s: %s: rule %s: unknown entity type %q", cm.Name, key, r.ID, e)
			}
		}
	}
}

// policyConfigMap returns the ConfigMap and key that DATAFOG_POLICY_PATH
// names through the StatefulSet's mounts.
func policyConfigMap(b *bundle) (*corev1.ConfigMap, string) {
	spec := &b.statefulSet.Spec.Template.Spec
	for i := range spec.Containers {
		c := &spec.Containers[i]
		e := envVar(c, "DATAFOG_POLICY_PATH")
		if e == nil {
			continue
		}
		if m := mountFor(c, e.Value); m != nil {
			if v := volume(spec, m.Name); v != nil && v.ConfigMap != nil {
				return b.configMaps[v.ConfigMap.Name], path.Base(e.Value)
			}
		}
	}
	return nil, ""
}

// checkSecretRefs requires every Secret the StatefulSet reads to be
// documented, key for key, by secret.example.yaml, whose values must all be
// placeholders.
func checkSecretRefs(p *problems, b *bundle) {
	need := map[string][]string{} // secret name → keys
	spec := &b.statefulSet.Spec.Template.Spec
	for _, c := range allContainers(spec) {
		for _, e := range c.Env {
			if e.ValueFrom != nil && e.ValueFrom.SecretKeyRef != nil {
				r := e.ValueFrom.SecretKeyRef
				need[r.Name] = append(need[r.Name], r.Key)
			}
		}
	}
	for _, v := range spec.Volumes {
		if v.Secret == nil {
			continue
		}
		if len(v.Secret.Items) == 0 {
			p.addf("volume %s: Secret %s mounted whole; project only the keys it needs", v.Name, v.Secret.SecretName)
		}
		if m := v.Secret.DefaultMode; m == nil || (*m != 0o400 && *m != 0o440) {
			p.addf("volume %s: Secret %s files are not mode 0400 or 0440", v.Name, v.Secret.SecretName)
		}
		for _, it := range v.Secret.Items {
			need[v.Secret.SecretName] = append(need[v.Secret.SecretName], it.Key)
		}
	}
	names := make([]string, 0, len(need))
	for n := range need {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		s := b.secrets[n]
		if s == nil {
			p.addf("Secret %s: referenced but not described in %s", n, secretExampleFile)
			continue
		}
		for _, k := range need[n] {
			if _, ok := s.StringData[k]; !ok {
				p.addf("Secret %s: key %s referenced but not in %s", n, k, secretExampleFile)
			}
		}
	}
	for _, s := range b.secrets {
		if len(s.Data) > 0 {
			p.addf("Secret %s: %s carries data; use placeholder stringData", s.Name, secretExampleFile)
		}
		for k, v := range s.StringData {
			if !strings.HasPrefix(v, "REPLACE-") {
				p.addf("Secret %s: key %s in %s is not a REPLACE- placeholder", s.Name, k, secretExampleFile)
			}
		}
	}
}

// checkKustomization requires the resource list to be exactly the manifests
// but the Secret example and the kustomization itself.
func checkKustomization(p *problems, b *bundle) {
	var want []string
	for _, f := range b.files {
		if f != secretExampleFile && f != kustomizationFile {
			want = append(want, f)
		}
	}
	got := slices.Clone(b.kustomization.Resources)
	sort.Strings(got)
	if !slices.Equal(got, want) {
		p.addf("Kustomization: resources %v, want %v", got, want)
	}
}
