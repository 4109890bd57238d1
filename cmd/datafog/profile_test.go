//go:build unix

package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestServeProfile runs `datafog serve --profile cpu` and stops it with
// SIGTERM: the CPU profile is in --profile-dir, a gzipped pprof protobuf.
// An unknown kind exits 2 before anything is opened.
func TestServeProfile(t *testing.T) {
	bin := datafogBinary(t)
	dir := t.TempDir()
	profDir := filepath.Join(dir, "profiles")
	cmd := exec.Command(bin, "serve", "--addr", "127.0.0.1:0", "--receipts", filepath.Join(dir, "receipts"),
		"--profile", "cpu", "--profile-dir", profDir)
	cmd.Env = childEnv()
	logs := &lockedBuffer{}
	cmd.Stdout, cmd.Stderr = logs, logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	defer func() { _ = cmd.Process.Kill() }()
	waitUntil(t, "serve to listen", func() bool { return servingAddr.MatchString(logs.String()) })
	_ = cmd.Process.Signal(syscall.SIGTERM)
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("serve: %v\n%s", err, logs.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatalf("serve did not stop on SIGTERM:\n%s", logs.String())
	}
	b, err := os.ReadFile(filepath.Join(profDir, "cpu.pprof"))
	if err != nil {
		t.Fatalf("no CPU profile: %v\n%s", err, logs.String())
	}
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("cpu.pprof is not a gzipped profile: %v", err)
	}
	if body, err := io.ReadAll(zr); err != nil || len(body) == 0 {
		t.Fatalf("cpu.pprof: %d bytes, %v", len(body), err)
	}

	r := runCLI(t, nil, nil, "serve", "--profile", "heap", "--receipts", filepath.Join(dir, "r2"))
	if r.code != exitError || r.stderr != "datafog serve: 1 problem in the configuration; nothing was started:\n  - --profile: want cpu, mem, block, mutex or trace, not \"heap\"\n" {
		t.Errorf("--profile heap: code %d stderr %q", r.code, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "r2")); !os.IsNotExist(err) || strings.Contains(r.stderr, "serving") {
		t.Errorf("--profile heap opened the receipt directory (%v)", err)
	}
}
