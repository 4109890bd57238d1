//go:build unix

package main

import (
	"os"
	"syscall"
)

// inodeOf returns the file's inode number, so a replaced file (a ConfigMap
// update swaps a symlink) counts as changed even with the same size and time.
func inodeOf(st os.FileInfo) uint64 {
	if s, ok := st.Sys().(*syscall.Stat_t); ok {
		return s.Ino
	}
	return 0
}
