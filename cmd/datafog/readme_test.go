package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// The README's examples are tested as written: TestREADMEShellBlocks runs
// every ```sh block of README.md, in order, from a scratch directory that
// has bin/datafog, against the real binary serving on loopback (the
// blocks' localhost:8080 is pointed at its port). A block preceded by
// "<!-- readme-test: skip: REASON -->" is not run (make run blocks; the
// Kafka example needs a broker). Each command must exit 0 (a `datafog
// scan` may exit 1, its "found something"), and its output must hold no
// error body, unless the command ends with "# readme-test: error expected",
// whose output must hold one.

// readmeBlock is one ```sh block of the README.
type readmeBlock struct {
	line int    // of the opening fence, 1-based
	text string // the block's lines
	skip string // the skip reason, or ""
}

var skipMarker = regexp.MustCompile(`^<!-- readme-test: skip: (.+) -->$`)

// readmeShellBlocks returns the ```sh blocks of the README text.
func readmeShellBlocks(readme string) []readmeBlock {
	lines := strings.Split(readme, "\n")
	var blocks []readmeBlock
	for i := 0; i < len(lines); i++ {
		if strings.TrimSpace(lines[i]) != "```sh" {
			continue
		}
		b := readmeBlock{line: i + 1}
		if i > 0 {
			if m := skipMarker.FindStringSubmatch(strings.TrimSpace(lines[i-1])); m != nil {
				b.skip = m[1]
			}
		}
		var body []string
		for i++; i < len(lines) && strings.TrimSpace(lines[i]) != "```"; i++ {
			body = append(body, lines[i])
		}
		b.text = strings.Join(body, "\n")
		blocks = append(blocks, b)
	}
	return blocks
}

// readmeCommand is one command of a block: its lines (continuations and
// here-documents joined) and what its outcome may be.
type readmeCommand struct {
	text          string
	errorExpected bool
}

var hereDoc = regexp.MustCompile(`<<-?'?([A-Za-z_]+)'?`)

// splitCommands splits a block into commands: a line ending in a
// backslash or a pipe continues on the next, a here-document runs to its
// terminator, and comment and blank lines are skipped.
func splitCommands(block string) []readmeCommand {
	lines := strings.Split(block, "\n")
	var cmds []readmeCommand
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		t := strings.TrimSpace(l)
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		cmd := []string{l}
		for (strings.HasSuffix(strings.TrimSpace(lines[i]), "\\") || strings.HasSuffix(strings.TrimSpace(lines[i]), "|")) && i+1 < len(lines) {
			i++
			cmd = append(cmd, lines[i])
		}
		if m := hereDoc.FindStringSubmatch(strings.Join(cmd, "\n")); m != nil {
			for i+1 < len(lines) {
				i++
				cmd = append(cmd, lines[i])
				if strings.TrimSpace(lines[i]) == m[1] {
					break
				}
			}
		}
		text := strings.Join(cmd, "\n")
		cmds = append(cmds, readmeCommand{text: text, errorExpected: strings.Contains(text, "# readme-test: error expected")})
	}
	return cmds
}

func TestSplitCommands(t *testing.T) {
	block := "# comment\na \\\n  b\n\nc |\n  d\ncat > f <<'EOF'\n{\n}\nEOF\ne # readme-test: error expected"
	got := splitCommands(block)
	want := []readmeCommand{{"a \\\n  b", false}, {"c |\n  d", false}, {"cat > f <<'EOF'\n{\n}\nEOF", false}, {"e # readme-test: error expected", true}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("got %+v\nwant %+v", got, want)
	}
}

// TestREADMEShellBlocks runs the README's shell blocks against the real
// binary (see the comment at the top of this file).
func TestREADMEShellBlocks(t *testing.T) {
	bin := datafogBinary(t)
	for _, tool := range []string{"bash", "curl", "gzip"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("the README's examples need %s: %v", tool, err)
		}
	}
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := readmeShellBlocks(string(readme))
	work := t.TempDir()
	if err := os.Mkdir(filepath.Join(work, "bin"), 0o750); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(bin, filepath.Join(work, "bin", "datafog")); err != nil {
		t.Fatal(err)
	}
	addr := startREADMEServer(t, bin, work)

	ran := 0
	for _, b := range blocks {
		if b.skip != "" {
			t.Logf("README.md:%d: skipped: %s", b.line, b.skip)
			continue
		}
		cmds := splitCommands(b.text)
		ran += len(cmds)
		runREADMEBlock(t, work, addr, b.line, cmds)
	}
	if ran < 30 {
		t.Fatalf("ran %d README commands; the README should have more", ran)
	}
}

// runREADMEBlock runs a block's commands in one bash process in dir (so a
// variable one command sets is there for the next), with localhost:8080
// pointed at addr, capturing each command's output and exit status, and
// checks them.
func runREADMEBlock(t *testing.T, dir, addr string, line int, cmds []readmeCommand) {
	t.Helper()
	outDir := t.TempDir()
	var script strings.Builder
	point := strings.NewReplacer("localhost:8080", addr, "127.0.0.1:8080", addr)
	for i, c := range cmds {
		fmt.Fprintf(&script, "{ %s\n} > %q 2>&1\necho $? > %q\n", point.Replace(c.text),
			filepath.Join(outDir, fmt.Sprint(i)), filepath.Join(outDir, fmt.Sprint(i)+".rc"))
	}
	cmd := exec.Command("bash", "-c", script.String())
	cmd.Dir = dir
	cmd.Env = childEnv()
	var shell bytes.Buffer
	cmd.Stdout, cmd.Stderr = &shell, &shell
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(120 * time.Second):
		_ = cmd.Process.Kill()
		<-done
		t.Fatalf("README.md:%d: the block did not finish in 120s", line)
	}
	for i, c := range cmds {
		out, _ := os.ReadFile(filepath.Join(outDir, fmt.Sprint(i)))
		rc, err := os.ReadFile(filepath.Join(outDir, fmt.Sprint(i)+".rc"))
		if err != nil {
			t.Errorf("README.md:%d: %q did not run (%v); the shell said:\n%s", line, c.text, err, shell.String())
			continue
		}
		code := strings.TrimSpace(string(rc))
		scan := strings.HasPrefix(strings.TrimSpace(c.text), "bin/datafog scan") || strings.Contains(c.text, "| bin/datafog scan")
		if code != "0" && !(code == "1" && scan) {
			t.Errorf("README.md:%d: %q exited %s:\n%s", line, c.text, code, out)
		}
		hasError := bytes.Contains(out, []byte(`{"error":{"code":`))
		if hasError != c.errorExpected {
			t.Errorf("README.md:%d: %q: an error body in the output: %v, expected %v:\n%s", line, c.text, hasError, c.errorExpected, out)
		}
		t.Logf("README.md:%d: $ %s\n%.300s", line, c.text, out)
	}
}

// startREADMEServer starts `datafog serve` in dir with its defaults (the
// receipts in ./data/receipts, as `make run` has them) on a free loopback
// port and returns host:port.
func startREADMEServer(t *testing.T, bin, dir string) string {
	t.Helper()
	addr := fmt.Sprintf("127.0.0.1:%d", freePort(t))
	cmd := exec.Command(bin, "serve", "--addr", addr)
	cmd.Dir = dir
	cmd.Env = childEnv()
	logs := &lockedBuffer{}
	cmd.Stdout, cmd.Stderr = logs, logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { _ = cmd.Wait(); close(done) }()
	t.Cleanup(func() {
		_ = cmd.Process.Signal(os.Interrupt)
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			_ = cmd.Process.Kill()
			<-done
		}
		if t.Failed() {
			t.Logf("serve's log:\n%s", logs.String())
		}
	})
	deadline := time.Now().Add(10 * time.Second)
	for {
		res, err := http.Get("http://" + addr + "/health")
		if err == nil {
			res.Body.Close()
			return addr
		}
		select {
		case <-done:
			t.Fatalf("serve exited:\n%s", logs.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("serve not ready after 10s:\n%s", logs.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

var updateREADME = flag.Bool("update-readme", false, "rewrite README.md's entity type list from `datafog entities` (make readme)")

const (
	entitiesBegin = "<!-- entity-types:begin (generated by `make readme`; do not edit by hand) -->\n"
	entitiesEnd   = "<!-- entity-types:end -->"
)

// renderEntityList renders `datafog entities` output as the README's table.
func renderEntityList(t *testing.T) string {
	t.Helper()
	r := runCLI(t, nil, nil, "entities")
	if r.code != exitOK {
		t.Fatalf("datafog entities: %+v", r)
	}
	var list struct {
		Count    int `json:"count"`
		Entities []struct {
			EntityType  string `json:"entity_type"`
			Family      string `json:"family"`
			ConfirmedBy string `json:"confirmed_by"`
		} `json:"entities"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &list); err != nil || list.Count != len(list.Entities) || list.Count == 0 {
		t.Fatalf("datafog entities: %v %q", err, r.stdout)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d types.\n\n| entity_type | family | how a candidate is confirmed |\n|---|---|---|\n", list.Count)
	for _, e := range list.Entities {
		how := strings.ReplaceAll(e.ConfirmedBy, "|", `\|`)
		fmt.Fprintf(&b, "| `%s` | %s | %s |\n", e.EntityType, e.Family, how)
	}
	return b.String()
}

// TestREADMEEntityList: the README's list of entity types is exactly what
// `datafog entities` prints. Run `make readme` (this test with
// -update-readme) to regenerate it when detectors are added.
func TestREADMEEntityList(t *testing.T) {
	const path = "../../README.md"
	readme, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := string(readme)
	i, j := strings.Index(s, entitiesBegin), strings.Index(s, entitiesEnd)
	if i < 0 || j < i {
		t.Fatalf("README.md has no %q ... %q section", entitiesBegin, entitiesEnd)
	}
	want := renderEntityList(t)
	got := s[i+len(entitiesBegin) : j]
	if got == want {
		return
	}
	if *updateREADME {
		out := s[:i+len(entitiesBegin)] + want + s[j:]
		if err := os.WriteFile(path, []byte(out), 0o644); err != nil { // #nosec G306 -- README.md is a public document
			t.Fatal(err)
		}
		t.Logf("README.md: entity type list regenerated")
		return
	}
	t.Fatalf("README.md's entity type list differs from `datafog entities`; run `make readme`.\nwant:\n%s\ngot:\n%s", want, got)
}
