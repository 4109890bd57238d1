// Command suite runs the whole benchmark suite and writes
// bench/results/<date>-<commit>.{json,txt,md,png} plus latest.md and
// latest.png. It lives in the bench/suite module (gonum/plot draws the
// chart, and stays out of the main module); run it from that directory:
//
//	cd bench/suite
//	go run ./cmd/suite                # what make bench runs
//	go run ./cmd/suite -quick         # a one-minute smoke run
//	go run ./cmd/suite -bench 'bench\.BenchmarkEngine' -no-load -no-secrets
//	go run ./cmd/suite -pkgs '' -no-load   # only datafog against gitleaks
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/datafog/datafog-api/bench/internal/profiling"
	"github.com/datafog/datafog-api/bench/suite"
)

func main() { os.Exit(run(os.Args[1:])) }

func run(args []string) int {
	fs := flag.NewFlagSet("suite", flag.ContinueOnError)
	var (
		out          = fs.String("out", "", "results directory (default <repository>/bench/results)")
		pkgs         = fs.String("pkgs", strings.Join(suite.DefaultPackages, ","), "packages to benchmark, relative to the module root")
		filter       = fs.String("bench", "", "regexp on pkg.BenchmarkName selecting top-level benchmarks (default all)")
		count        = fs.Int("count", 3, "rounds: each round runs every benchmark once, so compared benchmarks alternate")
		benchtime    = fs.String("benchtime", "300ms", "per-run benchmark time (-test.benchtime)")
		timeout      = fs.Duration("timeout", 4*time.Minute, "limit for one top-level benchmark (-test.timeout)")
		corpusSize   = fs.Int("corpus-size", 1<<20, "bytes per generated corpus in bench/")
		getLog       = fs.Int("getlog", 100_000, "receipts in the log BenchmarkGet reads")
		noLoad       = fs.Bool("no-load", false, "skip the load runs")
		loadDuration = fs.Duration("load-duration", 8*time.Second, "length of each load run")
		streamBytes  = fs.Int64("stream-bytes", 64<<20, "body bytes per streamed request")
		note         = fs.String("note", "", "note printed with the results (e.g. what else was running)")
		noSecrets    = fs.Bool("no-secrets", false, "skip the comparison with gitleaks on the secrets corpus")
		secretsSize  = fs.Int("secrets-size", 4<<20, "bytes of the secrets corpus datafog and gitleaks scan")
		quick        = fs.Bool("quick", false, "smoke run: -count 1 -benchtime 50ms -load-duration 2s -getlog 5000 -secrets-size 1MiB")
		prof         profiling.Flags
	)
	prof.Register(fs)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(os.Stderr, "suite: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	if *quick {
		*count, *benchtime, *loadDuration, *getLog, *secretsSize = 1, "50ms", 2*time.Second, 5000, 1<<20
	}
	root, err := moduleRoot()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	if *out == "" {
		*out = filepath.Join(root, "bench", "results")
	}
	var re *regexp.Regexp
	if *filter != "" {
		if re, err = regexp.Compile(*filter); err != nil {
			fmt.Fprintf(os.Stderr, "suite: -bench: %v\n", err)
			return 2
		}
	}
	stop, err := prof.Start()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	ctx, cancel := signal.NotifyContext(context.Background(), os.Interrupt)
	defer cancel()
	rep, err := suite.Run(ctx, suite.Options{
		Root: root, OutDir: *out, Packages: packageList(*pkgs), Filter: re,
		Count: *count, BenchTime: *benchtime, Timeout: *timeout, CorpusSize: *corpusSize, GetLog: *getLog,
		Load: !*noLoad, LoadDuration: *loadDuration, StreamBytes: *streamBytes, Note: *note,
		Secrets: !*noSecrets, SecretsSize: *secretsSize,
		Command: "go -C bench/suite run ./cmd/suite " + strings.Join(args, " "), Prof: prof, Log: os.Stderr,
	})
	if perr := stop(); perr != nil {
		fmt.Fprintln(os.Stderr, perr)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "suite: interrupted:", err)
		return 1
	}
	paths, err := suite.Write(rep, *out)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	for _, p := range paths {
		fmt.Println(p)
	}
	if len(rep.Errors) > 0 {
		fmt.Fprintf(os.Stderr, "suite: %d problems during the run; see the Markdown report\n", len(rep.Errors))
	}
	return 0
}

// moduleRoot walks up from the working directory to the go.mod of the
// main module (github.com/datafog/datafog-api), passing the suite's own.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("suite: %w", err)
	}
	for {
		if b, err := os.ReadFile(filepath.Clean(filepath.Join(dir, "go.mod"))); err == nil && modulePath(b) == suite.Module {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("suite: no go.mod of %s above the working directory", suite.Module)
		}
		dir = parent
	}
}

// modulePath returns the path on the module line of a go.mod file.
func modulePath(gomod []byte) string {
	for _, line := range strings.Split(string(gomod), "\n") {
		if rest, ok := strings.CutPrefix(strings.TrimSpace(line), "module "); ok {
			return strings.Trim(strings.TrimSpace(rest), `"`)
		}
	}
	return ""
}

// packageList splits -pkgs, dropping empty items: "" runs no package.
func packageList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
