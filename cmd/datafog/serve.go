package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/datafog/datafog-api/internal/profile"
	"github.com/datafog/datafog-api/receipts"
	"github.com/datafog/datafog-api/transport"
)

// Defaults of the variables serve reads itself; transport.ConfigFromEnv
// reads the rest.
const (
	defaultReceiptPath = "./data/receipts"
	policyPollInterval = time.Second
)

func runServe(args []string, env *environment) int {
	fs := newFlagSet(env, "serve", "serve [flags]   (flags override the DATAFOG_* variables)")
	addr := fs.String("addr", "", "listen address (DATAFOG_ADDR, default 127.0.0.1:8080)")
	policyPath := fs.String("policy", "", "policy JSON or compiled policy (DATAFOG_POLICY_PATH, default: embedded)")
	receiptPath := fs.String("receipts", "", "receipt log directory (DATAFOG_RECEIPT_PATH, default ./data/receipts)")
	keyFile := fs.String("receipt-key-file", "", "receipt HMAC key file (DATAFOG_RECEIPT_KEY_FILE, default: generated beside the receipt directory)")
	retention := fs.Duration("receipt-retention", 0, "delete receipt segments older than this, e.g. 720h (DATAFOG_RECEIPT_RETENTION, default: keep)")
	nodeID := fs.String("node-id", "", "node id carried in receipt ids (DATAFOG_NODE_ID, default: the pod ordinal of $HOSTNAME, else 0)")
	allowUnauth := fs.Bool("allow-unauthenticated", false, "allow a non-loopback address without DATAFOG_API_TOKEN")
	rps := fs.Float64("rate-limit-rps", 0, "token-bucket rate per second, global and per client; 0 = off (DATAFOG_RATE_LIMIT_RPS)")
	maxBody := fs.Int64("max-body-bytes", 0, "cap on JSON request bodies (DATAFOG_MAX_BODY_BYTES, default 1 MiB)")
	maxStream := fs.Int64("max-stream-bytes", 0, "cap on stream request bodies, 0 = unbounded (DATAFOG_MAX_STREAM_BYTES)")
	profileMode := fs.String("profile", "", "write a profile while serving: cpu, mem, block, mutex or trace")
	profileDir := fs.String("profile-dir", "profiles", "directory for --profile output")
	// Logging (issue 18; see serveops.go).
	logLevel := fs.String("log-level", "", "debug, info, warn or error (DATAFOG_LOG_LEVEL, default info)")
	accessLog := fs.Bool("access-log", false, "log one line per request: method, route, status, bytes, duration, request id, client (DATAFOG_ACCESS_LOG)")
	if code, ok := parseFlags(fs, args, env); !ok {
		return code
	}
	if fs.NArg() != 0 {
		fmt.Fprintln(env.stderr, "datafog serve: unexpected arguments:", strings.Join(fs.Args(), " "))
		return exitError
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })

	// Everything is read and checked before anything is written or
	// logged: every problem is reported at once (servecheck.go), and a
	// bad configuration creates no receipt directory and writes no key.
	var problems []string
	ops, p := readOpsSettings(env.getenv, set, *logLevel, *accessLog)
	problems = append(problems, p...)
	logger := slog.New(slog.NewJSONHandler(env.stderr, &slog.HandlerOptions{Level: ops.level}))
	cfg, err := transport.ConfigFromEnv(env.getenv)
	problems = appendProblems(problems, err)
	cfg.Logger = logger
	if ops.accessLog {
		cfg.AccessLog = slog.New(slog.NewJSONHandler(env.stderr, nil))
	}
	if set["addr"] {
		cfg.Addr = *addr
	}
	if set["allow-unauthenticated"] {
		cfg.AllowUnauthenticated = *allowUnauth
	}
	if set["rate-limit-rps"] {
		cfg.RateLimitRPS = *rps
	}
	if set["max-body-bytes"] {
		cfg.MaxBodyBytes = *maxBody
	}
	if set["max-stream-bytes"] {
		cfg.MaxStreamBytes = *maxStream
	}
	problems = appendProblems(problems, cfg.Validate())

	ropts, p := receiptOptions(env.getenv, set, *receiptPath, *keyFile, *nodeID, *retention)
	problems = append(problems, p...)
	ropts.Logger = logger
	if cfg.Peers, err = transport.PeersFromEnv(env.getenv, ropts.NodeID); err != nil {
		problems = append(problems, err.Error())
	}
	problems = append(problems, receiptPathProblems(ropts)...)

	pPath := *policyPath
	if !set["policy"] {
		pPath = env.getenv("DATAFOG_POLICY_PATH")
	}
	comp, err := loadPolicy(pPath)
	problems = appendPolicyProblems(problems, err)
	if *profileMode != "" && !profile.Valid(*profileMode) {
		problems = append(problems, fmt.Sprintf("--profile: want cpu, mem, block, mutex or trace, not %q", *profileMode))
	}
	if len(problems) > 0 {
		reportProblems(env.stderr, problems)
		return exitError
	}

	stopProfile, err := startProfile(*profileMode, *profileDir, env.stderr)
	if err != nil {
		fmt.Fprintln(env.stderr, "datafog serve:", err)
		return exitError
	}
	defer stopProfile()

	log, err := receipts.Open(ropts)
	if err != nil {
		// The receipts package's errors name it ("receipts: open DIR: ...").
		fmt.Fprintln(env.stderr, "datafog serve:", err)
		return exitError
	}
	// The tokenize and hash transforms use a key derived from the receipt
	// key, so tokens stay stable across restarts without a second secret.
	cfg.TokenKey = []byte(log.Hash([]byte("datafog/transform-key/v1")))

	// Every connection takes a descriptor: raise the soft limit to the hard
	// one, so the default MaxConcurrency (sized below it) is as large as
	// the system allows. The transport logs the connection limits it chose.
	if soft, hard, err := transport.RaiseFileLimit(); err != nil {
		logger.Warn("cannot read the file descriptor limit", "error", err.Error())
	} else {
		logger.Info("file descriptor limit", "soft", soft, "hard", hard)
	}
	srv, err := transport.New(cfg, comp, log)
	if err != nil {
		_ = log.Close()
		fmt.Fprintln(env.stderr, "datafog serve:", err)
		return exitError
	}
	setMemoryLimit(env.getenv, srv.Config().MaxInflightBytes, logger)

	ctx, cancel := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer cancel()
	// SIGHUP is always caught: its default action would end the process.
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	if pPath != "" {
		r := &reloader{path: pPath, load: loadPolicy, apply: srv.SetPolicy, onFail: srv.PolicyReloadFailed, log: logger}
		r.prime()
		go r.run(ctx, hup, policyPollInterval)
	} else {
		go func() {
			for {
				select {
				case <-ctx.Done():
					return
				case <-hup:
					logger.Info("SIGHUP: the embedded default policy is in force; nothing to reload")
				}
			}
		}()
	}

	logger.Info("datafog serving", "addr", cfg.Addr, "policy_id", comp.Policy.PolicyID,
		"policy_version", comp.Policy.PolicyVersion, "node_id", ropts.NodeID, "receipts", ropts.Dir)
	serveErr := srv.ListenAndServe(ctx)
	closeErr := log.Close()
	if serveErr != nil && !errors.Is(serveErr, context.Canceled) {
		fmt.Fprintln(env.stderr, "datafog serve:", serveErr)
		return exitError
	}
	if closeErr != nil {
		fmt.Fprintln(env.stderr, "datafog serve: closing receipts:", closeErr)
		return exitError
	}
	logger.Info("datafog stopped")
	return exitOK
}

// receiptOptions resolves the receipt log settings from flags and
// variables, and lists the problems of the values it parsed.
func receiptOptions(getenv func(string) string, set map[string]bool, dir, keyFile, nodeID string, retention time.Duration) (receipts.Options, []string) {
	var problems []string
	if !set["receipts"] {
		dir = getenv("DATAFOG_RECEIPT_PATH")
	}
	if dir == "" {
		dir = defaultReceiptPath
	}
	if !set["receipt-key-file"] {
		keyFile = getenv("DATAFOG_RECEIPT_KEY_FILE")
	}
	if !set["receipt-retention"] {
		if v := getenv("DATAFOG_RECEIPT_RETENTION"); v != "" {
			d, err := time.ParseDuration(v)
			if err != nil || d < 0 {
				problems = append(problems, "DATAFOG_RECEIPT_RETENTION: want a non-negative Go duration such as 720h")
			}
			retention = d
		}
	}
	if !set["node-id"] {
		nodeID = getenv("DATAFOG_NODE_ID")
	}
	if nodeID == "" {
		nodeID = ordinalOf(getenv("HOSTNAME"))
	}
	if !validNodeID(nodeID) {
		problems = append(problems, "node id: want 1 to 32 characters of [a-z0-9-]")
	}
	return receipts.Options{Dir: filepath.Clean(dir), KeyFile: keyFile, NodeID: nodeID, Retention: retention}, problems
}

// ordinalOf returns the StatefulSet ordinal at the end of a pod host name
// ("datafog-2" → "2"), or "0".
func ordinalOf(host string) string {
	i := strings.LastIndexByte(host, '-')
	if i < 0 || i == len(host)-1 {
		return "0"
	}
	if _, err := strconv.ParseUint(host[i+1:], 10, 32); err != nil {
		return "0"
	}
	return host[i+1:]
}

func validNodeID(s string) bool {
	if len(s) == 0 || len(s) > 32 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c == '-') {
			return false
		}
	}
	return true
}

// memoryOverhead is the memory of a serving process besides its requests
// in flight: the compiled policy, pools, receipt log buffers, runtime.
const memoryOverhead = 64 << 20

// setMemoryLimit sets the Go runtime's soft memory limit to the in-flight
// budget plus memoryOverhead, unless GOMEMLIMIT is set. Admission keeps
// the live heap under that sum; the limit makes the collector hold the
// heap near it instead of letting it grow to twice the live size
// (GOGC=100), so the process's peak stays close to the budget.
func setMemoryLimit(getenv func(string) string, inflight int64, logger *slog.Logger) {
	if getenv("GOMEMLIMIT") != "" {
		logger.Info("memory limit", "source", "GOMEMLIMIT", "bytes", debug.SetMemoryLimit(-1))
		return
	}
	limit := inflight + memoryOverhead
	debug.SetMemoryLimit(limit)
	logger.Info("memory limit", "source", "DATAFOG_MAX_INFLIGHT_BYTES", "bytes", limit, "max_inflight_bytes", inflight)
}
