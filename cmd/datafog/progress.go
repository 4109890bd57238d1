package main

import (
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/datafog/datafog-api/engine"
)

// Progress of `datafog scan` and `datafog redact` on standard error, when
// standard error is a terminal and --quiet is not given:
//
//	datafog scan: big.log  12.0 MiB / 40.0 MiB (30%)  85.2 MiB/s  ETA 0:03  1234 findings
//
// redrawn in place at most every 200 ms (the total, percentage and ETA only
// when the input's size is known: a regular file), and at the end one
// summary line:
//
//	datafog scan: 40.0 MiB in 2 files, 5678 findings (email 5000, ssn 678) in 0.47s
//
// Nothing is written when standard error is not a terminal (a pipe, a file,
// a CI log), so scripts and logs see only the report. A few lines of
// carriage returns and ANSI erase sequences need no library: the well-kept
// ones (schollz/progressbar, vbauerster/mpb) would bring three to five
// modules (terminal width, Unicode segmentation, colour) into the binary
// for a single line of text.

// redrawEvery bounds how often the progress line is redrawn.
const redrawEvery = 200 * time.Millisecond

// progress reports the bytes read and findings counted on a terminal. A
// nil *progress is valid and does nothing, so callers need no checks.
type progress struct {
	w     io.Writer
	cmd   string // "scan" or "redact"
	start time.Time
	now   func() time.Time

	files    int
	bytes    int64 // read in all inputs
	findings int64
	byType   map[engine.EntityType]int64

	// live, when set, counts the findings so far instead of finding
	// (redact counts them in its transform.Writer).
	live func() int64

	name     string // the current input ("" for standard input)
	size     int64  // its size, or -1 when unknown
	fileDone int64  // bytes read of it
	drawn    time.Time
	dirty    bool // a progress line is on the screen
}

// newProgress returns a progress reporter writing to stderr when it is a
// terminal and quiet is off, else nil.
func newProgress(stderr io.Writer, cmd string, quiet bool) *progress {
	if quiet || !isTerminal(stderr) {
		return nil
	}
	return &progress{w: stderr, cmd: cmd, start: time.Now(), now: time.Now, byType: map[engine.EntityType]int64{}}
}

// reader starts a new input and returns r counting through p. size is the
// input's size, or -1 when it is not known.
func (p *progress) reader(r io.Reader, name string, size int64) io.Reader {
	if p == nil {
		return r
	}
	p.files++
	p.name, p.size, p.fileDone = name, size, 0
	return &progressReader{r: r, p: p}
}

// fileReader is reader for an open file, its size taken from Stat when it
// is a regular file.
func (p *progress) fileReader(f *os.File, name string) io.Reader {
	if p == nil {
		return f
	}
	size := int64(-1)
	if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
		size = st.Size()
	}
	return p.reader(f, name, size)
}

// finding counts one reported finding of type t.
func (p *progress) finding(t engine.EntityType) {
	if p == nil {
		return
	}
	p.findings++
	p.byType[t]++
}

// counted sets the final findings by type, for a caller that counts them
// itself (redact), and keeps live for the progress line.
func (p *progress) counted(live func() int64, byType map[engine.EntityType]int) {
	if p == nil {
		return
	}
	p.live = live
	if byType == nil {
		return
	}
	p.findings = 0
	for t, n := range byType {
		p.byType[t] = int64(n)
		p.findings += int64(n)
	}
}

// progressReader counts what is read and redraws the line.
type progressReader struct {
	r io.Reader
	p *progress
}

func (pr *progressReader) Read(b []byte) (int, error) {
	n, err := pr.r.Read(b)
	p := pr.p
	p.bytes += int64(n)
	p.fileDone += int64(n)
	if now := p.now(); now.Sub(p.drawn) >= redrawEvery {
		p.drawn = now
		p.draw(now)
	}
	return n, err
}

// draw writes the progress line over the previous one.
func (p *progress) draw(now time.Time) {
	var b strings.Builder
	b.WriteString("\rdatafog " + p.cmd + ": ")
	if p.name != "" {
		b.WriteString(p.name + "  ")
	}
	b.WriteString(formatBytes(p.fileDone))
	elapsed := now.Sub(p.start).Seconds()
	rate := 0.0
	if elapsed > 0 {
		rate = float64(p.bytes) / elapsed
	}
	if p.size >= 0 {
		pct := 100.0
		if p.size > 0 {
			pct = 100 * float64(p.fileDone) / float64(p.size)
		}
		fmt.Fprintf(&b, " / %s (%.0f%%)", formatBytes(p.size), pct)
	}
	fmt.Fprintf(&b, "  %s/s", formatBytes(int64(rate)))
	if p.size >= 0 && rate > 0 {
		left := time.Duration(float64(max(p.size-p.fileDone, 0)) / rate * float64(time.Second))
		b.WriteString("  ETA " + formatClock(left))
	}
	if p.live != nil {
		p.findings = p.live()
	}
	fmt.Fprintf(&b, "  %d findings\033[K", p.findings)
	_, _ = io.WriteString(p.w, b.String())
	p.dirty = true
}

// finish clears the progress line and writes the summary line.
func (p *progress) finish() {
	if p == nil {
		return
	}
	if p.dirty {
		_, _ = io.WriteString(p.w, "\r\033[K")
	}
	files := "standard input"
	if p.files != 1 || p.name != "" {
		files = fmt.Sprintf("%d files", p.files)
		if p.files == 1 {
			files = "1 file"
		}
	}
	fmt.Fprintf(p.w, "datafog %s: %s in %s, %d findings%s in %s\n", p.cmd, formatBytes(p.bytes), files,
		p.findings, formatByType(p.byType), formatSeconds(p.now().Sub(p.start)))
}

// formatByType renders " (email 3, ssn 1)", most frequent first, or "".
func formatByType(m map[engine.EntityType]int64) string {
	if len(m) == 0 {
		return ""
	}
	types := make([]engine.EntityType, 0, len(m))
	for t := range m {
		types = append(types, t)
	}
	sort.Slice(types, func(i, j int) bool {
		if m[types[i]] != m[types[j]] {
			return m[types[i]] > m[types[j]]
		}
		return types[i] < types[j]
	})
	parts := make([]string, len(types))
	for i, t := range types {
		parts[i] = fmt.Sprintf("%s %d", t, m[t])
	}
	return " (" + strings.Join(parts, ", ") + ")"
}

// formatBytes renders a byte count in B, KiB, MiB or GiB.
func formatBytes(n int64) string {
	switch {
	case n < 1<<10:
		return fmt.Sprintf("%d B", n)
	case n < 1<<20:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	case n < 1<<30:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
}

// formatClock renders a duration as m:ss (h:mm:ss past an hour).
func formatClock(d time.Duration) string {
	s := int64(d.Round(time.Second) / time.Second)
	if s >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}

// formatSeconds renders an elapsed time in seconds, two decimals.
func formatSeconds(d time.Duration) string { return fmt.Sprintf("%.2fs", d.Seconds()) }
