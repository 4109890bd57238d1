//go:build linux && !race

package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/datafog/datafog-api/engine"
	"github.com/datafog/datafog-api/engine/transform"
)

// The anonymize memory tests stream 1 GiB holding more than 10 million
// distinct email addresses through the real binary, generated on the fly,
// and check every output line and the child's peak resident set.
const (
	anonStreamBytes = 1 << 30
	anonLineLen     = 100
	anonLines       = anonStreamBytes / anonLineLen // 10,737,418 lines
	anonRSSLimit    = 64 << 20
)

// anonLineTail follows the address on every line; with "u", eight digits
// and "@example.com" in front it makes a 100-byte line.
var anonLineTail = " wrote: the quick brown fox jumps over the lazy dog, and again and again, okay\n"

// anonValue returns the number of the address on line i: i itself, except
// that every 1024th line (offset 511) repeats address 0 and every 1024th
// (offset 1023) repeats the address of the line 1000 before it, so the
// input holds 10,716,447 distinct addresses and repeats both numbered and
// pseudonymised ones.
func anonValue(i int) int {
	switch {
	case i%1024 == 511:
		return 0
	case i%1024 == 1023:
		return i - 1000
	}
	return i
}

// anonInput generates the input: anonLines lines, "u%08d@example.com" and
// anonLineTail, of exactly anonLineLen bytes each.
type anonInput struct {
	line int
	buf  []byte
	off  int
}

func (g *anonInput) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		if g.off == len(g.buf) {
			if g.line == anonLines {
				if n == 0 {
					return 0, io.EOF
				}
				break
			}
			g.buf = fmt.Appendf(g.buf[:0], "u%08d@example.com%s", anonValue(g.line), anonLineTail)
			g.off = 0
			g.line++
		}
		c := copy(p[n:], g.buf[g.off:])
		g.off += c
		n += c
	}
	return n, nil
}

var pseudonymLabel = regexp.MustCompile(`^<EMAIL_[bcdfghjkmnpqrstv]{20}>$`)

// checkAnonOutput reads the anonymized stream and checks every line: the
// first AnonymizeBudget distinct addresses are <EMAIL_1>..., later ones
// pseudonyms, a repeated address has the label it had before, and the rest
// of the line is unchanged. A sample of the pseudonyms must be distinct.
func checkAnonOutput(r io.Reader) error {
	br := bufio.NewReaderSize(r, 1<<16)
	var recent [1024]string // label of line i at i%1024
	distinct := 0
	sample := map[string]int{}
	for i := 0; i < anonLines; i++ {
		line, err := br.ReadSlice('\n')
		if err != nil {
			return fmt.Errorf("output line %d: %w", i, err)
		}
		label, rest, ok := bytes.Cut(line, []byte(" wrote: "))
		if !ok || " wrote: "+string(rest) != anonLineTail {
			return fmt.Errorf("output line %d is %q", i, line)
		}
		var want string
		switch v := anonValue(i); {
		case v == 0 && i > 0:
			want = "<EMAIL_1>"
		case v != i:
			want = recent[v%1024]
		case distinct < transform.AnonymizeBudget:
			distinct++
			want = "<EMAIL_" + strconv.Itoa(distinct) + ">"
		default:
			distinct++
			if !pseudonymLabel.Match(label) {
				return fmt.Errorf("output line %d: label %q, want a pseudonym", i, label)
			}
			want = string(label)
			if i%997 == 0 {
				if j, dup := sample[want]; dup {
					return fmt.Errorf("lines %d and %d: two addresses share the pseudonym %s", j, i, want)
				}
				sample[want] = i
			}
		}
		if string(label) != want {
			return fmt.Errorf("output line %d (address %d): label %q, want %q", i, anonValue(i), label, want)
		}
		recent[i%1024] = want
	}
	if extra, err := br.ReadByte(); err != io.EOF {
		return fmt.Errorf("output goes on past line %d (%q, %v)", anonLines, extra, err)
	}
	return nil
}

// overLimit reports a peak at or above anonRSSLimit, which made watchRSS
// kill the process.
func overLimit(t *testing.T, peak int64, checkErr error) {
	t.Helper()
	if peak >= anonRSSLimit {
		t.Fatalf("peak RSS %.1f MiB reached the %d MiB limit and the process was killed (output then: %v)",
			float64(peak)/(1<<20), anonRSSLimit>>20, checkErr)
	}
}

// watchRSS polls the peak resident set of process pid every 20 ms until
// stop is closed, and kills the process once it passes anonRSSLimit, so a
// process that does not bound its memory fails the test quickly. It
// returns the highest peak seen.
func watchRSS(pid int, kill func(), stop <-chan struct{}) *atomic.Int64 {
	var peak atomic.Int64
	go func() {
		tick := time.NewTicker(20 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case <-tick.C:
			}
			hwm, ok := readVmHWM(pid)
			if !ok {
				continue
			}
			peak.Store(max(peak.Load(), hwm))
			if hwm >= anonRSSLimit {
				kill()
				return
			}
		}
	}()
	return &peak
}

// readVmHWM reads VmHWM of process pid; false once the process is gone.
func readVmHWM(pid int) (int64, bool) {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return 0, false
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			return kb << 10, err == nil
		}
	}
	return 0, false
}

// TestAnonymizeInputIsWhatItSays pins the generator: lines of 100 bytes,
// each with exactly one finding, an email address spanning the address.
func TestAnonymizeInputIsWhatItSays(t *testing.T) {
	comp, err := loadPolicy("")
	if err != nil {
		t.Fatal(err)
	}
	g := &anonInput{line: anonLines - 2048}
	b, err := io.ReadAll(g)
	if err != nil || len(b) != 2048*anonLineLen {
		t.Fatalf("%d bytes, %v", len(b), err)
	}
	fs := comp.Engine.Scan(nil, b, engine.Filter{})
	if len(fs) != 2048 {
		t.Fatalf("%d findings in 2048 lines", len(fs))
	}
	for i, f := range fs {
		if f.Type != engine.Email || f.Start != int64(i*anonLineLen) || f.End != f.Start+21 {
			t.Fatalf("line %d: finding %+v", i, f)
		}
	}
	if anonLines < 10_000_000 || anonLines*anonLineLen > anonStreamBytes || anonStreamBytes-anonLines*anonLineLen >= anonLineLen {
		t.Fatalf("%d lines of %d bytes for %d bytes", anonLines, anonLineLen, anonStreamBytes)
	}
}

// TestRedactAnonymizeMemoryCLI runs `datafog redact --mode anonymize` over
// the 1 GiB input: the output is exact and the child's peak RSS stays under
// 64 MiB.
func TestRedactAnonymizeMemoryCLI(t *testing.T) {
	bin := datafogBinary(t)
	cmd := exec.Command(bin, "redact", "--mode", "anonymize")
	cmd.Env = childEnv()
	var errb lockedBuffer
	cmd.Stdin = &anonInput{}
	cmd.Stderr = &errb
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = cmd.Process.Kill() }()
	stop := make(chan struct{})
	peak := watchRSS(cmd.Process.Pid, func() { _ = cmd.Process.Kill() }, stop)
	checkErr := checkAnonOutput(stdout)
	if checkErr != nil {
		_ = cmd.Process.Kill()
	}
	err = cmd.Wait()
	close(stop)
	overLimit(t, peak.Load(), checkErr)
	if checkErr != nil {
		t.Fatal(checkErr)
	}
	if err != nil {
		t.Fatalf("redact: %v\n%s", err, errb.String())
	}
	t.Logf("%d MiB, %d lines in %v; peak RSS %.1f MiB", anonStreamBytes>>20, anonLines, time.Since(start).Round(time.Millisecond), float64(peak.Load())/(1<<20))
}

// TestRedactStreamAnonymizeMemoryServer sends the 1 GiB input as one
// chunked body to /v1/redact/stream?mode=anonymize of a `datafog serve`
// child: the streamed response is exact, it ends with a receipt id in the
// trailer, and the server's peak RSS stays under 64 MiB.
func TestRedactStreamAnonymizeMemoryServer(t *testing.T) {
	s, err := startServe(t, []string{"DATAFOG_RECEIPT_PATH=" + filepath.Join(t.TempDir(), "receipts")}, "")
	if err != nil {
		t.Fatal(err)
	}
	stop := make(chan struct{})
	defer close(stop)
	peak := watchRSS(s.cmd.Process.Pid, func() { _ = s.cmd.Process.Kill() }, stop)
	start := time.Now()
	req, err := http.NewRequest("POST", s.base+"/v1/redact/stream?mode=anonymize", io.NopCloser(&anonInput{}))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "text/plain")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		overLimit(t, peak.Load(), err)
		t.Fatalf("POST: %v\n%s", err, s.stderr.String())
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(resp.Body)
		t.Fatalf("status %d: %s", resp.StatusCode, b)
	}
	checkErr := checkAnonOutput(resp.Body)
	overLimit(t, peak.Load(), checkErr)
	if checkErr != nil {
		t.Fatal(checkErr)
	}
	if _, err := io.Copy(io.Discard, resp.Body); err != nil {
		t.Fatalf("end of response: %v", err)
	}
	if id := resp.Trailer.Get("X-Receipt-ID"); id == "" {
		t.Errorf("no receipt id in the trailer %v", resp.Trailer)
	}
	hwm, ok := readVmHWM(s.cmd.Process.Pid)
	if !ok {
		t.Fatalf("server gone (peak RSS seen %d MiB)\n%s", peak.Load()>>20, s.stderr.String())
	}
	t.Logf("%d MiB, %d lines in %v; server peak RSS %.1f MiB", anonStreamBytes>>20, anonLines, time.Since(start).Round(time.Millisecond), float64(hwm)/(1<<20))
	if hwm >= anonRSSLimit {
		t.Fatalf("server peak RSS %.1f MiB, limit %d MiB", float64(hwm)/(1<<20), anonRSSLimit>>20)
	}
}
