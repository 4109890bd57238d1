package receipts

import (
	"context"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// benchRecord is a receipt whose stored form is about 1 KB.
func benchRecord(l *Log, i int) *Record {
	r := sampleRecord(l, i)
	r.Reason = strings.Repeat("policy rule matched; ", 16)
	r.Findings = append(r.Findings, r.Findings[0], r.Findings[0])
	return r
}

// benchAppend runs b.N appends from workers goroutines and reports durable
// receipts per second and the p99 Append latency.
func benchAppend(b *testing.B, workers int, mod func(*Options)) {
	dir := filepath.Join(b.TempDir(), "r")
	l := openTest(b, dir, func(o *Options) {
		o.SegmentSize = 256 << 20
		if mod != nil {
			mod(o)
		}
	})
	defer l.Close()
	size := len(l.encode(nil, benchRecord(l, 0)))
	b.SetBytes(int64(size))
	b.ReportAllocs()
	var next atomic.Int64
	lat := make([][]time.Duration, workers)
	b.ResetTimer()
	start := time.Now()
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rec := benchRecord(l, w)
			for next.Add(1) <= int64(b.N) {
				t0 := time.Now()
				rec.Timestamp = time.Time{}
				if _, err := l.Append(context.Background(), rec); err != nil {
					b.Error(err)
					return
				}
				lat[w] = append(lat[w], time.Since(t0))
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	b.StopTimer()
	all := slices.Concat(lat...)
	slices.Sort(all)
	b.ReportMetric(float64(b.N)/elapsed.Seconds(), "receipts/s")
	if len(all) > 0 {
		b.ReportMetric(float64(all[len(all)*99/100].Microseconds()), "p99-µs")
	}
	st := l.Stats()
	if st.Batches > 0 {
		b.ReportMetric(float64(st.Records)/float64(st.Batches), "records/batch")
		b.ReportMetric(float64(st.SyncNanos)/float64(st.Syncs)/1e3, "fdatasync-µs")
	}
}

// BenchmarkAppend256 is the group-commit workload: 256 concurrent appenders
// of ~1 KB records.
func BenchmarkAppend256(b *testing.B) { benchAppend(b, 256, nil) }

// BenchmarkAppend256SyncEach is its baseline: the same workload with one
// write and one fdatasync per append (batches of one).
func BenchmarkAppend256SyncEach(b *testing.B) {
	benchAppend(b, 256, func(o *Options) { o.MaxBatchCount = 1 })
}

// BenchmarkAppendLatency64 reports the p99 Append latency at 64 appenders.
func BenchmarkAppendLatency64(b *testing.B) { benchAppend(b, 64, nil) }

var getLog struct {
	once sync.Once
	l    *Log
	ids  []string
	err  error
	tmp  string // removed by TestMain
}

// TestMain removes the Get benchmark's temporary log after the run.
func TestMain(m *testing.M) {
	code := m.Run()
	if getLog.l != nil {
		getLog.l.Close()
	}
	if getLog.tmp != "" {
		os.RemoveAll(getLog.tmp)
	}
	os.Exit(code)
}

// benchGetLog builds (once per process) a log of DATAFOG_BENCH_GET_RECORDS
// receipts (default 20000) of ~1 KB. DATAFOG_BENCH_GET_DIR keeps it in a
// named directory and reuses it on later runs.
func benchGetLog(b *testing.B) (*Log, []string) {
	getLog.once.Do(func() {
		n := 20000
		if s := os.Getenv("DATAFOG_BENCH_GET_RECORDS"); s != "" {
			n, getLog.err = strconv.Atoi(s)
		}
		dir := os.Getenv("DATAFOG_BENCH_GET_DIR")
		if dir == "" {
			getLog.tmp, getLog.err = os.MkdirTemp("", "receipts-bench-get")
			dir = filepath.Join(getLog.tmp, "r")
		}
		if getLog.err != nil {
			return
		}
		l, err := Open(Options{Dir: dir, NodeID: "n1", Logger: quiet, SegmentSize: 256 << 20})
		if err != nil {
			getLog.err = err
			return
		}
		getLog.l = l
		l.Walk(func(r *Record) error { getLog.ids = append(getLog.ids, r.ReceiptID); return nil })
		var mu sync.Mutex
		var next atomic.Int64
		next.Store(int64(len(getLog.ids)))
		var wg sync.WaitGroup
		for w := range 256 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				rec := benchRecord(l, w)
				for next.Add(1) <= int64(n) {
					rec.Timestamp = time.Time{}
					id, err := l.Append(context.Background(), rec)
					if err != nil {
						getLog.err = err
						return
					}
					mu.Lock()
					getLog.ids = append(getLog.ids, id)
					mu.Unlock()
				}
			}()
		}
		wg.Wait()
	})
	if getLog.err != nil {
		b.Fatal(getLog.err)
	}
	return getLog.l, getLog.ids
}

// BenchmarkGet looks up random ids in a large log and reports the p99
// latency. Set DATAFOG_BENCH_GET_RECORDS for the log size.
func BenchmarkGet(b *testing.B) {
	l, ids := benchGetLog(b)
	b.ReportMetric(float64(len(ids)), "log-receipts")
	rng := rand.New(rand.NewPCG(3, 4))
	lat := make([]time.Duration, 0, b.N)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		id := ids[rng.IntN(len(ids))]
		t0 := time.Now()
		if _, err := l.Get(id); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(t0))
	}
	b.StopTimer()
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)*99/100].Nanoseconds())/1e3, "p99-µs")
	b.ReportMetric(float64(len(ids)), "log-receipts")
}

// BenchmarkPrepare measures the work Append does on the caller's goroutine
// before handing a record to the writer: validate, encode, digest. It is the
// per-record CPU cost that group commit cannot share.
func BenchmarkPrepare(b *testing.B) {
	l := openTest(b, filepath.Join(b.TempDir(), "r"), nil)
	defer l.Close()
	rec := benchRecord(l, 0)
	rec.Timestamp = time.Date(2026, 1, 2, 3, 4, 5, 6, time.UTC)
	// The findings summary, as Append fills it before the work measured.
	s := l.NewFindingSet()
	for _, f := range rec.Findings {
		s.Add(f)
	}
	if err := s.Fill(rec); err != nil {
		b.Fatal(err)
	}
	var payload []byte
	b.ReportAllocs()
	for b.Loop() {
		if err := rec.validate(); err != nil {
			b.Fatal(err)
		}
		payload = l.encode(payload[:0], rec)
		_ = payloadDigest(payload)
	}
	b.SetBytes(int64(len(payload)))
}
