//go:build linux

package main

import (
	"bytes"
	"io"
	"os/exec"
	"strings"
	"testing"
)

// TestScanOneLineBoundedMemory pipes 20 MB of one line without a newline,
// an email every 18 bytes (over a million findings), through the real
// `datafog scan --format json`: the report holds every finding, and the
// child's peak resident set, taken when all but the last 64 KiB had been
// read, stays under 24 MiB, so neither the input nor the findings waiting
// for the end of their line (for a datafog:allow marker) were held whole.
func TestScanOneLineBoundedMemory(t *testing.T) {
	bin := datafogBinary(t)
	const unit = "x bob@example.com "
	in := []byte(strings.Repeat(unit, 20_000_000/len(unit)))
	cmd := exec.Command(bin, "scan", "--format", "json")
	cmd.Env = childEnv()
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	counter := &lineCounter{}
	var errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = counter, &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = cmd.Process.Kill() }()
	for off := 0; off < len(in); off += 4096 {
		if _, err := stdin.Write(in[off:min(off+4096, len(in))]); err != nil {
			t.Fatalf("write at %d: %v\n%s", off, err, errb.String())
		}
	}
	peak := vmHWM(t, cmd.Process.Pid)
	_ = stdin.Close()
	if err := cmd.Wait(); cmd.ProcessState.ExitCode() != exitFindings {
		t.Fatalf("scan: %v\n%s", err, errb.String())
	}
	if want := len(in)/len(unit) + 2; counter.lines != want { // the findings, the opening and the summary line
		t.Fatalf("%d report lines, want %d", counter.lines, want)
	}
	t.Logf("peak RSS %.1f MiB for %d MB on one line", float64(peak)/(1<<20), len(in)/1_000_000)
	if peak >= 24<<20 {
		t.Fatalf("peak RSS %d bytes: scan held the line's findings or input", peak)
	}
}

// lineCounter counts the lines written to it.
type lineCounter struct{ lines int }

func (c *lineCounter) Write(p []byte) (int, error) {
	c.lines += bytes.Count(p, []byte{'\n'})
	return len(p), nil
}

var _ io.Writer = (*lineCounter)(nil)
