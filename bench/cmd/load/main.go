// Command load is the loopback-only HTTP load generator; see
// bench/loadcli for its flags, or run it with -h.
package main

import (
	"os"

	"github.com/datafog/datafog-api/bench/loadcli"
)

func main() { os.Exit(loadcli.Main(os.Args[1:], os.Stdout, os.Stderr)) }
