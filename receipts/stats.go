package receipts

import (
	"sync/atomic"
	"time"
)

// Stats is a snapshot of the log's counters for /metrics.
type Stats struct {
	Batches          uint64 // group commits made
	Records          uint64 // records made durable
	Bytes            uint64 // bytes written and synced
	LastBatchRecords uint64
	LastBatchBytes   uint64
	Syncs            uint64 // fdatasync calls
	SyncNanos        uint64 // total time spent in fdatasync
	// SyncLatency counts syncs by duration: SyncLatency[i] counts those at
	// most SyncBuckets[i] (and above SyncBuckets[i-1]); the last element
	// counts the rest. Counts are not cumulative.
	SyncLatency   [len(SyncBuckets) + 1]uint64
	ActiveSegment uint64
	Failed        bool
	// Recoveries counts the times a failed log recovered in place.
	Recoveries uint64
}

// SyncBuckets are the upper bounds of Stats.SyncLatency.
var SyncBuckets = [...]time.Duration{
	100 * time.Microsecond, 250 * time.Microsecond, 500 * time.Microsecond,
	time.Millisecond, 2500 * time.Microsecond, 5 * time.Millisecond,
	10 * time.Millisecond, 25 * time.Millisecond, 100 * time.Millisecond,
}

type counters struct {
	batches, records, bytes, lastRecords, lastBytes, syncs, syncNanos, recoveries atomic.Uint64
	latency                                                                       [len(SyncBuckets) + 1]atomic.Uint64
}

func (c *counters) observeSync(d time.Duration) {
	c.syncs.Add(1)
	if d < 0 { // a monotonic-clock duration; the guard lets the conversion be proven
		d = 0
	}
	c.syncNanos.Add(uint64(d))
	i := 0
	for i < len(SyncBuckets) && d > SyncBuckets[i] {
		i++
	}
	c.latency[i].Add(1)
}

// Stats returns a snapshot of the counters.
func (l *Log) Stats() Stats {
	s := Stats{
		Batches:          l.stats.batches.Load(),
		Records:          l.stats.records.Load(),
		Bytes:            l.stats.bytes.Load(),
		LastBatchRecords: l.stats.lastRecords.Load(),
		LastBatchBytes:   l.stats.lastBytes.Load(),
		Syncs:            l.stats.syncs.Load(),
		SyncNanos:        l.stats.syncNanos.Load(),
		ActiveSegment:    l.committed.Load() >> 32,
		Failed:           l.Err() != nil,
		Recoveries:       l.stats.recoveries.Load(),
	}
	for i := range s.SyncLatency {
		s.SyncLatency[i] = l.stats.latency[i].Load()
	}
	return s
}
