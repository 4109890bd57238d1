//go:build linux

package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/datafog/datafog-api/internal/testfs"
)

// Process tests of issue 19: the real binary under real faults (a full
// tmpfs, a small RLIMIT_NOFILE, memory under dense inputs).

// startServeListening starts `datafog serve` like startServe but returns
// as soon as it listens, whatever /health answers (a server on a full disk
// answers 503). argv0 wraps the binary when set (for example with prlimit).
func startServeListening(t *testing.T, vars []string, wrap ...string) (*server, error) {
	t.Helper()
	bin := datafogBinary(t)
	argv := append(append([]string{}, wrap...), bin, "serve", "--addr", "127.0.0.1:0")
	s := &server{cmd: exec.Command(argv[0], argv[1:]...), stderr: &lockedBuffer{}, done: make(chan struct{})}
	s.cmd.Env = childEnv(vars...)
	s.cmd.Stdout = s.stderr
	s.cmd.Stderr = s.stderr
	if err := s.cmd.Start(); err != nil {
		return nil, err
	}
	go func() { s.err = s.cmd.Wait(); close(s.done) }()
	t.Cleanup(func() { s.stop(t) })
	deadline := time.Now().Add(20 * time.Second)
	for {
		select {
		case <-s.done:
			return nil, fmt.Errorf("serve exited (%v):\n%s", s.err, s.stderr.String())
		default:
		}
		if m := servingAddr.FindStringSubmatch(s.stderr.String()); m != nil {
			s.base = "http://" + m[1]
			if _, _, err := httpDo(shortClient, "GET", s.base+"/health", "", nil); err == nil {
				return s, nil
			}
		}
		if time.Now().After(deadline) {
			return nil, fmt.Errorf("serve not listening after 20s:\n%s", s.stderr.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestServeFullDiskNoRestartLoop: the receipt disk (a 2 MiB tmpfs) fills
// while `datafog serve` runs; a decide whose receipt is cut short leaves a
// torn tail. The pod is killed and restarted with the disk still full. It
// used to exit 2 at every start (the whole segment was copied to .broken
// first, which failed) and leave a partial .broken.N each time. Now it
// starts, serves scans, reports receipts degraded on /health, leaves no
// partial file, and recovers fully, without a restart, once space is
// freed; the log then verifies.
func TestServeFullDiskNoRestartLoop(t *testing.T) {
	mnt := testfs.MountTmpfs(t, "2m")
	dir := filepath.Join(mnt, "receipts")
	keyFile := filepath.Join(t.TempDir(), "receipt.key")
	vars := []string{"DATAFOG_RECEIPT_PATH=" + dir, "DATAFOG_RECEIPT_KEY_FILE=" + keyFile, "DATAFOG_NODE_ID=0"}
	s, err := startServe(t, vars, "")
	if err != nil {
		t.Fatal(err)
	}
	decide := func(s *server, text string) (int, string) {
		return s.post(t, "/v1/decide", `{"action":{"type":"file.write"},"text":"`+text+`"}`, nil)
	}
	var ids []string
	for i := range 3 {
		code, body := decide(s, fmt.Sprintf("mail user%d@example.com", i))
		id := between(body, `"receipt_id":"`, `"`)
		if code != 200 || id == "" {
			t.Fatalf("decide: %d %s", code, body)
		}
		ids = append(ids, id)
	}
	filler := testfs.Fill(t, mnt)
	// 100 findings make a receipt of about 20 KB: it crosses into pages the
	// disk no longer has, so part of it is written.
	dense := strings.Repeat("123-45-6789 ", 100)
	if code, body := decide(s, dense); code != 503 || !strings.Contains(body, `"code":"receipt_error"`) {
		t.Fatalf("decide on a full disk: %d %s", code, body)
	}
	if code, body := s.get(t, "/health", nil); code != 503 || !strings.Contains(body, `"receipts":"failed"`) {
		t.Fatalf("health on a full disk: %d %s", code, body)
	}
	_ = s.cmd.Process.Kill() // the liveness probe restarts the pod
	<-s.done

	for restart := range 2 {
		s, err = startServeListening(t, vars)
		if err != nil {
			t.Fatalf("restart %d on the full disk: %v", restart, err)
		}
		if code, body := s.get(t, "/health", nil); code != 503 || !strings.Contains(body, `"status":"degraded"`) || !strings.Contains(body, `"receipts":"failed"`) {
			t.Fatalf("restart %d: health %d %s", restart, code, body)
		}
		if code, body := s.post(t, "/v1/scan", `{"text":"ssn 123-45-6789"}`, nil); code != 200 || !strings.Contains(body, `"entity_type":"ssn"`) {
			t.Fatalf("restart %d: scan %d %s", restart, code, body)
		}
		if code, _ := decide(s, "x"); code != 503 {
			t.Fatalf("restart %d: decide on a full disk answered %d", restart, code)
		}
		if restart == 0 {
			if !strings.Contains(s.stderr.String(), `"msg":"receipts: truncated torn tail"`) {
				t.Fatalf("no torn tail repaired at the first restart:\n%s", s.stderr.String())
			}
			if err := s.stop(t); err != nil {
				t.Fatalf("stop on a full disk: %v\n%s", err, s.stderr.String())
			}
		}
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		if strings.HasSuffix(e.Name(), ".tmp") || strings.Contains(e.Name(), ".broken") {
			t.Fatalf("a start on the full disk left %s", e.Name())
		}
	}

	if err := os.Remove(filler); err != nil {
		t.Fatal(err)
	}
	waitUntil(t, "/health to recover once space is freed", func() bool {
		code, _, err := httpDo(shortClient, "GET", s.base+"/health", "", nil)
		return err == nil && code == 200
	})
	// The child's stderr reaches s.stderr through a pipe, so the line may
	// trail the /health answer by a moment.
	waitUntil(t, "the recovery to be logged", func() bool {
		return strings.Contains(s.stderr.String(), `"msg":"receipts: log recovered; receipts are acknowledged again"`)
	})
	code, body := decide(s, dense)
	if code != 200 {
		t.Fatalf("decide after freeing space: %d %s", code, body)
	}
	for _, id := range append(ids, between(body, `"receipt_id":"`, `"`)) {
		if code, body := s.get(t, "/v1/receipts/"+id, nil); code != 200 {
			t.Fatalf("receipt %s: %d %s", id, code, body)
		}
	}
	if err := s.stop(t); err != nil {
		t.Fatalf("stop: %v", err)
	}
	r := runCLI(t, nil, nil, "receipts", "verify", "--key-file", keyFile, dir)
	if r.code != exitOK || !strings.Contains(r.stdout, " 4 records (4 receipts,") {
		t.Fatalf("verify: %d %q %q", r.code, r.stdout, r.stderr)
	}
}

// between returns the text of s between the first before and the next
// after, or "".
func between(s, before, after string) string {
	_, rest, ok := strings.Cut(s, before)
	if !ok {
		return ""
	}
	v, _, _ := strings.Cut(rest, after)
	return v
}

// peakRSS returns a process's peak resident set (VmHWM) in bytes.
func peakRSS(t *testing.T, pid int) int64 {
	t.Helper()
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			var kb int64
			if _, err := fmt.Sscanf(strings.TrimSpace(v), "%d kB", &kb); err != nil {
				t.Fatal(err)
			}
			return kb << 10
		}
	}
	t.Fatal("no VmHWM")
	return 0
}

// denseScans sends rounds dense 1 MiB /v1/scan requests from each of
// clients goroutines, retrying every 503 (which must be the contract's
// overloaded error with Retry-After) until it is served, and checks every
// answer. It returns the number of 503s.
func denseScans(t *testing.T, base string, clients, rounds int) int {
	t.Helper()
	n := (1<<20 - 64) / 12
	body := []byte(`{"text":"` + strings.Repeat("123-45-6789 ", n) + `"}`)
	c := &http.Client{Timeout: 120 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: clients, DisableCompression: true}}
	defer c.CloseIdleConnections()
	var mu sync.Mutex
	busy := 0
	var wg sync.WaitGroup
	for range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range rounds {
				for {
					res, err := c.Post(base+"/v1/scan", "application/json", bytes.NewReader(body))
					if err != nil {
						t.Error(err)
						return
					}
					b, _ := io.ReadAll(res.Body)
					res.Body.Close()
					if res.StatusCode == 503 {
						if res.Header.Get("Retry-After") != "1" || !bytes.Contains(b, []byte(`"code":"overloaded"`)) || res.Header.Get("X-Request-ID") == "" {
							t.Errorf("503 outside the contract: %v %s", res.Header, b)
							return
						}
						mu.Lock()
						busy++
						mu.Unlock()
						time.Sleep(20 * time.Millisecond)
						continue
					}
					if got := bytes.Count(b, []byte(`{"entity_type":"ssn",`)); res.StatusCode != 200 || got != n {
						t.Errorf("dense scan: %d, %d findings, want %d", res.StatusCode, got, n)
					}
					break
				}
			}
		}()
	}
	wg.Wait()
	return busy
}

// TestServeDenseScansStayUnderBudget runs 64 concurrent dense 1 MiB scans
// (87,376 SSNs each) against the real binary with its defaults. Before
// admission by bytes in flight, 32 of them took 1.05 GB; now the process's
// peak RSS stays under DATAFOG_MAX_INFLIGHT_BYTES + 128 MiB (384 MiB by
// default), the requests over the budget get 503 overloaded with
// Retry-After, and every request is served in the end. It also measures
// the per-request cost that the admission weight (16 bytes per body byte)
// must cover: with admission off and GOGC=10 (so the RSS tracks the live
// heap), the peak RSS grows by the live cost of each concurrent request.
// docs/scaling.md quotes the logged figures.
func TestServeDenseScansStayUnderBudget(t *testing.T) {
	if testing.Short() {
		t.Skip("sends 128 MiB of dense scans; skipped with -short")
	}
	dir := t.TempDir()
	s, err := startServe(t, []string{"DATAFOG_RECEIPT_PATH=" + filepath.Join(dir, "r")}, "")
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	busy := denseScans(t, s.base, 64, 2)
	peak := peakRSS(t, s.cmd.Process.Pid)
	const budget = 256<<20 + 128<<20
	t.Logf("64 concurrent dense 1 MiB scans x2, defaults: peak RSS %.0f MiB (bound %d MiB), %d answers 503 overloaded, %v",
		float64(peak)/(1<<20), budget>>20, busy, time.Since(start).Round(time.Millisecond))
	if peak > budget {
		t.Fatalf("peak RSS %d MiB over the documented %d MiB", peak>>20, budget>>20)
	}
	if busy == 0 {
		t.Fatal("no request was held back: admission did not act")
	}
	s.stop(t)

	// The per-request cost, with admission and the memory limit off.
	rss := map[int]int64{}
	for _, c := range []int{1, 12} {
		s, err := startServe(t, []string{"DATAFOG_RECEIPT_PATH=" + filepath.Join(dir, fmt.Sprint("m", c)),
			"DATAFOG_MAX_INFLIGHT_BYTES=8589934592", "GOMEMLIMIT=off", "GOGC=10"}, "")
		if err != nil {
			t.Fatal(err)
		}
		denseScans(t, s.base, c, 2)
		rss[c] = peakRSS(t, s.cmd.Process.Pid)
		s.stop(t)
	}
	per := float64(rss[12]-rss[1]) / 11
	t.Logf("per concurrent dense 1 MiB scan: %.1f MiB of live heap (peak RSS %.0f MiB at 1, %.0f MiB at 12, GOGC=10, admission off); admission counts %.1f MiB",
		per/(1<<20), float64(rss[1])/(1<<20), float64(rss[12])/(1<<20), float64(16<<20+64<<10)/(1<<20))
	if per > 16<<20 {
		t.Fatalf("a dense 1 MiB scan costs %.1f MiB, more than its admission weight of 16 MiB", per/(1<<20))
	}
}

// flood opens n connections to base, spread over 10 loopback source
// addresses (127.0.0.2 to 127.0.0.11), each sending one request and then
// holding the connection open without reading. It returns a function that
// closes them all.
func flood(t *testing.T, base string, n int) func() {
	t.Helper()
	addr := strings.TrimPrefix(base, "http://")
	var mu sync.Mutex
	var conns []net.Conn
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			d := net.Dialer{LocalAddr: &net.TCPAddr{IP: net.IPv4(127, 0, 0, byte(2+i%10))}, Timeout: 10 * time.Second}
			c, err := d.Dial("tcp", addr)
			if err != nil {
				return // the backlog is full: the client gives up, as real ones do
			}
			_, _ = io.WriteString(c, "GET /v1/policy/version HTTP/1.1\r\nHost: x\r\n\r\n")
			mu.Lock()
			conns = append(conns, c)
			mu.Unlock()
		}()
	}
	wg.Wait()
	return func() {
		mu.Lock()
		defer mu.Unlock()
		for _, c := range conns {
			c.Close()
		}
	}
}

// metricValue reads one sample of /metrics.
func metricValue(t *testing.T, s *server, sample string) int64 {
	t.Helper()
	_, body := s.get(t, "/metrics", nil)
	for _, line := range strings.Split(body, "\n") {
		if v, ok := strings.CutPrefix(line, sample+" "); ok {
			var n int64
			fmt.Sscan(v, &n)
			return n
		}
	}
	t.Fatalf("metrics lack %s", sample)
	return 0
}

// ulimit256 runs the binary under `ulimit -n 256` (soft and hard).
var ulimit256 = []string{"/bin/sh", "-c", `ulimit -n 256 && exec "$0" "$@"`}

// TestServeSurvivesFDExhaustion runs the real binary under ulimit -n 256
// with 400 clients holding connections. fasthttp used to return from Serve
// on "accept4: too many open files" and datafog serve exited 2. Now:
//   - with MaxConcurrency set above the limit (1000), accept fails with
//     EMFILE, is retried with backoff and counted
//     (datafog_accept_errors_total); the process stays up and serves again
//     once the clients leave;
//   - by default MaxConcurrency is sized below the limit (180, logged with
//     the limit), so the descriptors never run out: the connections past
//     it get a probe-only slot (/health answers 200, a scan 503 overloaded)
//     or a 503 at once, and everything is served when the clients leave.
func TestServeSurvivesFDExhaustion(t *testing.T) {
	if _, err := os.Stat(ulimit256[0]); err != nil {
		t.Skipf("no %s to run the server under ulimit -n 256", ulimit256[0])
	}
	if c, err := (&net.Dialer{LocalAddr: &net.TCPAddr{IP: net.IPv4(127, 0, 0, 2)}}).Dial("tcp", "127.0.0.1:1"); err != nil && !errors.Is(err, syscall.ECONNREFUSED) {
		t.Skipf("cannot dial from 127.0.0.2: %v", err)
	} else if c != nil {
		c.Close()
	}
	dir := t.TempDir()
	t.Run("MaxConcurrency above the limit", func(t *testing.T) {
		s, err := startServeListening(t, []string{"DATAFOG_RECEIPT_PATH=" + filepath.Join(dir, "a"), "DATAFOG_MAX_CONCURRENCY=1000"}, ulimit256...)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(s.stderr.String(), `"msg":"file descriptor limit","soft":256,"hard":256`) {
			t.Fatalf("limit not logged:\n%s", s.stderr.String())
		}
		leave := flood(t, s.base, 400)
		waitUntil(t, "accept to run out of descriptors", func() bool {
			return strings.Contains(s.stderr.String(), `"msg":"transport: accept failed; retrying","error":"malformed request or connection error (text withheld)","errno":"too many open files"`)
		})
		time.Sleep(500 * time.Millisecond) // the accept loop keeps retrying meanwhile
		select {
		case <-s.done:
			t.Fatalf("serve exited on descriptor exhaustion (%v):\n%s", s.err, s.stderr.String())
		default:
		}
		leave()
		waitUntil(t, "/health once the clients left", func() bool {
			code, _, err := httpDo(shortClient, "GET", s.base+"/health", "", nil)
			return err == nil && code == 200
		})
		if n := metricValue(t, s, "datafog_accept_errors_total"); n == 0 {
			t.Fatal("accept errors were not counted")
		}
		if code, body := s.post(t, "/v1/scan", `{"text":"ssn 123-45-6789"}`, nil); code != 200 {
			t.Fatalf("scan after recovery: %d %s", code, body)
		}
	})
	t.Run("default MaxConcurrency", func(t *testing.T) {
		s, err := startServeListening(t, []string{"DATAFOG_RECEIPT_PATH=" + filepath.Join(dir, "b")}, ulimit256...)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(s.stderr.String(), `"msg":"transport: connection limits","nofile":256,"max_concurrency":180,"max_conns_per_ip":45,"probe_reserve":11`) {
			t.Fatalf("limits not sized from the descriptor limit:\n%s", s.stderr.String())
		}
		leave := flood(t, s.base, 400)
		defer leave()
		// Each check on a connection of its own, as a probe makes.
		fresh := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{DisableKeepAlives: true}}
		waitUntil(t, "the clients to hold every regular slot", func() bool {
			_, body, err := httpDo(fresh, "GET", s.base+"/metrics", "", nil)
			return err == nil && strings.Contains(body, "\ndatafog_connections_open 180\n")
		})
		if code, body, err := httpDo(fresh, "GET", s.base+"/health", "", nil); err != nil || code != 200 {
			t.Fatalf("health with 400 clients holding connections: %d %s %v", code, body, err)
		}
		code, body, err := httpDo(fresh, "POST", s.base+"/v1/scan", `{"text":"a"}`, nil)
		if err != nil || code != 503 || !strings.Contains(body, `"code":"overloaded"`) {
			t.Fatalf("scan with 400 clients holding connections: %d %s %v", code, body, err)
		}
		leave()
		waitUntil(t, "a scan once the clients left", func() bool {
			code, _, err := httpDo(shortClient, "POST", s.base+"/v1/scan", `{"text":"ssn 123-45-6789"}`, nil)
			return err == nil && code == 200
		})
		if n := metricValue(t, s, `datafog_connections_rejected_total{reason="overloaded"}`); n == 0 {
			t.Fatal("no connection was refused for the cap")
		}
	})
}
