package main

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
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

// sampleRecs are the findings of sample, all on line 1.
func sampleRecs() []wantRec {
	return []wantRec{
		rec1("email", 5, 20, "0.95", "bob@example.com"),
		rec1("ssn", 25, 36, "0.95", "123-45-6789"),
		rec1("credit_card", 42, 61, "0.99", "4111 1111 1111 1111"),
	}
}

// wantRec is a finding as a test expects `datafog scan` to report it.
type wantRec struct {
	typ                        string
	start, end                 int
	conf                       string
	value                      string // the finding's text, which its fingerprint covers
	file                       string
	rel                        string // the path the fingerprint covers
	named, show                bool
	line, col, endLine, endCol int
}

// rec1 is a finding on line 1 of ASCII text, whose columns follow from
// its offsets.
func rec1(typ string, start, end int, conf, value string) wantRec {
	return wantRec{typ: typ, start: start, end: end, conf: conf, value: value, line: 1, col: start + 1, endLine: 1, endCol: end + 1}
}

// in returns w found in file, named on the command line (outside the
// working directory when absolute).
func (w wantRec) in(file string) wantRec { w.file, w.rel, w.named = file, file, true; return w }

// under returns w found in the file rel of the directory root when the
// scan walked root.
func (w wantRec) under(root, rel string) wantRec {
	w.file, w.rel, w.named = filepath.Join(root, filepath.FromSlash(rel)), rel, true
	return w
}

// shown returns w as --show-values reports it.
func (w wantRec) shown() wantRec { w.show = true; return w }

// at returns w with its line and columns.
func (w wantRec) at(line, col, endLine, endCol int) wantRec {
	w.line, w.col, w.endLine, w.endCol = line, col, endLine, endCol
	return w
}

// fingerprint is w's fingerprint under key, computed here from the
// documented definition (HMAC-SHA256 of the domain, type, file and value,
// NUL-separated; the first 16 bytes in hex).
func (w wantRec) fingerprint(key string) string {
	m := hmac.New(sha256.New, []byte(key))
	m.Write([]byte("datafog-fingerprint-v1\x00" + w.typ + "\x00" + w.rel + "\x00" + w.value))
	return hex.EncodeToString(m.Sum(nil))[:32]
}

// json is w's NDJSON line (and JSON report entry), without the newline,
// under the default fingerprint key.
func (w wantRec) json() string { return w.jsonKey(defaultFingerprintKey) }

func (w wantRec) jsonKey(key string) string {
	s := fmt.Sprintf(`{"entity_type":%q,"start":%d,"end":%d,"confidence":%s`, w.typ, w.start, w.end, w.conf)
	if w.named {
		s += `,"file":` + jsonString(w.file)
	}
	s += fmt.Sprintf(`,"line":%d,"column":%d,"end_line":%d,"end_column":%d,"fingerprint":%q`, w.line, w.col, w.endLine, w.endCol, w.fingerprint(key))
	if w.show {
		s += `,"value":` + jsonString(w.value)
	}
	return s + "}"
}

// ndjson is the NDJSON report of recs.
func ndjson(recs ...wantRec) string {
	var b strings.Builder
	for _, r := range recs {
		b.WriteString(r.json() + "\n")
	}
	return b.String()
}

// mapRecs applies f to each of recs.
func mapRecs(recs []wantRec, f func(wantRec) wantRec) []wantRec {
	out := make([]wantRec, len(recs))
	for i, r := range recs {
		out[i] = f(r)
	}
	return out
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
