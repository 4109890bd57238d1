package suite

import (
	"reflect"
	"strings"
	"testing"
)

func TestParseBench(t *testing.T) {
	out := `goos: linux
pkg: github.com/datafog/datafog-api/bench
BenchmarkEngine/corpus=prose/impl=ours-2   	     100	   1000000 ns/op	1048.58 MB/s	       0 B/op	       0 allocs/op	       612.0 findings
BenchmarkEngine/corpus=prose/impl=ours-2   	     120	   3000000 ns/op	 349.53 MB/s	       0 B/op	       0 allocs/op	       612.0 findings
BenchmarkEngine/corpus=prose/impl=ours-2   	     110	   2000000 ns/op	 524.29 MB/s	       0 B/op	       0 allocs/op	       612.0 findings
BenchmarkX-2 garbage line
BenchmarkAppend/appenders=64/impl=fdatasync    	    4944	    533061 ns/op	 717225983 p99-ns	      1876 receipts/s
PASS
`
	names, runs := parseBench(strings.NewReader(out))
	if !reflect.DeepEqual(names, []string{"BenchmarkEngine/corpus=prose/impl=ours", "BenchmarkAppend/appenders=64/impl=fdatasync"}) {
		t.Fatalf("names %q", names)
	}
	m := medians(runs["BenchmarkEngine/corpus=prose/impl=ours"])
	want := map[string]float64{"iters": 110, "ns/op": 2000000, "MB/s": 524.29, "B/op": 0, "allocs/op": 0, "findings": 612}
	if !reflect.DeepEqual(m, want) {
		t.Fatalf("medians %v", m)
	}
	r := runs["BenchmarkAppend/appenders=64/impl=fdatasync"][0]
	if r["receipts/s"] != 1876 || r["p99-ns"] != 717225983 {
		t.Fatalf("custom units %v", r)
	}
	if m := medians([]map[string]float64{{"x": 1}, {"x": 4}}); m["x"] != 2.5 {
		t.Fatalf("even median %v", m["x"])
	}
	if trimProcs("BenchmarkA/b=c-d") != "BenchmarkA/b=c-d" || trimProcs("BenchmarkA-16") != "BenchmarkA" {
		t.Fatal("trimProcs")
	}
}
