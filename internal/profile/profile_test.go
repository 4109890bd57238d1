package profile

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"
)

// TestStartWritesEveryKind starts and stops each kind and checks the file:
// a gzipped pprof protobuf for the pprof kinds, a Go execution trace for
// trace; the runtime's sampling rates are back where they were afterwards.
func TestStartWritesEveryKind(t *testing.T) {
	rate := runtime.MemProfileRate
	mutex := runtime.SetMutexProfileFraction(-1)
	for _, kind := range Kinds {
		dir := filepath.Join(t.TempDir(), "profiles")
		stop, err := Start(kind, dir)
		if err != nil {
			t.Fatalf("%s: %v", kind, err)
		}
		busy()
		if err := stop(); err != nil {
			t.Fatalf("%s: stop: %v", kind, err)
		}
		if err := stop(); err != nil {
			t.Fatalf("%s: second stop: %v", kind, err)
		}
		b, err := os.ReadFile(filepath.Join(dir, FileName(kind)))
		if err != nil {
			t.Fatalf("%s: %v", kind, err)
		}
		if kind == "trace" {
			if !bytes.HasPrefix(b, []byte("go 1.")) {
				t.Errorf("trace: file starts %q, want a Go trace header", b[:min(len(b), 16)])
			}
			continue
		}
		zr, err := gzip.NewReader(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("%s: not a gzipped profile: %v", kind, err)
		}
		if body, err := io.ReadAll(zr); err != nil || len(body) == 0 {
			t.Errorf("%s: profile body %d bytes, %v", kind, len(body), err)
		}
	}
	if runtime.MemProfileRate != rate {
		t.Errorf("MemProfileRate %d after mem profile, want %d", runtime.MemProfileRate, rate)
	}
	if got := runtime.SetMutexProfileFraction(-1); got != mutex {
		t.Errorf("mutex fraction %d after mutex profile, want %d", got, mutex)
	}
}

// TestStartRefusesUnknownKind names the accepted kinds and creates nothing.
func TestStartRefusesUnknownKind(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "p")
	_, err := Start("heap", dir)
	if err == nil || err.Error() != `profile: unknown kind "heap" (want cpu, mem, block, mutex or trace)` {
		t.Fatalf("Start(heap) = %v", err)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Fatalf("directory created for an unknown kind: %v", err)
	}
}

// busy allocates, blocks and contends a little so every profile has data.
func busy() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	sink := make([][]byte, 0, 256)
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 64; j++ {
				mu.Lock()
				sink = append(sink, make([]byte, 4096))
				time.Sleep(10 * time.Microsecond)
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	_ = sink
}
