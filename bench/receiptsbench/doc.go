// Package receiptsbench benchmarks the receipts log's group commit against
// the one-fdatasync-per-append baseline in bench/baseline, in the same run.
// It holds only benchmarks:
//
//	go test ./bench/receiptsbench/ -run '^$' -bench . -benchtime 1s -count 3
//
// Each Append benchmark reports receipts/s (durable appends per second of
// wall time across all appenders) and p99-ns (the 99th percentile latency of
// one Append). BenchmarkGet reports the p99 of a lookup by id over a log of
// -getlog receipts.
package receiptsbench
