package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"github.com/datafog/datafog-api/pipeline/kafka"
)

// kafkaVerifyFlags are the `receipts verify` flags for a pipeline's
// receipts: a topic on the brokers or an export of one.
type kafkaVerifyFlags struct {
	conn   connFlags
	topic  string
	export string
}

func (k *kafkaVerifyFlags) register(fs *flag.FlagSet) {
	k.conn.register(fs)
	fs.StringVar(&k.topic, "topic", "", "verify the receipts topic TOPIC of `datafog pipeline kafka` (with --brokers)")
	fs.StringVar(&k.export, "export", "", "verify an export of a receipts topic: one record per line, the receipt itself or a kcat -J / rpk JSON envelope; - for standard input")
}

// verifyKafkaReceipts checks a receipts topic or an export of one. Exit
// status: 0 every chain verifies, 1 a record is bad (named on standard
// output), 2 the receipts could not be read.
func verifyKafkaReceipts(fs *flag.FlagSet, k *kafkaVerifyFlags, keyFile string, env *environment) int {
	if fs.NArg() != 0 || (k.topic != "") == (k.export != "") {
		fmt.Fprintln(env.stderr, "datafog receipts verify: give either --topic (with --brokers) or --export, and no DIR")
		return exitError
	}
	if keyFile == "" {
		keyFile = env.getenv("DATAFOG_TOKEN_KEY_FILE")
	}
	if keyFile == "" {
		fmt.Fprintln(env.stderr, "datafog receipts verify: --key-file is required: the pipeline's key file")
		return exitError
	}
	raw, err := readKeyFile(keyFile)
	var keys *kafka.Keys
	if err == nil {
		keys, err = kafka.NewKeys(raw)
	}
	if err != nil {
		fmt.Fprintln(env.stderr, "datafog receipts verify:", err)
		return exitError
	}
	var v *kafka.Verifier
	what := k.export
	if k.topic != "" {
		conn, cerr := k.conn.connection(env)
		if cerr != nil {
			fmt.Fprintln(env.stderr, "datafog receipts verify:", cerr)
			return exitError
		}
		ctx, cancel := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
		defer cancel()
		what = "topic " + k.topic
		v, err = kafka.VerifyTopic(ctx, conn, k.topic, keys)
	} else {
		var in io.Reader = env.stdin
		if k.export != "-" {
			f, ferr := os.Open(filepath.Clean(k.export))
			if ferr != nil {
				fmt.Fprintln(env.stderr, "datafog receipts verify:", ferr)
				return exitError
			}
			defer f.Close()
			in = f
		}
		v, err = kafka.VerifyExport(in, keys)
	}
	var bad *kafka.BadReceiptError
	if errors.As(err, &bad) {
		fmt.Fprintf(env.stdout, "FAIL %s: first bad record: %s: %s\n", what, bad.At, bad.Reason)
		fmt.Fprintf(env.stdout, "     %d receipts verified before it\n", v.Receipts)
		return exitFindings
	}
	if err != nil {
		fmt.Fprintln(env.stderr, "datafog receipts verify:", err)
		return exitError
	}
	chains := v.Chains()
	fmt.Fprintf(env.stdout, "OK %s: %d receipts in %d chains (%d dead letters, %d reprocessed)\n", what, v.Receipts, len(chains), v.DeadLetters, v.Reprocessed)
	for _, c := range chains {
		start := "from its start"
		if c.FirstSeq != 1 {
			start = fmt.Sprintf("from seq %d (earlier receipts removed)", c.FirstSeq)
		}
		fmt.Fprintf(env.stdout, "   chain %s: %d receipts %s, head seq %d mac %x\n", c.Chain, c.Receipts, start, c.Head.Seq, c.Head.MAC[:8])
	}
	return exitOK
}
