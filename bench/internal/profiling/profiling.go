// Package profiling gives every bench command the same -profile and
// -profile-dir flags, backed by internal/profile (runtime/pprof and
// runtime/trace), the package behind `datafog serve --profile`.
package profiling

import (
	"flag"
	"fmt"

	"github.com/datafog/datafog-api/internal/profile"
)

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
	if profile.Valid(f.Kind) {
		return nil
	}
	return fmt.Errorf("profiling: unknown -profile %q (want cpu, mem, block, mutex or trace)", f.Kind)
}

// Start begins the selected profile of this process and returns the
// function that stops it and writes the file into Dir (cpu.pprof,
// mem.pprof, block.pprof, mutex.pprof or trace.out). With no kind selected
// it does nothing.
func (f *Flags) Start() (stop func() error, err error) {
	if err := f.Validate(); err != nil {
		return nil, err
	}
	if f.Kind == "" {
		return func() error { return nil }, nil
	}
	return profile.Start(f.Kind, f.Dir)
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
