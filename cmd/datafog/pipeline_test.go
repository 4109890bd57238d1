package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/twmb/franz-go/pkg/kfake"
	"github.com/twmb/franz-go/pkg/kgo"

	"github.com/datafog/datafog-api/engine/policy"
	"github.com/datafog/datafog-api/pipeline/kafka"
)

func TestPipelineHelpAndFlags(t *testing.T) {
	r := runCLI(t, nil, nil, "pipeline", "kafka", "--help")
	if r.code != exitOK || r.stderr != "" || !strings.HasPrefix(r.stdout, "usage: datafog pipeline kafka --brokers HOST:PORT[,...] --group ID") {
		t.Fatalf("--help: code %d\nstdout %q\nstderr %q", r.code, r.stdout, r.stderr)
	}
	for _, f := range []string{"-brokers", "-group", "-in", "-out", "-receipts", "-dlq", "-transactional-id", "-mode", "-entities", "-policy",
		"-format", "-fields", "-key-file", "-delivery", "-metrics-addr", "-tls", "-tls-ca-file", "-sasl-mechanism", "-sasl-user-file", "-sasl-password-file"} {
		if !strings.Contains(r.stdout, "  "+f+" ") && !strings.Contains(r.stdout, "  "+f+"\n") {
			t.Errorf("--help does not list %s", f)
		}
	}
	r = runCLI(t, nil, nil, "pipeline", "kafka", "--no-such-flag")
	want := "datafog pipeline kafka: flag provided but not defined: -no-such-flag\nrun 'datafog pipeline kafka --help' for usage\n"
	if r.code != exitError || r.stderr != want || r.stdout != "" {
		t.Fatalf("wrong flag: code %d stderr %q", r.code, r.stderr)
	}
	// Passwords are never flags.
	if r := runCLI(t, nil, nil, "pipeline", "kafka", "--sasl-password", "x"); r.code != exitError {
		t.Fatalf("--sasl-password was accepted")
	}
	r = runCLI(t, nil, nil, "pipeline", "frobnicate")
	if r.code != exitError || r.stderr != "datafog pipeline: unknown pipeline \"frobnicate\" (want kafka)\n" {
		t.Fatalf("unknown pipeline: code %d stderr %q", r.code, r.stderr)
	}
}

func TestPipelineConfigProblemsListed(t *testing.T) {
	r := runCLI(t, nil, nil, "pipeline", "kafka", "--mode", "shred", "--format", "xml", "--receipts", "rc")
	for _, p := range []string{"--brokers is required", `unknown mode "shred"`, `unknown format "xml"`, "--group is required",
		"--in is required", "--out is required", "--receipts and --dlq need a key"} {
		if !strings.Contains(r.stderr, p) {
			t.Errorf("stderr lacks %q:\n%s", p, r.stderr)
		}
	}
	if r.code != exitError {
		t.Fatalf("code %d", r.code)
	}
	// A SASL secret read from a file is never echoed, even when wrong.
	dir := t.TempDir()
	pw := filepath.Join(dir, "pw")
	if err := os.WriteFile(pw, []byte("s3cret-Passw0rd\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	r = runCLI(t, nil, map[string]string{"DATAFOG_KAFKA_SASL_USER": "u"}, "pipeline", "kafka", "--brokers", "127.0.0.1:1", "--group", "g", "--in", "a", "--out", "b",
		"--sasl-mechanism", "gssapi", "--sasl-password-file", pw)
	if r.code != exitError || !strings.Contains(r.stderr, `unknown mechanism "gssapi"`) || strings.Contains(r.stderr, "s3cret") {
		t.Fatalf("code %d stderr %q", r.code, r.stderr)
	}
}

// TestPipelineRefusesSmallOutputTopic runs the subcommand against a
// cluster whose output topic has fewer partitions than the input.
func TestPipelineRefusesSmallOutputTopic(t *testing.T) {
	c, err := kfake.NewCluster(kfake.NumBrokers(1), kfake.SeedTopics(4, "in"), kfake.SeedTopics(2, "out"))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	r := runCLI(t, nil, nil, "pipeline", "kafka", "--brokers", strings.Join(c.ListenAddrs(), ","), "--group", "g", "--in", "in", "--out", "out")
	want := `output topic "out" has 2 partitions, fewer than the 4 of input topic "in": every record keeps its partition number, so the output topic needs at least 4 partitions`
	if r.code != exitError || !strings.Contains(r.stderr, want) {
		t.Fatalf("code %d stderr %s", r.code, r.stderr)
	}
	r = runCLI(t, nil, nil, "pipeline", "kafka", "--brokers", strings.Join(c.ListenAddrs(), ","), "--group", "g", "--in", "in", "--out", "nope")
	if r.code != exitError || !strings.Contains(r.stderr, `topic "nope" does not exist`) {
		t.Fatalf("code %d stderr %s", r.code, r.stderr)
	}
}

// TestReceiptsVerifyKafka writes receipts with the pipeline, then verifies
// them from the topic and from exports in the shapes kcat -J and rpk
// write, and finds an edited record in an export.
func TestReceiptsVerifyKafka(t *testing.T) {
	c, err := kfake.NewCluster(kfake.NumBrokers(3), kfake.SeedTopics(2, "in", "out", "rc"))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	addrs := c.ListenAddrs()
	dir := t.TempDir()
	keyFile := filepath.Join(dir, "key")
	key := []byte("cmd-test-key-0123456789abcdef")
	if err := os.WriteFile(keyFile, key, 0o600); err != nil {
		t.Fatal(err)
	}
	cl, err := kgo.NewClient(kgo.SeedBrokers(addrs...), kgo.DefaultProduceTopic("in"))
	if err != nil {
		t.Fatal(err)
	}
	defer cl.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	for i := range 40 {
		if err := cl.ProduceSync(ctx, &kgo.Record{Key: []byte(fmt.Sprint(i)), Value: []byte(fmt.Sprintf("mail u%d@example.com", i))}).FirstErr(); err != nil {
			t.Fatal(err)
		}
	}
	keys, _ := kafka.NewKeys(key)
	comp, _ := policy.Compile(policy.Default(), "")
	p, err := kafka.New(kafka.Config{Connection: kafka.Connection{Brokers: addrs}, Group: "g", In: []string{"in"}, Out: "out",
		Receipts: "rc", TransactionalID: "w1", Keys: keys}, comp)
	if err != nil {
		t.Fatal(err)
	}
	rctx, rcancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- p.Run(rctx) }()
	for p.Metrics().Snapshot().Receipts < 40 {
		select {
		case <-ctx.Done():
			t.Fatal("the pipeline did not write 40 receipts")
		case <-time.After(20 * time.Millisecond):
		}
	}
	rcancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}

	brokers := strings.Join(addrs, ",")
	r := runCLI(t, nil, nil, "receipts", "verify", "--brokers", brokers, "--topic", "rc", "--key-file", keyFile)
	if r.code != exitOK || !strings.HasPrefix(r.stdout, "OK topic rc: 40 receipts in 2 chains (0 dead letters, 0 reprocessed)\n") {
		t.Fatalf("verify --topic: code %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = runCLI(t, nil, nil, "receipts", "verify", "--brokers", brokers, "--topic", "rc", "--key-file", writeKey(t, dir, "another-key-of-some-length"))
	if r.code != exitFindings || !strings.Contains(r.stdout, "first bad record: rc/") || !strings.Contains(r.stdout, "mac does not match") {
		t.Fatalf("verify --topic with another key: code %d\n%s%s", r.code, r.stdout, r.stderr)
	}

	// Exports: kcat -J puts the value in "payload", rpk in "value".
	recs := readAllCommitted(t, addrs, "rc")
	var kcat, rpk strings.Builder
	for _, rec := range recs {
		env := map[string]any{"topic": rec.Topic, "partition": rec.Partition, "offset": rec.Offset, "key": string(rec.Key), "payload": string(rec.Value)}
		b, _ := json.Marshal(env)
		kcat.Write(append(b, '\n'))
		delete(env, "payload")
		env["value"] = string(rec.Value)
		b, _ = json.Marshal(env)
		rpk.Write(append(b, '\n'))
	}
	for name, body := range map[string]string{"kcat.ndjson": kcat.String(), "rpk.ndjson": rpk.String()} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		r := runCLI(t, nil, nil, "receipts", "verify", "--export", path, "--key-file", keyFile)
		if r.code != exitOK || !strings.HasPrefix(r.stdout, "OK "+path+": 40 receipts in 2 chains") {
			t.Fatalf("verify --export %s: code %d\n%s%s", name, r.code, r.stdout, r.stderr)
		}
	}
	// Drop the 6th line: the chain of its partition breaks at the next
	// receipt of that partition, which is named.
	lines := strings.SplitAfter(strings.TrimSuffix(rpk.String(), "\n"), "\n")
	var dropped struct{ Partition int32 }
	_ = json.Unmarshal([]byte(lines[5]), &dropped)
	next := 0
	for i := 6; i < len(lines); i++ {
		var l struct{ Partition int32 }
		_ = json.Unmarshal([]byte(lines[i]), &l)
		if l.Partition == dropped.Partition {
			next = i // its line number once line 6 is gone
			break
		}
	}
	path := filepath.Join(dir, "cut.ndjson")
	_ = os.WriteFile(path, []byte(strings.Join(append(lines[:5:5], lines[6:]...), "")), 0o600)
	r = runCLI(t, nil, nil, "receipts", "verify", "--export", path, "--key-file", keyFile)
	if r.code != exitFindings || !strings.Contains(r.stdout, fmt.Sprintf("first bad record: line %d (rc/%d@", next, dropped.Partition)) ||
		!strings.Contains(r.stdout, "a receipt is missing, repeated or out of order") {
		t.Fatalf("verify a cut export: code %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

func writeKey(t *testing.T, dir, key string) string {
	p := filepath.Join(dir, "key2")
	if err := os.WriteFile(p, []byte(key), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// readAllCommitted reads every record of topic in partition order.
func readAllCommitted(t *testing.T, addrs []string, topic string) []*kgo.Record {
	t.Helper()
	cl, err := kgo.NewClient(kgo.SeedBrokers(addrs...), kgo.ConsumeTopics(topic), kgo.FetchIsolationLevel(kgo.ReadCommitted()),
		kgo.ConsumeResetOffset(kgo.NewOffset().AtStart()))
	if err != nil {
		t.Fatal(err)
	}
	defer cl.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	var out []*kgo.Record
	for len(out) < 40 {
		fs := cl.PollFetches(ctx)
		if ctx.Err() != nil {
			t.Fatalf("read %d of 40 records", len(out))
		}
		out = append(out, fs.Records()...)
	}
	return out
}

// TestPipelineRefusesTopicConfigs: a compacted receipts topic, or an
// output topic whose max.message.bytes is below --max-record-bytes.
func TestPipelineRefusesTopicConfigs(t *testing.T) {
	c, err := kfake.NewCluster(kfake.NumBrokers(1), kfake.SeedTopics(2, "in", "out", "rc"))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if err := c.CreateTopic("small", 2, map[string]string{"max.message.bytes": "100000"}); err != nil {
		t.Fatal(err)
	}
	if err := c.CreateTopic("compacted", 2, map[string]string{"cleanup.policy": "compact"}); err != nil {
		t.Fatal(err)
	}
	key := writeKey(t, t.TempDir(), "a-key-of-some-length-000")
	brokers := strings.Join(c.ListenAddrs(), ",")
	r := runCLI(t, nil, nil, "pipeline", "kafka", "--brokers", brokers, "--group", "g", "--in", "in", "--out", "small", "--key-file", key)
	if want := `topic "small" has max.message.bytes 100000, below what --max-record-bytes 1000000 needs (1000125)`; r.code != exitError || !strings.Contains(r.stderr, want) {
		t.Fatalf("small output: code %d stderr %s", r.code, r.stderr)
	}
	r = runCLI(t, nil, nil, "pipeline", "kafka", "--brokers", brokers, "--group", "g", "--in", "in", "--out", "small", "--key-file", key, "--max-record-bytes", "90000", "--receipts", "compacted")
	if want := `receipts topic "compacted" has cleanup.policy "compact"`; r.code != exitError || !strings.Contains(r.stderr, want) || strings.Contains(r.stderr, "max.message.bytes") {
		t.Fatalf("compacted receipts: code %d stderr %s", r.code, r.stderr)
	}
}

// TestPipelineTokensMatchRedact runs the pipeline in tokenize mode and
// checks that its output equals `datafog redact --mode tokenize` with the
// same key file: every worker, and the CLI, give a value the same token.
func TestPipelineTokensMatchRedact(t *testing.T) {
	c, err := kfake.NewCluster(kfake.NumBrokers(1), kfake.SeedTopics(1, "in", "out"))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	addrs := c.ListenAddrs()
	keyFile := writeKey(t, t.TempDir(), "  shared-token-key-0123456789\n")
	const text = "mail bob@example.com, call (212) 555-0134, card 4111 1111 1111 1111"
	cl, err := kgo.NewClient(kgo.SeedBrokers(addrs...), kgo.DefaultProduceTopic("in"))
	if err != nil {
		t.Fatal(err)
	}
	defer cl.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := cl.ProduceSync(ctx, &kgo.Record{Value: []byte(text)}).FirstErr(); err != nil {
		t.Fatal(err)
	}
	raw, err := readKeyFile(keyFile)
	if err != nil {
		t.Fatal(err)
	}
	keys, _ := kafka.NewKeys(raw)
	comp, _ := policy.Compile(policy.Default(), "")
	p, err := kafka.New(kafka.Config{Connection: kafka.Connection{Brokers: addrs}, Group: "g", In: []string{"in"}, Out: "out",
		TransactionalID: "w1", Keys: keys, Mode: "tokenize"}, comp)
	if err != nil {
		t.Fatal(err)
	}
	rctx, rcancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- p.Run(rctx) }()
	for p.Metrics().Snapshot().RecordsOut < 1 {
		select {
		case <-ctx.Done():
			t.Fatal("no output within 30s")
		case <-time.After(20 * time.Millisecond):
		}
	}
	rcancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	rd, err := kgo.NewClient(kgo.SeedBrokers(addrs...), kgo.ConsumeTopics("out"), kgo.FetchIsolationLevel(kgo.ReadCommitted()),
		kgo.ConsumeResetOffset(kgo.NewOffset().AtStart()))
	if err != nil {
		t.Fatal(err)
	}
	defer rd.Close()
	recs := rd.PollFetches(ctx).Records()
	r := runCLI(t, strings.NewReader(text), nil, "redact", "--mode", "tokenize", "--key-file", keyFile)
	if len(recs) != 1 || r.code != exitOK || string(recs[0].Value) != r.stdout || !strings.Contains(r.stdout, "tok_") {
		t.Fatalf("pipeline %d records %v, redact %q (code %d)", len(recs), recs, r.stdout, r.code)
	}
}
