package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/datafog/datafog-api/engine/policy"
)

// runPolicy dispatches `datafog policy check FILE`.
func runPolicy(args []string, env *environment) int {
	usage := func(w io.Writer) { fmt.Fprintln(w, "usage: datafog policy check FILE") }
	if len(args) == 0 {
		usage(env.stderr)
		return exitError
	}
	switch args[0] {
	case "-h", "--help", "-help", "help":
		usage(env.stdout)
		return exitOK
	case "check":
		return runPolicyCheck(args[1:], env)
	}
	fmt.Fprintf(env.stderr, "datafog policy: unknown subcommand %q\n", args[0])
	usage(env.stderr)
	return exitError
}

// runPolicyCheck parses and compiles a policy file (dictionary files
// included) exactly as `serve` loads it, and prints every problem, one a
// line, each naming where it is (docs/policy.md). It exits 0 and prints
// "OK FILE: ..." for a good policy, 1 when the policy has problems, and 2
// when the file cannot be read.
func runPolicyCheck(args []string, env *environment) int {
	fs := newFlagSet(env, "policy check", "policy check FILE")
	if code, ok := parseFlags(fs, args, env); !ok {
		return code
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(env.stderr, "datafog policy check: want exactly one FILE")
		return exitError
	}
	path := fs.Arg(0)
	data, err := os.ReadFile(filepath.Clean(path))
	if err != nil {
		fmt.Fprintln(env.stderr, "datafog policy check:", err)
		return exitError
	}
	var comp *policy.Compiled
	p, err := policy.Parse(data)
	if err == nil {
		comp, err = policy.Compile(p, filepath.Dir(path))
	}
	if err != nil {
		problems := []string{strings.TrimPrefix(err.Error(), "policy: ")}
		var ve *policy.ValidationError
		if errors.As(err, &ve) {
			problems = ve.Problems
		}
		fmt.Fprintf(env.stdout, "FAIL %s: %d problem(s)\n", path, len(problems))
		for _, pr := range problems {
			fmt.Fprintf(env.stdout, "  %s\n", pr)
		}
		return exitFindings
	}
	fmt.Fprintf(env.stdout, "OK %s: policy_id %q, policy_version %q, %d rules, %d entity types\n",
		path, comp.Policy.PolicyID, comp.Policy.PolicyVersion, len(comp.Policy.Rules), len(comp.Engine.Types()))
	return exitOK
}
