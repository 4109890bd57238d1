package main

import (
	"bytes"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// sample is the input of the exact-output tests: an email, an SSN and a
// Visa card, and nothing else.
const sample = "mail bob@example.com ssn 123-45-6789 card 4111 1111 1111 1111\n"

// sampleLines are the scan lines of sample, without "file" and "value".
var sampleLines = []string{
	`{"entity_type":"email","start":5,"end":20,"confidence":0.95`,
	`{"entity_type":"ssn","start":25,"end":36,"confidence":0.95`,
	`{"entity_type":"credit_card","start":42,"end":61,"confidence":0.99`,
}

// cliResult is what one in-process run of the command produced.
type cliResult struct {
	code           int
	stdout, stderr string
}

// runCLI runs the command in-process with stdin and the variables in vars
// (nothing else of the test process's environment is visible).
func runCLI(t *testing.T, stdin io.Reader, vars map[string]string, args ...string) cliResult {
	t.Helper()
	if stdin == nil {
		stdin = strings.NewReader("")
	}
	var out, errb bytes.Buffer
	env := &environment{
		stdin:  stdin,
		stdout: &out,
		stderr: &errb,
		getenv: func(k string) string { return vars[k] },
	}
	code := run(args, env)
	return cliResult{code: code, stdout: out.String(), stderr: errb.String()}
}

// writeFile writes data to dir/name and returns the path.
func writeFile(t testing.TB, dir, name, data string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// copyTestdata copies testdata files into a fresh temp directory, so tests
// that write beside a policy (compile) leave testdata alone.
func copyTestdata(t *testing.T, names ...string) string {
	t.Helper()
	dir := t.TempDir()
	for _, n := range names {
		b, err := os.ReadFile(filepath.Join("testdata", n))
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, dir, n, string(b))
	}
	return dir
}

// testPolicyJSON is a valid policy whose one rule gives effect to
// file.write actions; reload tests tell policies apart by version and effect.
func testPolicyJSON(version, effect string) string {
	return fmt.Sprintf(`{
  "policy_id": "reload-test",
  "policy_version": %q,
  "rules": [
    {"id": "file-writes", "description": "test rule", "priority": 10, "effect": %q,
     "match": {"action_types": ["file.write"]}}
  ]
}
`, version, effect)
}

// quietLogger discards everything it is given.
func quietLogger() *slog.Logger { return slog.New(slog.NewJSONHandler(io.Discard, nil)) }

// jsonString quotes s as appendJSONString does for plain ASCII paths.
func jsonString(s string) string { return string(appendJSONString(nil, s)) }

var (
	binOnce sync.Once
	binPath string
	binErr  error
	binDir  string
)

// TestMain removes the directory of the binary built for the process tests.
func TestMain(m *testing.M) {
	code := m.Run()
	if binDir != "" {
		_ = os.RemoveAll(binDir)
	}
	os.Exit(code)
}

// datafogBinary builds ./cmd/datafog once per test process and returns the
// binary's path.
func datafogBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and runs the binary; skipped with -short")
	}
	binOnce.Do(func() {
		gobin, err := exec.LookPath("go")
		if err != nil {
			binErr = fmt.Errorf("go tool not found: %w", err)
			return
		}
		binDir, err = os.MkdirTemp("", "datafog-cmd-test-")
		if err != nil {
			binErr = err
			return
		}
		binPath = filepath.Join(binDir, "datafog")
		cmd := exec.Command(gobin, "build", "-trimpath", "-o", binPath, ".")
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
		if out, err := cmd.CombinedOutput(); err != nil {
			binErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return binPath
}

// childEnv is the test process's environment without any DATAFOG_
// variable, plus extra ("K=V" items).
func childEnv(extra ...string) []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "DATAFOG_") {
			env = append(env, kv)
		}
	}
	return append(env, extra...)
}

// chunkReader returns at most n bytes per Read, so stream code sees chunk
// boundaries other than its own buffer size.
type chunkReader struct {
	r io.Reader
	n int
}

func (c *chunkReader) Read(p []byte) (int, error) {
	if len(p) > c.n {
		p = p[:c.n]
	}
	return c.r.Read(p)
}
