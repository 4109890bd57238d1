package main

import (
	"fmt"
	"io"

	"github.com/datafog/datafog-api/internal/profile"
)

// startProfile starts serve's --profile of kind mode, written into dir when
// the returned function runs (at shutdown); a failure to write it is
// reported on stderr. With mode empty it does nothing.
func startProfile(mode, dir string, stderr io.Writer) (func(), error) {
	if mode == "" {
		return func() {}, nil
	}
	if !profile.Valid(mode) {
		return nil, fmt.Errorf("--profile: want cpu, mem, block, mutex or trace, not %q", mode)
	}
	stop, err := profile.Start(mode, dir)
	if err != nil {
		return nil, err
	}
	return func() {
		if err := stop(); err != nil {
			fmt.Fprintln(stderr, "datafog serve:", err)
		}
	}, nil
}
