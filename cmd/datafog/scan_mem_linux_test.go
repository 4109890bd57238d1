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
// read, is within 8 MiB of the same command's over 4 MiB (the heap of a
// scan that has made a few million findings' garbage), so neither the
// input nor the findings waiting for the end of their line (for a
// datafog:allow marker) were held whole.
func TestScanOneLineBoundedMemory(t *testing.T) {
	bin := datafogBinary(t)
	const unit = "x bob@example.com "
	in := []byte(strings.Repeat(unit, 20_000_000/len(unit)))
	base, _ := childPeak(t, exec.Command(bin, "scan", "--format", "json"), in[:4<<20], io.Discard)
	counter := &lineCounter{}
	peak, code := childPeak(t, exec.Command(bin, "scan", "--format", "json"), in, counter)
	if code != exitFindings {
		t.Fatalf("scan exited %d, want %d", code, exitFindings)
	}
	if want := len(in)/len(unit) + 2; counter.lines != want { // the findings, the opening and the summary line
		t.Fatalf("%d report lines, want %d", counter.lines, want)
	}
	t.Logf("peak RSS %.1f MiB for %d MB on one line, %.1f MiB for 4 MiB", float64(peak)/(1<<20), len(in)/1_000_000, float64(base)/(1<<20))
	if peak-base >= 8<<20 {
		t.Fatalf("peak RSS %d bytes, %d over the small run's: scan held the line's findings or input", peak, peak-base)
	}
}

// lineCounter counts the lines written to it.
type lineCounter struct{ lines int }

func (c *lineCounter) Write(p []byte) (int, error) {
	c.lines += bytes.Count(p, []byte{'\n'})
	return len(p), nil
}

var _ io.Writer = (*lineCounter)(nil)
