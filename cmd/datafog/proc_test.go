//go:build unix

package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// The tests in this file build the binary and run it as a child process.

// lockedBuffer is a bytes.Buffer safe for a child's writer and the test.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// server is one `datafog serve` child process.
type server struct {
	cmd    *exec.Cmd
	base   string // http://host:port
	stderr *lockedBuffer
	done   chan struct{} // closed when the process has exited
	err    error         // Wait's result, valid after done
}

var servingAddr = regexp.MustCompile(`"msg":"transport: serving","addr":"([0-9.:]+)"`)

// startServe starts `datafog serve` with the variables in vars (and no
// other DATAFOG_ variable) and waits until /health answers. With addr
// empty it listens on 127.0.0.1:0 and reads the port from the log. The
// process is stopped when the test ends.
func startServe(t *testing.T, vars []string, addr string) (*server, error) {
	t.Helper()
	bin := datafogBinary(t)
	args := []string{"serve"}
	if addr == "" {
		args = append(args, "--addr", "127.0.0.1:0")
	}
	s := &server{cmd: exec.Command(bin, args...), stderr: &lockedBuffer{}, done: make(chan struct{})}
	s.cmd.Env = childEnv(vars...)
	s.cmd.Stdout = s.stderr
	s.cmd.Stderr = s.stderr
	if err := s.cmd.Start(); err != nil {
		return nil, err
	}
	go func() { s.err = s.cmd.Wait(); close(s.done) }()
	t.Cleanup(func() { s.stop(t) })

	deadline := time.Now().Add(10 * time.Second)
	for {
		select {
		case <-s.done:
			return nil, fmt.Errorf("serve exited early (%v):\n%s", s.err, s.stderr.String())
		default:
		}
		if time.Now().After(deadline) {
			return nil, fmt.Errorf("serve not ready after 10s:\n%s", s.stderr.String())
		}
		if s.base == "" {
			if addr != "" {
				s.base = "http://" + addr
			} else if m := servingAddr.FindStringSubmatch(s.stderr.String()); m != nil {
				s.base = "http://" + m[1]
			}
		}
		if s.base != "" {
			if code, _, err := httpDo(shortClient, "GET", s.base+"/health", "", nil); err == nil && code == 200 {
				return s, nil
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
}

var shortClient = &http.Client{Timeout: 10 * time.Second}

// stop sends SIGTERM and waits up to 10 s, then kills. It returns the exit
// error, if any.
func (s *server) stop(t *testing.T) error {
	select {
	case <-s.done:
		return s.err
	default:
	}
	_ = s.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-s.done:
		return s.err
	case <-time.After(10 * time.Second):
		_ = s.cmd.Process.Kill()
		<-s.done
		t.Errorf("serve did not stop on SIGTERM within 10s:\n%s", s.stderr.String())
		return errors.New("killed")
	}
}

// get and post send one request to the server and return status and body.
func (s *server) get(t *testing.T, path string, hdr map[string]string) (int, string) {
	t.Helper()
	code, body, err := httpDo(shortClient, "GET", s.base+path, "", hdr)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	return code, body
}

func (s *server) post(t *testing.T, path, body string, hdr map[string]string) (int, string) {
	t.Helper()
	code, b, err := httpDo(shortClient, "POST", s.base+path, body, hdr)
	if err != nil {
		t.Fatalf("POST %s: %v", path, err)
	}
	return code, b
}

// replaceFile writes data to path atomically (temporary file and rename),
// so a poll never sees a half-written file.
func replaceFile(t *testing.T, path, data string) {
	t.Helper()
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		t.Fatal(err)
	}
}

// waitUntil polls cond every 20 ms for up to 10 s.
func waitUntil(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after 10s waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestBinaryCLI runs a few commands through the built binary: the exit
// status and the streams are those of the in-process runs.
func TestBinaryCLI(t *testing.T) {
	bin := datafogBinary(t)
	runBin := func(stdin string, args ...string) (int, string, string) {
		cmd := exec.Command(bin, args...)
		cmd.Env = childEnv()
		cmd.Stdin = strings.NewReader(stdin)
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		err := cmd.Run()
		code := 0
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatalf("%v: %v", args, err)
		}
		return code, out.String(), errb.String()
	}
	if code, out, errs := runBin(sample, "scan"); code != 1 || out != ndjson(sampleRecs()...) || errs != "" {
		t.Errorf("scan: %d %q %q", code, out, errs)
	}
	if code, out, _ := runBin("nothing here\n", "scan"); code != 0 || out != "" {
		t.Errorf("scan clean: %d %q", code, out)
	}
	if code, out, errs := runBin("", "scan", "/nonexistent/file.txt"); code != 2 || out != "" || errs != "datafog scan: /nonexistent/file.txt: no such file or directory\n" {
		t.Errorf("scan missing: %d %q %q", code, out, errs)
	}
	if code, out, _ := runBin(sample, "redact", "--mode", "anonymize"); code != 0 || out != "mail <EMAIL_1> ssn <SSN_1> card <CREDIT_CARD_1>\n" {
		t.Errorf("redact: %d %q", code, out)
	}
	if code, _, errs := runBin(sample, "redact", "--mode", "hash"); code != 2 || !strings.Contains(errs, "needs a key") {
		t.Errorf("redact hash without key: %d %q", code, errs)
	}
	if code, out, errs := runBin("", "serve", "--help"); code != 0 || !strings.HasPrefix(out, "usage: datafog serve") || errs != "" {
		t.Errorf("serve --help: %d %q %q", code, out, errs)
	}
	if code, out, errs := runBin("", "serve", "--bogus"); code != 2 || out != "" ||
		errs != "datafog serve: flag provided but not defined: -bogus\nrun 'datafog serve --help' for usage\n" {
		t.Errorf("serve --bogus: %d %q %q", code, out, errs)
	}
	if code, _, errs := runBin("", "nope"); code != 2 || errs != "datafog: unknown command \"nope\" (see datafog --help)\n" {
		t.Errorf("unknown command: %d %q", code, errs)
	}
}

// TestServeReloadsOnSIGHUPAndFileChange runs the real binary with a policy
// file and checks hot reload end to end:
//   - SIGHUP recompiles the policy: a term added to its dictionary file (a
//     file the poll does not watch, so only the signal can load it) is found
//     after the signal and not before;
//   - a changed policy file is picked up by the poll: /v1/policy/version
//     names the new version;
//   - a bad policy (by file change, then by SIGHUP) is refused: the version
//     stays, the failure is logged and datafog_policy_reload_failures_total
//     counts each refusal;
//   - SIGTERM stops the server with exit status 0.
func TestServeReloadsOnSIGHUPAndFileChange(t *testing.T) {
	dir := copyTestdata(t, "dict_policy.json", "staff.txt")
	policyPath := filepath.Join(dir, "dict_policy.json")
	s, err := startServe(t, []string{
		"DATAFOG_POLICY_PATH=" + policyPath,
		"DATAFOG_RECEIPT_PATH=" + filepath.Join(dir, "receipts"),
	}, "")
	if err != nil {
		t.Fatal(err)
	}
	version := func() string {
		code, body := s.get(t, "/v1/policy/version", nil)
		var v struct {
			PolicyID      string `json:"policy_id"`
			PolicyVersion string `json:"policy_version"`
		}
		if code != 200 || json.Unmarshal([]byte(body), &v) != nil {
			t.Fatalf("policy version: %d %s", code, body)
		}
		return v.PolicyID + "/" + v.PolicyVersion
	}
	metric := func(name string) string {
		code, body := s.get(t, "/metrics", nil)
		if code != 200 {
			t.Fatalf("metrics: %d", code)
		}
		m := regexp.MustCompile(`(?m)^` + name + ` (\d+)$`).FindStringSubmatch(body)
		if m == nil {
			t.Fatalf("metrics lack %s", name)
		}
		return m[1]
	}
	const text = `{"text":"E-7777 and E-1001","entity_types":["employee_id"]}`
	scanned := func() string {
		code, body := s.post(t, "/v1/scan", text, nil)
		if code != 200 {
			t.Fatalf("scan: %d %s", code, body)
		}
		var got struct {
			Findings []struct {
				Start int `json:"start"`
			} `json:"findings"`
		}
		if err := json.Unmarshal([]byte(body), &got); err != nil {
			t.Fatal(err)
		}
		var starts []string
		for _, f := range got.Findings {
			starts = append(starts, fmt.Sprint(f.Start))
		}
		return strings.Join(starts, ",")
	}

	if v := version(); v != "test-dictionary/v-dict-1" {
		t.Fatalf("initial version %s", v)
	}
	if got := scanned(); got != "11" {
		t.Fatalf("before SIGHUP: findings at %q, want 11", got)
	}

	// SIGHUP picks up a new dictionary term.
	replaceFile(t, filepath.Join(dir, "staff.txt"), "E-1001\nE-7777\n")
	if got, n := scanned(), metric("datafog_policy_reloads_total"); got != "11" || n != "0" {
		t.Fatalf("dictionary change without SIGHUP: findings %q, reloads %s", got, n)
	}
	if err := s.cmd.Process.Signal(syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	waitUntil(t, "the SIGHUP reload", func() bool { return scanned() == "0,11" })
	if n := metric("datafog_policy_reloads_total"); n != "1" {
		t.Fatalf("reloads after SIGHUP: %s", n)
	}
	// Logs reach s.stderr through a pipe, after the reload they describe.
	waitUntil(t, "the SIGHUP reload to be logged", func() bool {
		return strings.Contains(s.stderr.String(), `"msg":"policy reloaded","reason":"SIGHUP","policy_id":"test-dictionary","policy_version":"v-dict-1"`)
	})

	// A changed policy file is polled in.
	p2 := strings.Replace(mustRead(t, policyPath), `"v-dict-1"`, `"v-dict-2"`, 1)
	replaceFile(t, policyPath, p2)
	waitUntil(t, "the polled reload", func() bool { return version() == "test-dictionary/v-dict-2" })
	waitUntil(t, "the file-change reload to be logged", func() bool {
		return strings.Contains(s.stderr.String(), `"reason":"file changed","policy_id":"test-dictionary","policy_version":"v-dict-2"`)
	})

	// A bad policy file is refused, by the poll and again by SIGHUP.
	replaceFile(t, policyPath, strings.Replace(p2, `"allow"`, `"block"`, 1))
	waitUntil(t, "the first refusal", func() bool { return metric("datafog_policy_reload_failures_total") == "1" })
	if v := version(); v != "test-dictionary/v-dict-2" {
		t.Fatalf("after a bad file the version is %s", v)
	}
	if err := s.cmd.Process.Signal(syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	waitUntil(t, "the second refusal", func() bool { return metric("datafog_policy_reload_failures_total") == "2" })
	if v, got, n := version(), scanned(), metric("datafog_policy_reloads_total"); v != "test-dictionary/v-dict-2" || got != "0,11" || n != "2" {
		t.Fatalf("after refusals: version %s, findings %q, reloads %s", v, got, n)
	}
	for _, want := range []string{
		`"msg":"policy reload refused; keeping the policy in force","reason":"file changed"`,
		`"msg":"policy reload refused; keeping the policy in force","reason":"SIGHUP"`,
		`unsupported effect \"block\"`,
	} {
		waitUntil(t, "the log line "+want, func() bool { return strings.Contains(s.stderr.String(), want) })
	}

	if err := s.stop(t); err != nil {
		t.Fatalf("exit after SIGTERM: %v\n%s", err, s.stderr.String())
	}
	if !strings.Contains(s.stderr.String(), `"msg":"datafog stopped"`) {
		t.Errorf("no clean stop logged")
	}
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// freePort returns a loopback port that was free a moment ago.
func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// startPair starts replicas 0 and 1 on loopback, each knowing the other
// through DATAFOG_PEERS, with extra variables for both. A port taken by
// someone else between freePort and the start is retried with new ports.
func startPair(t *testing.T, extra ...string) [2]*server {
	t.Helper()
	dir := t.TempDir()
	var lastErr error
	for attempt := 0; attempt < 3; attempt++ {
		p := [2]int{freePort(t), freePort(t)}
		peers := fmt.Sprintf("0=http://127.0.0.1:%d,1=http://127.0.0.1:%d/", p[0], p[1])
		var pair [2]*server
		ok := true
		for i := range pair {
			addr := fmt.Sprintf("127.0.0.1:%d", p[i])
			vars := append([]string{
				"DATAFOG_ADDR=" + addr,
				fmt.Sprintf("DATAFOG_NODE_ID=%d", i),
				fmt.Sprintf("DATAFOG_RECEIPT_PATH=%s/a%d-r%d", dir, attempt, i),
				"DATAFOG_PEERS=" + peers,
			}, extra...)
			s, err := startServe(t, vars, addr)
			if err != nil {
				lastErr = err
				ok = false
				break
			}
			pair[i] = s
		}
		if ok {
			return pair
		}
		for _, s := range pair {
			if s != nil {
				_ = s.stop(t)
			}
		}
		if !strings.Contains(lastErr.Error(), "address already in use") {
			break
		}
	}
	t.Fatal(lastErr)
	return [2]*server{}
}

// decideOn posts one decision to s and returns its receipt id.
func decideOn(t *testing.T, s *server, hdr map[string]string) string {
	t.Helper()
	code, body := s.post(t, "/v1/decide", `{"action":{"type":"file.write","resource":"/tmp/out"},"text":"to bob@example.com"}`, hdr)
	var got struct {
		ReceiptID string `json:"receipt_id"`
		Decision  string `json:"decision"`
	}
	if code != 200 || json.Unmarshal([]byte(body), &got) != nil || got.ReceiptID == "" {
		t.Fatalf("decide on %s: %d %s", s.base, code, body)
	}
	return got.ReceiptID
}

// receiptOf GETs receipt id from s and returns the status, the receipt's
// id and node id, and the error code when there is one.
func receiptOf(t *testing.T, s *server, id string, hdr map[string]string) (int, string, string, string) {
	t.Helper()
	code, body := s.get(t, "/v1/receipts/"+id, hdr)
	var got struct {
		ReceiptID string `json:"receipt_id"`
		NodeID    string `json:"node_id"`
		Error     struct {
			Code string `json:"code"`
		} `json:"error"`
	}
	if err := json.Unmarshal([]byte(body), &got); err != nil {
		t.Fatalf("GET %s from %s: %d %q", id, s.base, code, body)
	}
	return code, got.ReceiptID, got.NodeID, got.Error.Code
}

// TestTwoReplicasServeEachOthersReceipts is issue 8's two-replica test:
// two processes with node ids 0 and 1 and separate receipt logs, each
// listing the other in DATAFOG_PEERS. A receipt from either replica is
// retrievable from both; an unknown node id and a request already
// forwarded are answered from the local log (404); a replica that is down
// gives 503 receipt_error; each log then verifies.
func TestTwoReplicasServeEachOthersReceipts(t *testing.T) {
	pair := startPair(t)
	var ids [2]string
	for i, s := range pair {
		ids[i] = decideOn(t, s, nil)
		if want := fmt.Sprintf("rc1_%d_", i); !strings.HasPrefix(ids[i], want) {
			t.Fatalf("replica %d issued %q, want prefix %s", i, ids[i], want)
		}
	}
	for from, s := range pair {
		for holder, id := range ids {
			code, gotID, node, _ := receiptOf(t, s, id, nil)
			if code != 200 || gotID != id || node != fmt.Sprint(holder) {
				t.Errorf("GET %s (node %d) from replica %d: %d id %q node %q", id, holder, from, code, gotID, node)
			}
		}
	}
	// An id of a node nobody knows, and a syntactically odd one.
	for _, id := range []string{"rc1_7_00000001_00000048_0011223344556677", "rc1_0x_1", "nonsense"} {
		for from, s := range pair {
			if code, _, _, ec := receiptOf(t, s, id, nil); code != 404 || ec != "not_found" {
				t.Errorf("GET %s from replica %d: %d %s", id, from, code, ec)
			}
		}
	}
	// A forwarded request is answered locally, never forwarded again.
	fwd := map[string]string{"X-Datafog-Forwarded": "1"}
	if code, _, _, ec := receiptOf(t, pair[0], ids[1], fwd); code != 404 || ec != "not_found" {
		t.Errorf("forwarded foreign id: %d %s", code, ec)
	}
	if code, _, _, _ := receiptOf(t, pair[0], ids[0], fwd); code != 200 {
		t.Errorf("forwarded own id: %d", code)
	}
	// The request id of a forwarded lookup is the caller's.
	req, _ := http.NewRequest("GET", pair[0].base+"/v1/receipts/"+ids[1], nil)
	req.Header.Set("X-Request-ID", "trace-me-42")
	if res, err := shortClient.Do(req); err != nil || res.StatusCode != 200 || res.Header.Get("X-Request-ID") != "trace-me-42" {
		t.Errorf("forwarded with request id: %v %v", res, err)
	} else {
		res.Body.Close()
	}

	// Replica 1 down: its receipts cannot be fetched through replica 0.
	if err := pair[1].stop(t); err != nil {
		t.Fatalf("replica 1 exit: %v", err)
	}
	if code, _, _, ec := receiptOf(t, pair[0], ids[1], nil); code != 503 || ec != "receipt_error" {
		t.Errorf("peer down: %d %s", code, ec)
	}
	if code, _, _, _ := receiptOf(t, pair[0], ids[0], nil); code != 200 {
		t.Errorf("own receipt with the peer down: %d", code)
	}
	if err := pair[0].stop(t); err != nil {
		t.Fatalf("replica 0 exit: %v", err)
	}
	// Both logs verify with the CLI.
	for i, s := range pair {
		dir := envOf(s.cmd.Env, "DATAFOG_RECEIPT_PATH")
		r := runCLI(t, nil, nil, "receipts", "verify", dir)
		if r.code != exitOK || !strings.HasPrefix(r.stdout, "OK "+dir+": 1 segments") || !strings.Contains(r.stdout, ", 1 records (1 receipts, 0 checkpoints)") {
			t.Errorf("verify replica %d: %d %q %q", i, r.code, r.stdout, r.stderr)
		}
	}
}

// envOf returns the value of key in a "K=V" list.
func envOf(env []string, key string) string {
	for _, kv := range env {
		if k, v, ok := strings.Cut(kv, "="); ok && k == key {
			return v
		}
	}
	return ""
}

// TestTwoReplicasWithToken runs the pair with DATAFOG_API_TOKEN set on both:
// a forwarded lookup carries the caller's credentials (Bearer or X-API-Key),
// so it works across replicas; without them, or with a wrong token, the
// first replica answers 401 and forwards nothing.
func TestTwoReplicasWithToken(t *testing.T) {
	const token = "s3cret-token-for-tests"
	pair := startPair(t, "DATAFOG_API_TOKEN="+token)
	bearer := map[string]string{"Authorization": "Bearer " + token}
	ids := [2]string{decideOn(t, pair[0], bearer), decideOn(t, pair[1], bearer)}
	for from, s := range pair {
		for holder, id := range ids {
			for _, hdr := range []map[string]string{bearer, {"X-API-Key": token}} {
				if code, gotID, node, _ := receiptOf(t, s, id, hdr); code != 200 || gotID != id || node != fmt.Sprint(holder) {
					t.Errorf("GET %s from replica %d with %v: %d %q %q", id, from, hdr, code, gotID, node)
				}
			}
			for _, hdr := range []map[string]string{nil, {"Authorization": "Bearer wrong"}} {
				if code, _, _, ec := receiptOf(t, s, id, hdr); code != 401 || ec != "unauthorized" {
					t.Errorf("GET %s from replica %d with %v: %d %s", id, from, hdr, code, ec)
				}
			}
		}
	}
	if code, _ := pair[0].get(t, "/health", nil); code != 200 {
		t.Errorf("/health needs no token: %d", code)
	}
}

// TestServeSIGHUPWithEmbeddedPolicy sends SIGHUP to a server running the
// embedded default policy (no file to reload): it logs that there is
// nothing to reload and keeps serving, instead of dying of the signal's
// default action.
func TestServeSIGHUPWithEmbeddedPolicy(t *testing.T) {
	s, err := startServe(t, []string{"DATAFOG_RECEIPT_PATH=" + filepath.Join(t.TempDir(), "receipts")}, "")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.cmd.Process.Signal(syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	waitUntil(t, "the SIGHUP log line", func() bool {
		select {
		case <-s.done:
			t.Fatalf("serve exited on SIGHUP: %v\n%s", s.err, s.stderr.String())
		default:
		}
		return strings.Contains(s.stderr.String(), `"msg":"SIGHUP: the embedded default policy is in force; nothing to reload"`)
	})
	if code, body := s.get(t, "/v1/policy/version", nil); code != 200 || !strings.Contains(body, `"policy_id":"datafog-default"`) {
		t.Fatalf("after SIGHUP: %d %s", code, body)
	}
	if err := s.stop(t); err != nil {
		t.Fatalf("exit after SIGTERM: %v", err)
	}
}
