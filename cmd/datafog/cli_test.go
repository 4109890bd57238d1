package main

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/datafog/datafog-api/internal/buildinfo"
	"github.com/datafog/datafog-api/receipts"
)

// TestEveryCommandAnswersHelp runs `datafog CMD --help` (and -h) for every
// command: exit 0, the usage on standard output naming the command,
// nothing on standard error.
func TestEveryCommandAnswersHelp(t *testing.T) {
	usageOf := map[string]string{
		"scan":     "usage: datafog scan [flags] [FILE|DIR ...]\n",
		"redact":   "usage: datafog redact [--mode mask|redact|tokenize|hash|anonymize] [--entities a,b] [--min-confidence F] [--policy FILE] [--key-file FILE] [FILE]\n",
		"entities": "usage: datafog entities [--policy FILE]\n",
		"serve":    "usage: datafog serve [flags]   (flags override the DATAFOG_* variables)\n",
		"compile":  "usage: datafog compile [-o OUT] POLICY.json\n",
		"receipts": "usage: datafog receipts verify [--key-file FILE] DIR\n",
		"pipeline": "usage: datafog pipeline kafka --brokers HOST:PORT[,...] --group ID --in TOPIC[,...] --out TOPIC [--receipts TOPIC] [--dlq TOPIC] [--transactional-id ID] [--mode MODE] [--entities a,b] [--policy FILE] [--format text|json] [flags]\n",
		"version":  "usage: datafog version\n",
		"policy":   "usage: datafog policy check FILE\n",
		"keygen":   "usage: datafog keygen --out FILE [--force]\n",
	}
	if len(commands()) != len(usageOf) {
		t.Fatalf("%d commands, %d usages known: update this test", len(commands()), len(usageOf))
	}
	for _, c := range commands() {
		for _, h := range []string{"--help", "-h"} {
			r := runCLI(t, nil, nil, c.name, h)
			if r.code != exitOK || !strings.HasPrefix(r.stdout, usageOf[c.name]) || r.stderr != "" {
				t.Errorf("%s %s: code %d\nstdout: %q\nstderr: %q", c.name, h, r.code, r.stdout, r.stderr)
			}
		}
	}
	// Second-level commands.
	for _, args := range [][]string{{"receipts", "verify", "--help"}, {"receipts", "caller-digest", "--help"}} {
		r := runCLI(t, nil, nil, args...)
		if r.code != exitOK || r.stderr != "" || !strings.Contains(r.stdout, "-") || !strings.Contains(strings.ToLower(r.stdout), "usage") {
			t.Errorf("%v: code %d\nstdout: %q\nstderr: %q", args, r.code, r.stdout, r.stderr)
		}
	}
	// A flag's description is part of the usage.
	if r := runCLI(t, nil, nil, "serve", "--help"); !strings.Contains(r.stdout, "-node-id string") {
		t.Errorf("serve --help lists no flags:\n%s", r.stdout)
	}
	// The top level.
	for _, args := range [][]string{{"--help"}, {"-h"}, {"help"}} {
		r := runCLI(t, nil, nil, args...)
		if r.code != exitOK || !strings.HasPrefix(r.stdout, "usage: datafog <command> [flags] [args]\n") || r.stderr != "" {
			t.Errorf("%v: code %d stdout %q", args, r.code, r.stdout)
		}
		for _, c := range commands() {
			if !strings.Contains(r.stdout, "\n  "+c.name+" ") {
				t.Errorf("%v: top-level usage does not list %s", args, c.name)
			}
		}
	}
}

// TestWrongFlagExits2 gives every command an undefined flag: exit 2, a
// two-line message on standard error, nothing on standard output.
func TestWrongFlagExits2(t *testing.T) {
	for _, args := range [][]string{
		{"scan"}, {"redact"}, {"serve"}, {"compile"}, {"version"}, {"receipts", "verify"},
	} {
		name := strings.Join(args, " ")
		r := runCLI(t, nil, nil, append(args, "--no-such-flag")...)
		want := "datafog " + name + ": flag provided but not defined: -no-such-flag\nrun 'datafog " + name + " --help' for usage\n"
		if r.code != exitError || r.stderr != want || r.stdout != "" {
			t.Errorf("%s: code %d\nstderr: %q\nwant:   %q\nstdout: %q", name, r.code, r.stderr, want, r.stdout)
		}
	}
	// A flag value of the wrong type.
	r := runCLI(t, nil, nil, "serve", "--max-body-bytes", "lots")
	want := "datafog serve: invalid value \"lots\" for flag -max-body-bytes: parse error\nrun 'datafog serve --help' for usage\n"
	if r.code != exitError || r.stderr != want {
		t.Errorf("bad value: code %d stderr %q", r.code, r.stderr)
	}
}

// TestUnknownCommand exits 2 naming the command; no arguments at all print
// the usage on standard error and exit 2.
func TestUnknownCommand(t *testing.T) {
	r := runCLI(t, nil, nil, "frobnicate", "x")
	if r.code != exitError || r.stderr != "datafog: unknown command \"frobnicate\" (see datafog --help)\n" || r.stdout != "" {
		t.Errorf("unknown: code %d stderr %q stdout %q", r.code, r.stderr, r.stdout)
	}
	r = runCLI(t, nil, nil)
	if r.code != exitError || !strings.HasPrefix(r.stderr, "usage: datafog <command>") || r.stdout != "" {
		t.Errorf("no args: code %d stderr %q", r.code, r.stderr)
	}
	for _, args := range [][]string{{"receipts"}, {"receipts", "list"}, {"bench"}, {"bench", "load"}} {
		r := runCLI(t, nil, nil, args...)
		if r.code != exitError || r.stderr == "" || r.stdout != "" {
			t.Errorf("%v: code %d stderr %q stdout %q", args, r.code, r.stderr, r.stdout)
		}
	}
	r = runCLI(t, nil, nil, "version")
	if r.code != exitOK || r.stdout != "datafog "+buildinfo.Get().String()+"\n" {
		t.Errorf("version: code %d stdout %q", r.code, r.stdout)
	}
}

// TestCompileBlobScansLikeJSON compiles the dictionary policy into a blob
// and checks that `scan --policy blob` prints exactly what `scan --policy
// json` prints; the default output name swaps the extension for .dfc; a
// damaged blob is refused.
func TestCompileBlobScansLikeJSON(t *testing.T) {
	dir := copyTestdata(t, "dict_policy.json", "staff.txt")
	src := filepath.Join(dir, "dict_policy.json")
	blob := filepath.Join(dir, "out.blob")
	r := runCLI(t, nil, nil, "compile", "-o", blob, src)
	if r.code != exitOK || r.stdout != "" || !strings.HasPrefix(r.stderr, "datafog compile: wrote "+blob+" (") {
		t.Fatalf("compile: code %d stdout %q stderr %q", r.code, r.stdout, r.stderr)
	}
	// The blob carries the dictionary terms: scanning with it needs no
	// staff.txt any more.
	if err := os.Remove(filepath.Join(dir, "staff.txt")); err != nil {
		t.Fatal(err)
	}
	const in = "E-2040 wrote to bob@example.com from 10.0.0.1; E-1001.\n"
	want := ndjson(rec1("employee_id", 0, 6, "0.8", "E-2040"), rec1("email", 16, 31, "0.95", "bob@example.com"),
		rec1("ip_address", 37, 45, "0.9", "10.0.0.1"), rec1("employee_id", 47, 53, "0.8", "E-1001"))
	fromJSON := runCLI(t, strings.NewReader(in), nil, "scan", "--policy", "testdata/dict_policy.json")
	fromBlob := runCLI(t, strings.NewReader(in), nil, "scan", "--policy", blob)
	if fromJSON.code != exitFindings || fromJSON.stdout != want {
		t.Fatalf("json policy: code %d\n%s\nwant\n%s", fromJSON.code, fromJSON.stdout, want)
	}
	if fromBlob.code != exitFindings || fromBlob.stdout != want || fromBlob.stderr != "" {
		t.Fatalf("blob policy: code %d\n%s\nstderr %q", fromBlob.code, fromBlob.stdout, fromBlob.stderr)
	}
	// Redact with the blob too.
	rr := runCLI(t, strings.NewReader(in), nil, "redact", "--mode", "anonymize", "--policy", blob)
	if rr.code != exitOK || rr.stdout != "<EMPLOYEE_ID_1> wrote to <EMAIL_1> from <IP_ADDRESS_1>; <EMPLOYEE_ID_2>.\n" {
		t.Fatalf("redact with blob: code %d stdout %q stderr %q", rr.code, rr.stdout, rr.stderr)
	}

	// Default output name.
	dir2 := copyTestdata(t, "dict_policy.json", "staff.txt")
	if r := runCLI(t, nil, nil, "compile", filepath.Join(dir2, "dict_policy.json")); r.code != exitOK {
		t.Fatalf("compile default name: code %d stderr %q", r.code, r.stderr)
	}
	def, err := os.ReadFile(filepath.Join(dir2, "dict_policy.dfc"))
	if err != nil {
		t.Fatalf("default output: %v", err)
	}
	// A flipped byte in the middle of the blob is refused by its checksum.
	def[len(def)/2] ^= 0x55
	bad := writeFile(t, dir2, "bad.dfc", string(def))
	if r := runCLI(t, strings.NewReader(in), nil, "scan", "--policy", bad); r.code != exitError || !strings.HasPrefix(r.stderr, "datafog scan: compiled policy "+bad+": ") {
		t.Fatalf("damaged blob: code %d stdout %q stderr %q", r.code, r.stdout, r.stderr)
	}

	// Errors: no policy, two policies, a bad policy, an unwritable output.
	for _, args := range [][]string{
		{"compile"},
		{"compile", src, src},
		{"compile", writeFile(t, dir, "bad.json", `{"policy_id": "x"}`)},
		{"compile", filepath.Join(dir, "missing.json")},
		{"compile", "-o", filepath.Join(dir, "no", "such", "dir", "x.dfc"), "testdata/dict_policy.json"},
	} {
		if r := runCLI(t, nil, nil, args...); r.code != exitError || !strings.HasPrefix(r.stderr, "datafog compile: ") {
			t.Errorf("%v: code %d stderr %q", args, r.code, r.stderr)
		}
	}
}

// newReceiptLog writes n receipts to a log in a temp directory (key in
// DIR.key beside it) and returns the directory and the receipt ids.
func newReceiptLog(t *testing.T, n int) (string, []string) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "receipts")
	log, err := receipts.Open(receipts.Options{Dir: dir, NodeID: "t1", Logger: quietLogger()})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for i := 0; i < n; i++ {
		id, err := log.Append(context.Background(), &receipts.Record{
			RequestID:     "req-" + strconv.Itoa(i),
			PolicyID:      "p",
			PolicyVersion: "v1",
			Decision:      "allow",
			Action:        receipts.Action{Type: "file.write"},
			InputHash:     log.Hash([]byte("input " + strconv.Itoa(i))),
			MatchedRules:  []string{"r"},
		})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	if err := log.Close(); err != nil {
		t.Fatal(err)
	}
	return dir, ids
}

// TestReceiptsVerify checks `datafog receipts verify DIR`: an intact log
// exits 0 with "OK", a flipped byte exits 1 naming the first bad record,
// and a missing or unreadable key exits 2.
func TestReceiptsVerify(t *testing.T) {
	dir, ids := newReceiptLog(t, 3)
	r := runCLI(t, nil, nil, "receipts", "verify", dir)
	okLine := regexp.MustCompile(`^OK ` + regexp.QuoteMeta(dir) +
		`: 1 segments \(0000000000000001\.\.0000000000000001\), 3 records \(3 receipts, 0 checkpoints\), head [0-9a-f]{64}\n$`)
	if r.code != exitOK || !okLine.MatchString(r.stdout) || r.stderr != "" {
		t.Fatalf("intact: code %d stdout %q stderr %q", r.code, r.stdout, r.stderr)
	}
	// The key named explicitly, and through the variable, verify too.
	if r := runCLI(t, nil, nil, "receipts", "verify", "--key-file", dir+".key", dir); r.code != exitOK {
		t.Fatalf("--key-file: code %d %q %q", r.code, r.stdout, r.stderr)
	}
	if r := runCLI(t, nil, map[string]string{"DATAFOG_RECEIPT_KEY_FILE": dir + ".key"}, "receipts", "verify", dir); r.code != exitOK {
		t.Fatalf("DATAFOG_RECEIPT_KEY_FILE: code %d %q %q", r.code, r.stdout, r.stderr)
	}

	// Flip one payload byte of the second record. Its id says where it is:
	// rc1_<node>_<segment>_<offset>_<tag>.
	parts := strings.Split(ids[1], "_")
	if len(parts) != 5 {
		t.Fatalf("receipt id %q", ids[1])
	}
	off, err := strconv.ParseInt(parts[3], 16, 64)
	if err != nil {
		t.Fatal(err)
	}
	seg := filepath.Join(dir, "0000000000000001.seg")
	data, err := os.ReadFile(seg)
	if err != nil {
		t.Fatal(err)
	}
	data[off+8+40+3] ^= 0x01 // frame header 8, body header 40, then the payload
	if err := os.WriteFile(seg, data, 0o600); err != nil {
		t.Fatal(err)
	}
	r = runCLI(t, nil, nil, "receipts", "verify", dir)
	wantHead := "FAIL " + dir + ": first bad record: segment 0000000000000001.seg: offset " + strconv.FormatInt(off, 10) + ": record 1 (log record 1): "
	if r.code != exitFindings || !strings.HasPrefix(r.stdout, wantHead) || !strings.HasSuffix(r.stdout, "\n     1 records verified before it\n") {
		t.Fatalf("flipped byte: code %d\nstdout: %q\nwant prefix: %q\nstderr: %q", r.code, r.stdout, wantHead, r.stderr)
	}

	// Missing key: exit 2 (not 1: nothing could be checked).
	dir2, _ := newReceiptLog(t, 1)
	if err := os.Remove(dir2 + ".key"); err != nil {
		t.Fatal(err)
	}
	r = runCLI(t, nil, nil, "receipts", "verify", dir2)
	if r.code != exitError || r.stdout != "" || !strings.HasPrefix(r.stderr, "datafog receipts verify: ") {
		t.Fatalf("missing key: code %d stdout %q stderr %q", r.code, r.stdout, r.stderr)
	}
	// Another log's key: the chain breaks at the first record.
	r = runCLI(t, nil, nil, "receipts", "verify", "--key-file", dir+".key", dir2)
	if r.code != exitFindings || !strings.HasPrefix(r.stdout, "FAIL "+dir2+": first bad record: segment 0000000000000001.seg: offset 72: record 0 (log record 0): ") {
		t.Fatalf("wrong key: code %d stdout %q stderr %q", r.code, r.stdout, r.stderr)
	}
	// Usage errors.
	for _, args := range [][]string{{"receipts", "verify"}, {"receipts", "verify", dir, dir2}} {
		if r := runCLI(t, nil, nil, args...); r.code != exitError || !strings.HasPrefix(r.stderr, "datafog receipts verify: need exactly one DIR\n") {
			t.Errorf("%v: code %d stderr %q", args, r.code, r.stderr)
		}
	}
	if r := runCLI(t, nil, nil, "receipts", "verify", filepath.Join(t.TempDir(), "none")); r.code != exitError {
		t.Errorf("no such dir: code %d stdout %q stderr %q", r.code, r.stdout, r.stderr)
	}
}
