//go:build !linux

package transport

import "time"

// procStats reports nothing outside Linux.
func procStats() processStats { return processStats{} }

// procStartTime is unknown outside Linux; the package's start stands in.
func procStartTime() (time.Time, bool) { return time.Time{}, false }
