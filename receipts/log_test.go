package receipts

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"
)

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

// openTest opens a log in dir with a fixed node id and small batches.
func openTest(t testing.TB, dir string, mod func(*Options)) *Log {
	t.Helper()
	opts := Options{Dir: dir, NodeID: "n1", Logger: quiet}
	if mod != nil {
		mod(&opts)
	}
	l, err := Open(opts)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	return l
}

func testKey(t testing.TB, dir string) []byte {
	t.Helper()
	key, err := LoadKey(dir + ".key")
	if err != nil {
		t.Fatal(err)
	}
	return key
}

// sampleRecord builds a receipt whose fields all depend on i.
func sampleRecord(l *Log, i int) *Record {
	return &Record{
		Timestamp:     time.Date(2025, 1, 2, 3, 4, 5, i, time.UTC),
		RequestID:     fmt.Sprintf("req-%d", i),
		TraceID:       "trace-1",
		TenantID:      "tenant-a",
		PolicyID:      "default",
		PolicyVersion: "v3",
		Decision:      "allow_with_redaction",
		MatchedRules:  []string{"rule-email", fmt.Sprintf("rule-%d", i%7)},
		Reason:        "matched email rule",
		Action:        Action{Type: "file.write", Tool: "fs", Adapter: "claude"},
		TransformPlan: []TransformStep{{EntityType: "email", Mode: "mask"}},
		Findings:      []Finding{{EntityType: "email", Start: int64(i), End: int64(i + 13), Confidence: 0.97, ValueHash: l.Hash([]byte("x"))}},
		InputHash:     l.Hash([]byte(fmt.Sprint("input", i))),
		ActionHash:    l.Hash([]byte("file.write")),
	}
}

func TestAppendGetRoundTrip(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "r")
	l := openTest(t, dir, nil)
	want := sampleRecord(l, 42)
	want.Action.Resource = "/etc/passwd"
	want.Action.Command = "cat"
	want.Action.Args = []string{"-n", "x"}
	want.Action.Sensitive = true
	id, err := l.Append(context.Background(), want)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(id, "rc1_n1_00000001_00000048_") || len(id) != len("rc1_n1")+35 || want.ReceiptID != id {
		t.Fatalf("id = %q, ReceiptID = %q", id, want.ReceiptID)
	}
	got, err := l.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	exp := *want
	exp.Action.Resource = digestPrefix + l.Hash([]byte("/etc/passwd"))
	exp.Action.Command = digestPrefix + l.Hash([]byte("cat"))
	exp.Action.Args = []string{digestPrefix + l.Hash([]byte("-n")), digestPrefix + l.Hash([]byte("x"))}
	exp.NodeID = "n1"
	if !reflect.DeepEqual(got, &exp) {
		t.Fatalf("Get:\n got %+v\nwant %+v", got, &exp)
	}
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	// After reopening, the same id gives the same record.
	l = openTest(t, dir, nil)
	defer l.Close()
	got2, err := l.Get(id)
	if err != nil || !reflect.DeepEqual(got2, &exp) {
		t.Fatalf("after reopen: %v %+v", err, got2)
	}
	if _, err := l.Append(context.Background(), &Record{}); err == nil || !strings.Contains(err.Error(), "decision is empty") {
		t.Fatalf("empty record: %v", err)
	}
	bad := sampleRecord(l, 1)
	bad.InputHash = "4111111111111111"
	if _, err := l.Append(context.Background(), bad); err == nil || !strings.Contains(err.Error(), "input_hash is not a hex") {
		t.Fatalf("raw input_hash accepted: %v", err)
	}
}

func TestStoredEncodingMatchesEncodingJSON(t *testing.T) {
	l := openTest(t, filepath.Join(t.TempDir(), "r"), nil)
	defer l.Close()
	recs := []*Record{
		sampleRecord(l, 1),
		{Decision: "deny", Timestamp: time.Unix(0, 1).In(time.FixedZone("x", 3600)),
			Reason:   "quote \" back\\ <html> & \x00\x1f\b\f\n\r\t \u2028\u2029 bad\xff utf8 é 日本",
			Findings: []Finding{{EntityType: "ssn", Confidence: 1e-7}, {EntityType: "x", Confidence: 1e21}, {Confidence: 0.5, End: 3}, {Confidence: -0}},
			Action:   Action{Type: "t", Args: []string{""}}},
	}
	for i, r := range recs {
		got := l.encode(nil, r)
		// encoding/json on the stored form.
		s := *r
		s.ReceiptID = ""
		s.Timestamp = s.Timestamp.UTC()
		if s.Action.Resource != "" {
			s.Action.Resource = digestPrefix + l.Hash([]byte(s.Action.Resource))
		}
		if s.Action.Command != "" {
			s.Action.Command = digestPrefix + l.Hash([]byte(s.Action.Command))
		}
		s.Action.Args = nil
		for _, a := range r.Action.Args {
			s.Action.Args = append(s.Action.Args, digestPrefix+l.Hash([]byte(a)))
		}
		if s.MatchedRules == nil {
			s.MatchedRules = []string{}
		}
		if s.Findings == nil {
			s.Findings = []Finding{}
		}
		if s.TransformPlan == nil {
			s.TransformPlan = []TransformStep{}
		}
		want, err := json.Marshal(&s)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("record %d:\n got %s\nwant %s", i, got, want)
		}
	}
}

func TestGetMalformedIDs(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "r")
	l := openTest(t, dir, nil)
	defer l.Close()
	id, err := l.Append(context.Background(), sampleRecord(l, 1))
	if err != nil {
		t.Fatal(err)
	}
	id2, err := l.Append(context.Background(), sampleRecord(l, 2))
	if err != nil {
		t.Fatal(err)
	}
	flipTag := id[:len(id)-1] + string("0123456789abcdef"[(strings.IndexByte("0123456789abcdef", id[len(id)-1])+1)%16])
	bad := []string{
		"", "rc1_", "x", id[:len(id)-1], id + "0", strings.ToUpper(id), flipTag,
		strings.Replace(id, "rc1_n1_", "rc1_n2_", 1),       // other node
		strings.Replace(id, "rc1_n1_", "rc1_N1_", 1),       // bad node chars
		strings.Replace(id, "_00000001_", "_00000002_", 1), // no such segment
		strings.Replace(id, "_00000001_", "_00000000_", 1), // segment 0
		strings.Replace(id, "_00000048_", "_00000040_", 1), // inside the header
		strings.Replace(id, "_00000048_", "_00000049_", 1), // unaligned
		strings.Replace(id, "_00000048_", "_00000050_", 1), // inside a record
		strings.Replace(id, "_00000048_", "_0fffff48_", 1), // past the end
		strings.Replace(id, "_00000048_", "_0000004g_", 1), // not hex
		strings.Replace(id, "_00000048_", "-00000048_", 1), // bad separator
		id2[:len(id2)-16] + id[len(id)-16:],                // tag of another record
		"rc1_" + strings.Repeat("a", 33) + id[len(id)-35:], // node too long
	}
	for _, s := range bad {
		if rec, err := l.Get(s); !errors.Is(err, ErrNotFound) || rec != nil {
			t.Errorf("Get(%q) = %v, %v; want ErrNotFound", s, rec, err)
		}
	}
	if _, err := l.Get(id2); err != nil {
		t.Fatalf("good id: %v", err)
	}
}

// appendConcurrently runs workers goroutines that each append each records
// (sampleRecord(l, w*1000+i) for worker w's i-th) and returns every
// worker's ids in order. A failed append is reported with t.Error.
func appendConcurrently(t *testing.T, l *Log, workers, each int) [][]string {
	t.Helper()
	ids := make([][]string, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				id, err := l.Append(context.Background(), sampleRecord(l, w*1000+i))
				if err != nil {
					t.Error(err)
					return
				}
				ids[w] = append(ids[w], id)
			}
		}()
	}
	wg.Wait()
	return ids
}

func TestConcurrentAppenders(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "r")
	l := openTest(t, dir, func(o *Options) { o.SegmentSize = 64 << 10; o.MaxBatchCount = 16 })
	const workers, each = 32, 40
	ids := appendConcurrently(t, l, workers, each)
	st := l.Stats()
	if st.Records != workers*each || st.Batches == 0 || st.Batches != st.Syncs || st.ActiveSegment < 2 {
		t.Fatalf("stats %+v", st)
	}
	seen := map[string]bool{}
	for w := range workers {
		for i, id := range ids[w] {
			if seen[id] {
				t.Fatalf("duplicate id %s", id)
			}
			seen[id] = true
			rec, err := l.Get(id)
			if err != nil || rec.RequestID != fmt.Sprintf("req-%d", w*1000+i) {
				t.Fatalf("Get(%s) = %+v, %v", id, rec, err)
			}
		}
	}
	l.Close()
	rep, err := Verify(dir, testKey(t, dir))
	if err != nil || rep.Receipts != workers*each || rep.Segments != int(st.ActiveSegment) {
		t.Fatalf("Verify = %+v, %v", rep, err)
	}
	if _, err := l.Append(context.Background(), sampleRecord(l, 1)); !errors.Is(err, ErrClosed) {
		t.Fatalf("append after close: %v", err)
	}
}

func TestKeyFile(t *testing.T) {
	base := t.TempDir()
	dir := filepath.Join(base, "r")
	l := openTest(t, dir, nil)
	h1 := l.Hash([]byte("abc"))
	l.Close()
	st, err := os.Stat(dir + ".key")
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("key file: %v %v", st, err)
	}
	l = openTest(t, dir, nil)
	if h := l.Hash([]byte("abc")); h != h1 || len(h) != 64 {
		t.Fatalf("hash changed across reopen: %s %s", h, h1)
	}
	l.Close()
	kf := filepath.Join(base, "other.key")
	if err := os.WriteFile(kf, []byte(strings.Repeat("ab", 32)+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	l = openTest(t, filepath.Join(base, "r2"), func(o *Options) { o.KeyFile = kf })
	defer l.Close()
	if h := l.Hash([]byte("abc")); h == h1 {
		t.Fatal("KeyFile ignored")
	}
	if err := os.WriteFile(kf, []byte("abcd"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadKey(kf); err == nil || !strings.Contains(err.Error(), "2 bytes, want at least 32") {
		t.Fatalf("short key: %v", err)
	}
}

// TestLoadKeyRefusesReadableKey: a receipt key others may read is refused
// with a message naming the file and the fix, by Open too.
func TestLoadKeyRefusesReadableKey(t *testing.T) {
	dir := t.TempDir()
	kf := filepath.Join(dir, "receipts.key")
	if err := os.WriteFile(kf, []byte(strings.Repeat("ab", 32)+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(kf, 0o644); err != nil {
		t.Fatal(err)
	}
	want := "receipts: load key: key file " + kf + ": others may read or write it (mode 0644); run chmod 600 " + kf
	if _, err := LoadKey(kf); err == nil || err.Error() != want {
		t.Fatalf("LoadKey: %v\nwant %s", err, want)
	}
	logDir := filepath.Join(dir, "log")
	if _, err := Open(Options{Dir: logDir, KeyFile: kf}); err == nil || err.Error() != want {
		t.Fatalf("Open: %v", err)
	}
	if err := os.Chmod(kf, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadKey(kf); err != nil {
		t.Fatalf("0600: %v", err)
	}
}
