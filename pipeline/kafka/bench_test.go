package kafka

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/twmb/franz-go/pkg/kfake"
	"github.com/twmb/franz-go/pkg/kgo"

	"github.com/datafog/datafog-api/engine/transform"
)

// benchRecordCount is how many distinct records the benchmarks cycle
// through.
const benchRecordCount = 4096

// benchRecords are 1 KB JSON log records (1,000 to 1,050 bytes): request
// and trace ids, timestamps, an IP address and an email in every record, a
// phone number in one of four, a card number in one of ten, and a message.
var benchRecords = sync.OnceValue(func() [][]byte {
	rng := rand.New(rand.NewPCG(42, 17)) // #nosec G404 -- deterministic test data
	hexs := func(n int) string {
		const digits = "0123456789abcdef"
		b := make([]byte, n)
		for i := range b {
			b[i] = digits[rng.IntN(16)]
		}
		return string(b)
	}
	paths := []string{"/v1/orders", "/v1/payments/authorize", "/v1/users/profile", "/v1/cart/items", "/healthz"}
	agents := []string{"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36",
		"okhttp/4.12.0", "curl/8.5.0", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15"}
	out := make([][]byte, benchRecordCount)
	for i := range out {
		b := fmt.Appendf(nil, `{"ts":"2026-11-%02dT%02d:%02d:%02d.%03dZ","level":"info","service":"checkout","host":"checkout-%d","trace_id":"%s","span_id":"%s","req_id":"%s",`,
			1+rng.IntN(28), rng.IntN(24), rng.IntN(60), rng.IntN(60), rng.IntN(1000), rng.IntN(40), hexs(32), hexs(16), hexs(16))
		b = fmt.Appendf(b, `"http":{"method":"POST","path":"%s","status":%d,"latency_ms":%d,"bytes":%d,"user_agent":"%s"},`,
			paths[rng.IntN(len(paths))], []int{200, 201, 204, 400, 404, 500}[rng.IntN(6)], rng.IntN(2000), rng.IntN(100000), agents[rng.IntN(len(agents))])
		b = fmt.Appendf(b, `"client":{"ip":"%d.%d.%d.%d","user_id":%d,"email":"user%d@example.com"`, 10+rng.IntN(200), rng.IntN(256), rng.IntN(256), 1+rng.IntN(254), rng.IntN(1e7), rng.IntN(1e6))
		if rng.IntN(4) == 0 {
			b = fmt.Appendf(b, `,"phone":"+1 (212) 555-%04d"`, rng.IntN(10000))
		}
		b = append(b, `},"payment":{"amount":`...)
		b = strconv.AppendFloat(b, float64(rng.IntN(1e6))/100, 'f', 2, 64)
		b = append(b, `,"currency":"USD"`...)
		if rng.IntN(10) == 0 {
			b = append(b, `,"card":"4111 1111 1111 1111"`...)
		}
		b = append(b, `},"msg":"order placed; cart reconciled against inventory snapshot, loyalty points credited, receipt queued`...)
		for len(b) < 1000+rng.IntN(50)-2 {
			b = append(b, " ok"...)
		}
		out[i] = append(b, `"}`...)
	}
	return out
})

// benchAvgBytes is the mean record size.
func benchAvgBytes() int64 {
	n := 0
	for _, r := range benchRecords() {
		n += len(r)
	}
	return int64(n / len(benchRecords()))
}

// BenchmarkRedactInMemory is the engine's throughput on the benchmark
// records without Kafka: one goroutine redacting record after record, the
// figure to set the pipeline's against.
func BenchmarkRedactInMemory(b *testing.B) {
	for _, format := range []Format{FormatJSON, FormatText} {
		b.Run("format="+string(format), func(b *testing.B) {
			r := newTestRedactor(b, transform.Redact, format)
			recs := benchRecords()
			var sc scratch
			buf := make([]byte, 0, 4096)
			b.SetBytes(benchAvgBytes())
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				res := r.redact(&sc, buf[:0], recs[i%len(recs)])
				if res.err != nil {
					b.Fatal(res.err)
				}
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "records/s")
		})
	}
}

// BenchmarkPipeline measures one worker redacting b.N benchmark records
// (--format json, with receipts) through an in-process 3-broker kfake
// cluster on the same machine, from start-up to the last commit, for 1, 4
// and 16 partitions and both delivery modes. The input is produced before
// the timer starts.
func BenchmarkPipeline(b *testing.B) {
	for _, delivery := range []Delivery{ExactlyOnce, AtLeastOnce} {
		for _, parts := range []int{1, 4, 16} {
			b.Run(fmt.Sprintf("delivery=%s/partitions=%d", delivery, parts), func(b *testing.B) {
				benchPipeline(b, delivery, parts)
			})
		}
	}
}

func benchPipeline(b *testing.B, delivery Delivery, parts int) {
	c, err := kfake.NewCluster(kfake.NumBrokers(3), kfake.SeedTopics(int32(parts), tIn, tOut, tReceipts, tDLQ))
	if err != nil {
		b.Fatal(err)
	}
	defer c.Close()
	addrs := c.ListenAddrs()
	benchProduce(b, addrs, b.N, parts)
	cfg := testConfig(b, addrs, "bench")
	cfg.Delivery, cfg.Format = delivery, FormatJSON
	cfg.Logger = testLogger(b)
	p, err := New(cfg, defaultPolicy(b))
	if err != nil {
		b.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	b.SetBytes(benchAvgBytes())
	b.ResetTimer()
	go func() { done <- p.Run(ctx) }()
	for p.Metrics().recordsIn.Load() < uint64(b.N) {
		select {
		case err := <-done:
			b.Fatalf("the pipeline stopped: %v", err)
		case <-time.After(2 * time.Millisecond):
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "records/s")
	s := p.Metrics().Snapshot()
	b.ReportMetric(float64(b.N)/float64(max(s.Committed, 1)), "records/txn")
	cancel()
	if err := <-done; err != nil {
		b.Fatal(err)
	}
}

// benchProduce writes n benchmark records round-robin over parts
// partitions.
func benchProduce(b *testing.B, addrs []string, n, parts int) {
	b.Helper()
	cl, err := kgo.NewClient(kgo.SeedBrokers(addrs...), kgo.DefaultProduceTopic(tIn), kgo.RecordPartitioner(kgo.ManualPartitioner()),
		kgo.ProducerBatchCompression(kgo.NoCompression()), kgo.MaxBufferedRecords(100_000))
	if err != nil {
		b.Fatal(err)
	}
	defer cl.Close()
	ctx := context.Background()
	var firstErr error
	var mu sync.Mutex
	recs := benchRecords()
	for i := range n {
		r := &kgo.Record{Partition: int32(i % parts), Key: strconv.AppendInt(nil, int64(i), 10), Value: recs[i%len(recs)]}
		cl.Produce(ctx, r, func(_ *kgo.Record, err error) {
			if err != nil {
				mu.Lock()
				firstErr = err
				mu.Unlock()
			}
		})
	}
	if err := cl.Flush(ctx); err != nil || firstErr != nil {
		b.Fatalf("producing the input: %v %v", err, firstErr)
	}
}
