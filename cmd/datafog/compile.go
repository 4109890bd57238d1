package main

import (
	"fmt"
	"os"
	"path/filepath"
	"time"
)

func runCompile(args []string, env *environment) int {
	fs := newFlagSet(env, "compile", "compile [-o OUT] POLICY.json")
	outPath := fs.String("o", "", "output file (default: POLICY.json with the extension .dfc)")
	if code, ok := parseFlags(fs, args, env); !ok {
		return code
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(env.stderr, "datafog compile: need exactly one POLICY file")
		fs.Usage()
		return exitError
	}
	src := fs.Arg(0)
	start := time.Now()
	comp, err := loadPolicy(src)
	if err != nil {
		fmt.Fprintln(env.stderr, "datafog compile:", err)
		return exitError
	}
	blob, err := comp.MarshalBinary()
	if err != nil {
		fmt.Fprintln(env.stderr, "datafog compile:", err)
		return exitError
	}
	out := *outPath
	if out == "" {
		out = src[:len(src)-len(filepath.Ext(src))] + ".dfc"
	}
	if err := os.WriteFile(filepath.Clean(out), blob, 0o600); err != nil {
		fmt.Fprintln(env.stderr, "datafog compile:", err)
		return exitError
	}
	fmt.Fprintf(env.stderr, "datafog compile: wrote %s (%d bytes) in %s\n", out, len(blob), time.Since(start).Round(time.Millisecond))
	return exitOK
}
