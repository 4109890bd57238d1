package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/datafog/datafog-api/receipts"
)

// TestKeygenWritesAKeyEveryReaderTakes: keygen writes a 0600 key, refuses
// to overwrite it without --force, and the file works as the tokenize key
// of redact and as a receipt key.
func TestKeygenWritesAKeyEveryReaderTakes(t *testing.T) {
	dir := t.TempDir()
	key := filepath.Join(dir, "datafog.key")
	r := runCLI(t, nil, nil, "keygen", "--out", key)
	if r.code != exitOK || r.stdout != "" || r.stderr != "datafog keygen: wrote a new key to "+key+" (mode 0600); keep a copy somewhere safe\n" {
		t.Fatalf("keygen: %+v", r)
	}
	fi, err := os.Stat(key)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("key file: %v %v", fi, err)
	}
	first, _ := os.ReadFile(key)

	r = runCLI(t, nil, nil, "keygen", "--out", key)
	if r.code != exitError || r.stderr != "datafog keygen: "+key+" exists; pass --force to replace it (data keyed with the old key can no longer be verified or matched)\n" {
		t.Fatalf("second keygen: %+v", r)
	}
	if again, _ := os.ReadFile(key); string(again) != string(first) {
		t.Fatal("a refused keygen changed the key")
	}
	if r = runCLI(t, nil, nil, "keygen"); r.code != exitError || r.stderr != "datafog keygen: --out FILE is required\n" {
		t.Fatalf("no --out: %+v", r)
	}

	// The README's tokenize example: the same input gives the same token.
	in := "mail bob@example.com\n"
	a := runCLI(t, strings.NewReader(in), nil, "redact", "--mode", "tokenize", "--key-file", key)
	b := runCLI(t, strings.NewReader(in), map[string]string{"DATAFOG_TOKEN_KEY_FILE": key}, "redact", "--mode", "tokenize")
	if a.code != exitOK || a.stdout != b.stdout || !strings.HasPrefix(a.stdout, "mail tok_") || strings.Contains(a.stdout, "bob@") {
		t.Fatalf("tokenize with the generated key: %+v %+v", a, b)
	}
	r = runCLI(t, nil, nil, "keygen", "--out", key, "--force")
	if r.code != exitOK {
		t.Fatalf("--force: %+v", r)
	}
	c := runCLI(t, strings.NewReader(in), nil, "redact", "--mode", "tokenize", "--key-file", key)
	if c.code != exitOK || c.stdout == a.stdout {
		t.Fatalf("a new key must give new tokens: %q %q", a.stdout, c.stdout)
	}
	// As a receipt key: a log written with it verifies with it.
	logDir := filepath.Join(dir, "receipts")
	writeReceiptLog(t, logDir, key)
	if r := runCLI(t, nil, nil, "receipts", "verify", "--key-file", key, logDir); r.code != exitOK {
		t.Fatalf("verify with the generated key: %+v", r)
	}
}

// TestKeyFilesReadableByOthersAreRefused: redact's key, the receipt key of
// receipts verify, and serve's receipt key are refused when group or
// others may read them, with the file named and the fix given.
func TestKeyFilesReadableByOthersAreRefused(t *testing.T) {
	dir := t.TempDir()
	key := filepath.Join(dir, "loose.key")
	if r := runCLI(t, nil, nil, "keygen", "--out", key); r.code != exitOK {
		t.Fatal(r.stderr)
	}
	if err := os.Chmod(key, 0o644); err != nil {
		t.Fatal(err)
	}
	problem := "key file " + key + ": others may read or write it (mode 0644); run chmod 600 " + key
	r := runCLI(t, strings.NewReader("x"), nil, "redact", "--mode", "hash", "--key-file", key)
	if r.code != exitError || r.stderr != "datafog redact: "+problem+"\n" || r.stdout != "" {
		t.Errorf("redact: %+v", r)
	}
	logDir := filepath.Join(dir, "receipts")
	r = runCLI(t, nil, nil, "receipts", "verify", "--key-file", key, logDir)
	if r.code != exitError || !strings.Contains(r.stderr, problem) {
		t.Errorf("receipts verify: %+v", r)
	}
	r = runCLI(t, nil, map[string]string{"DATAFOG_RECEIPT_KEY_FILE": key, "DATAFOG_RECEIPT_PATH": logDir, "DATAFOG_ADDR": "127.0.0.1:0"}, "serve")
	if r.code != exitError || !strings.Contains(r.stderr, problem) {
		t.Errorf("serve: %+v", r)
	}
	if _, err := os.Stat(logDir); !os.IsNotExist(err) {
		t.Errorf("serve created the receipt directory before refusing the key: %v", err)
	}
	if err := os.Chmod(key, 0o640); err != nil {
		t.Fatal(err)
	}
	r = runCLI(t, strings.NewReader("x"), nil, "redact", "--mode", "hash", "--key-file", key)
	if r.code != exitError || !strings.Contains(r.stderr, "its group may read it (mode 0640)") {
		t.Errorf("redact, 0640: %+v", r)
	}
}

// writeReceiptLog writes two receipts to a log in dir under the key file.
func writeReceiptLog(t *testing.T, dir, keyFile string) {
	t.Helper()
	log, err := receipts.Open(receipts.Options{Dir: dir, KeyFile: keyFile, NodeID: "t1", Logger: quietLogger()})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 2; i++ {
		if _, err := log.Append(context.Background(), &receipts.Record{RequestID: "r", PolicyID: "p", PolicyVersion: "v",
			Decision: "allow", Action: receipts.Action{Type: "file.read"}, MatchedRules: []string{"x"}}); err != nil {
			t.Fatal(err)
		}
	}
	if err := log.Close(); err != nil {
		t.Fatal(err)
	}
}
