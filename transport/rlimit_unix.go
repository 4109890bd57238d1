//go:build unix

package transport

import "syscall"

// RaiseFileLimit raises the soft RLIMIT_NOFILE to the hard limit and
// returns both. (Go's runtime already does this at start-up on most Unix
// systems; doing it again is harmless and makes the value certain.) Every
// connection takes one descriptor, so the limit sizes the default
// MaxConcurrency (see DefaultConcurrency).
func RaiseFileLimit() (soft, hard uint64, err error) {
	var r syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &r); err != nil {
		return 0, 0, err
	}
	if r.Cur < r.Max {
		want := r
		want.Cur = r.Max
		if err := syscall.Setrlimit(syscall.RLIMIT_NOFILE, &want); err == nil {
			r = want
		}
	}
	return uint64(r.Cur), uint64(r.Max), nil // #nosec G115 -- rlimit fields are unsigned on every unix but a few 64-bit signed ones, never negative
}

// fileLimit returns the soft RLIMIT_NOFILE, or 0 when it cannot be read.
func fileLimit() uint64 {
	var r syscall.Rlimit
	if syscall.Getrlimit(syscall.RLIMIT_NOFILE, &r) != nil {
		return 0
	}
	return uint64(r.Cur) // #nosec G115 -- see RaiseFileLimit
}
