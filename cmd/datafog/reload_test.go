package main

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/datafog/datafog-api/engine/policy"
	"github.com/datafog/datafog-api/receipts"
	"github.com/datafog/datafog-api/transport"
)

// reloadRecorder collects what a reloader applied and refused.
type reloadRecorder struct {
	mu      sync.Mutex
	applied []string // policy versions, in order
	failed  []error
}

func (rr *reloadRecorder) apply(c *policy.Compiled) {
	rr.mu.Lock()
	rr.applied = append(rr.applied, c.Policy.PolicyVersion)
	rr.mu.Unlock()
}

func (rr *reloadRecorder) onFail(err error) {
	rr.mu.Lock()
	rr.failed = append(rr.failed, err)
	rr.mu.Unlock()
}

// state returns copies of the applied versions and the number of failures.
func (rr *reloadRecorder) state() ([]string, int) {
	rr.mu.Lock()
	defer rr.mu.Unlock()
	return append([]string(nil), rr.applied...), len(rr.failed)
}

// waitFor polls cond every 5 ms until it holds or 5 s pass.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func newTestReloader(path string, rr *reloadRecorder) *reloader {
	return &reloader{path: path, load: loadPolicy, apply: rr.apply, onFail: rr.onFail, log: quietLogger()}
}

// primedReloader writes policy v1 to a fresh directory and returns the
// directory, the file, and a primed reloader of it with its recorder.
func primedReloader(t *testing.T) (dir, path string, rr *reloadRecorder, r *reloader) {
	t.Helper()
	dir = t.TempDir()
	path = writeFile(t, dir, "policy.json", testPolicyJSON("v1", "allow"))
	rr = &reloadRecorder{}
	r = newTestReloader(path, rr)
	r.prime()
	return dir, path, rr, r
}

// TestReloaderGoodAndBad drives reload and changed directly: a good policy
// is applied; a bad one (broken JSON, an invalid rule, a vanished file on
// SIGHUP) is refused, onFail is called with the reason and nothing is
// applied; a vanished file is not a change, and its return is.
func TestReloaderGoodAndBad(t *testing.T) {
	dir, path, rr, r := primedReloader(t)
	if r.changed() {
		t.Fatal("changed right after prime")
	}

	writeFile(t, dir, "policy.json", testPolicyJSON("v2-longer", "deny"))
	if !r.changed() {
		t.Fatal("rewritten file not seen as changed")
	}
	if err := r.reload("test"); err != nil {
		t.Fatalf("good policy refused: %v", err)
	}
	if r.changed() {
		t.Fatal("changed after the reload that read it")
	}

	for _, bad := range []struct{ data, reason string }{
		{`{"policy_id": `, "policy " + path + ": "},
		{strings.Replace(testPolicyJSON("v3", "allow"), `"allow"`, `"block"`, 1), `unsupported effect "block"`},
	} {
		writeFile(t, dir, "policy.json", bad.data)
		err := r.reload("test")
		if err == nil || !strings.Contains(err.Error(), bad.reason) {
			t.Fatalf("bad policy: err %v, want it to mention %q", err, bad.reason)
		}
	}
	applied, failed := rr.state()
	if strings.Join(applied, ",") != "v2-longer" || failed != 2 {
		t.Fatalf("applied %v, failed %d; want [v2-longer], 2", applied, failed)
	}

	// Vanished: no change for the poll, and a SIGHUP reload is refused.
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	if r.changed() {
		t.Fatal("a vanished file counts as a change")
	}
	if err := r.reload("SIGHUP"); err == nil || !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("reload of a vanished file: %v", err)
	}
	writeFile(t, dir, "policy.json", testPolicyJSON("v4", "allow"))
	if !r.changed() {
		t.Fatal("a returning file is not a change")
	}
	if err := r.reload("file changed"); err != nil {
		t.Fatal(err)
	}
	applied, failed = rr.state()
	if strings.Join(applied, ",") != "v2-longer,v4" || failed != 3 {
		t.Fatalf("applied %v, failed %d; want [v2-longer v4], 3", applied, failed)
	}
}

// TestReloaderWaitsForAFileToSettle: a file rewritten in place is empty
// for a moment; a poll that sees it so, or sees it change, waits for the
// next poll to agree before reading it, so the rewrite is applied and
// nothing is refused. A file that stays bad is refused once.
func TestReloaderWaitsForAFileToSettle(t *testing.T) {
	dir, path, rr, r := primedReloader(t)
	var pending fileStamp
	poll := func() {
		if r.settled(&pending) {
			_ = r.reload("file changed")
		}
	}
	if err := os.Truncate(path, 0); err != nil {
		t.Fatal(err)
	}
	poll() // empty, mid-write
	writeFile(t, dir, "policy.json", testPolicyJSON("v2", "deny"))
	poll() // written, not yet seen twice
	if a, f := rr.state(); len(a) != 0 || f != 0 {
		t.Fatalf("a file still changing was read: applied %v, failed %d", a, f)
	}
	poll()
	if a, f := rr.state(); strings.Join(a, ",") != "v2" || f != 0 {
		t.Fatalf("applied %v, failed %d; want [v2], 0", a, f)
	}
	writeFile(t, dir, "policy.json", `{"policy_id": "broken"`)
	for range 5 {
		poll()
	}
	if a, f := rr.state(); strings.Join(a, ",") != "v2" || f != 1 {
		t.Fatalf("a bad file: applied %v, failed %d; want [v2], 1", a, f)
	}
}

// TestReloaderRunPollsAndSignals runs the reloader's loop with a 5 ms poll:
// a rewritten file and a file replaced by rename (same size and time, new
// inode, as a ConfigMap update does) are picked up; a SIGHUP reloads even
// an unchanged file; a vanished file keeps the policy; a bad file is counted
// once, not on every poll; cancelling the context stops the loop.
func TestReloaderRunPollsAndSignals(t *testing.T) {
	dir, path, rr, r := primedReloader(t)
	ctx, cancel := context.WithCancel(context.Background())
	hup := make(chan os.Signal, 1)
	done := make(chan struct{})
	go func() { r.run(ctx, hup, 5*time.Millisecond); close(done) }()
	t.Cleanup(func() {
		cancel()
		<-done
	})
	applied := func(want string) func() bool {
		return func() bool { a, _ := rr.state(); return strings.Join(a, ",") == want }
	}

	// Nothing changed: a few polls apply nothing.
	time.Sleep(30 * time.Millisecond)
	if a, f := rr.state(); len(a) != 0 || f != 0 {
		t.Fatalf("unchanged file reloaded: %v %d", a, f)
	}
	writeFile(t, dir, "policy.json", testPolicyJSON("v2-rewritten", "deny"))
	waitFor(t, "the rewritten policy", applied("v2-rewritten"))

	// Replace by rename with the same size and modification time: only the
	// inode tells.
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	same := testPolicyJSON("v2-renamed__", "deny") // same length as v2-rewritten
	if len(same) != int(st.Size()) {
		t.Fatalf("test setup: %d vs %d bytes", len(same), st.Size())
	}
	writeFile(t, dir, "policy.json.tmp", same)
	if err := os.Chtimes(filepath.Join(dir, "policy.json.tmp"), st.ModTime(), st.ModTime()); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(filepath.Join(dir, "policy.json.tmp"), path); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the renamed-in policy", applied("v2-rewritten,v2-renamed__"))

	// SIGHUP reloads an unchanged file.
	hup <- os.Interrupt // any value; run only counts it
	waitFor(t, "the SIGHUP reload", applied("v2-rewritten,v2-renamed__,v2-renamed__"))

	// Vanished: several polls, nothing applied, nothing failed.
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	time.Sleep(40 * time.Millisecond)
	if a, f := rr.state(); len(a) != 3 || f != 0 {
		t.Fatalf("after the file vanished: applied %v, failed %d", a, f)
	}
	writeFile(t, dir, "policy.json", testPolicyJSON("v4", "allow"))
	waitFor(t, "the returning policy", applied("v2-rewritten,v2-renamed__,v2-renamed__,v4"))

	// A bad file is refused once and not retried on every poll.
	writeFile(t, dir, "policy.json", `{"policy_id": "broken"`)
	waitFor(t, "the refusal", func() bool { _, f := rr.state(); return f == 1 })
	time.Sleep(40 * time.Millisecond)
	if a, f := rr.state(); len(a) != 4 || f != 1 {
		t.Fatalf("after a bad file: applied %v, failed %d", a, f)
	}

	cancel()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("run did not return after cancel")
	}
}

// memStore is an in-memory transport.ReceiptStore.
type memStore struct {
	mu   sync.Mutex
	recs map[string]receipts.Record
}

func (m *memStore) Append(_ context.Context, rec *receipts.Record) (string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	id := "rc1_mem_" + strconv.Itoa(len(m.recs)+1)
	r := *rec
	r.ReceiptID = id
	m.recs[id] = r
	return id, nil
}

func (m *memStore) Get(id string) (*receipts.Record, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	r, ok := m.recs[id]
	if !ok {
		return nil, receipts.ErrNotFound
	}
	return &r, nil
}

func (m *memStore) Hash(data []byte) string {
	h := hmac.New(sha256.New, []byte("memstore test key"))
	h.Write(data)
	return hex.EncodeToString(h.Sum(nil))
}

func (m *memStore) Err() error { return nil }

// startInProcess runs a transport.Server with comp and store on a loopback
// port until the test ends, and returns it with its base URL.
func startInProcess(t *testing.T, comp *policy.Compiled, store transport.ReceiptStore) (*transport.Server, string) {
	t.Helper()
	cfg := transport.DefaultConfig()
	cfg.Addr = "127.0.0.1:0"
	cfg.Logger = quietLogger()
	srv, err := transport.New(cfg, comp, store)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := srv.Shutdown(ctx); err != nil {
			t.Errorf("shutdown: %v", err)
		}
		if err := <-errc; err != nil {
			t.Errorf("serve: %v", err)
		}
	})
	return srv, "http://" + ln.Addr().String()
}

// httpDo sends one request and returns the status and body.
func httpDo(c *http.Client, method, url, body string, hdr map[string]string) (int, string, error) {
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, url, rd)
	if err != nil {
		return 0, "", err
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	res, err := c.Do(req)
	if err != nil {
		return 0, "", err
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	return res.StatusCode, string(b), err
}

// TestReloadUnderConcurrentRequests runs /v1/scan and /v1/decide from
// several goroutines against an in-process server while a reloader swaps
// two valid policies many times and is also handed bad ones. Every request
// gets 200 and a policy_version of one of the two; each decision matches
// the version it names (allow under "v-alpha", deny under "v-beta") and so
// does its receipt, so no request mixed two policies; after every refused
// reload the version in force is unchanged; the metrics count both.
func TestReloadUnderConcurrentRequests(t *testing.T) {
	dir := t.TempDir()
	alpha, beta := testPolicyJSON("v-alpha", "allow"), testPolicyJSON("v-beta", "deny")
	path := writeFile(t, dir, "policy.json", alpha)
	comp, err := loadPolicy(path)
	if err != nil {
		t.Fatal(err)
	}
	store := &memStore{recs: map[string]receipts.Record{}}
	srv, base := startInProcess(t, comp, store)
	r := &reloader{path: path, load: loadPolicy, apply: srv.SetPolicy, onFail: srv.PolicyReloadFailed, log: quietLogger()}
	r.prime()

	const workers, perWorker = 4, 40
	client := &http.Client{Timeout: 10 * time.Second}
	var wg sync.WaitGroup
	errs := make(chan error, workers*perWorker)
	stop := make(chan struct{})
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < perWorker; i++ {
				if err := oneRequest(client, base, store, w, i); err != nil {
					errs <- err
				}
			}
		}(w)
	}
	go func() { wg.Wait(); close(stop) }()

	var good, bad int
	last := "v-alpha"
	finished := func() bool {
		select {
		case <-stop:
			return true
		default:
			return false
		}
	}
	// At least 30 reloads, and more while requests are still running.
	for i := 0; i < 2000 && (i < 30 || !finished()); i++ {
		if i%5 == 4 {
			writeFile(t, dir, "policy.json", `{"policy_id":"broken","rules":[{"id":"x"}]}`)
			if err := r.reload("test"); err == nil {
				t.Fatal("bad policy accepted")
			}
			bad++
			if v := srv.Policy().Policy.PolicyVersion; v != last {
				t.Fatalf("after a refused reload the version is %q, want %q", v, last)
			}
			code, body, err := httpDo(client, "GET", base+"/v1/policy/version", "", nil)
			if err != nil || code != 200 || !strings.Contains(body, `"policy_version":"`+last+`"`) {
				t.Fatalf("policy version after refusal: %d %s %v", code, body, err)
			}
			continue
		}
		next, data := "v-alpha", alpha
		if last == "v-alpha" {
			next, data = "v-beta", beta
		}
		writeFile(t, dir, "policy.json", data)
		if err := r.reload("test"); err != nil {
			t.Fatalf("good policy refused: %v", err)
		}
		good++
		last = next
		if v := srv.Policy().Policy.PolicyVersion; v != last {
			t.Fatalf("after a reload the version is %q, want %q", v, last)
		}
	}
	select {
	case <-stop:
	case <-time.After(30 * time.Second):
		t.Fatal("requests did not finish")
	}
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	code, body, err := httpDo(client, "GET", base+"/metrics", "", nil)
	if err != nil || code != 200 {
		t.Fatalf("metrics: %d %v", code, err)
	}
	for _, want := range []string{
		fmt.Sprintf("\ndatafog_policy_reload_failures_total %d\n", bad),
		fmt.Sprintf("\ndatafog_policy_reloads_total %d\n", good),
	} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %q", strings.TrimSpace(want))
		}
	}
	if bad < 6 || good < 24 {
		t.Errorf("only %d good and %d bad reloads ran", good, bad)
	}
	if n := len(store.recs); n != workers*perWorker/2 {
		t.Errorf("%d receipts, want %d", n, workers*perWorker/2)
	}
}

// oneRequest sends request i of worker w (scan when i is even, decide when
// odd) and checks its answer and, for decide, its receipt.
func oneRequest(c *http.Client, base string, store *memStore, w, i int) error {
	text := fmt.Sprintf("worker %d request %d mails bob@example.com", w, i)
	if i%2 == 0 {
		code, body, err := httpDo(c, "POST", base+"/v1/scan", `{"text":"`+text+`"}`, nil)
		if err != nil || code != 200 {
			return fmt.Errorf("scan %d/%d: %d %s %v", w, i, code, body, err)
		}
		var got struct {
			Findings []struct {
				EntityType string `json:"entity_type"`
				Start, End int
			} `json:"findings"`
			PolicyVersion string `json:"policy_version"`
		}
		if err := json.Unmarshal([]byte(body), &got); err != nil {
			return fmt.Errorf("scan %d/%d: %v", w, i, err)
		}
		at := strings.Index(text, "bob@")
		if (got.PolicyVersion != "v-alpha" && got.PolicyVersion != "v-beta") || len(got.Findings) != 1 ||
			got.Findings[0].EntityType != "email" || got.Findings[0].Start != at || got.Findings[0].End != at+15 {
			return fmt.Errorf("scan %d/%d: %s", w, i, body)
		}
		return nil
	}
	code, body, err := httpDo(c, "POST", base+"/v1/decide", `{"action":{"type":"file.write","resource":"/tmp/out"},"text":"`+text+`"}`, nil)
	if err != nil || code != 200 {
		return fmt.Errorf("decide %d/%d: %d %s %v", w, i, code, body, err)
	}
	var got struct {
		Decision      string   `json:"decision"`
		ReceiptID     string   `json:"receipt_id"`
		PolicyVersion string   `json:"policy_version"`
		MatchedRules  []string `json:"matched_rules"`
	}
	if err := json.Unmarshal([]byte(body), &got); err != nil {
		return fmt.Errorf("decide %d/%d: %v", w, i, err)
	}
	want := map[string]string{"v-alpha": "allow", "v-beta": "deny"}[got.PolicyVersion]
	if want == "" || got.Decision != want || len(got.MatchedRules) != 1 || got.MatchedRules[0] != "file-writes" {
		return fmt.Errorf("decide %d/%d: decision %q under %q: %s", w, i, got.Decision, got.PolicyVersion, body)
	}
	rec, err := store.Get(got.ReceiptID)
	if err != nil || rec.PolicyVersion != got.PolicyVersion || rec.Decision != got.Decision {
		return fmt.Errorf("decide %d/%d: receipt %+v (err %v) disagrees with %s", w, i, rec, err, body)
	}
	return nil
}
