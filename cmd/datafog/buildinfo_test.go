package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
)

// TestMakeBuildStampsTheBuild builds the binary with the Makefile's own
// LDFLAGS (its BUILDINFO package and -X names, with test values) and runs
// `datafog version`: a renamed variable or package would leave the
// version "dev" and fail here.
func TestMakeBuildStampsTheBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary; skipped with -short")
	}
	mk, err := os.ReadFile("../../Makefile")
	if err != nil {
		t.Fatal(err)
	}
	pkg := regexp.MustCompile(`(?m)^BUILDINFO\s*:=\s*(\S+)$`).FindSubmatch(mk)
	ld := regexp.MustCompile(`(?m)^LDFLAGS\s*:=\s*(.+)$`).FindSubmatch(mk)
	if pkg == nil || ld == nil || !strings.Contains(string(mk), `-ldflags "$(LDFLAGS)" -o $(BIN) ./cmd/datafog`) {
		t.Fatal("the Makefile's build target does not pass BUILDINFO/LDFLAGS to go build")
	}
	flags := strings.NewReplacer("$(BUILDINFO)", string(pkg[1]), "$(VERSION)", "v0.0.0-test",
		"$(COMMIT)", "c0ffee", "$(DATE)", "2026-01-02T03:04:05Z").Replace(string(ld[1]))
	bin := filepath.Join(t.TempDir(), "datafog")
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags", flags, "-o", bin, ".")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build -ldflags %q: %v\n%s", flags, err, out)
	}
	out, err := exec.Command(bin, "version").CombinedOutput()
	want := "datafog v0.0.0-test (commit c0ffee, built 2026-01-02T03:04:05Z, " + runtime.Version() + ")\n"
	if err != nil || string(out) != want {
		t.Fatalf("version: %v %q, want %q", err, out, want)
	}
}
