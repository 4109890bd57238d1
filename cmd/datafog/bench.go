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
	errw := env.stderr
	if wantsHelp(args[1:]) {
		errw = env.stdout // loadcli prints its usage to its error stream
	}
	return loadcli.Main(args[1:], env.stdout, errw)
}

// wantsHelp reports whether args ask for help: -h, -help, --h or --help
// before any "--".
func wantsHelp(args []string) bool {
	for _, a := range args {
		switch a {
		case "-h", "-help", "--h", "--help":
			return true
		case "--":
			return false
		}
	}
	return false
}
