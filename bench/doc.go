// Package bench is the benchmark suite of datafog-api: corpora
// (bench/corpus), baselines written the conventional way (bench/baseline),
// a loopback load generator (bench/load, bench/cmd/load) and the suite
// runner (bench/suite, a module of its own) that runs everything and
// writes bench/results/. See bench/README.md.
//
// This package itself holds the cross-component Go benchmarks over every
// corpus, each beside its baseline in the same run:
//
//	go test ./bench/ -run '^$' -bench . -benchtime 1s -count 3
package bench
