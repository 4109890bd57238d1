//go:build linux

package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
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

// mountTmpfs mounts a tmpfs of the given size on a fresh directory, or
// skips the test where mount is not permitted.
func mountTmpfs(t *testing.T, size string) string {
	t.Helper()
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size="+size+",mode=0700"); err != nil {
		t.Skipf("skipping the real full-disk test: cannot mount a %s tmpfs on %s (%v); it needs root or CAP_SYS_ADMIN", size, dir, err)
	}
	t.Cleanup(func() {
		if err := syscall.Unmount(dir, syscall.MNT_DETACH); err != nil {
			t.Errorf("unmount %s: %v", dir, err)
		}
	})
	return dir
}

// fillDisk writes a file in dir until the file system is full.
func fillDisk(t *testing.T, dir string) string {
	t.Helper()
	p := filepath.Join(dir, "filler")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	chunk := make([]byte, 4096)
	for {
		if _, err := f.Write(chunk); err != nil {
			if !errors.Is(err, syscall.ENOSPC) {
				t.Fatal(err)
			}
			return p
		}
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
	mnt := mountTmpfs(t, "2m")
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
	filler := fillDisk(t, mnt)
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
	if !strings.Contains(s.stderr.String(), `"msg":"receipts: log recovered; receipts are acknowledged again"`) {
		t.Fatalf("no recovery logged:\n%s", s.stderr.String())
	}
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
