//go:build !unix

package main

import "os"

// inodeOf is 0 where the platform has no inode numbers.
func inodeOf(os.FileInfo) uint64 { return 0 }
