// Package kubernetes_test validates the manifests in this directory offline:
// no schema validator with its schemas installs from the Go module proxy, so
// the manifests are decoded strictly into the upstream k8s.io/api types
// (load_test.go) and checked against issue 8's requirements
// (checks_test.go). Every check is shown to fail on a mutated manifest.
package kubernetes_test

import (
	"slices"
	"strings"
	"testing"

	appsv1 "k8s.io/api/apps/v1"
	autoscalingv2 "k8s.io/api/autoscaling/v2"
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	policyv1 "k8s.io/api/policy/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/intstr"
)

func load(t *testing.T) *bundle {
	t.Helper()
	b, err := loadBundle(".")
	if err != nil {
		t.Fatalf("load manifests: %v", err)
	}
	return b
}

func TestManifestsDecodeIntoUpstreamTypes(t *testing.T) {
	b := load(t)
	kinds := map[string][]string{}
	for _, m := range b.manifests {
		var kind, name string
		switch o := m.obj.(type) {
		case *appsv1.StatefulSet:
			kind, name = "StatefulSet", o.Name
		case *corev1.Service:
			kind, name = "Service", o.Name
		case *corev1.ConfigMap:
			kind, name = "ConfigMap", o.Name
		case *corev1.Secret:
			kind, name = "Secret", o.Name
		case *policyv1.PodDisruptionBudget:
			kind, name = "PodDisruptionBudget", o.Name
		case *autoscalingv2.HorizontalPodAutoscaler:
			kind, name = "HorizontalPodAutoscaler", o.Name
		case *networkingv1.NetworkPolicy:
			kind, name = "NetworkPolicy", o.Name
		case *kustomization:
			kind, name = "Kustomization", m.file
		}
		if ns := namespaceOf(m.obj); ns != "" {
			t.Errorf("%s: %s %s sets namespace %q; the manifests must stay namespace-agnostic", m.file, kind, name, ns)
		}
		kinds[kind] = append(kinds[kind], name)
	}
	want := map[string][]string{
		"StatefulSet":             {"datafog"},
		"Service":                 {"datafog", "datafog-headless"},
		"ConfigMap":               {"datafog-config", "datafog-policy"},
		"Secret":                  {"datafog"},
		"PodDisruptionBudget":     {"datafog"},
		"HorizontalPodAutoscaler": {"datafog"},
		"NetworkPolicy":           {"datafog"},
		"Kustomization":           {"kustomization.yaml"},
	}
	for k, names := range want {
		got := slices.Sorted(slices.Values(kinds[k]))
		if !slices.Equal(got, names) {
			t.Errorf("%s objects %v, want %v", k, got, names)
		}
	}
	if len(kinds) != len(want) {
		t.Errorf("kinds %v, want exactly %v", kinds, want)
	}
}

func namespaceOf(obj any) string {
	if o, ok := obj.(metav1.Object); ok {
		return o.GetNamespace()
	}
	return ""
}

func TestManifestsPassEveryCheck(t *testing.T) {
	for _, p := range checkBundle(load(t)) {
		t.Error(p)
	}
}

// TestStrictDecoding shows that the decoder rejects what the apiserver would
// reject or silently drop.
func TestStrictDecoding(t *testing.T) {
	const base = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: x
spec:
  serviceName: x
  template:
    spec:
      containers:
        - name: c
          securityContext:
            readOnlyRootFilesystem: true
`
	if _, err := decodeDocument([]byte(base)); err != nil {
		t.Fatalf("valid document: %v", err)
	}
	cases := map[string]string{
		"misspelt field":     strings.Replace(base, "readOnlyRootFilesystem", "readOnlyRootFileSystem", 1),
		"misplaced field":    strings.Replace(base, "  serviceName: x\n", "  serviceName: x\n  fsGroup: 65532\n", 1),
		"duplicate key":      strings.Replace(base, "  serviceName: x\n", "  serviceName: x\n  serviceName: y\n", 1),
		"wrong value type":   strings.Replace(base, "readOnlyRootFilesystem: true", "readOnlyRootFilesystem: [true]", 1),
		"unknown kind":       strings.Replace(base, "kind: StatefulSet", "kind: StatefulSett", 1),
		"unknown apiVersion": strings.Replace(base, "apiVersion: apps/v1", "apiVersion: apps/v1beta1", 1),
	}
	for name, doc := range cases {
		if doc == base {
			t.Fatalf("%s: the mutation did not change the document", name)
		}
		if _, err := decodeDocument([]byte(doc)); err == nil {
			t.Errorf("%s: decoded without error", name)
		}
	}
}

func TestSplitDocuments(t *testing.T) {
	in := "# lead comment\n---\na: 1\n---\n# only a comment\n---  \nb: 2\n"
	got := splitDocuments([]byte(in))
	want := []string{"a: 1\n", "b: 2\n"}
	if len(got) != len(want) {
		t.Fatalf("got %d documents %q, want %q", len(got), got, want)
	}
	for i := range got {
		if string(got[i]) != want[i] {
			t.Errorf("document %d = %q, want %q", i, got[i], want[i])
		}
	}
}

// mutation breaks one requirement; want is a fragment of the problem the
// checks must report for it.
type mutation struct {
	name   string
	mutate func(b *bundle)
	want   string
}

func boolPtr(v bool) *bool    { return &v }
func int64Ptr(v int64) *int64 { return &v }
func int32Ptr(v int32) *int32 { return &v }

var mutations = []mutation{
	{"writable root filesystem", func(b *bundle) {
		containerOf(b.statefulSet).SecurityContext.ReadOnlyRootFilesystem = boolPtr(false)
	}, "readOnlyRootFilesystem is not true"},
	{"container runAsNonRoot unset", func(b *bundle) {
		containerOf(b.statefulSet).SecurityContext.RunAsNonRoot = nil
	}, "container datafog: runAsNonRoot is not true"},
	{"container runs as root", func(b *bundle) {
		containerOf(b.statefulSet).SecurityContext.RunAsUser = int64Ptr(0)
	}, "container datafog: runAsUser is not 65532"},
	{"container group 0", func(b *bundle) {
		containerOf(b.statefulSet).SecurityContext.RunAsGroup = int64Ptr(0)
	}, "container datafog: runAsGroup is not 65532"},
	{"privilege escalation", func(b *bundle) {
		containerOf(b.statefulSet).SecurityContext.AllowPrivilegeEscalation = boolPtr(true)
	}, "allowPrivilegeEscalation is not false"},
	{"privileged", func(b *bundle) {
		containerOf(b.statefulSet).SecurityContext.Privileged = boolPtr(true)
	}, "container datafog: privileged"},
	{"capabilities kept", func(b *bundle) {
		containerOf(b.statefulSet).SecurityContext.Capabilities.Drop = []corev1.Capability{"NET_RAW"}
	}, "capabilities do not drop exactly [ALL]"},
	{"capability added", func(b *bundle) {
		containerOf(b.statefulSet).SecurityContext.Capabilities.Add = []corev1.Capability{"NET_BIND_SERVICE"}
	}, "capabilities add [NET_BIND_SERVICE]"},
	{"container seccomp unconfined", func(b *bundle) {
		containerOf(b.statefulSet).SecurityContext.SeccompProfile.Type = corev1.SeccompProfileTypeUnconfined
	}, "container datafog: seccompProfile is not RuntimeDefault"},
	{"no container securityContext", func(b *bundle) {
		containerOf(b.statefulSet).SecurityContext = nil
	}, "container datafog: no securityContext"},
	{"pod runAsNonRoot unset", func(b *bundle) {
		b.statefulSet.Spec.Template.Spec.SecurityContext.RunAsNonRoot = nil
	}, "pod: securityContext.runAsNonRoot is not true"},
	{"pod user", func(b *bundle) {
		b.statefulSet.Spec.Template.Spec.SecurityContext.RunAsUser = int64Ptr(1000)
	}, "pod: securityContext.runAsUser is not 65532"},
	{"pod group", func(b *bundle) {
		b.statefulSet.Spec.Template.Spec.SecurityContext.RunAsGroup = nil
	}, "pod: securityContext.runAsGroup is not 65532"},
	{"no fsGroup", func(b *bundle) {
		b.statefulSet.Spec.Template.Spec.SecurityContext.FSGroup = nil
	}, "pod: securityContext.fsGroup is not 65532"},
	{"pod seccomp unset", func(b *bundle) {
		b.statefulSet.Spec.Template.Spec.SecurityContext.SeccompProfile = nil
	}, "pod: securityContext.seccompProfile is not RuntimeDefault"},
	{"host network", func(b *bundle) {
		b.statefulSet.Spec.Template.Spec.HostNetwork = true
	}, "pod: shares a host namespace"},
	{"service account token", func(b *bundle) {
		b.statefulSet.Spec.Template.Spec.AutomountServiceAccountToken = nil
	}, "pod: automountServiceAccountToken is not false"},
	{"hostPath volume", func(b *bundle) {
		s := &b.statefulSet.Spec.Template.Spec
		s.Volumes = append(s.Volumes, corev1.Volume{Name: "host", VolumeSource: corev1.VolumeSource{HostPath: &corev1.HostPathVolumeSource{Path: "/"}}})
	}, "pod: volume host is a hostPath"},
	{"no memory limit", func(b *bundle) {
		delete(containerOf(b.statefulSet).Resources.Limits, corev1.ResourceMemory)
	}, "container datafog: no memory limit"},
	{"no cpu request", func(b *bundle) {
		delete(containerOf(b.statefulSet).Resources.Requests, corev1.ResourceCPU)
	}, "container datafog: no cpu request"},
	{"request above limit", func(b *bundle) {
		containerOf(b.statefulSet).Resources.Requests[corev1.ResourceMemory] = mustQuantity("2Gi")
	}, "memory request 2Gi exceeds limit 1Gi"},
	{"liveness on another path", func(b *bundle) {
		containerOf(b.statefulSet).LivenessProbe.HTTPGet.Path = "/healthz"
	}, "livenessProbe is not an HTTP GET of /health"},
	{"liveness on another port", func(b *bundle) {
		containerOf(b.statefulSet).LivenessProbe.HTTPGet.Port = intstr.FromInt32(9090)
	}, "livenessProbe port 9090 is not 8080"},
	{"no readiness", func(b *bundle) {
		containerOf(b.statefulSet).ReadinessProbe = nil
	}, "container datafog: no readinessProbe"},
	{"startup probe by exec", func(b *bundle) {
		containerOf(b.statefulSet).StartupProbe.HTTPGet = nil
	}, "startupProbe is not an HTTP GET of /health"},
	{"loopback address", func(b *bundle) {
		envVar(containerOf(b.statefulSet), "DATAFOG_ADDR").Value = "127.0.0.1:8080"
	}, "DATAFOG_ADDR is not 0.0.0.0:8080"},
	{"token as a literal", func(b *bundle) {
		e := envVar(containerOf(b.statefulSet), "DATAFOG_API_TOKEN")
		e.ValueFrom, e.Value = nil, "hunter2hunter2"
	}, "DATAFOG_API_TOKEN does not come from a secretKeyRef"},
	{"peer template without node", func(b *bundle) {
		envVar(containerOf(b.statefulSet), "DATAFOG_PEER_URL_TEMPLATE").Value = "http://datafog:8080"
	}, "DATAFOG_PEER_URL_TEMPLATE does not name"},
	{"receipts elsewhere", func(b *bundle) {
		envVar(containerOf(b.statefulSet), "DATAFOG_RECEIPT_PATH").Value = "/tmp/receipts"
	}, "DATAFOG_RECEIPT_PATH is not /var/lib/datafog/receipts"},
	{"policy mount writable", func(b *bundle) {
		mountFor(containerOf(b.statefulSet), "/etc/datafog/policy/policy.json").ReadOnly = false
	}, "DATAFOG_POLICY_PATH is not on a readOnly mount"},
	{"policy key missing", func(b *bundle) {
		envVar(containerOf(b.statefulSet), "DATAFOG_POLICY_PATH").Value = "/etc/datafog/policy/other.json"
	}, "ConfigMap datafog-policy has no key other.json"},
	{"receipt key on the policy volume", func(b *bundle) {
		envVar(containerOf(b.statefulSet), "DATAFOG_RECEIPT_KEY_FILE").Value = "/etc/datafog/policy/receipt.key"
	}, "DATAFOG_RECEIPT_KEY_FILE is on the wrong kind of volume"},
	{"subPath mount", func(b *bundle) {
		mountFor(containerOf(b.statefulSet), "/etc/datafog/policy/policy.json").SubPath = "policy.json"
	}, "uses subPath"},
	{"secret mount writable", func(b *bundle) {
		mountFor(containerOf(b.statefulSet), "/var/run/secrets/datafog/receipt.key").ReadOnly = false
	}, "mount /var/run/secrets/datafog of volume keys is not readOnly"},
	{"token in env ConfigMap", func(b *bundle) {
		b.configMaps["datafog-config"].Data["DATAFOG_API_TOKEN"] = "x"
	}, "key DATAFOG_API_TOKEN does not belong in an env ConfigMap"},
	{"no receipt volume", func(b *bundle) {
		b.statefulSet.Spec.VolumeClaimTemplates = nil
	}, "no volumeClaimTemplate mounted writable at /var/lib/datafog/receipts"},
	{"claim without size", func(b *bundle) {
		b.statefulSet.Spec.VolumeClaimTemplates[0].Spec.Resources.Requests = nil
	}, "volumeClaimTemplate receipts: no storage request"},
	{"serviceName not headless", func(b *bundle) {
		b.statefulSet.Spec.ServiceName = "datafog"
	}, "serviceName \"datafog\" is not the headless Service"},
	{"selector off the template", func(b *bundle) {
		b.statefulSet.Spec.Selector.MatchLabels["app.kubernetes.io/instance"] = "other"
	}, "StatefulSet datafog: selector does not match the pod template labels"},
	{"service selects other pods", func(b *bundle) {
		b.services[0].Spec.Selector = map[string]string{"app": "other"}
	}, "selector does not match the pod labels"},
	{"service empty selector", func(b *bundle) {
		b.services[1].Spec.Selector = nil
	}, "selector does not match the pod labels"},
	{"service exposed", func(b *bundle) {
		for _, s := range b.services {
			if s.Spec.ClusterIP == "" {
				s.Spec.Type = corev1.ServiceTypeLoadBalancer
			}
		}
	}, "type LoadBalancer exposes the pods outside the cluster"},
	{"service wrong target port", func(b *bundle) {
		b.services[0].Spec.Ports[0].TargetPort = intstr.FromString("metrics")
	}, "does not reach container port 8080"},
	{"no headless service", func(b *bundle) {
		for _, s := range b.services {
			s.Spec.ClusterIP = ""
		}
	}, "want one ClusterIP and one headless Service, have 2 and 0"},
	{"pdb selects other pods", func(b *bundle) {
		b.pdb.Spec.Selector.MatchLabels["app.kubernetes.io/name"] = "other"
	}, "PodDisruptionBudget datafog: selector does not match the pod labels"},
	{"pdb without a bound", func(b *bundle) {
		b.pdb.Spec.MaxUnavailable = nil
	}, "set exactly one of minAvailable and maxUnavailable"},
	{"hpa on a Deployment", func(b *bundle) {
		b.hpa.Spec.ScaleTargetRef.Kind = "Deployment"
	}, "scaleTargetRef is not StatefulSet datafog"},
	{"hpa on memory", func(b *bundle) {
		b.hpa.Spec.Metrics[0].Resource.Name = corev1.ResourceMemory
	}, "no CPU utilization metric"},
	{"hpa single replica", func(b *bundle) {
		b.hpa.Spec.MinReplicas = int32Ptr(1)
	}, "want 2 <= minReplicas <= maxReplicas"},
	{"netpol other namespace", func(b *bundle) {
		b.networkPolicy.Spec.Ingress[0].From[0].NamespaceSelector.MatchLabels[gatewayNSLabel] = "default"
	}, "admits a source other than namespace gateway"},
	{"netpol all namespaces", func(b *bundle) {
		b.networkPolicy.Spec.Ingress[0].From[0].NamespaceSelector = &metav1.LabelSelector{}
	}, "admits a source other than namespace gateway"},
	{"netpol ipBlock", func(b *bundle) {
		r := &b.networkPolicy.Spec.Ingress[1]
		r.From = append(r.From, networkingv1.NetworkPolicyPeer{IPBlock: &networkingv1.IPBlock{CIDR: "0.0.0.0/0"}})
	}, "ingress rule 1 admits an ipBlock"},
	{"netpol open rule", func(b *bundle) {
		b.networkPolicy.Spec.Ingress = append(b.networkPolicy.Spec.Ingress, networkingv1.NetworkPolicyIngressRule{})
	}, "ingress rule 2 has no from, which admits every source"},
	{"netpol extra port", func(b *bundle) {
		p := intstr.FromInt32(22)
		r := &b.networkPolicy.Spec.Ingress[0]
		r.Ports = append(r.Ports, networkingv1.NetworkPolicyPort{Port: &p})
	}, "ingress rule 0 admits a port other than TCP 8080"},
	{"netpol every port", func(b *bundle) {
		b.networkPolicy.Spec.Ingress[1].Ports = nil
	}, "ingress rule 1 admits every port"},
	{"netpol no peers", func(b *bundle) {
		b.networkPolicy.Spec.Ingress = b.networkPolicy.Spec.Ingress[:1]
	}, "datafog peers are not admitted"},
	{"netpol gateway pod subset", func(b *bundle) {
		b.networkPolicy.Spec.Ingress[0].From[0].PodSelector = &metav1.LabelSelector{MatchLabels: map[string]string{"x": "y"}}
	}, "admits a source other than namespace gateway"},
	{"netpol no ingress type", func(b *bundle) {
		b.networkPolicy.Spec.PolicyTypes = []networkingv1.PolicyType{networkingv1.PolicyTypeEgress}
	}, "policyTypes lacks Ingress"},
	{"netpol selects other pods", func(b *bundle) {
		b.networkPolicy.Spec.PodSelector = metav1.LabelSelector{}
	}, "NetworkPolicy datafog: podSelector does not match the pod labels"},
	{"policy not JSON", func(b *bundle) {
		b.configMaps["datafog-policy"].Data["policy.json"] = "{\"policy_id\": "
	}, "policy.json: not a policy"},
	{"policy misspelt field", func(b *bundle) {
		cm := b.configMaps["datafog-policy"]
		cm.Data["policy.json"] = strings.Replace(cm.Data["policy.json"], `"entity_requirements"`, `"entity_requirement"`, 1)
	}, "policy.json: not a policy"},
	{"policy without version", func(b *bundle) {
		cm := b.configMaps["datafog-policy"]
		cm.Data["policy.json"] = strings.Replace(cm.Data["policy.json"], `"policy_version": "2026-01-01.1"`, `"policy_version": ""`, 1)
	}, "policy_version is empty"},
	{"policy without id", func(b *bundle) {
		cm := b.configMaps["datafog-policy"]
		cm.Data["policy.json"] = strings.Replace(cm.Data["policy.json"], `"policy_id": "datafog-kubernetes"`, `"policy_id": " "`, 1)
	}, "policy_id is empty"},
	{"policy without rules", func(b *bundle) {
		b.configMaps["datafog-policy"].Data["policy.json"] = `{"policy_id":"a","policy_version":"1","rules":[]}`
	}, "policy.json: no rules"},
	{"policy bad effect", func(b *bundle) {
		cm := b.configMaps["datafog-policy"]
		cm.Data["policy.json"] = strings.Replace(cm.Data["policy.json"], `"effect": "deny"`, `"effect": "block"`, 1)
	}, "unknown effect \"block\""},
	{"policy bad entity", func(b *bundle) {
		cm := b.configMaps["datafog-policy"]
		cm.Data["policy.json"] = strings.Replace(cm.Data["policy.json"], `["private_key"]`, `["private-key"]`, 1)
	}, "unknown entity type \"private-key\""},
	{"policy repeated rule", func(b *bundle) {
		cm := b.configMaps["datafog-policy"]
		cm.Data["policy.json"] = strings.Replace(cm.Data["policy.json"], `"deny-aws-key-egress"`, `"deny-private-key-egress"`, 1)
	}, "rule id deny-private-key-egress repeats"},
	{"policy trailing data", func(b *bundle) {
		b.configMaps["datafog-policy"].Data["policy.json"] += "{}"
	}, "data after the policy object"},
	{"secret example real value", func(b *bundle) {
		b.secrets["datafog"].StringData["api-token"] = "3f9a0c"
	}, "key api-token in secret.example.yaml is not a REPLACE- placeholder"},
	{"secret key undocumented", func(b *bundle) {
		delete(b.secrets["datafog"].StringData, "receipt.key")
	}, "Secret datafog: key receipt.key referenced but not in secret.example.yaml"},
	{"secret files world-readable", func(b *bundle) {
		m := int32(0o444)
		volume(&b.statefulSet.Spec.Template.Spec, "keys").Secret.DefaultMode = &m
	}, "Secret datafog files are not mode 0400 or 0440"},
	{"secret mode written in decimal", func(b *bundle) {
		m := int32(440)
		volume(&b.statefulSet.Spec.Template.Spec, "keys").Secret.DefaultMode = &m
	}, "Secret datafog files are not mode 0400 or 0440"},
	{"kustomization misses a file", func(b *bundle) {
		b.kustomization.Resources = b.kustomization.Resources[1:]
	}, "Kustomization: resources"},
	{"kustomization applies the example Secret", func(b *bundle) {
		b.kustomization.Resources = append(b.kustomization.Resources, secretExampleFile)
	}, "Kustomization: resources"},
}

// TestChecksCatchMutations proves that every check can fail: each mutation
// of the real manifests must be reported.
func TestChecksCatchMutations(t *testing.T) {
	for _, m := range mutations {
		t.Run(m.name, func(t *testing.T) {
			b := load(t)
			if ps := checkBundle(b); len(ps) != 0 {
				t.Fatalf("unmutated manifests fail: %v", ps)
			}
			m.mutate(b)
			ps := checkBundle(b)
			if !hasProblem(ps, m.want) {
				t.Errorf("problems %q, want one containing %q", ps, m.want)
			}
		})
	}
}
