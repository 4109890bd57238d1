// Command datafog inspects text for PII and secrets: it scans, redacts, serves
// the v1 HTTP API and verifies receipt logs. See ../../shared/CONTRACT.md for
// the external contract and README.md for the quick start.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/datafog/datafog-api/internal/buildinfo"
)

// Exit codes shared by every subcommand.
const (
	exitOK       = 0 // success; for scan: no findings
	exitFindings = 1 // scan found something
	exitError    = 2 // bad usage or a runtime error
)

// command is one subcommand: its name, a one-line summary and its entry point.
type command struct {
	name    string
	summary string
	run     func(args []string, env *environment) int
}

// environment carries the process's standard streams and variables, so tests
// can run a subcommand in-process.
type environment struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	getenv func(string) string
}

func commands() []command {
	return []command{
		{"scan", "scan files or standard input and print one JSON finding per line", runScan},
		{"redact", "stream input to standard output with every finding replaced", runRedact},
		{"serve", "run the HTTP service", runServe},
		{"compile", "compile a policy (and its dictionaries) into a fast-loading blob", runCompile},
		{"receipts", "receipt log tools: `receipts verify DIR`, `receipts caller-digest VALUE`", runReceipts},
		{"entities", "list every entity type this build detects, as JSON", runEntities},
		{"policy", "policy tools: `policy check FILE` lists every problem of a policy", runPolicy},
		{"keygen", "write a new random key file (mode 0600) for receipts, tokenize and hash", runKeygen},
		{"pipeline", "redaction pipelines: `pipeline kafka` redacts a topic into another, exactly once", runPipeline},
		{"version", "print the version", runVersion},
	}
}

func main() {
	env := &environment{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv}
	os.Exit(run(os.Args[1:], env))
}

// run dispatches to a subcommand and returns the process exit code.
func run(args []string, env *environment) int {
	if len(args) == 0 {
		usage(env.stderr)
		return exitError
	}
	name := args[0]
	if name == "-h" || name == "--help" || name == "help" {
		usage(env.stdout)
		return exitOK
	}
	for _, c := range commands() {
		if c.name == name {
			return c.run(args[1:], env)
		}
	}
	fmt.Fprintf(env.stderr, "datafog: unknown command %q (see datafog --help)\n", name)
	return exitError
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: datafog <command> [flags] [args]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "commands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Every command answers --help.")
}

// newFlagSet returns a flag set that reports errors instead of exiting, with
// a usage line naming the command. Its output is standard error.
func newFlagSet(env *environment, name, synopsis string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: datafog %s\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args; it returns (exit code, false) when the command
// should stop: 0 after --help, with the usage on standard output, and 2
// after a bad flag, with a two-line message on standard error (the error
// and where to find the usage) rather than the whole flag list.
func parseFlags(fs *flag.FlagSet, args []string, env *environment) (int, bool) {
	fs.SetOutput(io.Discard) // flag would print the error and the usage itself
	err := fs.Parse(args)
	fs.SetOutput(env.stderr)
	if err == nil {
		return 0, true
	}
	if errors.Is(err, flag.ErrHelp) {
		fs.SetOutput(env.stdout)
		fs.Usage()
		return exitOK, false
	}
	fmt.Fprintf(env.stderr, "datafog %s: %v\nrun 'datafog %s --help' for usage\n", fs.Name(), err, fs.Name())
	return exitError, false
}

// runVersion prints the build's identity (internal/buildinfo):
// "datafog v1.2.3 (commit 0a1b2c3, built 2026-12-01T10:00:00Z, go1.26.8)".
func runVersion(args []string, env *environment) int {
	fs := newFlagSet(env, "version", "version")
	if code, ok := parseFlags(fs, args, env); !ok {
		return code
	}
	fmt.Fprintln(env.stdout, "datafog", buildinfo.Get())
	return exitOK
}
