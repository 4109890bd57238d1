package kubernetes_test

// Offline checks of the deployment variants in variants/ (issue 20): each
// is a kustomize overlay of this directory. Its files are decoded strictly
// (the Kubernetes types from k8s.io/api; cert-manager's Certificate as the
// subset of its CRD declared below), its patches are applied to the base
// manifests with the apimachinery strategic merge patch that kustomize
// uses, and the result must pass every check of the base (checkBundle) and
// the variant's own. Every variant check is shown to fail on a mutated
// variant.

import (
	"encoding/json"
	"fmt"
	"net/netip"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/strategicpatch"
	sigsjson "sigs.k8s.io/json"
	"sigs.k8s.io/yaml"
)

// overlay is the part of kustomize's Kustomization an overlay uses.
type overlay struct {
	APIVersion string   `json:"apiVersion"`
	Kind       string   `json:"kind"`
	Resources  []string `json:"resources"`
	Patches    []struct {
		Path string `json:"path"`
	} `json:"patches"`
}

// certificate is the part of cert-manager's Certificate
// (cert-manager.io/v1) the variant uses; the field names are the CRD's.
type certificate struct {
	APIVersion string            `json:"apiVersion"`
	Kind       string            `json:"kind"`
	Metadata   metav1.ObjectMeta `json:"metadata"`
	Spec       struct {
		SecretName  string `json:"secretName"`
		Duration    string `json:"duration,omitempty"`
		RenewBefore string `json:"renewBefore,omitempty"`
		PrivateKey  *struct {
			Algorithm      string `json:"algorithm,omitempty"`
			Size           int    `json:"size,omitempty"`
			Encoding       string `json:"encoding,omitempty"`
			RotationPolicy string `json:"rotationPolicy,omitempty"`
		} `json:"privateKey,omitempty"`
		Usages    []string `json:"usages,omitempty"`
		DNSNames  []string `json:"dnsNames,omitempty"`
		IssuerRef struct {
			Name  string `json:"name"`
			Kind  string `json:"kind,omitempty"`
			Group string `json:"group,omitempty"`
		} `json:"issuerRef"`
	} `json:"spec"`
}

// certManagerKeys are the keys cert-manager writes into a Certificate's
// Secret (ca.crt by CA-type issuers).
var certManagerKeys = []string{"tls.crt", "tls.key", "ca.crt"}

// variant is an overlay applied to the base bundle.
type variant struct {
	*bundle
	certificates []*certificate
}

// strictJSON decodes js into obj, rejecting unknown and duplicate fields.
func strictJSON(js []byte, obj any) error {
	strict, err := sigsjson.UnmarshalStrict(js, obj, sigsjson.DisallowDuplicateFields, sigsjson.DisallowUnknownFields)
	if err != nil {
		return err
	}
	if len(strict) > 0 {
		return fmt.Errorf("strict decoding: %v", strict)
	}
	return nil
}

// loadVariant reads the overlay in dir (relative to this directory), whose
// resources must be the base ("../..") and its own files, and applies its
// StatefulSet patches to the base. files maps a file name to replacement
// content, for mutation tests.
func loadVariant(dir string, files map[string]string) (*variant, error) {
	read := func(name string) ([]byte, error) {
		if s, ok := files[name]; ok {
			return []byte(s), nil
		}
		return readFile(filepath.Join(dir, name))
	}
	kd, err := read(kustomizationFile)
	if err != nil {
		return nil, err
	}
	var k overlay
	if err := yamlStrict(kd, &k); err != nil {
		return nil, fmt.Errorf("%s: %w", kustomizationFile, err)
	}
	if k.APIVersion != "kustomize.config.k8s.io/v1beta1" || k.Kind != "Kustomization" {
		return nil, fmt.Errorf("%s: not a Kustomization", kustomizationFile)
	}
	if len(k.Resources) == 0 || k.Resources[0] != "../.." {
		return nil, fmt.Errorf("%s: the first resource is not the base ../..", kustomizationFile)
	}
	base, err := loadBundle(filepath.Join(dir, "../.."))
	if err != nil {
		return nil, err
	}
	v := &variant{bundle: base}
	for _, r := range k.Resources[1:] {
		data, err := read(r)
		if err != nil {
			return nil, err
		}
		var c certificate
		if err := yamlStrict(data, &c); err != nil || c.APIVersion != "cert-manager.io/v1" || c.Kind != "Certificate" {
			return nil, fmt.Errorf("%s: not a cert-manager.io/v1 Certificate: %v", r, err)
		}
		v.certificates = append(v.certificates, &c)
		// The Secret cert-manager writes is known, key for key.
		s := &corev1.Secret{StringData: map[string]string{}}
		for _, key := range certManagerKeys {
			s.StringData[key] = "REPLACE-written-by-cert-manager"
		}
		v.secrets[c.Spec.SecretName] = s
	}
	for _, p := range k.Patches {
		data, err := read(p.Path)
		if err != nil {
			return nil, err
		}
		if _, err := decodeDocument(data); err != nil {
			return nil, fmt.Errorf("%s: %w", p.Path, err)
		}
		patch, err := yaml.YAMLToJSONStrict(data)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p.Path, err)
		}
		var meta struct {
			Kind     string `json:"kind"`
			Metadata struct {
				Name string `json:"name"`
			} `json:"metadata"`
		}
		if err := json.Unmarshal(patch, &meta); err != nil {
			return nil, err
		}
		if meta.Kind != "StatefulSet" || meta.Metadata.Name != v.statefulSet.Name {
			return nil, fmt.Errorf("%s: patches %s %s, not the StatefulSet %s", p.Path, meta.Kind, meta.Metadata.Name, v.statefulSet.Name)
		}
		orig, err := json.Marshal(v.statefulSet)
		if err != nil {
			return nil, err
		}
		merged, err := strategicpatch.StrategicMergePatch(orig, patch, appsv1.StatefulSet{})
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p.Path, err)
		}
		sts := &appsv1.StatefulSet{}
		if err := strictJSON(merged, sts); err != nil {
			return nil, fmt.Errorf("%s: merged: %w", p.Path, err)
		}
		v.statefulSet = sts
	}
	return v, nil
}

func yamlStrict(data []byte, obj any) error {
	js, err := yaml.YAMLToJSONStrict(data)
	if err != nil {
		return err
	}
	return strictJSON(js, obj)
}

func readFile(p string) ([]byte, error) {
	return os.ReadFile(p) // #nosec G304 -- a file of this test's own directory tree
}

// envValue returns the literal value of the container's variable, or "".
func envValue(c *corev1.Container, name string) string {
	if e := envVar(c, name); e != nil {
		return e.Value
	}
	return ""
}

// checkLinkerd: the proxy is injected; only loopback is a trusted proxy
// (the Linkerd proxy forwards from it); the identity header is Linkerd's;
// the token is still required.
func checkLinkerd(v *variant) []string {
	var p problems
	tmpl := &v.statefulSet.Spec.Template
	if tmpl.Annotations["linkerd.io/inject"] != "enabled" {
		p.addf("pod template: annotation linkerd.io/inject is not enabled")
	}
	c := containerOf(v.statefulSet)
	proxies := envValue(c, "DATAFOG_TRUSTED_PROXIES")
	if proxies == "" {
		p.addf("container %s: DATAFOG_TRUSTED_PROXIES is not set", c.Name)
	}
	for _, item := range strings.Split(proxies, ",") {
		if pfx, err := netip.ParsePrefix(strings.TrimSpace(item)); proxies != "" && (err != nil || !loopbackOnly(pfx)) {
			p.addf("container %s: DATAFOG_TRUSTED_PROXIES item %q is not a loopback CIDR", c.Name, item)
		}
	}
	if h := envValue(c, "DATAFOG_IDENTITY_HEADER"); h != "l5d-client-id" {
		p.addf("container %s: DATAFOG_IDENTITY_HEADER is %q, not l5d-client-id", c.Name, h)
	}
	return p
}

// loopbackOnly reports whether every address of p is loopback: inside
// 127.0.0.0/8, or exactly ::1.
func loopbackOnly(p netip.Prefix) bool {
	if p.Addr().Is4() {
		return p.Bits() >= 8 && p.Masked().Addr().IsLoopback()
	}
	return p.Bits() == 128 && p.Addr() == netip.IPv6Loopback()
}

// checkCertManager: the serving certificate and key come from the
// Certificate's Secret on a read-only mount; it covers the Service and
// the peer names, allows client authentication (peers present it), and
// rotates its key; peers are reached over https and verified against the
// Secret's CA; probes speak HTTPS.
func checkCertManager(v *variant) []string {
	var p problems
	if len(v.certificates) != 1 {
		p.addf("want one Certificate, have %d", len(v.certificates))
		return p
	}
	cert := v.certificates[0]
	c := containerOf(v.statefulSet)
	for _, env := range []string{"DATAFOG_TLS_CERT_FILE", "DATAFOG_TLS_KEY_FILE", "DATAFOG_PEER_CA_FILE"} {
		checkFileOnVolume(&p, v.bundle, c, env, func(vol *corev1.Volume) bool {
			return vol.Secret != nil && vol.Secret.SecretName == cert.Spec.SecretName
		})
	}
	if got := []string{path.Base(envValue(c, "DATAFOG_TLS_CERT_FILE")), path.Base(envValue(c, "DATAFOG_TLS_KEY_FILE")), path.Base(envValue(c, "DATAFOG_PEER_CA_FILE"))}; !slices.Equal(got, certManagerKeys) {
		p.addf("container %s: TLS files %v are not the Secret's keys %v", c.Name, got, certManagerKeys)
	}
	tmpl := envValue(c, "DATAFOG_PEER_URL_TEMPLATE")
	if !strings.HasPrefix(tmpl, "https://") {
		p.addf("container %s: DATAFOG_PEER_URL_TEMPLATE is not https", c.Name)
	}
	// Any ordinal: pod 0, and one the certificate cannot list by chance.
	host := strings.SplitN(strings.TrimPrefix(tmpl, "https://"), ":", 2)[0]
	peerHosts := []string{strings.Replace(host, peerPlaceholder, "0", 1), strings.Replace(host, peerPlaceholder, "12", 1)}
	var services []string
	for _, s := range v.services {
		if s.Spec.ClusterIP != corev1.ClusterIPNone {
			services = append(services, s.Name)
		}
	}
	for _, name := range append(services, peerHosts...) {
		if !slices.ContainsFunc(cert.Spec.DNSNames, func(d string) bool { return dnsMatch(d, name) }) {
			p.addf("Certificate %s: dnsNames %v do not cover %s", cert.Metadata.Name, cert.Spec.DNSNames, name)
		}
	}
	for _, u := range []string{"server auth", "client auth"} {
		if !slices.Contains(cert.Spec.Usages, u) {
			p.addf("Certificate %s: usages lack %q", cert.Metadata.Name, u)
		}
	}
	if pk := cert.Spec.PrivateKey; pk == nil || pk.RotationPolicy != "Always" {
		p.addf("Certificate %s: privateKey.rotationPolicy is not Always", cert.Metadata.Name)
	}
	if cert.Spec.IssuerRef.Name == "" {
		p.addf("Certificate %s: no issuerRef", cert.Metadata.Name)
	}
	for _, pr := range []struct {
		name string
		p    *corev1.Probe
	}{{"startupProbe", c.StartupProbe}, {"readinessProbe", c.ReadinessProbe}, {"livenessProbe", c.LivenessProbe}} {
		if pr.p == nil || pr.p.HTTPGet == nil || pr.p.HTTPGet.Scheme != corev1.URISchemeHTTPS {
			p.addf("container %s: %s does not use HTTPS", c.Name, pr.name)
		}
	}
	return p
}

// dnsMatch reports whether the certificate name pattern covers host (one
// leading "*." label, as TLS clients match it).
func dnsMatch(pattern, host string) bool {
	if rest, ok := strings.CutPrefix(pattern, "*."); ok {
		i := strings.IndexByte(host, '.')
		return i > 0 && host[i+1:] == rest
	}
	return pattern == host
}

var variants = []struct {
	dir   string
	check func(*variant) []string
}{
	{"variants/linkerd", checkLinkerd},
	{"variants/cert-manager", checkCertManager},
}

// TestVariantsPassEveryCheck applies each overlay and runs the base checks
// and the variant's own on the result.
func TestVariantsPassEveryCheck(t *testing.T) {
	for _, tc := range variants {
		v, err := loadVariant(tc.dir, nil)
		if err != nil {
			t.Fatalf("%s: %v", tc.dir, err)
		}
		for _, p := range checkBundle(v.bundle) {
			t.Errorf("%s: %s", tc.dir, p)
		}
		for _, p := range tc.check(v) {
			t.Errorf("%s: %s", tc.dir, p)
		}
	}
}

// TestVariantsPatchTheBase: the patches land where kustomize puts them: the
// base's env and mounts are kept and the variant's added.
func TestVariantsPatchTheBase(t *testing.T) {
	v, err := loadVariant("variants/cert-manager", nil)
	if err != nil {
		t.Fatal(err)
	}
	c := containerOf(v.statefulSet)
	var mounts []string
	for _, m := range c.VolumeMounts {
		mounts = append(mounts, m.MountPath)
	}
	slices.Sort(mounts)
	want := []string{"/etc/datafog/policy", "/var/lib/datafog/receipts", "/var/run/secrets/datafog", "/var/run/secrets/datafog-tls"}
	if !slices.Equal(mounts, want) {
		t.Errorf("mounts %v, want %v", mounts, want)
	}
	if envValue(c, "DATAFOG_POLICY_PATH") == "" || envValue(c, "DATAFOG_PEER_URL_TEMPLATE") != "https://datafog-{node}.datafog-headless:8080" {
		t.Errorf("env after the patch: %+v", c.Env)
	}
	if c.LivenessProbe.HTTPGet.Path != healthPath || c.LivenessProbe.HTTPGet.Scheme != corev1.URISchemeHTTPS {
		t.Errorf("liveness probe %+v", c.LivenessProbe.HTTPGet)
	}
}

// TestVariantChecksCatchMutations: each variant check reports a mutated
// overlay, naming the problem.
func TestVariantChecksCatchMutations(t *testing.T) {
	mutate := func(dir, file, old, new string) map[string]string {
		data, err := readFile(filepath.Join(dir, file))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(data), old) {
			t.Fatalf("%s/%s has no %q", dir, file, old)
		}
		return map[string]string{file: strings.Replace(string(data), old, new, 1)}
	}
	cases := []struct {
		dir   string
		files map[string]string
		want  string
	}{
		{"variants/linkerd", mutate("variants/linkerd", "statefulset-patch.yaml", "linkerd.io/inject: enabled", "linkerd.io/inject: disabled"), "annotation linkerd.io/inject is not enabled"},
		{"variants/linkerd", mutate("variants/linkerd", "statefulset-patch.yaml", `"127.0.0.1/32,::1/128"`, `"127.0.0.1/32,10.0.0.0/8"`), `DATAFOG_TRUSTED_PROXIES item "10.0.0.0/8" is not a loopback CIDR`},
		{"variants/linkerd", mutate("variants/linkerd", "statefulset-patch.yaml", "value: l5d-client-id", "value: x-user"), `DATAFOG_IDENTITY_HEADER is "x-user", not l5d-client-id`},
		{"variants/cert-manager", mutate("variants/cert-manager", "certificate.yaml", `- "*.datafog-headless"`, `- "datafog-0.datafog-headless"`), "dnsNames [datafog datafog-0.datafog-headless] do not cover"},
		{"variants/cert-manager", mutate("variants/cert-manager", "certificate.yaml", "    - client auth\n", ""), `usages lack "client auth"`},
		{"variants/cert-manager", mutate("variants/cert-manager", "certificate.yaml", "rotationPolicy: Always", "rotationPolicy: Never"), "rotationPolicy is not Always"},
		{"variants/cert-manager", mutate("variants/cert-manager", "statefulset-patch.yaml", `"https://datafog-{node}`, `"http://datafog-{node}`), "DATAFOG_PEER_URL_TEMPLATE is not https"},
		{"variants/cert-manager", mutate("variants/cert-manager", "statefulset-patch.yaml", "          readinessProbe:\n            httpGet:\n              scheme: HTTPS\n", ""), "readinessProbe does not use HTTPS"},
		{"variants/cert-manager", mutate("variants/cert-manager", "statefulset-patch.yaml", "secretName: datafog-tls", "secretName: other-tls"), "DATAFOG_TLS_CERT_FILE is on the wrong kind of volume"},
		{"variants/cert-manager", mutate("variants/cert-manager", "statefulset-patch.yaml", "              readOnly: true\n", ""), "mount /var/run/secrets/datafog-tls of volume tls is not readOnly"},
	}
	for _, tc := range cases {
		v, err := loadVariant(tc.dir, tc.files)
		if err != nil {
			t.Fatalf("%s: %v", tc.dir, err)
		}
		check := checkLinkerd
		if strings.HasSuffix(tc.dir, "cert-manager") {
			check = checkCertManager
		}
		all := append(checkBundle(v.bundle), check(v)...)
		if !hasProblem(all, tc.want) {
			t.Errorf("%s: mutation not reported; want %q in %v", tc.dir, tc.want, all)
		}
	}
	// Strict decoding reaches the overlay's files too.
	if _, err := loadVariant("variants/cert-manager", mutate("variants/cert-manager", "certificate.yaml", "renewBefore:", "renewBefor:")); err == nil {
		t.Error("a misspelt Certificate field was accepted")
	}
	if _, err := loadVariant("variants/linkerd", mutate("variants/linkerd", "statefulset-patch.yaml", "annotations:", "anotations:")); err == nil {
		t.Error("a misspelt patch field was accepted")
	}
}
