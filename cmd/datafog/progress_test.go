package main

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/creack/pty"

	"github.com/datafog/datafog-api/engine"
)

// runOnTerminal runs the binary with standard error on a pseudo-terminal
// (standard output and input are plain files) and returns what the
// terminal showed and what standard output got.
func runOnTerminal(t *testing.T, stdin io.Reader, args ...string) (term, stdout string) {
	t.Helper()
	bin := datafogBinary(t)
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal here: %v", err)
	}
	defer ptmx.Close()
	cmd := exec.Command(bin, args...)
	cmd.Env = childEnv()
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr, cmd.Stdin = &out, tty, stdin
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	tty.Close() // the child holds its own copy
	var screen bytes.Buffer
	read := make(chan error, 1)
	go func() {
		_, err := io.Copy(&screen, ptmx)
		read <- err
	}()
	waited := make(chan error, 1)
	go func() { waited <- cmd.Wait() }()
	select {
	case <-waited:
	case <-time.After(60 * time.Second):
		_ = cmd.Process.Kill()
		t.Fatal("the command did not finish in 60s")
	}
	// Reading the terminal ends with EIO once the child has closed it.
	if err := <-read; err != nil && !errors.Is(err, syscall.EIO) {
		t.Fatalf("reading the terminal: %v", err)
	}
	return screen.String(), out.String()
}

// progressInput writes n lines with one email each and returns the path.
func progressInput(t *testing.T, n int) string {
	t.Helper()
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString("line ")
		b.WriteString(strings.Repeat("x", 40))
		b.WriteString(" mail person@example.com\n")
	}
	return writeFile(t, t.TempDir(), "input.txt", b.String())
}

var (
	progressLine = regexp.MustCompile(`\rdatafog scan: \S+/input\.txt  [0-9.]+ (B|KiB|MiB) / 3\.3 MiB \(\d+%\)  [0-9.]+ (B|KiB|MiB|GiB)/s(  ETA \d+:\d\d)?  \d+ findings\x1b\[K`)
	scanSummary  = regexp.MustCompile(`datafog scan: 3\.3 MiB in 1 file, 50000 findings \(email 50000\) in \d+\.\d\ds\r?\n`)
)

// TestScanProgressOnATerminal: on a terminal, scan shows the file, bytes
// done of its size with a percentage, the throughput, the ETA and the
// findings so far, then clears the line and prints a summary; the report
// on standard output is unchanged.
func TestScanProgressOnATerminal(t *testing.T) {
	in := progressInput(t, 50000) // 3.3 MiB
	term, out := runOnTerminal(t, nil, "scan", in)
	if !progressLine.MatchString(term) {
		t.Errorf("no progress line on the terminal:\n%q", term)
	}
	if !strings.Contains(term, "\r\x1b[K") || !scanSummary.MatchString(term) {
		t.Errorf("no cleared line and summary:\n%q", term)
	}
	if n := strings.Count(out, "\n"); n != 50000 || strings.Contains(out, "datafog scan:") {
		t.Errorf("the report has %d lines, or holds progress", n)
	}
	// --quiet: nothing on the terminal.
	if term, _ := runOnTerminal(t, nil, "scan", "--quiet", in); term != "" {
		t.Errorf("--quiet wrote to the terminal: %q", term)
	}
	// Standard input: no total, no ETA, "standard input" in the summary.
	f, err := os.Open(in)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	term, _ = runOnTerminal(t, f, "scan")
	if !regexp.MustCompile(`\rdatafog scan: [0-9.]+ (B|KiB|MiB)  [0-9.]+ (B|KiB|MiB|GiB)/s  \d+ findings`).MatchString(term) ||
		!regexp.MustCompile(`datafog scan: 3\.3 MiB in standard input, 50000 findings \(email 50000\) in `).MatchString(term) {
		t.Errorf("stdin progress:\n%q", term)
	}
}

// TestRedactProgressOnATerminal: redact shows the same progress and a
// summary with the findings replaced by type.
func TestRedactProgressOnATerminal(t *testing.T) {
	in := progressInput(t, 50000)
	term, out := runOnTerminal(t, nil, "redact", in)
	if !strings.Contains(term, "\rdatafog redact: "+in+"  ") ||
		!regexp.MustCompile(`datafog redact: 3\.3 MiB in 1 file, 50000 findings \(email 50000\) in \d+\.\d\ds`).MatchString(term) {
		t.Errorf("redact progress:\n%q", term)
	}
	if strings.Contains(out, "person@example.com") || strings.Count(out, "[REDACTED]") != 50000 {
		t.Errorf("redacted output wrong (%d bytes)", len(out))
	}
}

// TestProgressSilentWithoutATerminal: with standard error a pipe (a script,
// a CI log), scan and redact write nothing there.
func TestProgressSilentWithoutATerminal(t *testing.T) {
	bin := datafogBinary(t)
	in := progressInput(t, 1000)
	for _, args := range [][]string{{"scan", in}, {"redact", in}} {
		cmd := exec.Command(bin, args...)
		cmd.Env = childEnv()
		var stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = io.Discard, &stderr
		err := cmd.Run()
		var ee *exec.ExitError
		if err != nil && !(errors.As(err, &ee) && ee.ExitCode() == exitFindings) {
			t.Fatalf("%v: %v", args, err)
		}
		if stderr.Len() != 0 {
			t.Errorf("%v: wrote %q to a non-terminal standard error", args, stderr.String())
		}
	}
}

// TestProgressFormatting pins the line's parts with a fixed clock.
func TestProgressFormatting(t *testing.T) {
	var out bytes.Buffer
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	now := t0
	p := &progress{w: &out, cmd: "scan", start: t0, now: func() time.Time { return now }, byType: map[engine.EntityType]int64{}}
	r := p.reader(strings.NewReader(strings.Repeat("a", 3<<20)), "f.txt", 4<<20)
	now = t0.Add(time.Second)
	if _, err := io.ReadAll(r); err != nil {
		t.Fatal(err)
	}
	p.finding("ssn")
	p.finding("email")
	p.finding("email")
	p.draw(now)
	want := "\rdatafog scan: f.txt  3.0 MiB / 4.0 MiB (75%)  3.0 MiB/s  ETA 0:00  3 findings\x1b[K"
	if got := out.String(); !strings.HasSuffix(got, want) {
		t.Errorf("line %q\nwant suffix %q", got, want)
	}
	out.Reset()
	now = t0.Add(1500 * time.Millisecond)
	p.finish()
	if got := out.String(); got != "\r\x1b[Kdatafog scan: 3.0 MiB in 1 file, 3 findings (email 2, ssn 1) in 1.50s\n" {
		t.Errorf("summary %q", got)
	}
	for d, want := range map[time.Duration]string{59 * time.Second: "0:59", 61 * time.Minute: "1:01:00", 90 * time.Second: "1:30"} {
		if got := formatClock(d); got != want {
			t.Errorf("formatClock(%v) = %q, want %q", d, got, want)
		}
	}
	var nilp *progress
	nilp.finding("x")
	nilp.finish()
	if r := nilp.reader(strings.NewReader("x"), "", -1); r == nil {
		t.Error("nil progress must pass the reader through")
	}
}
