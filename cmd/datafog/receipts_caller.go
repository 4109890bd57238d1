package main

import (
	"fmt"
	"net/netip"

	"github.com/datafog/datafog-api/receipts"
)

// runCallerDigest is `datafog receipts caller-digest`: it prints the digest
// that version 3 receipts hold in caller.identity or caller.address for
// each value, so that whoever holds the receipt key can find one client's
// or one identity's receipts without the log storing either. An IP
// address is written the way the server records it first (lowercase IPv6,
// IPv4-mapped addresses as IPv4).
func runCallerDigest(args []string, env *environment) int {
	fs := newFlagSet(env, "receipts caller-digest", "receipts caller-digest [--key-file FILE] VALUE ...")
	keyFile := fs.String("key-file", "", "receipt key (default: $DATAFOG_RECEIPT_KEY_FILE)")
	if code, ok := parseFlags(fs, args, env); !ok {
		return code
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(env.stderr, "datafog receipts caller-digest: need at least one VALUE (an IP address or an identity)")
		fs.Usage()
		return exitError
	}
	kf := *keyFile
	if kf == "" {
		kf = env.getenv("DATAFOG_RECEIPT_KEY_FILE")
	}
	if kf == "" {
		fmt.Fprintln(env.stderr, "datafog receipts caller-digest: need --key-file or DATAFOG_RECEIPT_KEY_FILE")
		return exitError
	}
	key, err := receipts.LoadKey(kf)
	if err != nil {
		fmt.Fprintln(env.stderr, "datafog receipts caller-digest:", err)
		return exitError
	}
	for _, v := range fs.Args() {
		if a, err := netip.ParseAddr(v); err == nil && a.Zone() == "" {
			v = a.Unmap().String()
		}
		fmt.Fprintln(env.stdout, receipts.CallerDigest(key, v))
	}
	return exitOK
}
