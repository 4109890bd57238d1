package main

import (
	"fmt"
	"path/filepath"

	"github.com/datafog/datafog-api/receipts"
)

func runReceipts(args []string, env *environment) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" {
		w := env.stderr
		if len(args) > 0 {
			w = env.stdout
		}
		fmt.Fprintln(w, "usage: datafog receipts verify [--key-file FILE] DIR")
		if len(args) == 0 {
			return exitError
		}
		return exitOK
	}
	if args[0] != "verify" {
		fmt.Fprintf(env.stderr, "datafog receipts: unknown subcommand %q (want verify)\n", args[0])
		return exitError
	}
	fs := newFlagSet(env, "receipts verify", "receipts verify [--key-file FILE] DIR")
	keyFile := fs.String("key-file", "", "receipt key (default: $DATAFOG_RECEIPT_KEY_FILE, else DIR.key beside the directory)")
	if code, ok := parseFlags(fs, args[1:], env); !ok {
		return code
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(env.stderr, "datafog receipts verify: need exactly one DIR")
		fs.Usage()
		return exitError
	}
	dir := filepath.Clean(fs.Arg(0))
	kf := *keyFile
	if kf == "" {
		kf = env.getenv("DATAFOG_RECEIPT_KEY_FILE")
	}
	if kf == "" {
		kf = dir + ".key"
	}
	key, err := receipts.LoadKey(kf)
	if err != nil {
		fmt.Fprintln(env.stderr, "datafog receipts verify:", err)
		return exitError
	}
	report, err := receipts.Verify(dir, key)
	if err != nil {
		fmt.Fprintln(env.stderr, "datafog receipts verify:", err)
		return exitFindings
	}
	fmt.Fprintln(env.stdout, report)
	return exitOK
}
