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
		fmt.Fprintln(w, "       datafog receipts verify --key-file FILE --brokers HOST:PORT[,...] --topic TOPIC")
		fmt.Fprintln(w, "       datafog receipts verify --key-file FILE --export FILE")
		fmt.Fprintln(w, "       datafog receipts caller-digest [--key-file FILE] VALUE ...")
		if len(args) == 0 {
			return exitError
		}
		return exitOK
	}
	if args[0] == "caller-digest" {
		return runCallerDigest(args[1:], env)
	}
	if args[0] != "verify" {
		fmt.Fprintf(env.stderr, "datafog receipts: unknown subcommand %q (want verify or caller-digest)\n", args[0])
		return exitError
	}
	// Exit status: 0 the log verifies, 1 it is broken (the first bad record
	// is named on standard output), 2 it could not be checked.
	fs := newFlagSet(env, "receipts verify", "receipts verify [--key-file FILE] DIR | --brokers HOST:PORT --topic TOPIC | --export FILE")
	keyFile := fs.String("key-file", "", "receipt key (default: $DATAFOG_RECEIPT_KEY_FILE, else DIR.key beside the directory); for --topic and --export, the pipeline's key file (default: $DATAFOG_TOKEN_KEY_FILE)")
	var kv kafkaVerifyFlags
	kv.register(fs)
	if code, ok := parseFlags(fs, args[1:], env); !ok {
		return code
	}
	if kv.topic != "" || kv.export != "" {
		return verifyKafkaReceipts(fs, &kv, *keyFile, env)
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
	if report != nil && report.Bad != nil {
		// The log is readable but broken: name the first bad record.
		fmt.Fprintf(env.stdout, "FAIL %s: first bad record: %s\n", dir, report.Bad.Error())
		fmt.Fprintf(env.stdout, "     %d records verified before it\n", report.Bad.Global)
		return exitFindings
	}
	if report != nil && report.Torn != nil {
		return reportTornTail(env, dir, report)
	}
	if err != nil {
		fmt.Fprintln(env.stderr, "datafog receipts verify:", err)
		return exitError
	}
	fmt.Fprintf(env.stdout, "OK %s: %d segments (%016x..%016x), %d records (%d receipts, %d checkpoints), head %s\n",
		dir, report.Segments, report.FirstSegment, report.LastSegment, report.Records, report.Receipts, report.Checkpoints, report.Head)
	return exitOK
}

// exitTornTail is the exit status of `receipts verify DIR` on a log that is
// whole up to a torn tail (a crash or a full disk cut its last batch):
// not tampering, and repaired when the log is next opened. (The other
// statuses are listed in runReceipts.)
const exitTornTail = 3

// reportTornTail prints the torn-tail outcome of a verify run.
func reportTornTail(env *environment, dir string, report *receipts.Report) int {
	t := report.Torn
	fmt.Fprintf(env.stdout, "TORN %s: torn tail in segment %s at offset %d, %d bytes (%s): repaired on next open\n",
		dir, t.Segment, t.Offset, t.Length, t.Reason)
	fmt.Fprintf(env.stdout, "     before it: %d segments (%016x..%016x), %d records (%d receipts, %d checkpoints), head %s\n",
		report.Segments, report.FirstSegment, report.LastSegment, report.Records, report.Receipts, report.Checkpoints, report.Head)
	return exitTornTail
}
