package engine

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/internal/corpus"
)

// providerSecretDetectors returns the GitHub detector and the registry's
// secret detectors added after the contract's types.
func providerSecretDetectors() []*detect.Detector {
	var out []*detect.Detector
	for _, d := range registry {
		if d.Name == string(GitHubToken) || d.Types[0].Family == detect.Secret && builtinIndex[EntityType(d.Types[0].Name)] >= 24 {
			out = append(out, d)
		}
	}
	return out
}

// TestProviderBeatsAPIKey: where a provider's credential is the value of
// an assignment that the generic api_key also takes, the provider's type
// is reported over the value and api_key is not. Values found on their
// own (by a prefix) are tried under generic key names too.
func TestProviderBeatsAPIKey(t *testing.T) {
	e := mustEngine(t, Config{})
	dets := providerSecretDetectors()
	if len(dets) < 50 {
		t.Fatalf("only %d provider secret detectors", len(dets))
	}
	for _, d := range dets {
		for _, ex := range d.Examples {
			if !ex.Valid {
				continue
			}
			typ := d.Types[0].Name
			if ex.Type != "" {
				typ = ex.Type
			}
			texts := []string{ex.Text}
			if alone := e.Scan(nil, []byte(ex.Span), Filter{}); len(alone) == 1 && string(alone[0].Type) == typ {
				texts = append(texts, "api_key="+ex.Span, fmt.Sprintf(`{"secret_token": %q}`, ex.Span))
			}
			for _, text := range texts {
				fs := e.Scan(nil, []byte(text), Filter{})
				at := strings.Index(text, ex.Span)
				var got []string
				for _, f := range fs {
					if f.Start < int64(at+len(ex.Span)) && f.End > int64(at) {
						got = append(got, fmt.Sprintf("%s %q", f.Type, text[f.Start:f.End]))
					}
				}
				want := fmt.Sprintf("%s %q", typ, ex.Span)
				if len(got) != 1 || got[0] != want {
					t.Errorf("%s: %q: findings over the value %v, want only %s", d.Name, text, got, want)
				}
			}
		}
	}
}

// TestChecksumFailuresAreVetoed: a token in a checksummed format whose
// checksum fails is reported neither as its provider's type nor, in an
// assignment, as the generic api_key, at any minimum confidence.
func TestChecksumFailuresAreVetoed(t *testing.T) {
	e := mustEngine(t, Config{})
	for _, bad := range []string{
		"ghp_wWPw5k4aXcaT4fNP0UcnZwJUVFk6LO0pINUy",                           // GitHub, last character changed
		"ghs_fIkRGaBu5PeKsznMzXQOg3kETH1Sgx2oIfSc",                           // GitHub, checksum case changed
		"npm_05H5MQzu7ZzmDOMnqJqpR53jUCNYwS2X83bZ",                           // npm
		"glpat-rleG6woopoDzp7O8QuKEh6D0JCk.0r1oudfaz",                        // GitLab routable
		"ATBBKy9Pf34qY6Nb3wWD25RQ4F5Z04FC50BC",                               // Bitbucket app password
		"ATCTT3xFfGN0" + strings.Repeat("Zq7Lm2XvR9sKd4Wf", 8) + "=7DC8935F", // Bitbucket access token
	} {
		for _, text := range []string{"token " + bad, "api_token=" + bad, fmt.Sprintf(`{"secret": %q}`, bad)} {
			if fs := e.Scan(nil, []byte(text), Filter{}.WithMinConfidence(0.01)); len(fs) != 0 {
				t.Errorf("%q: %v, want no finding", text, fs)
			}
		}
	}
}

// TestProviderSecretsStreamAndShortcuts: on text full of provider
// credentials (every provider example, and the type corpus's records),
// the streaming Scanner in small and odd chunks and the exhaustive
// reference path find exactly what Scan finds.
func TestProviderSecretsStreamAndShortcuts(t *testing.T) {
	e := mustEngine(t, Config{})
	var b strings.Builder
	for _, d := range providerSecretDetectors() {
		for _, ex := range d.Examples {
			b.WriteString(ex.Text)
			b.WriteString(" ")
		}
	}
	for _, r := range corpus.TypeRecords(7, 3) {
		b.WriteString(r.Text)
		b.WriteString("\n")
	}
	text := []byte(b.String())
	want := e.Scan(nil, text, Filter{})
	if len(want) < 300 {
		t.Fatalf("only %d findings", len(want))
	}
	if ref := scanExhaustive(e, text); !reflect.DeepEqual(ref, want) {
		t.Errorf("exhaustive path differs: %s", pathDiff(text, want, ref))
	}
	for _, sizes := range [][]int{{1}, {7, 3, 64}, {4096}, {333, 1, 5000}} {
		if got := streamAll(t, e, text, sizes); !reflect.DeepEqual(got, want) {
			t.Errorf("streamed in %v: %d findings, want %d; first difference: %s", sizes, len(got), len(want), firstDiff(got, want))
		}
	}
}

// TestLookalikeVetoesAreWeak: a value under a provider's own variable or
// key name that fails the provider's check is vetoed (the registry's
// examples with Type "api_key" show it is not reported as the generic
// api_key), but only as weakly as detect.WeakVetoConf: a credential of
// another provider that stands there is still reported, and so is a
// value the generic api_key takes under a name that is no provider's
// alone.
func TestLookalikeVetoesAreWeak(t *testing.T) {
	e := mustEngine(t, Config{})
	const ghp = "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"
	for _, c := range []struct{ text, want string }{
		{"TWITCH_CLIENT_SECRET=" + ghp, "github_token " + ghp},
		{`{"COHERE_API_KEY": "` + ghp + `"}`, "github_token " + ghp},
		{"export AZURE_STORAGE_KEY=" + ghp, "github_token " + ghp},
		{"VAULT_TOKEN=" + ghp, "github_token " + ghp},
		{"TWITCH_CLIENT_SECRET=vpfrirhefr5a23dxo0j4kzu5g6", ""},
		{"APP_CLIENT_SECRET=vpfrirhefr5a23dxo0j4kzu5g6", "api_key vpfrirhefr5a23dxo0j4kzu5g6"},
		{`{"secret_token": "dp.st.tPhCe4U9iym0AaXvc4daoaA1vb5ZPj"}`, ""},
		{`{"secret_token": "tPhCe4U9iym0AaXvc4daoaA1vb5ZPj"}`, "api_key tPhCe4U9iym0AaXvc4daoaA1vb5ZPj"},
		// An S3-compatible store's secret under AWS's generic key name is
		// a secret; under a name that says AWS, a broken AWS key.
		{`secret_access_key = "Mq7vX2pL9sR4tK8wZ3nB6yC1"`, "api_key Mq7vX2pL9sR4tK8wZ3nB6yC1"},
		{`aws_secret_access_key = "Mq7vX2pL9sR4tK8wZ3nB6yC1"`, ""},
	} {
		var got []string
		for _, f := range e.Scan(nil, []byte(c.text), Filter{}.WithMinConfidence(0.5)) {
			got = append(got, fmt.Sprintf("%s %s", f.Type, c.text[f.Start:f.End]))
		}
		if want := []string{c.want}; c.want == "" && len(got) != 0 || c.want != "" && !reflect.DeepEqual(got, want) {
			t.Errorf("%q: findings %q, want %q", c.text, got, c.want)
		}
	}
}
