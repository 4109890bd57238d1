package transport

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/datafog/datafog-api/receipts"
)

// TestWithReceiptLog runs /v1/decide and a redact stream against a real
// receipts.Log in a temp dir: the ids come back through GET
// /v1/receipts/{id}, and no raw value reaches the log directory.
func TestWithReceiptLog(t *testing.T) {
	dir := t.TempDir()
	log, err := receipts.Open(receipts.Options{Dir: filepath.Join(dir, "log"), KeyFile: filepath.Join(dir, "key"), Logger: quietLogger()})
	if err != nil {
		t.Fatal(err)
	}
	defer log.Close()
	_, base := startServer(t, testConfig(), log)
	c := testClient()
	const canary = "canary.person@example.com"
	r := do(t, c, "POST", base+"/v1/decide", strings.NewReader(`{"action":{"type":"file.write","resource":"/tmp/`+canary+`"},"text":"send to `+canary+` now"}`), jsonHdr)
	var got struct {
		ReceiptID string `json:"receipt_id"`
		Decision  string `json:"decision"`
	}
	if err := json.Unmarshal([]byte(r.body), &got); err != nil || r.status != 200 || got.ReceiptID == "" {
		t.Fatalf("decide: %d %s", r.status, r.body)
	}
	g := do(t, c, "GET", base+"/v1/receipts/"+got.ReceiptID, nil, nil)
	var rec receipts.Record
	if err := json.Unmarshal([]byte(g.body), &rec); err != nil || g.status != 200 {
		t.Fatalf("get: %d %s", g.status, g.body)
	}
	if rec.ReceiptID != got.ReceiptID || rec.Decision != got.Decision || rec.InputHash != log.Hash([]byte("send to "+canary+" now")) ||
		len(rec.Findings) != 1 || rec.Findings[0].ValueHash != log.Hash([]byte(canary)) {
		t.Fatalf("record: %+v", rec)
	}
	req, _ := http.NewRequest("POST", base+"/v1/redact/stream", io.MultiReader(strings.NewReader("x "+canary+" y")))
	res, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	out, _ := io.ReadAll(res.Body)
	res.Body.Close()
	id := res.Trailer.Get("X-Receipt-ID")
	if bytes.Contains(out, []byte(canary)) || id == "" {
		t.Fatalf("redact stream: %q id %q", out, id)
	}
	g = do(t, c, "GET", base+"/v1/receipts/"+id, nil, nil)
	var srec receipts.Record
	if err := json.Unmarshal([]byte(g.body), &srec); err != nil || g.status != 200 {
		t.Fatalf("stream receipt: %d %s", g.status, g.body)
	}
	// The stream's input_hash is the streaming HMAC of the decoded input,
	// equal to Hash of the whole body.
	if srec.InputHash != log.Hash([]byte("x "+canary+" y")) || srec.Decision != "transform" {
		t.Fatalf("stream receipt: %+v", srec)
	}
	if g := do(t, c, "GET", base+"/v1/receipts/zz-not-an-id", nil, nil); g.status != 404 {
		t.Fatalf("bad id: %d %s", g.status, g.body)
	}
	filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() {
			b, _ := os.ReadFile(p)
			if bytes.Contains(b, []byte(canary)) || bytes.Contains(b, []byte("canary.person")) {
				t.Errorf("%s holds the raw value", p)
			}
		}
		return nil
	})
	m := do(t, c, "GET", base+"/metrics", nil, nil)
	if !strings.Contains(m.body, "datafog_receipt_records_total 2\n") || !strings.Contains(m.body, `datafog_receipt_fsync_seconds_bucket{le="+Inf"} `) {
		t.Errorf("receipt metrics missing:\n%s", m.body)
	}
}

// TestDecideDenseInputKeepsReceipt: /v1/decide never fails for a valid
// input because of its size. A text with 40,000 SSNs (480 KB, inside the
// 1 MiB body cap) used to make a receipt past the log's 4 MiB record limit,
// and decide answered a retryable-looking 503 receipt_error every time.
// The receipt now lists the first findings and counts them all; a redact
// stream's receipt counts its findings too.
func TestDecideDenseInputKeepsReceipt(t *testing.T) {
	dir := t.TempDir()
	log, err := receipts.Open(receipts.Options{Dir: filepath.Join(dir, "log"), KeyFile: filepath.Join(dir, "key"), Logger: quietLogger()})
	if err != nil {
		t.Fatal(err)
	}
	defer log.Close()
	_, base := startServer(t, testConfig(), log)
	c := testClient()
	const n = 40000
	text := strings.Repeat("123-45-6789 ", n)
	r := do(t, c, "POST", base+"/v1/decide", strings.NewReader(`{"action":{"type":"file.write"},"text":"`+text+`"}`), jsonHdr)
	var got struct {
		ReceiptID string            `json:"receipt_id"`
		Findings  []json.RawMessage `json:"findings"`
	}
	if err := json.Unmarshal([]byte(r.body), &got); err != nil || r.status != 200 || got.ReceiptID == "" {
		t.Fatalf("decide with %d findings: %d %.300s", n, r.status, r.body)
	}
	g := do(t, c, "GET", base+"/v1/receipts/"+got.ReceiptID, nil, nil)
	var rec map[string]any
	if err := json.Unmarshal([]byte(g.body), &rec); err != nil || g.status != 200 {
		t.Fatalf("get: %d %.300s", g.status, g.body)
	}
	listed, _ := rec["findings"].([]any)
	byType, _ := rec["findings_by_type"].(map[string]any)
	if rec["receipt_version"] != float64(3) || rec["findings_total"] != float64(n) || len(listed) != 100 ||
		byType["ssn"] != float64(n) || len(rec["findings_root"].(string)) != 64 {
		t.Fatalf("receipt: version %v, total %v, listed %d, by type %v", rec["receipt_version"], rec["findings_total"], len(listed), byType)
	}
	if len(g.body) > 32<<10 {
		t.Fatalf("the receipt is %d bytes for one decision", len(g.body))
	}
	// The root covers every finding: rebuilt from the key and the text.
	key, err := receipts.LoadKey(filepath.Join(dir, "key"))
	if err != nil {
		t.Fatal(err)
	}
	set := receipts.NewFindingSet(key, 0)
	for i := range n {
		set.AddValue("ssn", int64(12*i), int64(12*i+11), 0.95, []byte("123-45-6789"))
	}
	if set.Root() != rec["findings_root"] {
		t.Fatalf("findings_root %v, rebuilt %s", rec["findings_root"], set.Root())
	}

	req, _ := http.NewRequest("POST", base+"/v1/redact/stream", strings.NewReader(text))
	res, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	id := res.Trailer.Get("X-Receipt-ID")
	g = do(t, c, "GET", base+"/v1/receipts/"+id, nil, nil)
	rec = nil
	if err := json.Unmarshal([]byte(g.body), &rec); err != nil || g.status != 200 || rec["findings_total"] != float64(n) ||
		rec["findings_by_type"].(map[string]any)["ssn"] != float64(n) || rec["findings_root"] != nil {
		t.Fatalf("stream receipt: %d %.400s", g.status, g.body)
	}
}
