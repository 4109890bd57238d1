package baseline

import (
	"context"
	"encoding/binary"
	"hash/crc32"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestScanExactFindings(t *testing.T) {
	text := "mail bob@example.com, ssn 123-45-6789, card 4111 1111 1111 1111, bad 4111 1111 1111 1112, ip 10.0.0.300 and 10.0.0.1"
	got := Scan(text, []string{"email", "SSN", "credit_card", "ip_address"})
	want := []Finding{
		{EntityType: "credit_card", Start: 44, End: 63, Confidence: 0.95},
		{EntityType: "email", Start: 5, End: 20, Confidence: 0.99},
		{EntityType: "ip_address", Start: 108, End: 116, Confidence: 0.9},
		{EntityType: "ssn", Start: 26, End: 37, Confidence: 0.99},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Scan:\n got %+v\nwant %+v", got, want)
	}
	if n := len(Scan("nothing here", nil)); n != 0 {
		t.Fatalf("Scan(clean) = %d findings", n)
	}
}

func TestServerScan(t *testing.T) {
	base, shutdown, err := Serve()
	if err != nil {
		t.Fatal(err)
	}
	defer shutdown(context.Background())
	resp, err := http.Post(base+"/v1/scan", "application/json",
		strings.NewReader(`{"text":"ssn 123-45-6789","entity_types":["ssn"],"request_id":"r1"}`))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	want := `{"request_id":"r1","trace_id":"r1","findings":[{"entity_type":"ssn","start":4,"end":15,"confidence":0.99}],"policy_id":"baseline","policy_version":"1"}` + "\n"
	if resp.StatusCode != 200 || string(body) != want {
		t.Fatalf("status %d body %s", resp.StatusCode, body)
	}
	resp, err = http.Post(base+"/v1/scan/stream", "text/plain", strings.NewReader("ssn 123-45-6789 "))
	if err != nil {
		t.Fatal(err)
	}
	body, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	want = `{"entity_type":"ssn","start":4,"end":15,"confidence":0.99}` + "\n" + `{"summary":{"bytes":16,"findings":1}}` + "\n"
	if string(body) != want {
		t.Fatalf("stream body %q", body)
	}
	resp, err = http.Post(base+"/v1/scan", "application/json", strings.NewReader(`{"text":`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 400 {
		t.Fatalf("malformed JSON: status %d", resp.StatusCode)
	}
}

func TestSyncLogFraming(t *testing.T) {
	dir := t.TempDir()
	l, err := OpenSyncLog(dir)
	if err != nil {
		t.Fatal(err)
	}
	id1, err1 := l.Append([]byte("abc"))
	id2, err2 := l.Append([]byte("12345678"))
	if err1 != nil || err2 != nil || id1 != 0 || id2 != 16 {
		t.Fatalf("ids %d %d errs %v %v", id1, id2, err1, err2)
	}
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, "baseline.log"))
	if err != nil {
		t.Fatal(err)
	}
	want := make([]byte, 32)
	binary.LittleEndian.PutUint32(want[0:], 3)
	binary.LittleEndian.PutUint32(want[4:], crc32.Checksum([]byte("abc"), crcTable))
	copy(want[8:], "abc")
	binary.LittleEndian.PutUint32(want[16:], 8)
	binary.LittleEndian.PutUint32(want[20:], crc32.Checksum([]byte("12345678"), crcTable))
	copy(want[24:], "12345678")
	if string(data) != string(want) {
		t.Fatalf("log bytes\n got %x\nwant %x", data, want)
	}
}
