//go:build !unix

package transport

// RaiseFileLimit does nothing where RLIMIT_NOFILE does not exist; it
// reports no limit.
func RaiseFileLimit() (soft, hard uint64, err error) { return 0, 0, nil }

// fileLimit reports no limit.
func fileLimit() uint64 { return 0 }
