package main

import (
	"os/exec"
	"strings"
	"testing"
)

// notInBinary lists import path prefixes the shipped binary must not link:
// the benchmark harness (baselines, load generator, suite), profilers other
// than runtime/pprof, and the modules that only tools and tests use.
var notInBinary = []string{
	"github.com/datafog/datafog-api/bench/",
	"github.com/felixge/fgprof",
	"github.com/pkg/profile",
	"github.com/google/pprof",
	"github.com/cloudflare/ahocorasick",
	"gonum.org/",
	"k8s.io/",
	"sigs.k8s.io/",
	"github.com/securego/",
	"golang.org/x/perf/",
	"golang.org/x/vuln/",
	// Test-only modules of issue 18: the OpenAPI validator, the Prometheus
	// text parser and the pseudo-terminal.
	"github.com/getkin/",
	"github.com/prometheus/",
	"github.com/creack/pty",
	"github.com/go-openapi/",
	"github.com/gorilla/",
	"go.yaml.in/",
	"github.com/santhosh-tekuri/", // the SARIF schema validator of the tests
	"github.com/datafog/datafog-api/engine/typecorpus",
	"github.com/datafog/datafog-api/engine/internal/corpus",
}

// TestBinaryLinksNoHarness lists the packages ./cmd/datafog is built from
// (go list -deps, the same set `go build` links) and fails on any of
// notInBinary.
func TestBinaryLinksNoHarness(t *testing.T) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("go tool not found: %v", err)
	}
	out, err := exec.Command(gobin, "list", "-deps", "-f", "{{.ImportPath}}", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go list -deps: %v\n%s", err, out)
	}
	deps := strings.Fields(string(out))
	if len(deps) < 50 || deps[len(deps)-1] != "github.com/datafog/datafog-api/cmd/datafog" {
		t.Fatalf("go list -deps printed %d packages ending %q; want the dependency list of cmd/datafog", len(deps), deps[len(deps)-1])
	}
	for _, dep := range deps {
		for _, bad := range notInBinary {
			if strings.HasPrefix(dep, bad) || dep == strings.TrimSuffix(bad, "/") {
				t.Errorf("cmd/datafog links %s", dep)
			}
		}
	}
}

// notInModule lists module path prefixes that must stay out of the main
// module's dependency graph (go list -m all): the tools and their
// dependencies (tools/go.mod), the manifest checks' Kubernetes modules
// (deploy/go.mod), the chart library of the bench suite runner
// (bench/suite/go.mod) and the profilers the binary no longer uses. Being
// in the graph, they would take part in choosing the versions of
// golang.org/x/net, x/sys and the like for the binary.
var notInModule = []string{
	"github.com/securego/", "golang.org/x/perf", "golang.org/x/vuln",
	"google.golang.org/grpc", "go.opentelemetry.io/", "github.com/aws/",
	"github.com/anthropics/", "github.com/openai/", "google.golang.org/genai",
	"k8s.io/", "sigs.k8s.io/",
	"gonum.org/",
	"github.com/pkg/profile", "github.com/felixge/fgprof", "github.com/google/pprof",
}

// TestMainModuleGraphLean fails when go.mod pulls any of notInModule back
// into the main module's graph.
func TestMainModuleGraphLean(t *testing.T) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("go tool not found: %v", err)
	}
	out, err := exec.Command(gobin, "list", "-m", "-f", "{{.Path}}", "all").CombinedOutput()
	if err != nil {
		t.Fatalf("go list -m all: %v\n%s", err, out)
	}
	mods := strings.Fields(string(out))
	if len(mods) == 0 || mods[0] != "github.com/datafog/datafog-api" {
		t.Fatalf("go list -m all printed %q first; want the main module", mods)
	}
	for _, m := range mods {
		for _, bad := range notInModule {
			if strings.HasPrefix(m, bad) {
				t.Errorf("the main module's graph holds %s", m)
			}
		}
	}
}
