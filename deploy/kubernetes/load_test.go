package kubernetes_test

// Loading: every *.yaml file in this directory is split into documents, each
// document is converted to JSON (duplicate keys rejected) and decoded into
// the upstream k8s.io/api type its apiVersion and kind name, with the
// apiserver's own strict, case-sensitive decoder (sigs.k8s.io/json), so a
// misspelt or misplaced field fails the test instead of being dropped.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	appsv1 "k8s.io/api/apps/v1"
	autoscalingv2 "k8s.io/api/autoscaling/v2"
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	policyv1 "k8s.io/api/policy/v1"
	sigsjson "sigs.k8s.io/json"
	"sigs.k8s.io/yaml"
)

// kustomization is the part of kustomize's Kustomization these manifests use.
// Unknown fields are rejected like in the Kubernetes types.
type kustomization struct {
	APIVersion string   `json:"apiVersion"`
	Kind       string   `json:"kind"`
	Resources  []string `json:"resources"`
	Images     []struct {
		Name    string `json:"name"`
		NewName string `json:"newName,omitempty"`
		NewTag  string `json:"newTag,omitempty"`
	} `json:"images,omitempty"`
}

// newObject returns an empty value of the type that apiVersion and kind name.
func newObject(apiVersion, kind string) (any, error) {
	switch apiVersion + "/" + kind {
	case "v1/ConfigMap":
		return &corev1.ConfigMap{}, nil
	case "v1/Secret":
		return &corev1.Secret{}, nil
	case "v1/Service":
		return &corev1.Service{}, nil
	case "apps/v1/StatefulSet":
		return &appsv1.StatefulSet{}, nil
	case "policy/v1/PodDisruptionBudget":
		return &policyv1.PodDisruptionBudget{}, nil
	case "autoscaling/v2/HorizontalPodAutoscaler":
		return &autoscalingv2.HorizontalPodAutoscaler{}, nil
	case "networking.k8s.io/v1/NetworkPolicy":
		return &networkingv1.NetworkPolicy{}, nil
	case "kustomize.config.k8s.io/v1beta1/Kustomization":
		return &kustomization{}, nil
	}
	return nil, fmt.Errorf("unsupported apiVersion %q kind %q", apiVersion, kind)
}

// decodeDocument strictly decodes one YAML document into its typed object.
func decodeDocument(doc []byte) (any, error) {
	js, err := yaml.YAMLToJSONStrict(doc)
	if err != nil {
		return nil, fmt.Errorf("yaml: %w", err)
	}
	var meta struct {
		APIVersion string `json:"apiVersion"`
		Kind       string `json:"kind"`
	}
	if err := json.Unmarshal(js, &meta); err != nil {
		return nil, fmt.Errorf("type meta: %w", err)
	}
	obj, err := newObject(meta.APIVersion, meta.Kind)
	if err != nil {
		return nil, err
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

// splitDocuments splits a YAML stream on "---" lines and drops documents
// that hold only comments and white space.
func splitDocuments(data []byte) [][]byte {
	var docs [][]byte
	var cur bytes.Buffer
	flush := func() {
		if hasContent(cur.Bytes()) {
			docs = append(docs, bytes.Clone(cur.Bytes()))
		}
		cur.Reset()
	}
	for _, line := range strings.SplitAfter(string(data), "\n") {
		if strings.TrimRight(line, " \t\r\n") == "---" {
			flush()
			continue
		}
		cur.WriteString(line)
	}
	flush()
	return docs
}

func hasContent(doc []byte) bool {
	for _, line := range strings.Split(string(doc), "\n") {
		l := strings.TrimSpace(line)
		if l != "" && !strings.HasPrefix(l, "#") {
			return true
		}
	}
	return false
}

// manifest is one decoded document and where it came from.
type manifest struct {
	file string
	obj  any
}

// bundle is the decoded manifest set the checks run over.
type bundle struct {
	files         []string // every *.yaml file name, sorted
	manifests     []manifest
	statefulSet   *appsv1.StatefulSet
	services      []*corev1.Service
	pdb           *policyv1.PodDisruptionBudget
	hpa           *autoscalingv2.HorizontalPodAutoscaler
	networkPolicy *networkingv1.NetworkPolicy
	configMaps    map[string]*corev1.ConfigMap
	secrets       map[string]*corev1.Secret // from secretExampleFile only
	kustomization *kustomization
}

const (
	secretExampleFile = "secret.example.yaml"
	kustomizationFile = "kustomization.yaml"
)

// loadBundle decodes every *.yaml file in dir. Kinds that must be unique
// (StatefulSet, PodDisruptionBudget, HorizontalPodAutoscaler, NetworkPolicy,
// Kustomization) may appear once, and a Secret only in secretExampleFile.
func loadBundle(dir string) (*bundle, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil {
		return nil, err
	}
	sort.Strings(paths)
	b := &bundle{configMaps: map[string]*corev1.ConfigMap{}, secrets: map[string]*corev1.Secret{}}
	once := func(file, kind string, set bool) error {
		if set {
			return fmt.Errorf("%s: a second %s", file, kind)
		}
		return nil
	}
	for _, p := range paths {
		file := filepath.Base(p)
		b.files = append(b.files, file)
		data, err := os.ReadFile(p) // #nosec G304 -- p comes from a Glob of this test's own directory
		if err != nil {
			return nil, err
		}
		docs := splitDocuments(data)
		if len(docs) == 0 {
			return nil, fmt.Errorf("%s: no documents", file)
		}
		for i, doc := range docs {
			obj, err := decodeDocument(doc)
			if err != nil {
				return nil, fmt.Errorf("%s: document %d: %w", file, i+1, err)
			}
			b.manifests = append(b.manifests, manifest{file: file, obj: obj})
			switch o := obj.(type) {
			case *appsv1.StatefulSet:
				err = once(file, "StatefulSet", b.statefulSet != nil)
				b.statefulSet = o
			case *corev1.Service:
				b.services = append(b.services, o)
			case *policyv1.PodDisruptionBudget:
				err = once(file, "PodDisruptionBudget", b.pdb != nil)
				b.pdb = o
			case *autoscalingv2.HorizontalPodAutoscaler:
				err = once(file, "HorizontalPodAutoscaler", b.hpa != nil)
				b.hpa = o
			case *networkingv1.NetworkPolicy:
				err = once(file, "NetworkPolicy", b.networkPolicy != nil)
				b.networkPolicy = o
			case *corev1.ConfigMap:
				err = once(file, "ConfigMap "+o.Name, b.configMaps[o.Name] != nil)
				b.configMaps[o.Name] = o
			case *corev1.Secret:
				if file != secretExampleFile {
					err = fmt.Errorf("%s: Secret %q outside %s: secret values are never committed", file, o.Name, secretExampleFile)
				}
				b.secrets[o.Name] = o
			case *kustomization:
				err = once(file, "Kustomization", b.kustomization != nil)
				b.kustomization = o
			}
			if err != nil {
				return nil, err
			}
		}
	}
	switch {
	case b.statefulSet == nil:
		return nil, fmt.Errorf("no StatefulSet")
	case b.pdb == nil:
		return nil, fmt.Errorf("no PodDisruptionBudget")
	case b.hpa == nil:
		return nil, fmt.Errorf("no HorizontalPodAutoscaler")
	case b.networkPolicy == nil:
		return nil, fmt.Errorf("no NetworkPolicy")
	case b.kustomization == nil:
		return nil, fmt.Errorf("no Kustomization")
	}
	return b, nil
}
