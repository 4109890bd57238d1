//go:build linux

package main

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"github.com/datafog/datafog-api/engine"
	"github.com/datafog/datafog-api/engine/transform"
)

// TestRedactBinaryBoundedMemory pipes 20 MB through the real `datafog
// redact --mode anonymize` in 4 KiB writes and checks two things: the
// output equals transform.Apply over engine.Scan of the whole buffer, and
// the child's peak resident set, taken when all but the last 64 KiB had
// been read, is within 8 MiB of the peak of the same command over 256 KiB
// (the process with its detector tables loaded, about 24 MiB), so the
// 19 MiB of input were never held whole.
func TestRedactBinaryBoundedMemory(t *testing.T) {
	bin := datafogBinary(t)
	const n = 20_000_000
	in := genText(n, 11)
	comp, err := loadPolicy("")
	if err != nil {
		t.Fatal(err)
	}
	tr, err := transform.New(transform.Options{Default: transform.Anonymize})
	if err != nil {
		t.Fatal(err)
	}
	want, _ := tr.Apply(nil, in, comp.Engine.Scan(nil, in, engine.Filter{}))

	base, _ := redactPeak(t, bin, in[:256<<10])
	peak, got := redactPeak(t, bin, in)
	if !bytes.Equal(got, want) {
		i := 0
		for i < len(got) && i < len(want) && got[i] == want[i] {
			i++
		}
		t.Fatalf("output differs from the whole-buffer transform at byte %d (got %d bytes, want %d)", i, len(got), len(want))
	}
	t.Logf("peak RSS %.1f MiB for %d MB in, %.1f MiB for 256 KiB", float64(peak)/(1<<20), n/1_000_000, float64(base)/(1<<20))
	if peak-base >= 8<<20 {
		t.Fatalf("peak RSS %d bytes, %d over the small run's: redact did not stream", peak, peak-base)
	}
}

// redactPeak runs `datafog redact --mode anonymize` over in and returns
// its peak resident set (childPeak) and its output.
func redactPeak(t *testing.T, bin string, in []byte) (int64, []byte) {
	t.Helper()
	var out bytes.Buffer
	peak, _ := childPeak(t, exec.Command(bin, "redact", "--mode", "anonymize"), in, &out)
	return peak, out.Bytes()
}

// childPeak runs cmd with in written to its standard input in 4 KiB
// pieces and its standard output to stdout, and returns the child's peak
// resident set when all but the pipe's 64 KiB of in had been read, and
// its exit status. A failure to start or to take in the input fails t.
func childPeak(t *testing.T, cmd *exec.Cmd, in []byte, stdout io.Writer) (int64, int) {
	t.Helper()
	cmd.Env = childEnv()
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	var errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = stdout, &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = cmd.Process.Kill() }()
	// The pipe holds 64 KiB, so when the last write returns the child has
	// read all but that much of the input.
	for off := 0; off < len(in); off += 4096 {
		if _, err := stdin.Write(in[off:min(off+4096, len(in))]); err != nil {
			t.Fatalf("write at %d: %v\n%s", off, err, errb.String())
		}
	}
	// The child's rusage would not do: its maxrss includes the test
	// process's pages, shared between clone and exec. VmHWM is the peak of
	// the child's own address space.
	peak := vmHWM(t, cmd.Process.Pid)
	_ = stdin.Close()
	err = cmd.Wait()
	code := cmd.ProcessState.ExitCode()
	if code != 0 && code != exitFindings {
		t.Fatalf("%s: %v\n%s", cmd.Args[1], err, errb.String())
	}
	return peak, code
}

// vmHWM returns the peak resident set size of process pid, in bytes, from
// /proc/PID/status.
func vmHWM(t *testing.T, pid int) int64 {
	t.Helper()
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			if err != nil {
				t.Fatalf("VmHWM %q: %v", v, err)
			}
			return kb << 10
		}
	}
	t.Fatal("no VmHWM in /proc status")
	return 0
}
