//go:build unix

package main

import (
	"errors"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestSecondServeOnOneReceiptDirectory: while one `datafog serve` has a
// receipt directory open, a second one started on the same directory
// exits at once with status 2 and an error naming the directory, before it
// listens; the first keeps serving every receipt id it handed out, before
// and after, and the log verifies. Once the first has stopped, the lock is
// gone and a new process serves the same ids.
func TestSecondServeOnOneReceiptDirectory(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "receipts")
	vars := []string{"DATAFOG_RECEIPT_PATH=" + dir, "DATAFOG_NODE_ID=0"}
	first, err := startServe(t, vars, "")
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for range 20 {
		ids = append(ids, decideOn(t, first, nil))
	}

	second := exec.Command(datafogBinary(t), "serve", "--addr", "127.0.0.1:0")
	second.Env = childEnv(vars...)
	var out lockedBuffer
	second.Stdout, second.Stderr = &out, &out
	if err := second.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- second.Wait() }()
	var exitErr *exec.ExitError
	select {
	case err := <-exited:
		if !errors.As(err, &exitErr) || exitErr.ExitCode() != exitError {
			t.Fatalf("second serve exited with %v; want status %d\n%s", err, exitError, out.String())
		}
	case <-time.After(10 * time.Second):
		_ = second.Process.Kill()
		<-exited
		t.Fatalf("a second serve on %s is still running after 10 s:\n%s", dir, out.String())
	}
	if want := "datafog serve: receipts: open " + dir + ": directory in use by another process\n"; out.String() != want {
		t.Fatalf("second serve printed %q; want %q (and nothing else: it must not listen)", out.String(), want)
	}

	for range 20 {
		ids = append(ids, decideOn(t, first, nil))
	}
	for _, id := range ids {
		if code, got, _, _ := receiptOf(t, first, id, nil); code != 200 || got != id {
			t.Fatalf("GET %s from the first serve: %d %q", id, code, got)
		}
	}
	if err := first.stop(t); err != nil {
		t.Fatalf("first serve exit: %v\n%s", err, first.stderr.String())
	}
	if r := runCLI(t, nil, nil, "receipts", "verify", dir); r.code != exitOK || !strings.Contains(r.stdout, "40 records (40 receipts, 0 checkpoints)") {
		t.Fatalf("verify: %d %q %q", r.code, r.stdout, r.stderr)
	}

	third, err := startServe(t, vars, "")
	if err != nil {
		t.Fatalf("serve after the first stopped: %v", err)
	}
	for _, id := range ids {
		if code, got, _, _ := receiptOf(t, third, id, nil); code != 200 || got != id {
			t.Fatalf("GET %s after restart: %d %q", id, code, got)
		}
	}
}
