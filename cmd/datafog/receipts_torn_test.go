package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/datafog/datafog-api/receipts"
)

// TestReceiptsVerifyTornTail: a log whose last batch was cut by a crash or
// a full disk is not tampered with. `receipts verify` reports the torn tail
// as its own outcome (offset, length, "repaired on next open") with exit
// status 3, counting only the records before it; after the log is opened
// once, it verifies OK. Tampering still exits 1 (TestReceiptsVerify).
func TestReceiptsVerifyTornTail(t *testing.T) {
	for _, tc := range []struct {
		name string
		cut  func(data []byte, lastOff int64) []byte
	}{
		{"cut inside the last record", func(d []byte, off int64) []byte { return d[:off+30] }},
		{"cut inside the frame header", func(d []byte, off int64) []byte { return d[:off+5] }},
		{"zeros after the end", func(d []byte, _ int64) []byte { return append(d, make([]byte, 4096)...) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir, ids := newReceiptLog(t, 3)
			parts := strings.Split(ids[2], "_")
			lastOff, err := strconv.ParseInt(parts[3], 16, 64)
			if err != nil {
				t.Fatal(err)
			}
			seg := filepath.Join(dir, "0000000000000001.seg")
			data, err := os.ReadFile(seg)
			if err != nil {
				t.Fatal(err)
			}
			torn := tc.cut(data, lastOff)
			if err := os.WriteFile(seg, torn, 0o600); err != nil {
				t.Fatal(err)
			}
			good := lastOff // the third record is its own batch
			records := 2
			if len(torn) > len(data) {
				good, records = int64(len(data)), 3
			}
			r := runCLI(t, nil, nil, "receipts", "verify", dir)
			want := regexp.MustCompile(`^TORN ` + regexp.QuoteMeta(dir) + `: torn tail in segment 0000000000000001\.seg at offset ` +
				strconv.FormatInt(good, 10) + `, ` + strconv.Itoa(len(torn)-int(good)) + ` bytes \([^\n]+\): repaired on next open\n` +
				`     before it: 1 segments \(0000000000000001\.\.0000000000000001\), ` + strconv.Itoa(records) + ` records \(` +
				strconv.Itoa(records) + ` receipts, 0 checkpoints\), head [0-9a-f]{64}\n$`)
			if r.code != 3 || !want.MatchString(r.stdout) || r.stderr != "" {
				t.Fatalf("torn tail: code %d\nstdout %q\nstderr %q", r.code, r.stdout, r.stderr)
			}
			log, err := receipts.Open(receipts.Options{Dir: dir, NodeID: "t1", Logger: quietLogger()})
			if err != nil {
				t.Fatal(err)
			}
			if err := log.Close(); err != nil {
				t.Fatal(err)
			}
			r = runCLI(t, nil, nil, "receipts", "verify", dir)
			if r.code != exitOK || !strings.Contains(r.stdout, ", "+strconv.Itoa(records)+" records (") {
				t.Fatalf("after repair: code %d %q %q", r.code, r.stdout, r.stderr)
			}
		})
	}
}
