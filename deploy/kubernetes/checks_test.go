package kubernetes_test

// The checks: what issue 8 and SECURITY.md require of the manifests, each
// reported as one line naming the object and the field. checkBundle returns
// every problem, so a test can assert that one mutation yields one report.
// This file holds the StatefulSet, pod and container checks;
// checks_objects_test.go the rest.

import (
	"fmt"
	"path"
	"slices"
	"strings"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/apimachinery/pkg/util/intstr"
)

// Values the deployment is built around.
const (
	runtimeID       = 65532
	servicePort     = 8080
	healthPath      = "/health"
	receiptMount    = "/var/lib/datafog/receipts"
	gatewayNSLabel  = "kubernetes.io/metadata.name"
	gatewayNSName   = "gateway"
	listenAddr      = "0.0.0.0:8080"
	peerPlaceholder = "{node}"
)

// problems collects check failures.
type problems []string

func (p *problems) addf(format string, args ...any) { *p = append(*p, fmt.Sprintf(format, args...)) }

// checkBundle runs every check.
func checkBundle(b *bundle) []string {
	var p problems
	podLabels := b.statefulSet.Spec.Template.Labels
	checkStatefulSet(&p, b)
	checkPodSecurity(&p, &b.statefulSet.Spec.Template.Spec)
	for _, c := range allContainers(&b.statefulSet.Spec.Template.Spec) {
		checkContainer(&p, c)
	}
	checkEnvAndMounts(&p, b)
	checkServices(&p, b, podLabels)
	checkPDB(&p, b, podLabels)
	checkHPA(&p, b)
	checkNetworkPolicy(&p, b, podLabels)
	checkPolicyConfigMap(&p, b)
	checkSecretRefs(&p, b)
	checkKustomization(&p, b)
	return p
}

func allContainers(spec *corev1.PodSpec) []*corev1.Container {
	var out []*corev1.Container
	for i := range spec.InitContainers {
		out = append(out, &spec.InitContainers[i])
	}
	for i := range spec.Containers {
		out = append(out, &spec.Containers[i])
	}
	return out
}

// selects reports whether sel is a non-empty selector that matches podLabels.
func selects(sel *metav1.LabelSelector, podLabels map[string]string) bool {
	if sel == nil || (len(sel.MatchLabels) == 0 && len(sel.MatchExpressions) == 0) {
		return false
	}
	s, err := metav1.LabelSelectorAsSelector(sel)
	return err == nil && s.Matches(labels.Set(podLabels))
}

func checkStatefulSet(p *problems, b *bundle) {
	sts := b.statefulSet
	if !selects(sts.Spec.Selector, sts.Spec.Template.Labels) {
		p.addf("StatefulSet %s: selector does not match the pod template labels", sts.Name)
	}
	headless := ""
	for _, s := range b.services {
		if s.Spec.ClusterIP == corev1.ClusterIPNone {
			headless = s.Name
		}
	}
	if sts.Spec.ServiceName == "" || sts.Spec.ServiceName != headless {
		p.addf("StatefulSet %s: serviceName %q is not the headless Service %q", sts.Name, sts.Spec.ServiceName, headless)
	}
	found := false
	for _, t := range sts.Spec.VolumeClaimTemplates {
		for _, c := range sts.Spec.Template.Spec.Containers {
			for _, m := range c.VolumeMounts {
				if m.Name == t.Name && m.MountPath == receiptMount && !m.ReadOnly {
					found = true
				}
			}
		}
		if _, ok := t.Spec.Resources.Requests[corev1.ResourceStorage]; !ok {
			p.addf("StatefulSet %s: volumeClaimTemplate %s: no storage request", sts.Name, t.Name)
		}
	}
	if !found {
		p.addf("StatefulSet %s: no volumeClaimTemplate mounted writable at %s", sts.Name, receiptMount)
	}
}

func checkPodSecurity(p *problems, spec *corev1.PodSpec) {
	sc := spec.SecurityContext
	if sc == nil {
		p.addf("pod: no securityContext")
		return
	}
	if sc.RunAsNonRoot == nil || !*sc.RunAsNonRoot {
		p.addf("pod: securityContext.runAsNonRoot is not true")
	}
	if sc.RunAsUser == nil || *sc.RunAsUser != runtimeID {
		p.addf("pod: securityContext.runAsUser is not %d", runtimeID)
	}
	if sc.RunAsGroup == nil || *sc.RunAsGroup != runtimeID {
		p.addf("pod: securityContext.runAsGroup is not %d", runtimeID)
	}
	if sc.FSGroup == nil || *sc.FSGroup != runtimeID {
		p.addf("pod: securityContext.fsGroup is not %d", runtimeID)
	}
	if sc.SeccompProfile == nil || sc.SeccompProfile.Type != corev1.SeccompProfileTypeRuntimeDefault {
		p.addf("pod: securityContext.seccompProfile is not RuntimeDefault")
	}
	if spec.HostNetwork || spec.HostPID || spec.HostIPC {
		p.addf("pod: shares a host namespace")
	}
	if spec.AutomountServiceAccountToken == nil || *spec.AutomountServiceAccountToken {
		p.addf("pod: automountServiceAccountToken is not false")
	}
	for _, v := range spec.Volumes {
		if v.HostPath != nil {
			p.addf("pod: volume %s is a hostPath", v.Name)
		}
	}
}

func checkContainer(p *problems, c *corev1.Container) {
	sc := c.SecurityContext
	if sc == nil {
		p.addf("container %s: no securityContext", c.Name)
		return
	}
	if sc.RunAsNonRoot == nil || !*sc.RunAsNonRoot {
		p.addf("container %s: runAsNonRoot is not true", c.Name)
	}
	if sc.RunAsUser == nil || *sc.RunAsUser != runtimeID {
		p.addf("container %s: runAsUser is not %d", c.Name, runtimeID)
	}
	if sc.RunAsGroup == nil || *sc.RunAsGroup != runtimeID {
		p.addf("container %s: runAsGroup is not %d", c.Name, runtimeID)
	}
	if sc.ReadOnlyRootFilesystem == nil || !*sc.ReadOnlyRootFilesystem {
		p.addf("container %s: readOnlyRootFilesystem is not true", c.Name)
	}
	if sc.AllowPrivilegeEscalation == nil || *sc.AllowPrivilegeEscalation {
		p.addf("container %s: allowPrivilegeEscalation is not false", c.Name)
	}
	if sc.Privileged != nil && *sc.Privileged {
		p.addf("container %s: privileged", c.Name)
	}
	if sc.Capabilities == nil || !slices.Equal(sc.Capabilities.Drop, []corev1.Capability{"ALL"}) {
		p.addf("container %s: capabilities do not drop exactly [ALL]", c.Name)
	} else if len(sc.Capabilities.Add) > 0 {
		p.addf("container %s: capabilities add %v", c.Name, sc.Capabilities.Add)
	}
	if sc.SeccompProfile == nil || sc.SeccompProfile.Type != corev1.SeccompProfileTypeRuntimeDefault {
		p.addf("container %s: seccompProfile is not RuntimeDefault", c.Name)
	}
	for _, r := range []corev1.ResourceName{corev1.ResourceCPU, corev1.ResourceMemory} {
		req, okReq := c.Resources.Requests[r]
		lim, okLim := c.Resources.Limits[r]
		switch {
		case !okReq || req.Sign() <= 0:
			p.addf("container %s: no %s request", c.Name, r)
		case !okLim || lim.Sign() <= 0:
			p.addf("container %s: no %s limit", c.Name, r)
		case req.Cmp(lim) > 0:
			p.addf("container %s: %s request %s exceeds limit %s", c.Name, r, req.String(), lim.String())
		}
	}
	checkProbe(p, c, "livenessProbe", c.LivenessProbe, true)
	checkProbe(p, c, "readinessProbe", c.ReadinessProbe, true)
	checkProbe(p, c, "startupProbe", c.StartupProbe, false)
}

// checkProbe requires an HTTP GET of /health on the service port.
func checkProbe(p *problems, c *corev1.Container, name string, pr *corev1.Probe, required bool) {
	if pr == nil {
		if required {
			p.addf("container %s: no %s", c.Name, name)
		}
		return
	}
	g := pr.HTTPGet
	if g == nil || g.Path != healthPath {
		p.addf("container %s: %s is not an HTTP GET of %s", c.Name, name, healthPath)
		return
	}
	if containerPort(c, g.Port) != servicePort {
		p.addf("container %s: %s port %s is not %d", c.Name, name, g.Port.String(), servicePort)
	}
}

// containerPort resolves a numeric or named port of c; 0 when unknown.
func containerPort(c *corev1.Container, port intstr.IntOrString) int32 {
	if port.Type == intstr.Int {
		return port.IntVal
	}
	for _, cp := range c.Ports {
		if cp.Name == port.StrVal {
			return cp.ContainerPort
		}
	}
	return 0
}

// envVar returns the named variable of c, or nil.
func envVar(c *corev1.Container, name string) *corev1.EnvVar {
	for i := range c.Env {
		if c.Env[i].Name == name {
			return &c.Env[i]
		}
	}
	return nil
}

// mountFor returns the volume mount whose directory holds file, or nil.
func mountFor(c *corev1.Container, file string) *corev1.VolumeMount {
	for i := range c.VolumeMounts {
		if path.Dir(file) == path.Clean(c.VolumeMounts[i].MountPath) {
			return &c.VolumeMounts[i]
		}
	}
	return nil
}

func volume(spec *corev1.PodSpec, name string) *corev1.Volume {
	for i := range spec.Volumes {
		if spec.Volumes[i].Name == name {
			return &spec.Volumes[i]
		}
	}
	return nil
}

// checkEnvAndMounts checks the service's configuration against the volumes
// it names: listen address, token from a Secret, peer routing through the
// headless Service, policy and receipt key on read-only mounts, receipts on
// the claim, and every ConfigMap or Secret mount read-only.
func checkEnvAndMounts(p *problems, b *bundle) {
	spec := &b.statefulSet.Spec.Template.Spec
	for _, c := range spec.Containers {
		name := c.Name
		if e := envVar(&c, "DATAFOG_ADDR"); e == nil || e.Value != listenAddr {
			p.addf("container %s: DATAFOG_ADDR is not %s", name, listenAddr)
		}
		if e := envVar(&c, "DATAFOG_API_TOKEN"); e == nil || e.Value != "" || e.ValueFrom == nil || e.ValueFrom.SecretKeyRef == nil {
			p.addf("container %s: DATAFOG_API_TOKEN does not come from a secretKeyRef", name)
		}
		if e := envVar(&c, "DATAFOG_PEER_URL_TEMPLATE"); e == nil ||
			!strings.Contains(e.Value, "-"+peerPlaceholder+"."+b.statefulSet.Spec.ServiceName+":") {
			p.addf("container %s: DATAFOG_PEER_URL_TEMPLATE does not name <pod>-%s.%s", name, peerPlaceholder, b.statefulSet.Spec.ServiceName)
		}
		if e := envVar(&c, "DATAFOG_RECEIPT_PATH"); e == nil || e.Value != receiptMount {
			p.addf("container %s: DATAFOG_RECEIPT_PATH is not %s", name, receiptMount)
		}
		checkFileOnVolume(p, b, &c, "DATAFOG_POLICY_PATH", func(v *corev1.Volume) bool { return v.ConfigMap != nil })
		checkFileOnVolume(p, b, &c, "DATAFOG_RECEIPT_KEY_FILE", func(v *corev1.Volume) bool { return v.Secret != nil })
		for _, m := range c.VolumeMounts {
			v := volume(spec, m.Name)
			if v != nil && (v.ConfigMap != nil || v.Secret != nil || v.Projected != nil) && !m.ReadOnly {
				p.addf("container %s: mount %s of volume %s is not readOnly", name, m.MountPath, m.Name)
			}
			if m.SubPath != "" || m.SubPathExpr != "" {
				p.addf("container %s: mount %s uses subPath, which never sees updates", name, m.MountPath)
			}
		}
		for _, ef := range c.EnvFrom {
			if ef.ConfigMapRef != nil {
				cm := b.configMaps[ef.ConfigMapRef.Name]
				if cm == nil {
					p.addf("container %s: envFrom names missing ConfigMap %s", name, ef.ConfigMapRef.Name)
					continue
				}
				for k := range cm.Data {
					if k == "DATAFOG_API_TOKEN" || !strings.HasPrefix(k, "DATAFOG_") {
						p.addf("ConfigMap %s: key %s does not belong in an env ConfigMap", cm.Name, k)
					}
				}
			}
		}
	}
}

// checkFileOnVolume checks that the variable names a file on a read-only
// mount of a volume of the wanted kind.
func checkFileOnVolume(p *problems, b *bundle, c *corev1.Container, env string, kind func(*corev1.Volume) bool) {
	e := envVar(c, env)
	if e == nil || !path.IsAbs(e.Value) {
		p.addf("container %s: %s is not an absolute path", c.Name, env)
		return
	}
	m := mountFor(c, e.Value)
	if m == nil || !m.ReadOnly {
		p.addf("container %s: %s is not on a readOnly mount", c.Name, env)
		return
	}
	v := volume(&b.statefulSet.Spec.Template.Spec, m.Name)
	if v == nil || !kind(v) {
		p.addf("container %s: %s is on the wrong kind of volume", c.Name, env)
		return
	}
	if v.ConfigMap != nil {
		cm := b.configMaps[v.ConfigMap.Name]
		if cm == nil {
			p.addf("container %s: %s: ConfigMap %s is not in the manifests", c.Name, env, v.ConfigMap.Name)
		} else if _, ok := cm.Data[path.Base(e.Value)]; !ok {
			p.addf("container %s: %s: ConfigMap %s has no key %s", c.Name, env, cm.Name, path.Base(e.Value))
		}
	}
	if v.Secret != nil && !slices.ContainsFunc(v.Secret.Items, func(k corev1.KeyToPath) bool { return k.Path == path.Base(e.Value) }) {
		p.addf("container %s: %s: Secret volume %s does not project %s", c.Name, env, m.Name, path.Base(e.Value))
	}
}

// mustQuantity parses a quantity for mutations in tests.
func mustQuantity(s string) resource.Quantity { return resource.MustParse(s) }

// containerOf returns the first container of the StatefulSet.
func containerOf(sts *appsv1.StatefulSet) *corev1.Container {
	return &sts.Spec.Template.Spec.Containers[0]
}

// hasProblem reports whether some problem contains want.
func hasProblem(ps []string, want string) bool {
	for _, p := range ps {
		if strings.Contains(p, want) {
			return true
		}
	}
	return false
}
