// Package profile writes one profile of the running process into a
// directory, using only runtime/pprof and runtime/trace. It backs
// `datafog serve --profile` and the bench commands' -profile flag.
//
// Each kind writes one file on stop: cpu.pprof, mem.pprof (the heap
// profile, sampled every 4 KiB allocated while it runs), block.pprof and
// mutex.pprof (every blocking event and every contended lock while it
// runs) or trace.out (an execution trace, for `go tool trace`).
package profile

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"runtime/trace"
	"slices"
	"sync"
)

// Kinds lists the accepted kinds.
var Kinds = []string{"cpu", "mem", "block", "mutex", "trace"}

// memProfileRate is the heap sampling interval, in bytes, while a mem
// profile runs (the runtime's default samples every 512 KiB).
const memProfileRate = 4096

// FileName returns the name of the file a profile of kind is written to.
func FileName(kind string) string {
	if kind == "trace" {
		return "trace.out"
	}
	return kind + ".pprof"
}

// Valid reports whether kind is one of Kinds.
func Valid(kind string) bool { return slices.Contains(Kinds, kind) }

// Start creates dir (mode 0750) if needed and the profile's file in it, and
// starts a profile of kind. The returned stop function ends the profile,
// writes the file and closes it; it returns the first error and may be
// called more than once.
func Start(kind, dir string) (stop func() error, err error) {
	if !Valid(kind) {
		return nil, fmt.Errorf("profile: unknown kind %q (want cpu, mem, block, mutex or trace)", kind)
	}
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return nil, fmt.Errorf("profile: create %s: %w", dir, err)
	}
	path := filepath.Join(dir, FileName(kind))
	f, err := os.OpenFile(filepath.Clean(path), os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return nil, fmt.Errorf("profile: %w", err)
	}
	var finish func() error
	switch kind {
	case "cpu":
		if err := pprof.StartCPUProfile(f); err != nil {
			_ = f.Close()
			return nil, fmt.Errorf("profile: start cpu profile: %w", err)
		}
		finish = func() error { pprof.StopCPUProfile(); return nil }
	case "trace":
		if err := trace.Start(f); err != nil {
			_ = f.Close()
			return nil, fmt.Errorf("profile: start trace: %w", err)
		}
		finish = func() error { trace.Stop(); return nil }
	case "mem":
		prev := runtime.MemProfileRate
		runtime.MemProfileRate = memProfileRate
		finish = func() error {
			runtime.GC() // the heap profile shows the state as of the last GC
			err := pprof.Lookup("heap").WriteTo(f, 0)
			runtime.MemProfileRate = prev
			return err
		}
	case "block":
		runtime.SetBlockProfileRate(1)
		finish = func() error {
			err := pprof.Lookup("block").WriteTo(f, 0)
			runtime.SetBlockProfileRate(0)
			return err
		}
	case "mutex":
		prev := runtime.SetMutexProfileFraction(1)
		finish = func() error {
			err := pprof.Lookup("mutex").WriteTo(f, 0)
			runtime.SetMutexProfileFraction(prev)
			return err
		}
	}
	var once sync.Once
	var stopErr error
	return func() error {
		once.Do(func() {
			err := finish()
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				stopErr = fmt.Errorf("profile: write %s: %w", path, err)
			}
		})
		return stopErr
	}, nil
}
