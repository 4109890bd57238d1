//go:build !linux

package baseline

import "os"

// datasync flushes f to stable storage (fsync where fdatasync is missing).
func datasync(f *os.File) error { return f.Sync() }
