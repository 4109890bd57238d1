package transport

import (
	"runtime"
	"runtime/debug"
	rtmetrics "runtime/metrics"
	"runtime/pprof"
	"strconv"
	"time"
)

// The standard go_* metrics, under the names Prometheus' Go client uses,
// read from runtime/metrics (which does not stop the world) at scrape
// time. Nothing here runs on the request path.

// goGauges maps runtime/metrics names to exposed gauges.
var goGauges = [...]struct{ name, help, sample string }{
	{"go_goroutines", "Number of goroutines that currently exist.", "/sched/goroutines:goroutines"},
	{"go_memstats_alloc_bytes", "Number of bytes allocated in heap objects and still in use.", "/memory/classes/heap/objects:bytes"},
	{"go_memstats_heap_objects", "Number of currently allocated heap objects.", "/gc/heap/objects:objects"},
	{"go_memstats_sys_bytes", "Number of bytes obtained from the system.", "/memory/classes/total:bytes"},
	{"go_memstats_next_gc_bytes", "Heap size target of the next garbage collection cycle.", "/gc/heap/goal:bytes"},
	{"go_memstats_stack_inuse_bytes", "Number of bytes in stack spans.", "/memory/classes/heap/stacks:bytes"},
	{"go_gc_gogc_percent", "Heap size target percentage (GOGC).", "/gc/gogc:percent"},
	{"go_gc_gomemlimit_bytes", "Go runtime soft memory limit (GOMEMLIMIT).", "/gc/gomemlimit:bytes"},
	{"go_sched_gomaxprocs_threads", "Current GOMAXPROCS.", "/sched/gomaxprocs:threads"},
}

// goCounters maps runtime/metrics names to exposed counters.
var goCounters = [...]struct{ name, help, sample string }{
	{"go_memstats_alloc_bytes_total", "Total number of bytes allocated in heap objects.", "/gc/heap/allocs:bytes"},
	{"go_memstats_mallocs_total", "Total number of heap objects allocated.", "/gc/heap/allocs:objects"},
	{"go_memstats_frees_total", "Total number of heap objects freed.", "/gc/heap/frees:objects"},
}

// appendGoMetrics appends the go_* metrics.
func appendGoMetrics(dst []byte) []byte {
	samples := make([]rtmetrics.Sample, 0, len(goGauges)+len(goCounters))
	for _, g := range goGauges {
		samples = append(samples, rtmetrics.Sample{Name: g.sample})
	}
	for _, c := range goCounters {
		samples = append(samples, rtmetrics.Sample{Name: c.sample})
	}
	rtmetrics.Read(samples)
	value := func(s rtmetrics.Sample) float64 {
		switch s.Value.Kind() {
		case rtmetrics.KindUint64:
			return float64(s.Value.Uint64())
		case rtmetrics.KindFloat64:
			return s.Value.Float64()
		}
		return 0 // a name this runtime does not know
	}
	for i, g := range goGauges {
		dst = appendSample(dst, g.name, g.help, "gauge", value(samples[i]))
	}
	for i, c := range goCounters {
		dst = appendSample(dst, c.name, c.help, "counter", value(samples[len(goGauges)+i]))
	}
	dst = appendSample(dst, "go_threads", "Number of OS threads created.", "gauge", float64(pprof.Lookup("threadcreate").Count()))
	dst = append(dst, "# HELP go_info Information about the Go environment.\n# TYPE go_info gauge\ngo_info{version="...)
	dst = appendPromLabel(dst, runtime.Version())
	dst = append(dst, "} 1\n"...)

	// go_gc_duration_seconds: the stop-the-world pause quantiles, as the
	// Prometheus client reports them.
	var st debug.GCStats
	st.PauseQuantiles = make([]time.Duration, 5)
	debug.ReadGCStats(&st)
	dst = append(dst, "# HELP go_gc_duration_seconds A summary of the wall-time pause (stop-the-world) duration in garbage collection cycles.\n# TYPE go_gc_duration_seconds summary\n"...)
	var sum time.Duration
	for _, p := range st.Pause {
		sum += p
	}
	for i, q := range [...]string{"0", "0.25", "0.5", "0.75", "1"} {
		var v time.Duration
		if st.NumGC > 0 {
			v = st.PauseQuantiles[i]
		}
		dst = append(dst, `go_gc_duration_seconds{quantile="`+q+`"} `...)
		dst = strconv.AppendFloat(dst, v.Seconds(), 'g', -1, 64)
		dst = append(dst, '\n')
	}
	dst = append(dst, "go_gc_duration_seconds_sum "...)
	dst = strconv.AppendFloat(dst, st.PauseTotal.Seconds(), 'g', -1, 64)
	dst = append(dst, "\ngo_gc_duration_seconds_count "...)
	dst = strconv.AppendInt(dst, st.NumGC, 10)
	dst = append(dst, '\n')
	if !st.LastGC.IsZero() {
		dst = appendSample(dst, "go_memstats_last_gc_time_seconds", "Number of seconds since 1970 of last garbage collection.", "gauge",
			float64(st.LastGC.UnixNano())/1e9)
	}
	return dst
}

// appendSample appends one unlabelled metric with its HELP and TYPE lines.
func appendSample(dst []byte, name, help, typ string, v float64) []byte {
	dst = append(dst, "# HELP "...)
	dst = append(dst, name...)
	dst = append(dst, ' ')
	dst = append(dst, help...)
	dst = append(dst, "\n# TYPE "...)
	dst = append(dst, name...)
	dst = append(dst, ' ')
	dst = append(dst, typ...)
	dst = append(dst, '\n')
	dst = append(dst, name...)
	dst = append(dst, ' ')
	dst = strconv.AppendFloat(dst, v, 'g', -1, 64)
	return append(dst, '\n')
}
