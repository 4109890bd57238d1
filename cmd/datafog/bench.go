package main

import (
	"fmt"

	"github.com/datafog/datafog-api/bench/loadcli"
)

// runBench hosts the benchmark tools; `datafog bench load` is the load
// generator of bench/load, the same program as `go run ./bench/cmd/load`.
func runBench(args []string, env *environment) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" {
		w := env.stderr
		if len(args) > 0 {
			w = env.stdout
		}
		fmt.Fprintln(w, "usage: datafog bench load [flags]   (datafog bench load --help lists them)")
		if len(args) == 0 {
			return exitError
		}
		return exitOK
	}
	if args[0] != "load" {
		fmt.Fprintf(env.stderr, "datafog bench: unknown subcommand %q (want load)\n", args[0])
		return exitError
	}
	return loadcli.Main(args[1:], env.stdout, env.stderr)
}
