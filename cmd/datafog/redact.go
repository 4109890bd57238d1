package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/datafog/datafog-api/engine/transform"
	"github.com/datafog/datafog-api/internal/keyfile"
)

func runRedact(args []string, env *environment) int {
	fs := newFlagSet(env, "redact", "redact [--mode mask|redact|tokenize|hash|anonymize] [--entities a,b] [--min-confidence F] [--policy FILE] [--key-file FILE] [FILE]")
	modeName := fs.String("mode", "redact", "how each finding is replaced: mask, redact, tokenize, hash or anonymize")
	entities := fs.String("entities", "", "comma-separated entity types to replace (default: every type)")
	minConf := minConfidenceFlag(fs)
	policyPath := fs.String("policy", "", "policy JSON or compiled policy (default: $DATAFOG_POLICY_PATH, else the embedded default)")
	keyFile := fs.String("key-file", "", "HMAC key for tokenize and hash (default: $DATAFOG_TOKEN_KEY_FILE)")
	quiet := fs.Bool("quiet", false, "no progress on standard error (shown only when it is a terminal)")
	if code, ok := parseFlags(fs, args, env); !ok {
		return code
	}
	if fs.NArg() > 1 {
		fmt.Fprintln(env.stderr, "datafog redact: at most one FILE")
		fs.Usage()
		return exitError
	}
	mode, err := transform.ParseMode(*modeName)
	if err != nil {
		fmt.Fprintln(env.stderr, "datafog redact:", cliMessage(err))
		return exitError
	}
	var key []byte
	if mode == transform.Tokenize || mode == transform.Hash {
		path := *keyFile
		if path == "" {
			path = env.getenv("DATAFOG_TOKEN_KEY_FILE")
		}
		if path == "" {
			fmt.Fprintf(env.stderr, "datafog redact: mode %s needs a key: --key-file FILE or DATAFOG_TOKEN_KEY_FILE\n", mode)
			return exitError
		}
		key, err = readKeyFile(path)
		if err != nil {
			fmt.Fprintln(env.stderr, "datafog redact:", cliMessage(err))
			return exitError
		}
	}
	path := *policyPath
	if path == "" {
		path = env.getenv("DATAFOG_POLICY_PATH")
	}
	comp, err := loadPolicy(path)
	if err != nil {
		fmt.Fprintln(env.stderr, "datafog redact:", cliMessage(err))
		return exitError
	}
	filter, err := comp.Engine.Filter(splitList(*entities))
	if err == nil {
		filter, err = withMinConfidence(filter, *minConf, comp)
	}
	if err != nil {
		fmt.Fprintln(env.stderr, "datafog redact:", cliMessage(err))
		return exitError
	}
	t, err := transform.New(transform.Options{Default: mode, Key: key})
	if err != nil {
		fmt.Fprintln(env.stderr, "datafog redact:", cliMessage(err))
		return exitError
	}
	prog := newProgress(env.stderr, "redact", *quiet)
	var in io.Reader
	if fs.NArg() == 0 {
		in = prog.reader(env.stdin, "", -1)
	} else {
		f, err := os.Open(filepath.Clean(fs.Arg(0)))
		if err != nil {
			fmt.Fprintln(env.stderr, "datafog redact:", cliMessage(err))
			return exitError
		}
		defer f.Close()
		in = prog.fileReader(f, fs.Arg(0))
	}
	out := bufio.NewWriterSize(env.stdout, 64<<10)
	w := t.NewWriter(out, comp.Engine.NewScanner(filter))
	prog.counted(func() int64 { return int64(w.Findings()) }, nil)
	if _, err := io.CopyBuffer(w, in, make([]byte, 64<<10)); err != nil {
		fmt.Fprintln(env.stderr, "datafog redact:", cliMessage(err))
		return exitError
	}
	if err := w.Close(); err != nil {
		fmt.Fprintln(env.stderr, "datafog redact:", cliMessage(err))
		return exitError
	}
	if err := out.Flush(); err != nil {
		fmt.Fprintln(env.stderr, "datafog redact: writing output:", err)
		return exitError
	}
	prog.counted(nil, w.Stats().ByType)
	prog.finish()
	return exitOK
}

// readKeyFile reads an HMAC key. It must hold at least 16 bytes; surrounding
// white space is trimmed so a key written with `echo` works. A file others
// may read is refused (keyfile.Check; `datafog keygen` writes one right).
func readKeyFile(path string) ([]byte, error) {
	data, err := os.ReadFile(filepath.Clean(path))
	if err != nil {
		return nil, fmt.Errorf("key file %s: %s", path, errText(err))
	}
	if err := keyfile.Check(path); err != nil {
		return nil, err
	}
	key := []byte(trimSpace(string(data)))
	if len(key) < 16 {
		return nil, fmt.Errorf("key file %s: need at least 16 bytes, have %d", path, len(key))
	}
	return key, nil
}

func trimSpace(s string) string {
	for len(s) > 0 && (s[0] == ' ' || s[0] == '\n' || s[0] == '\r' || s[0] == '\t') {
		s = s[1:]
	}
	for len(s) > 0 && (s[len(s)-1] == ' ' || s[len(s)-1] == '\n' || s[len(s)-1] == '\r' || s[len(s)-1] == '\t') {
		s = s[:len(s)-1]
	}
	return s
}
