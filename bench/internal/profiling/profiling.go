// Package profiling gives every bench command the same -profile and
// -profile-dir flags, backed by github.com/pkg/profile.
package profiling

import (
	"flag"
	"fmt"
	"os"

	"github.com/pkg/profile"
)

// Kinds lists the accepted -profile values.
var Kinds = []string{"cpu", "mem", "block", "mutex", "trace"}

// Flags holds the parsed -profile and -profile-dir values.
type Flags struct {
	Kind string
	Dir  string
}

// Register adds -profile and -profile-dir to fs.
func (f *Flags) Register(fs *flag.FlagSet) {
	fs.StringVar(&f.Kind, "profile", "", "write a profile of this process: cpu, mem, block, mutex or trace")
	fs.StringVar(&f.Dir, "profile-dir", "bench/profiles", "directory for profile files")
}

// Validate reports an unknown kind.
func (f *Flags) Validate() error {
	if f.Kind == "" {
		return nil
	}
	for _, k := range Kinds {
		if k == f.Kind {
			return nil
		}
	}
	return fmt.Errorf("profiling: unknown -profile %q (want cpu, mem, block, mutex or trace)", f.Kind)
}

// Start begins the selected profile of this process and returns the
// function that stops it and writes the file into Dir (cpu.pprof,
// mem.pprof, block.pprof, mutex.pprof or trace.out). With no kind selected
// it does nothing.
func (f *Flags) Start() (stop func(), err error) {
	if err := f.Validate(); err != nil {
		return nil, err
	}
	if f.Kind == "" {
		return func() {}, nil
	}
	if err := os.MkdirAll(f.Dir, 0o750); err != nil {
		return nil, fmt.Errorf("profiling: create %s: %w", f.Dir, err)
	}
	mode := map[string]func(*profile.Profile){
		"cpu": profile.CPUProfile, "mem": profile.MemProfile, "block": profile.BlockProfile,
		"mutex": profile.MutexProfile, "trace": profile.TraceProfile,
	}[f.Kind]
	p := profile.Start(mode, profile.ProfilePath(f.Dir), profile.NoShutdownHook, profile.Quiet)
	return p.Stop, nil
}

// TestFlags returns the go test flags that make a test binary write the
// same kind of profile to path (for the suite's benchmark runs).
func (f *Flags) TestFlags(path string) []string {
	switch f.Kind {
	case "cpu":
		return []string{"-test.cpuprofile", path}
	case "mem":
		return []string{"-test.memprofile", path}
	case "block":
		return []string{"-test.blockprofile", path}
	case "mutex":
		return []string{"-test.mutexprofile", path}
	case "trace":
		return []string{"-test.trace", path}
	}
	return nil
}
