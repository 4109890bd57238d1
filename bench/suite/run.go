// Package suite runs the whole benchmark suite: the Go benchmarks of the
// component packages and of bench/, the load runs of our service and the
// baseline service, and datafog's CLI against gitleaks on a secrets
// corpus, then writes bench/results/<date>-<commit>.{json,
// txt,md,png} and latest.{md,png}. bench/suite/cmd/suite is its command
// line.
//
// It is a module of its own (github.com/datafog/datafog-api/bench/suite)
// so that gonum/plot, which draws the chart, is not part of the main
// module's dependency graph; it uses the main module through a replace
// directive, and builds the benchmarked packages' test binaries with the
// main module's go.mod.
package suite

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/datafog/datafog-api/bench/internal/profiling"
)

// Module is the path of the main module, whose packages the suite
// benchmarks; "pkg:" lines in the raw output carry it.
const Module = "github.com/datafog/datafog-api"

// DefaultPackages are the packages whose benchmarks the suite runs,
// relative to the module root.
var DefaultPackages = []string{
	"engine/automaton", "engine", "engine/transform", "engine/policy",
	"receipts", "transport", "bench", "bench/receiptsbench",
	"pipeline/kafka", "engine/detect/names",
}

// Options configures Run.
type Options struct {
	// Root is the module root; OutDir receives the results.
	Root, OutDir string
	// Packages to benchmark, relative to Root.
	Packages []string
	// Filter, when set, keeps only top-level benchmarks whose
	// "pkg.BenchmarkName" it matches.
	Filter *regexp.Regexp
	// Count is the number of rounds; each round runs every benchmark once
	// (-test.count 1). BenchTime and Timeout go to every test binary
	// (-test.benchtime, -test.timeout).
	Count     int
	BenchTime string
	Timeout   time.Duration
	// CorpusSize is bench/'s -corpus-size; GetLog is receiptsbench's -getlog.
	CorpusSize, GetLog int
	// Load enables the load runs; LoadDuration is each run's length and
	// StreamBytes the body size of the streaming run.
	Load         bool
	LoadDuration time.Duration
	StreamBytes  int64
	// Secrets enables the comparison with gitleaks on a secrets corpus of
	// SecretsSize bytes (secrets.go).
	Secrets     bool
	SecretsSize int
	// Note is printed with the results (for example, what else was running).
	Note string
	// Command is the command line that produced the results.
	Command string
	// Prof also makes every test binary write a profile into Prof.Dir.
	Prof profiling.Flags
	// Log receives progress.
	Log io.Writer
}

// Report is everything one suite run measured.
type Report struct {
	Date       string        `json:"date"`
	Commit     string        `json:"commit"`
	GoVersion  string        `json:"go_version"`
	GOOS       string        `json:"goos"`
	GOARCH     string        `json:"goarch"`
	CPU        string        `json:"cpu"`
	NumCPU     int           `json:"num_cpu"`
	Note       string        `json:"note,omitempty"`
	Command    string        `json:"command"`
	Elapsed    time.Duration `json:"elapsed_ns"`
	Benchmarks []*Bench      `json:"benchmarks"`
	Load       []*LoadRun    `json:"load"`
	Secrets    *SecretsRun   `json:"secrets,omitempty"`
	Checks     []CheckResult `json:"checks"`
	Pairs      []Pair        `json:"pairs"`
	Errors     []string      `json:"errors,omitempty"`

	raw bytes.Buffer // go test benchmark format, for benchstat
}

// Run runs the suite and returns its report; it writes nothing to OutDir
// (see Write). Benchmark failures are recorded in Report.Errors, not
// returned: a partial suite is still worth reading.
func Run(ctx context.Context, o Options) (*Report, error) {
	start := time.Now()
	rep := &Report{
		Date: start.UTC().Format("2006-01-02"), Commit: commit(o.Root), GoVersion: runtime.Version(),
		GOOS: runtime.GOOS, GOARCH: runtime.GOARCH, NumCPU: runtime.NumCPU(), Note: o.Note, Command: o.Command,
	}
	binDir, err := os.MkdirTemp("", "datafog-suite-")
	if err != nil {
		return nil, fmt.Errorf("suite: temp dir: %w", err)
	}
	defer os.RemoveAll(binDir)
	for _, pkg := range o.Packages {
		if ctx.Err() != nil {
			break
		}
		rep.runPackage(ctx, o, pkg, binDir)
	}
	if o.Load && ctx.Err() == nil {
		rep.runLoad(ctx, o)
	}
	if o.Secrets && ctx.Err() == nil {
		rep.runSecrets(ctx, o, binDir)
	}
	rep.Checks = evaluate(append(checks(o.GetLog), secretsChecks(rep.Secrets)...), rep.Benchmarks)
	rep.Pairs = pairs(rep.Benchmarks)
	rep.Elapsed = time.Since(start)
	return rep, ctx.Err()
}

func (rep *Report) errorf(format string, args ...any) {
	rep.Errors = append(rep.Errors, fmt.Sprintf(format, args...))
}

// runPackage builds pkg's test binary once, lists its benchmarks and runs
// each top-level benchmark in its own process with its own timeout, so one
// slow or failing benchmark costs only itself, once per round.
func (rep *Report) runPackage(ctx context.Context, o Options, pkg, binDir string) {
	logf(o.Log, "== %s: building test binary", pkg)
	bin := filepath.Join(binDir, strings.ReplaceAll(pkg, "/", "_")+".test")
	// #nosec G204 -- runs the go tool on a package of this repository named in Options.Packages
	build := exec.CommandContext(ctx, "go", "test", "-c", "-o", bin, "./"+pkg)
	build.Dir = o.Root
	if out, err := build.CombinedOutput(); err != nil {
		rep.errorf("%s: build failed: %s", pkg, firstLines(out, 5))
		logf(o.Log, "   build failed: %s", firstLines(out, 5))
		return
	}
	if _, err := os.Stat(bin); err != nil {
		logf(o.Log, "   no test files")
		return
	}
	dir := filepath.Join(o.Root, pkg)
	// #nosec G204 -- bin is the test binary built just above into the suite's own temporary directory
	list := exec.CommandContext(ctx, bin, "-test.list", "^Benchmark")
	list.Dir = dir
	out, err := list.Output()
	if err != nil {
		rep.errorf("%s: listing benchmarks: %v", pkg, err)
		return
	}
	var names []string
	for _, n := range strings.Fields(string(out)) {
		if strings.HasPrefix(n, "Benchmark") && (o.Filter == nil || o.Filter.MatchString(pkg+"."+n)) {
			names = append(names, n)
		}
	}
	header := false
	// Count rounds of one run each, rather than one process running each
	// benchmark Count times in a row: the figures a ratio compares (ours
	// and its baseline, or whole-buffer and streaming) then alternate in
	// time, so drift in the machine's speed over a few seconds, which on a
	// shared VM reaches ±25%, lands on both sides instead of one.
	for round := range o.Count {
		for _, name := range names {
			if ctx.Err() != nil {
				return
			}
			logf(o.Log, "   %s (round %d of %d)", name, round+1, o.Count)
			out, err := rep.runBenchmark(ctx, o, pkg, bin, name, round == 0)
			if err != nil {
				rep.errorf("%s %s: %v", pkg, name, err)
			}
			rep.addOutput(pkg, out, !header)
			header = true
			for _, l := range strings.Split(string(out), "\n") {
				if strings.HasPrefix(l, "Benchmark") {
					logf(o.Log, "     %s", strings.Join(strings.Fields(l), " "))
				}
			}
		}
	}
}

// runBenchmark runs the top-level benchmark name of pkg's test binary bin
// once and returns its standard output. Profiles, when asked for, are taken
// in the first round only.
func (rep *Report) runBenchmark(ctx context.Context, o Options, pkg, bin, name string, profile bool) ([]byte, error) {
	args := []string{"-test.run", "^$", "-test.bench", "^" + regexp.QuoteMeta(name) + "$",
		"-test.benchtime", o.BenchTime, "-test.count", "1", "-test.benchmem",
		"-test.timeout", o.Timeout.String()}
	switch pkg {
	case "bench":
		args = append(args, "-corpus-size", strconv.Itoa(o.CorpusSize))
	case "bench/receiptsbench":
		args = append(args, "-getlog", strconv.Itoa(o.GetLog))
	}
	if profile && o.Prof.Kind != "" {
		p, _ := filepath.Abs(filepath.Join(o.Prof.Dir, strings.ReplaceAll(pkg, "/", "_")+"."+name+"."+o.Prof.Kind+".pprof"))
		if o.Prof.Kind == "trace" {
			p = strings.TrimSuffix(p, ".pprof") + ".out"
		}
		args = append(args, o.Prof.TestFlags(p)...)
	}
	// #nosec G204 -- bin is the test binary built by runPackage; args are test flags built from Options
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Dir = filepath.Join(o.Root, pkg)
	var stdout, stderr bytes.Buffer
	cmd.Stdout = &stdout
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return stdout.Bytes(), fmt.Errorf("%v: %s", err, firstLines(append(stderr.Bytes(), lastLines(stdout.Bytes(), 5)...), 8))
	}
	return stdout.Bytes(), nil
}

// addOutput keeps raw benchmark lines (and, once per package, the config
// header) for benchstat, and merges the parsed runs into rep.Benchmarks:
// a benchmark already seen in an earlier round gains a run.
func (rep *Report) addOutput(pkg string, out []byte, withHeader bool) {
	for _, l := range strings.Split(string(out), "\n") {
		switch {
		case strings.HasPrefix(l, "Benchmark"):
			if _, _, ok := parseLine(l); ok {
				rep.raw.WriteString(l + "\n")
			}
		case withHeader && (strings.HasPrefix(l, "goos:") || strings.HasPrefix(l, "goarch:") ||
			strings.HasPrefix(l, "pkg:") || strings.HasPrefix(l, "cpu:")):
			rep.raw.WriteString(l + "\n")
			if c, ok := strings.CutPrefix(l, "cpu: "); ok {
				rep.CPU = c
			}
		}
	}
	names, runs := parseBench(bytes.NewReader(out))
	for _, n := range names {
		rep.addRuns(pkg, n, runs[n])
	}
}

// addRuns appends runs to the benchmark (pkg, name), creating it on its
// first round, and recomputes its medians: every round of a benchmark
// lands in one Bench, so Median and the paired ratios span all rounds.
func (rep *Report) addRuns(pkg, name string, runs []map[string]float64) {
	for _, b := range rep.Benchmarks {
		if b.Pkg == pkg && b.Name == name {
			b.Runs = append(b.Runs, runs...)
			b.Median = medians(b.Runs)
			return
		}
	}
	rep.Benchmarks = append(rep.Benchmarks, &Bench{Pkg: pkg, Name: name, Runs: runs, Median: medians(runs)})
}

func logf(w io.Writer, format string, args ...any) {
	if w != nil {
		fmt.Fprintf(w, format+"\n", args...)
	}
}

func firstLines(b []byte, n int) string {
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, " | ")
}

func lastLines(b []byte, n int) []byte {
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return []byte("\n" + strings.Join(lines, "\n"))
}

// commit returns the short commit id of root's HEAD, with "-dirty" when
// the tree has changes, or "unknown" outside git.
func commit(root string) string {
	cmd := exec.Command("git", "rev-parse", "--short", "HEAD")
	cmd.Dir = root
	out, err := cmd.Output()
	if err != nil {
		return "unknown"
	}
	c := strings.TrimSpace(string(out))
	st := exec.Command("git", "status", "--porcelain", "--untracked-files=no")
	st.Dir = root
	if out, err := st.Output(); err == nil && len(bytes.TrimSpace(out)) > 0 {
		c += "-dirty"
	}
	return c
}
