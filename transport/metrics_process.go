package transport

import "time"

// The standard process_* metrics, under the names Prometheus' client
// uses. process_start_time_seconds is on every platform; the others come
// from procStats, which reads /proc and getrusage on Linux (see
// metrics_process_linux.go) and reports nothing elsewhere.

// processStart is when this process started: from /proc on Linux, else
// when the package was initialised (within milliseconds of it).
var processStart = func() time.Time {
	if t, ok := procStartTime(); ok {
		return t
	}
	return time.Now()
}()

// appendProcessMetrics appends the process_* metrics.
func appendProcessMetrics(dst []byte) []byte {
	st := procStats()
	if st.ok {
		dst = appendSample(dst, "process_cpu_seconds_total", "Total user and system CPU time spent in seconds.", "counter", st.cpuSeconds)
		dst = appendSample(dst, "process_open_fds", "Number of open file descriptors.", "gauge", float64(st.openFDs))
		dst = appendSample(dst, "process_max_fds", "Maximum number of open file descriptors.", "gauge", float64(st.maxFDs))
		dst = appendSample(dst, "process_virtual_memory_bytes", "Virtual memory size in bytes.", "gauge", float64(st.virtual))
		dst = appendSample(dst, "process_resident_memory_bytes", "Resident memory size in bytes.", "gauge", float64(st.resident))
	}
	return appendSample(dst, "process_start_time_seconds", "Start time of the process since unix epoch in seconds.", "gauge",
		float64(processStart.UnixMilli())/1e3)
}

// processStats are the figures procStats reads; ok is false where it
// cannot read them.
type processStats struct {
	ok                bool
	cpuSeconds        float64
	openFDs, maxFDs   uint64
	virtual, resident uint64
}
