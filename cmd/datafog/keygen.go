package main

import (
	"errors"
	"fmt"

	"github.com/datafog/datafog-api/internal/keyfile"
)

// runKeygen writes a new random key file with mode 0600: 32 random bytes
// as 64 hex digits. The same file serves as the receipt key
// (DATAFOG_RECEIPT_KEY_FILE, --receipt-key-file), the tokenize and hash
// key of `datafog redact` (--key-file, DATAFOG_TOKEN_KEY_FILE) and the
// pipeline key. It never replaces an existing file unless --force is
// given: a log can be verified, and tokens matched, only with the key
// they were made with.
func runKeygen(args []string, env *environment) int {
	fs := newFlagSet(env, "keygen", "keygen --out FILE [--force]")
	out := fs.String("out", "", "the key file to write (mode 0600)")
	force := fs.Bool("force", false, "replace FILE if it exists (the old key is lost)")
	if code, ok := parseFlags(fs, args, env); !ok {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(env.stderr, "datafog keygen: unexpected argument %q (the file goes in --out)\n", fs.Arg(0))
		return exitError
	}
	if *out == "" {
		fmt.Fprintln(env.stderr, "datafog keygen: --out FILE is required")
		return exitError
	}
	err := keyfile.Generate(*out, *force)
	if errors.Is(err, keyfile.ErrExists) {
		fmt.Fprintf(env.stderr, "datafog keygen: %s exists; pass --force to replace it (data keyed with the old key can no longer be verified or matched)\n", *out)
		return exitError
	}
	if err != nil {
		fmt.Fprintln(env.stderr, "datafog keygen:", err)
		return exitError
	}
	fmt.Fprintf(env.stderr, "datafog keygen: wrote a new key to %s (mode 0600); keep a copy somewhere safe\n", *out)
	return exitOK
}
