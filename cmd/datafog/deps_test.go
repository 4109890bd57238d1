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
