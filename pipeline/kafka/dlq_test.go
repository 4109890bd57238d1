package kafka

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/twmb/franz-go/pkg/kgo"
)

// produceValues writes one record per value to input partition 0, with
// keys k-<i>, and returns them.
func produceValues(t *testing.T, addrs []string, values ...string) []inputRecord {
	t.Helper()
	cl, err := kgo.NewClient(kgo.SeedBrokers(addrs...), kgo.RecordPartitioner(kgo.ManualPartitioner()))
	if err != nil {
		t.Fatal(err)
	}
	defer cl.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	out := make([]inputRecord, len(values))
	for i, v := range values {
		r := &kgo.Record{Topic: tIn, Partition: 0, Key: []byte(fmt.Sprintf("k-%d", i)), Value: []byte(v),
			Headers: []kgo.RecordHeader{{Key: "trace", Value: []byte(fmt.Sprintf("t%d", i))}}}
		if err := cl.ProduceSync(ctx, r).FirstErr(); err != nil {
			t.Fatal(err)
		}
		out[i] = inputRecord{key: string(r.Key), value: v, offset: r.Offset}
	}
	return out
}

// TestDeadLetters sends records that cannot be processed with --format
// json to the dead-letter topic, in the same transactions as the rest,
// with a receipt each and no raw value anywhere.
func TestDeadLetters(t *testing.T) {
	c := newCluster(t, 3, 1)
	addrs := c.ListenAddrs()
	big := `{"pad":"` + strings.Repeat("x", 3000) + `","mail":"bob@example.com"}`
	values := []string{
		`{"user":"alice@example.com","n":1}`,
		`user=bob@example.com not json`,                // invalid_json
		"{\"user\":\"\xff bob@example.com\"}",          // decode_error
		big,                                            // too_large
		`{"token":"` + strings.Repeat("1", 400) + `"}`, // clean: digit runs hold nothing
		`{"user":"carol@example.com","ok":true}`,
	}
	inputs := produceValues(t, addrs, values...)
	cfg := testConfig(t, addrs, "w1")
	cfg.Format = FormatJSON
	cfg.MaxRecordBytes = 2000
	w := startWorker(t, cfg)
	eventually(t, 30*time.Second, "all records to commit", func() bool { return committedCount(t, addrs, "g") == int64(len(inputs)) })
	if err := w.stop(t); err != nil {
		t.Fatal(err)
	}
	o := checkExactlyOnce(t, addrs, inputs, map[string]bool{"k-1": true, "k-2": true, "k-3": true})
	if len(o.dead) != 3 {
		t.Fatalf("%d dead letters, want 3", len(o.dead))
	}
	wantCodes := map[int64]string{1: ReasonInvalidJSON, 2: ReasonDecode, 3: ReasonTooLarge}
	for _, d := range o.dead {
		var dl struct {
			Topic     string
			Partition int32
			Offset    int64
			Error     struct{ Code, Message string }
			ValueHash string `json:"value_hash"`
		}
		if err := json.Unmarshal(d.Value, &dl); err != nil {
			t.Fatalf("dead letter is not JSON: %v: %s", err, d.Value)
		}
		if dl.Topic != tIn || dl.Partition != 0 || dl.Error.Code != wantCodes[dl.Offset] || len(dl.ValueHash) != 64 {
			t.Errorf("dead letter %s, want code %s", d.Value, wantCodes[dl.Offset])
		}
		if len(d.Headers) != 1 || d.Headers[0].Key != errorHeader || string(d.Headers[0].Value) != dl.Error.Code {
			t.Errorf("dead letter headers %v", d.Headers)
		}
		if strings.Contains(string(d.Value), "bob@example.com") || d.Key != nil {
			t.Errorf("dead letter holds raw data: key %q value %s", d.Key, d.Value)
		}
	}
	outcomes := map[string]int{}
	for _, r := range o.receipts {
		var rc struct{ Outcome, Error string }
		_ = json.Unmarshal(r.Value, &rc)
		outcomes[rc.Outcome+"/"+rc.Error]++
		if strings.Contains(string(r.Value), "@example.com") {
			t.Errorf("receipt holds a raw value: %s", r.Value)
		}
	}
	want := map[string]int{"redacted/": 2, "clean/": 1, "dead_letter/invalid_json": 1, "dead_letter/decode_error": 1, "dead_letter/too_large": 1}
	if fmt.Sprint(outcomes) != fmt.Sprint(want) {
		t.Errorf("receipt outcomes %v, want %v", outcomes, want)
	}
	if s := w.p.Metrics().Snapshot(); s.DeadLettered != 3 || s.RecordsOut != 3 {
		t.Errorf("metrics: %d dead-lettered, %d out; want 3 and 3", s.DeadLettered, s.RecordsOut)
	}
}

// TestNoDeadLetterTopicStops checks that without --dlq a record that cannot
// be processed stops the pipeline with an error naming it, and that
// nothing from its transaction is committed.
func TestNoDeadLetterTopicStops(t *testing.T) {
	c := newCluster(t, 1, 1)
	addrs := c.ListenAddrs()
	inputs := produceValues(t, addrs, `{"a":"x@example.com"}`, `{"b":2}`, `bad json`, `{"c":3}`)
	cfg := testConfig(t, addrs, "w1")
	cfg.Format, cfg.DLQ = FormatJSON, ""
	p, err := New(cfg, defaultPolicy(t))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	err = p.Run(ctx)
	var fe *FatalError
	if !errors.As(err, &fe) || !strings.Contains(err.Error(), fmt.Sprintf("record in/0@%d cannot be processed (invalid_json: byte 0: expected a value) and there is no dead-letter topic", inputs[2].offset)) {
		t.Fatalf("Run = %v, want a FatalError naming in/0@%d", err, inputs[2].offset)
	}
	if n := committedCount(t, addrs, "g"); n > inputs[2].offset {
		t.Fatalf("committed offset %d is past the bad record at %d", n, inputs[2].offset)
	}
	for _, r := range readCommitted(t, addrs, tOut) {
		if string(r.Key) == "k-3" {
			t.Fatal("a record after the bad one was committed")
		}
	}
	if p.Metrics().State() != StateFailed {
		t.Fatalf("state %s, want failed", p.Metrics().State())
	}
}

// TestJSONFieldRedaction redacts only the fields named by JSON Pointers
// and keeps the rest of each record byte for byte.
func TestJSONFieldRedaction(t *testing.T) {
	c := newCluster(t, 3, 1)
	addrs := c.ListenAddrs()
	in := `{"user":{"email":"dana@example.com","phone":"(212) 555-0134"},"card":4111111111111111,"note":"ssn 123-45-6789","n":[1,2.5e3]}`
	inputs := produceValues(t, addrs, in)
	cfg := testConfig(t, addrs, "w1")
	cfg.Format, cfg.Fields, cfg.Mode = FormatJSON, []string{"/user", "/card"}, "mask"
	w := startWorker(t, cfg)
	eventually(t, 30*time.Second, "the record to commit", func() bool { return committedCount(t, addrs, "g") == int64(len(inputs)) })
	if err := w.stop(t); err != nil {
		t.Fatal(err)
	}
	out := readCommitted(t, addrs, tOut)
	want := `{"user":{"email":"****@*******.***","phone":"(***) ***-****"},"card":"************1111","note":"ssn 123-45-6789","n":[1,2.5e3]}`
	if len(out) != 1 || string(out[0].Value) != want {
		t.Fatalf("%d output records, first %s\nwant %s", len(out), out[0].Value, want)
	}
	var rc struct {
		Findings map[string]int
		Plan     struct{ Fields []string }
	}
	_ = json.Unmarshal(readCommitted(t, addrs, tReceipts)[0].Value, &rc)
	if fmt.Sprint(rc.Findings) != "map[credit_card:1 email:1 phone:1]" || fmt.Sprint(rc.Plan.Fields) != "[/user /card]" {
		t.Fatalf("receipt findings %v plan fields %v", rc.Findings, rc.Plan.Fields)
	}
}

// TestAtLeastOnce runs the non-transactional mode across a restart: with
// no failure it writes every record once, and the receipt chains continue
// across the restart.
func TestAtLeastOnce(t *testing.T) {
	c := newCluster(t, 3, 4)
	addrs := c.ListenAddrs()
	inputs := produceInput(t, addrs, 0, 1500, 4)
	cfg := testConfig(t, addrs, "w1")
	cfg.Delivery = AtLeastOnce
	w := startWorker(t, cfg)
	eventually(t, 30*time.Second, "the first batch", func() bool { return committedCount(t, addrs, "g") == 1500 })
	if err := w.stop(t); err != nil {
		t.Fatal(err)
	}
	inputs = append(inputs, produceInput(t, addrs, 1500, 1500, 4)...)
	w = startWorker(t, cfg)
	eventually(t, 30*time.Second, "all records", func() bool { return committedCount(t, addrs, "g") == 3000 })
	if err := w.stop(t); err != nil {
		t.Fatal(err)
	}
	o := checkExactlyOnce(t, addrs, inputs, nil)
	if !strings.Contains(string(o.receipts[0].Value), `"delivery":"at-least-once"`) {
		t.Fatalf("receipt plan: %s", o.receipts[0].Value)
	}
}
