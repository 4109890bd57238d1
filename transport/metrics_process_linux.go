//go:build linux

package transport

import (
	"bytes"
	"os"
	"strconv"
	"syscall"
	"time"
)

// procStats reads the process's CPU time (getrusage), descriptors
// (/proc/self/fd and RLIMIT_NOFILE) and memory (/proc/self/statm).
func procStats() processStats {
	var st processStats
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return st
	}
	st.cpuSeconds = float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
	if fds, err := os.ReadDir("/proc/self/fd"); err == nil {
		st.openFDs = uint64(len(fds))
	}
	st.maxFDs = fileLimit()
	statm, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return st
	}
	f := bytes.Fields(statm)
	if len(f) < 2 {
		return st
	}
	size, err1 := strconv.ParseUint(string(f[0]), 10, 64)
	rss, err2 := strconv.ParseUint(string(f[1]), 10, 64)
	if err1 != nil || err2 != nil {
		return st
	}
	page := uint64(os.Getpagesize()) // #nosec G115 -- a page size is positive
	st.virtual, st.resident, st.ok = size*page, rss*page, true
	return st
}

// userHZ is the unit of the clock-tick fields of /proc: USER_HZ, which
// Linux fixes at 100 for user space on every architecture.
const userHZ = 100

// procStartTime reads the process start time: its start in clock ticks
// after boot (/proc/self/stat field 22) plus the boot time (btime in
// /proc/stat).
func procStartTime() (time.Time, bool) {
	stat, err := os.ReadFile("/proc/self/stat")
	if err != nil {
		return time.Time{}, false
	}
	// The command name (field 2) is in parentheses and may hold spaces;
	// the fields after it start at field 3.
	i := bytes.LastIndexByte(stat, ')')
	if i < 0 {
		return time.Time{}, false
	}
	fields := bytes.Fields(stat[i+1:])
	if len(fields) < 20 {
		return time.Time{}, false
	}
	ticks, err := strconv.ParseUint(string(fields[19]), 10, 64)
	if err != nil {
		return time.Time{}, false
	}
	sys, err := os.ReadFile("/proc/stat")
	if err != nil {
		return time.Time{}, false
	}
	for _, line := range bytes.Split(sys, []byte{'\n'}) {
		if rest, ok := bytes.CutPrefix(line, []byte("btime ")); ok {
			boot, err := strconv.ParseInt(string(bytes.TrimSpace(rest)), 10, 64)
			if err != nil {
				return time.Time{}, false
			}
			ms := boot*1000 + int64(ticks)*1000/userHZ // #nosec G115 -- ticks since boot fit an int64
			return time.UnixMilli(ms), true
		}
	}
	return time.Time{}, false
}
