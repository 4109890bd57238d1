package crashtest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"
)

const decideBody = `{"action":{"type":"file.write"},"text":"email a@example.com card 4111111111111111"}`

// issued is what a client saw when a receipt id was handed out.
type issued struct {
	id      string
	content map[string]any // GET /v1/receipts/{id} right after issuance, for a sample
}

// receiptFields are compared between issuance and after restarts.
var receiptFields = []string{"receipt_id", "decision", "policy_id", "policy_version", "timestamp", "input_hash", "action_hash", "matched_rules", "findings"}

func freeAddr(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// server runs bin serve against one receipt directory.
type server struct {
	bin, addr, dir string
	cmd            *exec.Cmd
}

func (s *server) start(t *testing.T) {
	t.Helper()
	s.cmd = exec.Command(s.bin, "serve") // #nosec G204 -- test binary from the env
	s.cmd.Env = append(os.Environ(), "DATAFOG_ADDR="+s.addr, "DATAFOG_RECEIPT_PATH="+s.dir, "DATAFOG_API_TOKEN=")
	s.cmd.Stdout, s.cmd.Stderr = io.Discard, io.Discard
	if err := s.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		resp, err := http.Get("http://" + s.addr + "/health")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	s.kill()
	t.Fatal("server did not become healthy")
}

func (s *server) kill() {
	if s.cmd != nil && s.cmd.Process != nil {
		_ = s.cmd.Process.Signal(syscall.SIGKILL)
		_ = s.cmd.Wait()
	}
}

func getReceipt(client *http.Client, addr, id string) (int, map[string]any, error) {
	resp, err := client.Get("http://" + addr + "/v1/receipts/" + id)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	var m map[string]any
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode == 200 {
		if err := json.Unmarshal(body, &m); err != nil {
			return resp.StatusCode, nil, fmt.Errorf("bad JSON: %v", err)
		}
	}
	return resp.StatusCode, m, nil
}

func sameFields(a, b map[string]any) string {
	for _, k := range receiptFields {
		ja, _ := json.Marshal(a[k])
		jb, _ := json.Marshal(b[k])
		if !bytes.Equal(ja, jb) {
			return fmt.Sprintf("%s: %s then %s", k, ja, jb)
		}
	}
	return ""
}

// TestCrashUnderLoad: every acknowledged receipt survives SIGKILL.
func TestCrashUnderLoad(t *testing.T) {
	bin := os.Getenv("DATAFOG_CRASH_BIN")
	if bin == "" {
		t.Skip("set DATAFOG_CRASH_BIN=path/to/bin/datafog (and DATAFOG_CRASH_CYCLES) to run")
	}
	cycles := 3
	if s := os.Getenv("DATAFOG_CRASH_CYCLES"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > 1000 {
			t.Fatalf("DATAFOG_CRASH_CYCLES=%q", s)
		}
		cycles = n
	}
	srv := &server{bin: bin, addr: freeAddr(t), dir: t.TempDir() + "/receipts"}
	defer srv.kill()
	client := &http.Client{Timeout: 5 * time.Second}
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 1))
	var mu sync.Mutex
	var all []issued
	for cycle := range cycles {
		srv.start(t)
		// Everything issued so far must be served, unchanged.
		for _, is := range all {
			code, m, err := getReceipt(client, srv.addr, is.id)
			if err != nil || code != 200 {
				t.Fatalf("cycle %d: GET %s = %d, %v (acknowledged before a crash)", cycle, is.id, code, err)
			}
			if m["receipt_id"] != is.id {
				t.Fatalf("cycle %d: GET %s returned receipt_id %v", cycle, is.id, m["receipt_id"])
			}
			if is.content != nil {
				if d := sameFields(is.content, m); d != "" {
					t.Fatalf("cycle %d: receipt %s changed after restart: %s", cycle, is.id, d)
				}
			}
		}
		ctx, cancel := context.WithCancel(context.Background())
		var wg sync.WaitGroup
		for w := range 16 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for n := 0; ctx.Err() == nil && n < 5000; n++ {
					req, _ := http.NewRequestWithContext(ctx, "POST", "http://"+srv.addr+"/v1/decide", bytes.NewBufferString(decideBody))
					req.Header.Set("Content-Type", "application/json")
					resp, err := client.Do(req)
					if err != nil {
						return // the server was killed
					}
					body, _ := io.ReadAll(resp.Body)
					resp.Body.Close()
					if resp.StatusCode != 200 {
						continue
					}
					var d struct {
						ReceiptID string `json:"receipt_id"`
					}
					if err := json.Unmarshal(body, &d); err != nil || d.ReceiptID == "" {
						t.Errorf("decide answered 200 without a receipt_id: %.200s", body)
						return
					}
					is := issued{id: d.ReceiptID}
					if (n+w)%25 == 0 {
						if code, m, err := getReceipt(client, srv.addr, d.ReceiptID); err == nil && code == 200 {
							is.content = m
						} else if err == nil {
							t.Errorf("GET of a just-issued receipt %s = %d", d.ReceiptID, code)
						}
					}
					mu.Lock()
					all = append(all, is)
					mu.Unlock()
				}
			}()
		}
		time.Sleep(time.Duration(50+rng.IntN(450)) * time.Millisecond)
		srv.kill()
		cancel()
		wg.Wait()
		if t.Failed() {
			return
		}
		t.Logf("cycle %d: %d receipts issued so far", cycle, len(all))
	}
	srv.start(t)
	for _, is := range all {
		if code, m, err := getReceipt(client, srv.addr, is.id); err != nil || code != 200 || m["receipt_id"] != is.id {
			t.Fatalf("final: GET %s = %d, %v", is.id, code, err)
		}
	}
	if len(all) == 0 {
		t.Fatal("no receipts were issued")
	}
}
