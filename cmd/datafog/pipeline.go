package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/datafog/datafog-api/engine/policy"
	"github.com/datafog/datafog-api/engine/transform"
	"github.com/datafog/datafog-api/pipeline/kafka"
)

const pipelineSynopsis = "pipeline kafka --brokers HOST:PORT[,...] --group ID --in TOPIC[,...] --out TOPIC [--receipts TOPIC] [--dlq TOPIC] [--transactional-id ID] [--mode MODE] [--entities a,b] [--policy FILE] [--format text|json] [flags]"

func runPipeline(args []string, env *environment) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" {
		w := env.stderr
		if len(args) > 0 {
			w = env.stdout
		}
		fmt.Fprintln(w, "usage: datafog "+pipelineSynopsis)
		fmt.Fprintln(w, "       (datafog pipeline kafka --help lists every flag)")
		if len(args) == 0 {
			return exitError
		}
		return exitOK
	}
	if args[0] != "kafka" {
		fmt.Fprintf(env.stderr, "datafog pipeline: unknown pipeline %q (want kafka)\n", args[0])
		return exitError
	}
	return runPipelineKafka(args[1:], env)
}

// pipelineFlags holds every flag of `pipeline kafka`.
type pipelineFlags struct {
	conn                                         connFlags
	group, in, out, receipts, dlq, txnID         string
	mode, entities, policyPath, format, fields   string
	keyFile, delivery, metricsAddr, logLevel     string
	maxRecordBytes, maxBatchRecords, concurrency int
	fetchMaxBytes, maxBufferedBytes              int
	staticMembership                             bool
	txnTimeout, sessionTimeout, shutdownTimeout  time.Duration
}

func (f *pipelineFlags) register(fs *flag.FlagSet) {
	f.conn.register(fs)
	fs.StringVar(&f.group, "group", "", "consumer group id; every worker of one pipeline uses the same")
	fs.StringVar(&f.in, "in", "", "input topics, TOPIC[,...]")
	fs.StringVar(&f.out, "out", "", "output topic; needs at least as many partitions as every input topic")
	fs.StringVar(&f.receipts, "receipts", "", "receipts topic: one receipt per input record, in the same transaction")
	fs.StringVar(&f.dlq, "dlq", "", "dead-letter topic for records that cannot be processed (without it such a record stops the pipeline)")
	fs.StringVar(&f.txnID, "transactional-id", "", "this worker's id: stable across its restarts, unique among workers (default: GROUP-HOSTNAME)")
	fs.StringVar(&f.mode, "mode", "redact", "how each finding is replaced: mask, redact, tokenize, hash or anonymize")
	fs.StringVar(&f.entities, "entities", "", "comma-separated entity types to replace (default: every type)")
	fs.StringVar(&f.policyPath, "policy", "", "policy JSON or compiled policy, reloaded when it changes and on SIGHUP (default: $DATAFOG_POLICY_PATH, else the embedded default)")
	fs.StringVar(&f.format, "format", "text", "record value format: text (bytes) or json (string values redacted in place)")
	fs.StringVar(&f.fields, "fields", "", "with --format json: comma-separated JSON Pointers limiting redaction, e.g. /user,/msg")
	fs.StringVar(&f.keyFile, "key-file", "", "HMAC key for tokenize, hash, receipts and dead letters; the same file on every worker (default: $DATAFOG_TOKEN_KEY_FILE)")
	fs.StringVar(&f.delivery, "delivery", "exactly-once", "exactly-once (transactions; read the output with read_committed) or at-least-once")
	fs.StringVar(&f.metricsAddr, "metrics-addr", "", "serve Prometheus /metrics and /health on this address, e.g. 0.0.0.0:9090 (default: off)")
	fs.StringVar(&f.logLevel, "log-level", "info", "debug, info, warn or error")
	fs.IntVar(&f.maxRecordBytes, "max-record-bytes", kafka.DefaultMaxRecordBytes, "largest input or output record (key, value, headers); larger ones are dead-lettered")
	fs.IntVar(&f.maxBatchRecords, "max-batch-records", kafka.DefaultMaxBatchRecords, "most records per transaction")
	fs.IntVar(&f.fetchMaxBytes, "fetch-max-bytes", kafka.DefaultFetchMaxBytes, "most bytes of one fetch response")
	fs.IntVar(&f.maxBufferedBytes, "max-buffered-bytes", kafka.DefaultMaxBufferedBytes, "most bytes of records waiting for acknowledgement; beyond it the worker stops fetching")
	fs.IntVar(&f.concurrency, "concurrency", 0, "partitions redacted at once (default: the number of CPUs)")
	fs.BoolVar(&f.staticMembership, "static-membership", true, "join with the transactional id as group instance id, so a restarted worker gets its partitions back without a rebalance")
	fs.DurationVar(&f.txnTimeout, "transaction-timeout", kafka.DefaultTxnTimeout, "transaction timeout; must be below --session-timeout")
	fs.DurationVar(&f.sessionTimeout, "session-timeout", kafka.DefaultSessionTimeout, "group session timeout")
	fs.DurationVar(&f.shutdownTimeout, "shutdown-timeout", kafka.DefaultShutdownTimeout, "on SIGTERM, how long to wait for the open transaction beyond the transaction timeout")
}

func runPipelineKafka(args []string, env *environment) int {
	fs := newFlagSet(env, "pipeline kafka", pipelineSynopsis)
	var f pipelineFlags
	f.register(fs)
	if code, ok := parseFlags(fs, args, env); !ok {
		return code
	}
	if fs.NArg() != 0 {
		fmt.Fprintln(env.stderr, "datafog pipeline kafka: unexpected arguments:", strings.Join(fs.Args(), " "))
		return exitError
	}
	logger, err := newLogger(env, f.logLevel)
	if err != nil {
		fmt.Fprintln(env.stderr, "datafog pipeline kafka:", err)
		return exitError
	}
	cfg, policyPath, err := f.config(env, logger)
	if err != nil {
		fmt.Fprintln(env.stderr, "datafog pipeline kafka:", err)
		return exitError
	}
	entities := cfg.Entities
	load := func(path string) (*policy.Compiled, error) {
		c, err := loadPolicy(path)
		if err != nil {
			return nil, err
		}
		if _, err := c.Engine.Filter(entities); err != nil {
			return nil, fmt.Errorf("policy %s: %w", path, err)
		}
		return c, nil
	}
	comp, err := load(policyPath)
	if err != nil {
		fmt.Fprintln(env.stderr, "datafog pipeline kafka:", err)
		return exitError
	}
	p, err := kafka.New(cfg, comp)
	if err != nil {
		fmt.Fprintln(env.stderr, "datafog pipeline kafka:", err)
		return exitError
	}
	ctx, cancel := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer cancel()
	if f.metricsAddr != "" {
		ms, err := kafka.ServeMetrics(f.metricsAddr, p.Metrics())
		if err != nil {
			fmt.Fprintln(env.stderr, "datafog pipeline kafka:", err)
			return exitError
		}
		defer ms.Close()
		logger.Info("metrics listening", "addr", ms.Addr().String())
	}
	// SIGHUP is always caught: its default action would end the process.
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	if policyPath != "" {
		r := &reloader{path: policyPath, load: load, log: logger,
			apply: func(c *policy.Compiled) {
				if err := p.SetPolicy(c); err != nil {
					logger.Error("policy reload refused", "error", err.Error())
					p.Metrics().PolicyReloaded(false)
					return
				}
				p.Metrics().PolicyReloaded(true)
			},
			onFail: func(error) { p.Metrics().PolicyReloaded(false) }}
		r.prime()
		go r.run(ctx, hup, policyPollInterval)
	}
	logger.Info("datafog pipeline starting", "policy_id", comp.Policy.PolicyID, "policy_version", comp.Policy.PolicyVersion)
	if err := p.Run(ctx); err != nil {
		logger.Error("pipeline failed", "error", err.Error())
		fmt.Fprintln(env.stderr, "datafog pipeline kafka:", err)
		return exitError
	}
	return exitOK
}

// config turns the flags into a pipeline configuration and the policy path.
func (f *pipelineFlags) config(env *environment, logger *slog.Logger) (kafka.Config, string, error) {
	var problems []string
	conn, err := f.conn.connection(env)
	if err != nil {
		problems = append(problems, err.Error())
	}
	mode, err := transform.ParseMode(f.mode)
	if err != nil {
		problems = append(problems, err.Error())
	}
	format, err := kafka.ParseFormat(f.format)
	if err != nil {
		problems = append(problems, err.Error())
	}
	delivery, err := kafka.ParseDelivery(f.delivery)
	if err != nil {
		problems = append(problems, err.Error())
	}
	for _, req := range []struct{ v, name string }{{f.group, "--group"}, {f.in, "--in"}, {f.out, "--out"}} {
		if strings.TrimSpace(req.v) == "" {
			problems = append(problems, req.name+" is required")
		}
	}
	txnID := f.txnID
	if txnID == "" && f.group != "" {
		host, err := os.Hostname()
		if err != nil || host == "" {
			problems = append(problems, "--transactional-id is required: the host name is unknown")
		}
		txnID = f.group + "-" + host
	}
	var keys *kafka.Keys
	keyPath := f.keyFile
	if keyPath == "" {
		keyPath = env.getenv("DATAFOG_TOKEN_KEY_FILE")
	}
	if keyPath != "" {
		key, err := readKeyFile(keyPath)
		if err == nil {
			keys, err = kafka.NewKeys(key)
		}
		if err != nil {
			problems = append(problems, err.Error())
		}
	} else if mode == transform.Tokenize || mode == transform.Hash || f.receipts != "" || f.dlq != "" {
		problems = append(problems, "tokenize, hash, --receipts and --dlq need a key: --key-file FILE or DATAFOG_TOKEN_KEY_FILE, the same file on every worker")
	}
	if len(problems) > 0 {
		return kafka.Config{}, "", errors.New(strings.Join(problems, "; "))
	}
	policyPath := f.policyPath
	if policyPath == "" {
		policyPath = env.getenv("DATAFOG_POLICY_PATH")
	}
	return kafka.Config{
		Connection: conn, Group: f.group, In: splitList(f.in), Out: strings.TrimSpace(f.out),
		Receipts: strings.TrimSpace(f.receipts), DLQ: strings.TrimSpace(f.dlq), TransactionalID: txnID,
		Delivery: delivery, Mode: mode, Entities: splitList(f.entities), Format: format, Fields: splitList(f.fields),
		Keys: keys, MaxRecordBytes: f.maxRecordBytes, MaxBatchRecords: f.maxBatchRecords,
		FetchMaxBytes:    int32(min(max(f.fetchMaxBytes, 0), 1<<30)), // #nosec G115 -- clamped to [0, 1 GiB]
		MaxBufferedBytes: f.maxBufferedBytes, Concurrency: f.concurrency,
		StaticMembership: f.staticMembership, TransactionTimeout: f.txnTimeout, SessionTimeout: f.sessionTimeout,
		ShutdownTimeout: f.shutdownTimeout, Logger: logger, Metrics: kafka.NewMetrics(),
	}, policyPath, nil
}

// newLogger returns a JSON logger on standard error at the named level.
func newLogger(env *environment, level string) (*slog.Logger, error) {
	var l slog.Level
	if err := l.UnmarshalText([]byte(level)); err != nil {
		return nil, fmt.Errorf("--log-level: want debug, info, warn or error, not %q", level)
	}
	return slog.New(slog.NewJSONHandler(env.stderr, &slog.HandlerOptions{Level: l})), nil
}
