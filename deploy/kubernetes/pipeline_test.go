package kubernetes_test

// Offline checks of the Kafka pipeline manifests in pipeline/: each file is
// decoded strictly (the Kubernetes types from k8s.io/api, KEDA's
// ScaledObject and TriggerAuthentication as the subset of their CRDs
// declared below), then checked: the same hardened pod and container
// security context as statefulset.yaml, the flags the binary needs, secrets
// only from the Secret, a grace period that covers finishing the open
// transaction, and a KEDA scaler that watches the group and topic the
// workers use. Every check is shown to fail on a mutated manifest. This
// file is self-contained (its own loader and names prefixed pl) so it can
// move with the other manifest checks.

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	appsv1 "k8s.io/api/apps/v1"
	autoscalingv2 "k8s.io/api/autoscaling/v2"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/labels"
	sigsjson "sigs.k8s.io/json"
	"sigs.k8s.io/yaml"
)

const (
	plDir             = "pipeline"
	plSecretExample   = "secret.example.yaml"
	plKustomization   = "kustomization.yaml"
	plStatefulSetFile = "statefulset.yaml"
)

// plScaledObject is the part of KEDA's ScaledObject (keda.sh/v1alpha1)
// these manifests use; the field names are the CRD's.
type plScaledObject struct {
	APIVersion string            `json:"apiVersion"`
	Kind       string            `json:"kind"`
	Metadata   metav1.ObjectMeta `json:"metadata"`
	Spec       struct {
		ScaleTargetRef struct {
			APIVersion string `json:"apiVersion,omitempty"`
			Kind       string `json:"kind,omitempty"`
			Name       string `json:"name"`
		} `json:"scaleTargetRef"`
		PollingInterval *int32 `json:"pollingInterval,omitempty"`
		CooldownPeriod  *int32 `json:"cooldownPeriod,omitempty"`
		MinReplicaCount *int32 `json:"minReplicaCount,omitempty"`
		MaxReplicaCount *int32 `json:"maxReplicaCount,omitempty"`
		Advanced        *struct {
			HorizontalPodAutoscalerConfig *struct {
				Behavior *autoscalingv2.HorizontalPodAutoscalerBehavior `json:"behavior,omitempty"`
			} `json:"horizontalPodAutoscalerConfig,omitempty"`
		} `json:"advanced,omitempty"`
		Triggers []struct {
			Type              string            `json:"type"`
			Metadata          map[string]string `json:"metadata"`
			AuthenticationRef *struct {
				Name string `json:"name"`
				Kind string `json:"kind,omitempty"`
			} `json:"authenticationRef,omitempty"`
		} `json:"triggers"`
	} `json:"spec"`
}

// plTriggerAuth is the part of KEDA's TriggerAuthentication used here.
type plTriggerAuth struct {
	APIVersion string            `json:"apiVersion"`
	Kind       string            `json:"kind"`
	Metadata   metav1.ObjectMeta `json:"metadata"`
	Spec       struct {
		SecretTargetRef []struct {
			Parameter string `json:"parameter"`
			Name      string `json:"name"`
			Key       string `json:"key"`
		} `json:"secretTargetRef"`
	} `json:"spec"`
}

// plKustomize is the part of a Kustomization used here.
type plKustomize struct {
	APIVersion string   `json:"apiVersion"`
	Kind       string   `json:"kind"`
	Resources  []string `json:"resources"`
	Images     []struct {
		Name    string `json:"name"`
		NewName string `json:"newName,omitempty"`
		NewTag  string `json:"newTag,omitempty"`
	} `json:"images,omitempty"`
}

// plBundle is the decoded pipeline manifests plus the service's
// StatefulSet, whose security context the Deployment must repeat.
type plBundle struct {
	files       []string
	deployment  *appsv1.Deployment
	configMap   *corev1.ConfigMap
	secret      *corev1.Secret
	scaled      *plScaledObject
	auth        *plTriggerAuth
	kustomize   *plKustomize
	statefulSet *appsv1.StatefulSet
}

// plDecode strictly decodes one YAML document into the type its apiVersion
// and kind name.
func plDecode(doc []byte) (any, error) {
	js, err := yaml.YAMLToJSONStrict(doc)
	if err != nil {
		return nil, fmt.Errorf("yaml: %w", err)
	}
	var meta struct{ APIVersion, Kind string }
	if err := json.Unmarshal(js, &meta); err != nil {
		return nil, err
	}
	var obj any
	switch meta.APIVersion + "/" + meta.Kind {
	case "apps/v1/Deployment":
		obj = &appsv1.Deployment{}
	case "apps/v1/StatefulSet":
		obj = &appsv1.StatefulSet{}
	case "v1/ConfigMap":
		obj = &corev1.ConfigMap{}
	case "v1/Secret":
		obj = &corev1.Secret{}
	case "keda.sh/v1alpha1/ScaledObject":
		obj = &plScaledObject{}
	case "keda.sh/v1alpha1/TriggerAuthentication":
		obj = &plTriggerAuth{}
	case "kustomize.config.k8s.io/v1beta1/Kustomization":
		obj = &plKustomize{}
	default:
		return nil, fmt.Errorf("unsupported apiVersion %q kind %q", meta.APIVersion, meta.Kind)
	}
	strict, err := sigsjson.UnmarshalStrict(js, obj, sigsjson.DisallowDuplicateFields, sigsjson.DisallowUnknownFields)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", meta.Kind, err)
	}
	if len(strict) > 0 {
		return nil, fmt.Errorf("%s: strict decoding: %v", meta.Kind, strict)
	}
	return obj, nil
}

// plLoad decodes every file of the pipeline directory (overridden by
// mutated contents where given) and the StatefulSet.
func plLoad(override map[string]string) (*plBundle, error) {
	read := func(dir, name string) ([]byte, error) {
		if s, ok := override[name]; ok {
			return []byte(s), nil
		}
		return os.ReadFile(filepath.Join(dir, name)) // #nosec G304 -- test fixtures
	}
	b := &plBundle{}
	names, err := filepath.Glob(filepath.Join(plDir, "*.yaml"))
	if err != nil {
		return nil, err
	}
	for _, path := range append(names, plStatefulSetFile) {
		dir, name := filepath.Split(path)
		data, err := read(dir, name)
		if err != nil {
			return nil, err
		}
		if dir != "" {
			b.files = append(b.files, name)
		}
		for i, doc := range strings.Split(string(data), "\n---\n") {
			obj, err := plDecode([]byte(doc))
			if err != nil {
				return nil, fmt.Errorf("%s document %d: %w", name, i+1, err)
			}
			switch o := obj.(type) {
			case *appsv1.Deployment:
				b.deployment = o
			case *appsv1.StatefulSet:
				b.statefulSet = o
			case *corev1.ConfigMap:
				b.configMap = o
			case *corev1.Secret:
				if name != plSecretExample {
					return nil, fmt.Errorf("%s: a Secret outside %s", name, plSecretExample)
				}
				b.secret = o
			case *plScaledObject:
				b.scaled = o
			case *plTriggerAuth:
				b.auth = o
			case *plKustomize:
				b.kustomize = o
			}
		}
	}
	if b.deployment == nil || b.configMap == nil || b.secret == nil || b.scaled == nil || b.auth == nil || b.kustomize == nil || b.statefulSet == nil {
		return nil, fmt.Errorf("pipeline manifests incomplete: %+v", b)
	}
	return b, nil
}

// plArgs parses a container's arguments after "pipeline kafka" into flag
// values (--name=value or --name value; a bare --name is "true").
func plArgs(args []string) (map[string]string, error) {
	if len(args) < 2 || args[0] != "pipeline" || args[1] != "kafka" {
		return nil, fmt.Errorf("args do not start with pipeline kafka: %q", args)
	}
	out := map[string]string{}
	for i := 2; i < len(args); i++ {
		a := args[i]
		if !strings.HasPrefix(a, "--") {
			return nil, fmt.Errorf("unexpected argument %q", a)
		}
		name, val, ok := strings.Cut(strings.TrimPrefix(a, "--"), "=")
		if !ok {
			val = "true"
			if i+1 < len(args) && !strings.HasPrefix(args[i+1], "--") {
				val = args[i+1]
				i++
			}
		}
		out[name] = val
	}
	return out, nil
}

// plResolve expands $(VAR) in v from the container's env and envFrom
// ConfigMap; ok is false when a reference does not resolve.
func plResolve(v string, c *corev1.Container, cm *corev1.ConfigMap) (string, bool) {
	if !strings.HasPrefix(v, "$(") || !strings.HasSuffix(v, ")") {
		return v, true
	}
	name := v[2 : len(v)-1]
	for _, e := range c.Env {
		if e.Name == name {
			return e.Value, e.ValueFrom == nil
		}
	}
	for _, ef := range c.EnvFrom {
		if ef.ConfigMapRef != nil && ef.ConfigMapRef.Name == cm.Name {
			if val, ok := cm.Data[name]; ok {
				return val, true
			}
		}
	}
	return "", false
}

// plCheck returns every problem with the pipeline manifests.
func plCheck(b *plBundle) []string {
	var p problems
	d := b.deployment
	spec := &d.Spec.Template.Spec
	if !selects(d.Spec.Selector, d.Spec.Template.Labels) {
		p.addf("Deployment %s: selector does not match the pod template labels", d.Name)
	}
	sts := &b.statefulSet.Spec.Template.Spec
	if !reflect.DeepEqual(spec.SecurityContext, sts.SecurityContext) {
		p.addf("Deployment %s: pod securityContext differs from StatefulSet %s's", d.Name, b.statefulSet.Name)
	}
	if spec.AutomountServiceAccountToken == nil || *spec.AutomountServiceAccountToken {
		p.addf("Deployment %s: automountServiceAccountToken is not false", d.Name)
	}
	if len(spec.Containers) != 1 {
		p.addf("Deployment %s: %d containers, want 1", d.Name, len(spec.Containers))
		return p
	}
	c := &spec.Containers[0]
	if !reflect.DeepEqual(c.SecurityContext, sts.Containers[0].SecurityContext) {
		p.addf("container %s: securityContext differs from the StatefulSet container's", c.Name)
	}
	for _, r := range []corev1.ResourceName{corev1.ResourceCPU, corev1.ResourceMemory} {
		req, okReq := c.Resources.Requests[r]
		lim, okLim := c.Resources.Limits[r]
		if !okReq || !okLim || req.Cmp(lim) > 0 {
			p.addf("container %s: %s request and limit missing or request over limit", c.Name, r)
		}
	}
	if bin := plEntrypointBinary(); !slices.Equal(c.Command, []string{bin}) {
		p.addf("container %s: command %q is not the image's binary [%s] (its entrypoint would run serve)", c.Name, c.Command, bin)
	}
	flags, err := plArgs(c.Args)
	if err != nil {
		p.addf("container %s: %v", c.Name, err)
		return p
	}
	val := map[string]string{}
	for name, v := range flags {
		r, ok := plResolve(v, c, b.configMap)
		if !ok && name != "transactional-id" {
			p.addf("container %s: --%s=%s does not resolve", c.Name, name, v)
		}
		val[name] = r
	}
	for _, f := range []string{"brokers", "group", "in", "out", "receipts", "key-file", "transactional-id", "metrics-addr"} {
		if val[f] == "" && flags[f] == "" {
			p.addf("container %s: no --%s", c.Name, f)
		}
	}
	for name := range flags {
		if strings.Contains(name, "password") || strings.Contains(name, "secret") {
			p.addf("container %s: a secret passed as flag --%s", c.Name, name)
		}
	}
	checkPipelineEnv(&p, b, c, flags)
	checkPipelineProbes(&p, c, val["metrics-addr"])
	checkPipelineGrace(&p, d, val)
	checkPipelineMounts(&p, b, c, val)
	checkScaledObject(&p, b, val)
	checkKustomize(&p, b)
	return p
}

// plEntrypointBinary returns the first element of the Dockerfile's
// ENTRYPOINT (exec form), the binary's path in the image.
func plEntrypointBinary() string {
	data, err := os.ReadFile(filepath.Join("..", "..", "Dockerfile"))
	if err != nil {
		return "(no Dockerfile: " + err.Error() + ")"
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(strings.TrimSpace(line), "ENTRYPOINT "); ok {
			var argv []string
			if json.Unmarshal([]byte(rest), &argv) == nil && len(argv) > 0 {
				return argv[0]
			}
		}
	}
	return "(no exec-form ENTRYPOINT in the Dockerfile)"
}

// checkPipelineEnv requires a per-pod transactional id and SASL secrets
// from the Secret.
func checkPipelineEnv(p *problems, b *plBundle, c *corev1.Container, flags map[string]string) {
	env := map[string]corev1.EnvVar{}
	for _, e := range c.Env {
		env[e.Name] = e
	}
	id := flags["transactional-id"]
	if e, ok := env[strings.TrimSuffix(strings.TrimPrefix(id, "$("), ")")]; !ok || e.ValueFrom == nil || e.ValueFrom.FieldRef == nil || e.ValueFrom.FieldRef.FieldPath != "metadata.name" {
		p.addf("container %s: --transactional-id %q is not the pod name (unique among workers, kept across container restarts)", c.Name, id)
	}
	if flags["sasl-mechanism"] != "" {
		for _, v := range []string{"DATAFOG_KAFKA_SASL_USER", "DATAFOG_KAFKA_SASL_PASSWORD"} {
			e, ok := env[v]
			if !ok || e.Value != "" || e.ValueFrom == nil || e.ValueFrom.SecretKeyRef == nil || e.ValueFrom.SecretKeyRef.Name != b.secret.Name {
				p.addf("container %s: %s does not come from Secret %s", c.Name, v, b.secret.Name)
			} else if _, ok := b.secret.StringData[e.ValueFrom.SecretKeyRef.Key]; !ok {
				p.addf("container %s: %s names key %q, not in the Secret example", c.Name, v, e.ValueFrom.SecretKeyRef.Key)
			}
		}
	}
}

// checkPipelineProbes requires liveness and readiness probes on /health at
// the metrics port.
func checkPipelineProbes(p *problems, c *corev1.Container, metricsAddr string) {
	_, port, _ := strings.Cut(metricsAddr, ":")
	want, _ := strconv.Atoi(port)
	portName := ""
	for _, cp := range c.Ports {
		if int(cp.ContainerPort) == want {
			portName = cp.Name
		}
	}
	if portName == "" {
		p.addf("container %s: no container port for --metrics-addr %q", c.Name, metricsAddr)
		return
	}
	for name, pr := range map[string]*corev1.Probe{"livenessProbe": c.LivenessProbe, "readinessProbe": c.ReadinessProbe} {
		if pr == nil || pr.HTTPGet == nil || pr.HTTPGet.Path != "/health" || (pr.HTTPGet.Port.String() != portName && pr.HTTPGet.Port.IntValue() != want) {
			p.addf("container %s: %s is not GET /health on the metrics port", c.Name, name)
		}
	}
}

// checkPipelineGrace requires a termination grace period that covers
// finishing the open transaction: transaction timeout plus shutdown timeout.
func checkPipelineGrace(p *problems, d *appsv1.Deployment, val map[string]string) {
	dur := func(name string, def time.Duration) time.Duration {
		if v, ok := val[name]; ok {
			if x, err := time.ParseDuration(v); err == nil {
				return x
			}
			p.addf("Deployment %s: --%s=%q is not a duration", d.Name, name, v)
		}
		return def
	}
	need := dur("transaction-timeout", 40*time.Second) + dur("shutdown-timeout", 30*time.Second)
	if g := d.Spec.Template.Spec.TerminationGracePeriodSeconds; g == nil || time.Duration(*g)*time.Second < need {
		p.addf("Deployment %s: terminationGracePeriodSeconds is under %s (transaction timeout plus shutdown timeout)", d.Name, need)
	}
}

// checkPipelineMounts requires the key file on a read-only Secret volume
// from the example Secret, and the policy on a ConfigMap directory mount.
func checkPipelineMounts(p *problems, b *plBundle, c *corev1.Container, val map[string]string) {
	vols := map[string]corev1.Volume{}
	for _, v := range b.deployment.Spec.Template.Spec.Volumes {
		vols[v.Name] = v
	}
	mounted := func(path string) (corev1.VolumeMount, corev1.Volume, bool) {
		for _, m := range c.VolumeMounts {
			if strings.HasPrefix(path, m.MountPath+"/") {
				return m, vols[m.Name], true
			}
		}
		return corev1.VolumeMount{}, corev1.Volume{}, false
	}
	key := val["key-file"]
	m, v, ok := mounted(key)
	switch {
	case key == "":
		// Reported as a missing flag.
	case !ok || v.Secret == nil:
		p.addf("container %s: --key-file %s is not on a Secret volume", c.Name, key)
	case !m.ReadOnly:
		p.addf("container %s: the key volume is not read-only", c.Name)
	case v.Secret.SecretName != b.secret.Name:
		p.addf("container %s: the key comes from Secret %s, not %s", c.Name, v.Secret.SecretName, b.secret.Name)
	default:
		item := filepath.Base(key)
		found := false
		for _, it := range v.Secret.Items {
			if it.Path == item {
				_, found = b.secret.StringData[it.Key]
			}
		}
		if !found {
			p.addf("container %s: --key-file %s is not an item of the Secret", c.Name, key)
		}
	}
	if pol := val["policy"]; pol != "" {
		if m, v, ok := mounted(pol); !ok || v.ConfigMap == nil || m.SubPath != "" {
			p.addf("container %s: --policy %s is not on a ConfigMap directory mount (hot reload needs one)", c.Name, pol)
		}
	}
}

// checkScaledObject requires KEDA's Kafka scaler on the workers' own
// brokers, group and input topic, scaling the Deployment between at least
// one worker and no idle ones.
func checkScaledObject(p *problems, b *plBundle, val map[string]string) {
	so := b.scaled
	ref := so.Spec.ScaleTargetRef
	if ref.Name != b.deployment.Name || ref.Kind != "Deployment" || ref.APIVersion != "apps/v1" {
		p.addf("ScaledObject %s: scaleTargetRef %+v is not Deployment %s", so.Metadata.Name, ref, b.deployment.Name)
	}
	minR, maxR := so.Spec.MinReplicaCount, so.Spec.MaxReplicaCount
	if minR == nil || *minR < 1 || maxR == nil || *maxR < *minR {
		p.addf("ScaledObject %s: replica bounds must be 1 <= min <= max", so.Metadata.Name)
	}
	if len(so.Spec.Triggers) != 1 || so.Spec.Triggers[0].Type != "kafka" {
		p.addf("ScaledObject %s: want one trigger of type kafka", so.Metadata.Name)
		return
	}
	tr := so.Spec.Triggers[0]
	md := tr.Metadata
	for key, flag := range map[string]string{"bootstrapServers": "brokers", "consumerGroup": "group", "topic": "in"} {
		if val[flag] != "" && md[key] != val[flag] { // an unresolved flag is reported on its own
			p.addf("ScaledObject %s: %s %q is not the workers' --%s %q", so.Metadata.Name, key, md[key], flag, val[flag])
		}
	}
	if n, err := strconv.Atoi(md["lagThreshold"]); err != nil || n <= 0 {
		p.addf("ScaledObject %s: lagThreshold %q is not a positive count", so.Metadata.Name, md["lagThreshold"])
	}
	if md["offsetResetPolicy"] != "earliest" {
		p.addf("ScaledObject %s: offsetResetPolicy %q, but a new group starts at the earliest offset", so.Metadata.Name, md["offsetResetPolicy"])
	}
	if md["allowIdleConsumers"] != "false" {
		p.addf("ScaledObject %s: allowIdleConsumers is not \"false\"", so.Metadata.Name)
	}
	if tr.AuthenticationRef == nil || tr.AuthenticationRef.Name != b.auth.Metadata.Name {
		p.addf("ScaledObject %s: authenticationRef does not name TriggerAuthentication %s", so.Metadata.Name, b.auth.Metadata.Name)
	}
	known := []string{"sasl", "username", "password", "tls", "ca", "cert", "key", "keyPassword"}
	for _, r := range b.auth.Spec.SecretTargetRef {
		if !slices.Contains(known, r.Parameter) {
			p.addf("TriggerAuthentication %s: unknown Kafka scaler parameter %q", b.auth.Metadata.Name, r.Parameter)
		}
		if _, ok := b.secret.StringData[r.Key]; r.Name != b.secret.Name || !ok {
			p.addf("TriggerAuthentication %s: %s from %s/%s, not a key of Secret %s", b.auth.Metadata.Name, r.Parameter, r.Name, r.Key, b.secret.Name)
		}
	}
}

// checkKustomize requires the kustomization to list every manifest but
// the Secret example.
func checkKustomize(p *problems, b *plBundle) {
	var want []string
	for _, f := range b.files {
		if f != plSecretExample && f != plKustomization {
			want = append(want, f)
		}
	}
	got := slices.Sorted(slices.Values(b.kustomize.Resources))
	if !slices.Equal(got, slices.Sorted(slices.Values(want))) {
		p.addf("%s/%s: resources %v, want %v", plDir, plKustomization, got, want)
	}
}

func TestPipelineManifests(t *testing.T) {
	b, err := plLoad(nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, problem := range plCheck(b) {
		t.Error(problem)
	}
	if d := b.deployment; !selects(&metav1.LabelSelector{MatchLabels: d.Spec.Selector.MatchLabels}, labels.Set(d.Spec.Template.Labels)) {
		t.Error("selector")
	}
}

// TestPipelineManifestChecksFail mutates one manifest at a time and
// expects exactly the problem each check reports.
func TestPipelineManifestChecksFail(t *testing.T) {
	files := map[string]string{}
	for _, f := range []string{"deployment.yaml", "scaledobject.yaml", "triggerauthentication.yaml", "kustomization.yaml", "configmap.yaml"} {
		b, err := os.ReadFile(filepath.Join(plDir, f))
		if err != nil {
			t.Fatal(err)
		}
		files[f] = string(b)
	}
	cases := []struct {
		file, old, new, want string
	}{
		{"deployment.yaml", "          command:\n            - /datafog\n", "", "is not the image's binary"},
		{"deployment.yaml", "            readOnlyRootFilesystem: true\n", "            readOnlyRootFilesystem: false\n", "securityContext differs from the StatefulSet container's"},
		{"deployment.yaml", "        runAsNonRoot: true\n        runAsUser: 65532\n        runAsGroup: 65532\n        fsGroup", "        runAsNonRoot: true\n        runAsUser: 0\n        runAsGroup: 65532\n        fsGroup", "pod securityContext differs"},
		{"deployment.yaml", "            - --transactional-id=$(POD_NAME)\n", "            - --transactional-id=worker\n", "is not the pod name"},
		{"deployment.yaml", "            - --key-file=/var/run/secrets/datafog/pipeline.key\n", "", "no --key-file"},
		{"deployment.yaml", "      terminationGracePeriodSeconds: 50\n", "      terminationGracePeriodSeconds: 30\n", "terminationGracePeriodSeconds is under 45s"},
		{"deployment.yaml", "            - --metrics-addr=0.0.0.0:9090\n", "            - --metrics-addr=0.0.0.0:9191\n", "no container port for --metrics-addr"},
		{"deployment.yaml", "            - --sasl-mechanism=scram-sha-512\n", "            - --sasl-mechanism=scram-sha-512\n            - --sasl-password=hunter2\n", "a secret passed as flag --sasl-password"},
		{"deployment.yaml", "            - --in=$(PIPELINE_IN)\n", "            - --in=$(PIPELINE_INPUT)\n", "--in=$(PIPELINE_INPUT) does not resolve"},
		{"deployment.yaml", "                  key: sasl-password\n", "                  key: password\n", `DATAFOG_KAFKA_SASL_PASSWORD names key "password"`},
		{"deployment.yaml", "              mountPath: /var/run/secrets/datafog\n              readOnly: true\n", "              mountPath: /var/run/secrets/datafog\n", "the key volume is not read-only"},
		{"scaledobject.yaml", `consumerGroup: "datafog-redact"`, `consumerGroup: "other"`, `consumerGroup "other" is not the workers' --group`},
		{"scaledobject.yaml", `topic: "logs.raw"`, `topic: "logs.redacted"`, `topic "logs.redacted" is not the workers' --in`},
		{"scaledobject.yaml", `allowIdleConsumers: "false"`, `allowIdleConsumers: "true"`, "allowIdleConsumers is not"},
		{"scaledobject.yaml", "offsetResetPolicy: earliest", "offsetResetPolicy: latest", "offsetResetPolicy \"latest\""},
		{"scaledobject.yaml", "  minReplicaCount: 1\n", "  minReplicaCount: 0\n", "replica bounds"},
		{"scaledobject.yaml", "    name: datafog-pipeline\n  pollingInterval", "    name: datafog\n  pollingInterval", "scaleTargetRef"},
		{"triggerauthentication.yaml", "      key: sasl-user\n", "      key: user\n", "not a key of Secret"},
		{"kustomization.yaml", "  - scaledobject.yaml\n", "", "resources [configmap.yaml deployment.yaml triggerauthentication.yaml]"},
	}
	for _, tc := range cases {
		mutated := strings.Replace(files[tc.file], tc.old, tc.new, 1)
		if mutated == files[tc.file] {
			t.Fatalf("%s: the mutation %q did not apply", tc.file, tc.old)
		}
		b, err := plLoad(map[string]string{tc.file: mutated})
		if err != nil {
			t.Errorf("%s: %v", tc.want, err)
			continue
		}
		got := plCheck(b)
		if len(got) != 1 || !strings.Contains(got[0], tc.want) {
			t.Errorf("mutation %q -> %q in %s: problems %q, want one containing %q", tc.old, tc.new, tc.file, got, tc.want)
		}
	}
	// Strict decoding: a misspelt KEDA field or a number where KEDA wants
	// a string fails to load.
	for _, bad := range []struct{ old, new string }{
		{"  cooldownPeriod: 300\n", "  cooldownPeriods: 300\n"},
		{`lagThreshold: "200000"`, "lagThreshold: 200000"},
	} {
		if _, err := plLoad(map[string]string{"scaledobject.yaml": strings.Replace(files["scaledobject.yaml"], bad.old, bad.new, 1)}); err == nil {
			t.Errorf("scaledobject.yaml with %q loaded", bad.new)
		}
	}
}
