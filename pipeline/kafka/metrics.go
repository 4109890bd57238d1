package kafka

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

// State is what the pipeline is doing, as /health and the
// datafog_pipeline_state metric report it.
type State int32

// The states.
const (
	StateStarting State = iota // connecting and checking the topics
	StateRunning               // consuming, redacting and committing
	StateRetrying              // the brokers failed; waiting to try again
	StateStopping              // finishing the open transaction
	StateStopped               // stopped cleanly
	StateFailed                // stopped on an error
)

var stateNames = [...]string{"starting", "running", "retrying", "stopping", "stopped", "failed"}

// String returns the state's name.
func (s State) String() string {
	if s < 0 || int(s) >= len(stateNames) {
		return "unknown"
	}
	return stateNames[s]
}

// batchBuckets are the upper bounds, in seconds, of the batch latency
// histogram.
var batchBuckets = [...]float64{0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30}

// Metrics counts what the pipeline does. Counters are updated once per
// partition per batch, never per record under a lock, and nothing in them
// holds record content: labels are entity types, reason codes, topics
// and partition numbers. It is safe for concurrent use.
type Metrics struct {
	recordsIn, recordsOut, bytesIn, bytesOut atomic.Uint64
	receipts, unredacted                     atomic.Uint64
	deadLettered                             [len(reasonCodes)]atomic.Uint64
	txCommitted, txAborted                   atomic.Uint64
	retries, fenced, fetchErrors             atomic.Uint64
	policyReloads, policyReloadFailures      atomic.Uint64
	state                                    atomic.Int32
	lastCommit                               atomic.Int64 // Unix nanoseconds

	mu       sync.Mutex
	findings map[string]uint64
	lag      map[ChainID]int64
	buckets  [len(batchBuckets) + 1]uint64
	latSum   float64
	latCount uint64
}

// NewMetrics returns zeroed metrics in StateStarting.
func NewMetrics() *Metrics {
	return &Metrics{findings: map[string]uint64{}, lag: map[ChainID]int64{}}
}

// SetState records the pipeline's state.
func (m *Metrics) SetState(s State) { m.state.Store(int32(s)) }

// State returns the pipeline's state.
func (m *Metrics) State() State { return State(m.state.Load()) }

// PolicyReloaded counts a policy reload: ok false for one refused.
func (m *Metrics) PolicyReloaded(ok bool) {
	if ok {
		m.policyReloads.Add(1)
	} else {
		m.policyReloadFailures.Add(1)
	}
}

// tally is one goroutine's counts for one partition of a batch.
type tally struct {
	in, out, bytesIn, bytesOut, receipts uint64
	unredacted                           uint64
	dead                                 [len(reasonCodes)]uint64
	findings                             []TypeCount
}

// deadLetter counts one record dead-lettered for reason code.
func (t *tally) deadLetter(code string) {
	for i, c := range reasonCodes {
		if c == code {
			t.dead[i]++
		}
	}
}

// add merges a tally of a committed batch.
func (m *Metrics) add(t *tally) {
	m.recordsIn.Add(t.in)
	m.recordsOut.Add(t.out)
	m.bytesIn.Add(t.bytesIn)
	m.bytesOut.Add(t.bytesOut)
	m.receipts.Add(t.receipts)
	m.unredacted.Add(t.unredacted)
	for i, n := range t.dead {
		if n > 0 {
			m.deadLettered[i].Add(n)
		}
	}
	if len(t.findings) > 0 {
		m.mu.Lock()
		for _, f := range t.findings {
			m.findings[f.Type] += uint64(f.Count) // #nosec G115 -- a count, never negative
		}
		m.mu.Unlock()
	}
}

// setLag records the consumer lag of one input partition.
func (m *Metrics) setLag(c ChainID, lag int64) {
	m.mu.Lock()
	m.lag[c] = lag
	m.mu.Unlock()
}

// dropLag forgets the lag of partitions no longer assigned.
func (m *Metrics) dropLag(parts map[string][]int32) {
	m.mu.Lock()
	for t, ps := range parts {
		for _, p := range ps {
			delete(m.lag, ChainID{t, p})
		}
	}
	m.mu.Unlock()
}

// batchDone records one transaction (or at-least-once batch) and its
// latency.
func (m *Metrics) batchDone(committed bool, took time.Duration) {
	if committed {
		m.txCommitted.Add(1)
		m.lastCommit.Store(time.Now().UnixNano())
	} else {
		m.txAborted.Add(1)
	}
	s := took.Seconds()
	i := sort.SearchFloat64s(batchBuckets[:], s)
	m.mu.Lock()
	m.buckets[i]++
	m.latSum += s
	m.latCount++
	m.mu.Unlock()
}

// Snapshot is a copy of the counters, for tests and reports.
type Snapshot struct {
	RecordsIn, RecordsOut, DeadLettered, Receipts uint64
	Committed, Aborted, Retries, Fenced           uint64
	Findings                                      map[string]uint64
}

// Snapshot returns the current counters.
func (m *Metrics) Snapshot() Snapshot {
	s := Snapshot{RecordsIn: m.recordsIn.Load(), RecordsOut: m.recordsOut.Load(), Receipts: m.receipts.Load(),
		Committed: m.txCommitted.Load(), Aborted: m.txAborted.Load(), Retries: m.retries.Load(), Fenced: m.fenced.Load(),
		Findings: map[string]uint64{}}
	for i := range m.deadLettered {
		s.DeadLettered += m.deadLettered[i].Load()
	}
	m.mu.Lock()
	for k, v := range m.findings {
		s.Findings[k] = v
	}
	m.mu.Unlock()
	return s
}

// WritePrometheus writes every metric in the Prometheus text format 0.0.4.
func (m *Metrics) WritePrometheus(w io.Writer) error {
	bw := bufio.NewWriter(w)
	counter := func(name, help string, v uint64) {
		fmt.Fprintf(bw, "# HELP %s %s\n# TYPE %s counter\n%s %d\n", name, help, name, name, v)
	}
	counter("datafog_pipeline_records_in_total", "Input records processed in committed batches.", m.recordsIn.Load())
	counter("datafog_pipeline_records_out_total", "Redacted records written to the output topic in committed batches.", m.recordsOut.Load())
	counter("datafog_pipeline_bytes_in_total", "Input value bytes processed in committed batches.", m.bytesIn.Load())
	counter("datafog_pipeline_bytes_out_total", "Output value bytes written in committed batches.", m.bytesOut.Load())
	counter("datafog_pipeline_receipts_total", "Receipt records written in committed batches.", m.receipts.Load())
	counter("datafog_pipeline_findings_unredacted_total", "Findings left in place (JSON object keys).", m.unredacted.Load())
	fmt.Fprintf(bw, "# HELP datafog_pipeline_records_dead_lettered_total Records that could not be processed, by reason.\n# TYPE datafog_pipeline_records_dead_lettered_total counter\n")
	for i, code := range reasonCodes {
		fmt.Fprintf(bw, "datafog_pipeline_records_dead_lettered_total{reason=%q} %d\n", code, m.deadLettered[i].Load())
	}
	counter("datafog_pipeline_transactions_committed_total", "Transactions (at-least-once: batches) committed.", m.txCommitted.Load())
	counter("datafog_pipeline_transactions_aborted_total", "Transactions (at-least-once: batches) aborted or failed, to be retried from the last committed offsets.", m.txAborted.Load())
	counter("datafog_pipeline_retries_total", "Times the pipeline rebuilt its Kafka session after an error.", m.retries.Load())
	counter("datafog_pipeline_fenced_total", "Times another worker with the same transactional id fenced this one.", m.fenced.Load())
	counter("datafog_pipeline_fetch_errors_total", "Fetch errors reported by the client (it retries them).", m.fetchErrors.Load())
	counter("datafog_pipeline_policy_reloads_total", "Policies swapped in by a reload.", m.policyReloads.Load())
	counter("datafog_pipeline_policy_reload_failures_total", "Policy reloads refused; the policy in force stays.", m.policyReloadFailures.Load())

	fmt.Fprintf(bw, "# HELP datafog_pipeline_state The pipeline's state (1 for the current one).\n# TYPE datafog_pipeline_state gauge\n")
	cur := m.State()
	for i, name := range stateNames {
		v := 0
		if State(i) == cur {
			v = 1
		}
		fmt.Fprintf(bw, "datafog_pipeline_state{state=%q} %d\n", name, v)
	}
	last := m.lastCommit.Load()
	fmt.Fprintf(bw, "# HELP datafog_pipeline_last_commit_timestamp_seconds Time of the last committed batch (0: none yet).\n# TYPE datafog_pipeline_last_commit_timestamp_seconds gauge\ndatafog_pipeline_last_commit_timestamp_seconds %s\n",
		strconv.FormatFloat(float64(last)/1e9, 'f', 3, 64))

	m.mu.Lock()
	types := make([]string, 0, len(m.findings))
	for t := range m.findings {
		types = append(types, t)
	}
	sort.Strings(types)
	fmt.Fprintf(bw, "# HELP datafog_pipeline_findings_total Findings replaced, by entity type.\n# TYPE datafog_pipeline_findings_total counter\n")
	for _, t := range types {
		fmt.Fprintf(bw, "datafog_pipeline_findings_total{entity_type=%q} %d\n", t, m.findings[t])
	}
	parts := make([]ChainID, 0, len(m.lag))
	for c := range m.lag {
		parts = append(parts, c)
	}
	sort.Slice(parts, func(i, j int) bool {
		return parts[i].Topic < parts[j].Topic || parts[i].Topic == parts[j].Topic && parts[i].Partition < parts[j].Partition
	})
	fmt.Fprintf(bw, "# HELP datafog_pipeline_consumer_lag Records between this worker's position and the high watermark, per assigned input partition, as of its last batch.\n# TYPE datafog_pipeline_consumer_lag gauge\n")
	for _, c := range parts {
		fmt.Fprintf(bw, "datafog_pipeline_consumer_lag{topic=%q,partition=\"%d\"} %d\n", c.Topic, c.Partition, m.lag[c])
	}
	fmt.Fprintf(bw, "# HELP datafog_pipeline_batch_duration_seconds Time from the first record of a batch to its commit or abort.\n# TYPE datafog_pipeline_batch_duration_seconds histogram\n")
	var cum uint64
	for i, le := range batchBuckets {
		cum += m.buckets[i]
		fmt.Fprintf(bw, "datafog_pipeline_batch_duration_seconds_bucket{le=\"%g\"} %d\n", le, cum)
	}
	cum += m.buckets[len(batchBuckets)]
	fmt.Fprintf(bw, "datafog_pipeline_batch_duration_seconds_bucket{le=\"+Inf\"} %d\n", cum)
	fmt.Fprintf(bw, "datafog_pipeline_batch_duration_seconds_sum %s\ndatafog_pipeline_batch_duration_seconds_count %d\n",
		strconv.FormatFloat(roundMicro(m.latSum), 'f', -1, 64), m.latCount)
	m.mu.Unlock()
	return bw.Flush()
}

// roundMicro rounds seconds to microseconds, for stable output.
func roundMicro(s float64) float64 { return math.Round(s*1e6) / 1e6 }
