package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestServeReportsEveryProblemBeforeAnySideEffect: serve with many bad
// settings at once lists every one of them, exits 2, and has written
// nothing: no receipt directory, no generated key, no log line.
func TestServeReportsEveryProblemBeforeAnySideEffect(t *testing.T) {
	dir := t.TempDir()
	badPolicy := writeFile(t, dir, "policy.json", `{"policy_id":"p","policy_version":"1","rules":[{"id":"a","effect":"block"}],"extra":1}`)
	receiptDir := filepath.Join(dir, "data", "receipts")
	vars := map[string]string{
		"DATAFOG_ADDR":              "0.0.0.0:8080",
		"DATAFOG_RATE_LIMIT_RPS":    "fast",
		"DATAFOG_MAX_BODY_BYTES":    "-1",
		"DATAFOG_READ_TIMEOUT":      "soon",
		"DATAFOG_LOG_LEVEL":         "loud",
		"DATAFOG_ACCESS_LOG":        "maybe",
		"DATAFOG_POLICY_PATH":       badPolicy,
		"DATAFOG_RECEIPT_PATH":      receiptDir,
		"DATAFOG_NODE_ID":           "Node_1!",
		"DATAFOG_RECEIPT_RETENTION": "a while",
		"DATAFOG_API_TOKEN":         "",
	}
	r := runCLI(t, nil, vars, "serve", "--profile", "heap")
	want := "datafog serve: 11 problems in the configuration; nothing was started:\n" +
		"  - DATAFOG_LOG_LEVEL: want debug, info, warn or error\n" +
		"  - DATAFOG_ACCESS_LOG: want 1 or 0 (true or false)\n" +
		"  - DATAFOG_RATE_LIMIT_RPS: want a number between 0 and 1e9\n" +
		"  - DATAFOG_MAX_BODY_BYTES: want an integer of at least 1\n" +
		"  - DATAFOG_READ_TIMEOUT: want a non-negative Go duration such as 30s\n" +
		"  - DATAFOG_ADDR (--addr): refusing to listen on the non-loopback address 0.0.0.0:8080 without DATAFOG_API_TOKEN, DATAFOG_API_TOKENS_FILE or DATAFOG_TLS_CLIENT_CA_FILE (set one, or pass --allow-unauthenticated)\n" +
		"  - DATAFOG_RECEIPT_RETENTION: want a non-negative Go duration such as 720h\n" +
		"  - node id: want 1 to 32 characters of [a-z0-9-]\n" +
		"  - policy " + badPolicy + `: unknown field "extra"` + "\n" +
		"  - policy " + badPolicy + `: rules[0] "a": unsupported effect "block"` + "\n" +
		"  - --profile: want cpu, mem, block, mutex or trace, not \"heap\"\n"
	if r.code != exitError || r.stdout != "" || r.stderr != want {
		t.Fatalf("code %d\nstderr:\n%s\nwant:\n%s", r.code, r.stderr, want)
	}
	for _, p := range []string{filepath.Join(dir, "data"), receiptDir, receiptDir + ".key", "profiles"} {
		if _, err := os.Stat(p); !os.IsNotExist(err) {
			t.Errorf("%s exists after a refused start (%v)", p, err)
		}
	}
}

// TestServeChecksReceiptPaths: a receipt path that is a file, or whose
// key file is unreadable by rule, is reported before anything is created.
func TestServeChecksReceiptPaths(t *testing.T) {
	dir := t.TempDir()
	file := writeFile(t, dir, "file", "x")
	r := runCLI(t, nil, map[string]string{"DATAFOG_RECEIPT_PATH": file, "DATAFOG_ADDR": "127.0.0.1:0"}, "serve")
	if r.code != exitError || !strings.Contains(r.stderr, "  - DATAFOG_RECEIPT_PATH (--receipts) "+file+": not a directory\n") {
		t.Errorf("receipt path is a file: %+v", r)
	}
	r = runCLI(t, nil, map[string]string{"DATAFOG_RECEIPT_PATH": filepath.Join(file, "receipts"), "DATAFOG_ADDR": "127.0.0.1:0"}, "serve")
	if r.code != exitError || !strings.Contains(r.stderr, "cannot be created under "+file+", which is not a directory") {
		t.Errorf("receipt path under a file: %+v", r)
	}
	key := writeFile(t, dir, "short.key", "abcd\n")
	r = runCLI(t, nil, map[string]string{"DATAFOG_RECEIPT_PATH": filepath.Join(dir, "r"), "DATAFOG_RECEIPT_KEY_FILE": key, "DATAFOG_ADDR": "127.0.0.1:0"}, "serve")
	if r.code != exitError || !strings.Contains(r.stderr, "  - DATAFOG_RECEIPT_KEY_FILE (--receipt-key-file): load key "+key+": 2 bytes, want at least 32\n") {
		t.Errorf("short key: %+v", r)
	}
	if _, err := os.Stat(filepath.Join(dir, "r")); !os.IsNotExist(err) {
		t.Errorf("receipt directory created: %v", err)
	}
	r = runCLI(t, nil, map[string]string{"DATAFOG_RECEIPT_PATH": filepath.Join(dir, "r"), "DATAFOG_RECEIPT_KEY_FILE": filepath.Join(dir, "nowhere", "k"), "DATAFOG_ADDR": "127.0.0.1:0"}, "serve")
	if r.code != exitError || !strings.Contains(r.stderr, "missing, and its directory does not exist to generate it in") {
		t.Errorf("key in a missing directory: %+v", r)
	}
}
