package suite

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/datafog/datafog-api/bench/load"
)

func bench(pkg, name string, m map[string]float64) *Bench {
	return &Bench{Pkg: pkg, Name: name, Runs: []map[string]float64{m}, Median: m}
}

func TestEvaluateAndPairs(t *testing.T) {
	benches := []*Bench{
		bench(pBench, "BenchmarkEngine/corpus=prose/impl=ours", map[string]float64{"MB/s": 600, "ns/op": 1000}),
		bench(pBench, "BenchmarkEngine/corpus=prose/impl=ours-stream", map[string]float64{"MB/s": 500, "ns/op": 1200}),
		bench(pBench, "BenchmarkEngine/corpus=prose/impl=regexp", map[string]float64{"MB/s": 3, "ns/op": 200000}),
		bench(pReceipts, "BenchmarkAppend/appenders=256/impl=groupcommit", map[string]float64{"receipts/s": 120000}),
		bench(pReceipts, "BenchmarkAppend/appenders=256/impl=fdatasync", map[string]float64{"receipts/s": 6000}),
		bench(pReceipts, "BenchmarkAppend/appenders=64/impl=groupcommit", map[string]float64{"p99-ns": 2_500_000}),
	}
	res := evaluate(checks(100), benches)
	byWhat := map[string]CheckResult{}
	for _, r := range res {
		byWhat[r.What] = r
	}
	want := []struct {
		what  string
		value float64
		pass  bool
	}{
		{"engine, English prose with sparse PII (aim 1 GB/s)", 600, true},
		{"engine vs regexp-per-entity baseline, prose", 200, true},
		{"streaming cost over whole-buffer, prose (time ratio)", 1.2, false},
		{"group commit vs one fdatasync per append (256 appenders)", 20, true},
		{"p99 Append latency at 64 appenders", 2.5, false},
	}
	for _, w := range want {
		r, ok := byWhat[w.what]
		if !ok || r.Missing != "" || r.Value != w.value || r.Pass != w.pass {
			t.Errorf("%s: got %+v, want value %v pass %v", w.what, r, w.value, w.pass)
		}
	}
	if r := byWhat["engine, dense JSON log lines (aim 400 MB/s)"]; r.Missing != "no benchmark bench BenchmarkEngine/corpus=jsonlogs/impl=ours" {
		t.Errorf("missing benchmark: %q", r.Missing)
	}
	ps := pairs(append(benches,
		bench(pLoad, "BenchmarkLoad/route=scan/text=1KB/open/target=ours", map[string]float64{"req/s": 800}),
		bench(pLoad, "BenchmarkLoad/route=scan/text=1KB/open/target=baseline", map[string]float64{"req/s": 800})))
	if len(ps) != 2 {
		t.Fatalf("pairs: %+v", ps)
	}
	if p := ps[0]; p.Ours != "impl=ours" || p.Baseline != "impl=regexp" || p.Ratio != 200 || p.Unit != "MB/s" {
		t.Errorf("pair 0: %+v", p)
	}
	if p := ps[1]; p.Ours != "impl=groupcommit" || p.Baseline != "impl=fdatasync" || p.Ratio != 20 || p.Unit != "receipts/s" {
		t.Errorf("pair 1: %+v", p)
	}
}

// rounds builds a benchmark with one run per round.
func rounds(pkg, name, unit string, vals ...float64) *Bench {
	b := &Bench{Pkg: pkg, Name: name}
	for _, v := range vals {
		b.Runs = append(b.Runs, map[string]float64{unit: v})
	}
	b.Median = medians(b.Runs)
	return b
}

// TestRatioPairsRounds checks that a ratio check divides within each round
// and takes the median of those ratios: here the machine slowed down in the
// middle round, which the ratio of medians (110/30, about 3.7) would read as
// a regression, while every round but the slow one says 10. With unequal
// run counts it falls back to the ratio of medians.
func TestRatioPairsRounds(t *testing.T) {
	const what = "group commit vs one fdatasync per append (256 appenders)"
	eval := func(num, den *Bench) CheckResult {
		for _, r := range evaluate(checks(100), []*Bench{num, den}) {
			if r.What == what {
				return r
			}
		}
		t.Fatal("no check " + what)
		return CheckResult{}
	}
	gc, fs := "BenchmarkAppend/appenders=256/impl=groupcommit", "BenchmarkAppend/appenders=256/impl=fdatasync"
	r := eval(rounds(pReceipts, gc, "receipts/s", 100, 110, 300), rounds(pReceipts, fs, "receipts/s", 10, 30, 30))
	if r.Missing != "" || r.Value != 10 || r.Pass {
		t.Errorf("paired: %+v; want 10 (median of 10, 3.67, 10), failing >= 20", r)
	}
	r = eval(rounds(pReceipts, gc, "receipts/s", 100, 110, 300), rounds(pReceipts, fs, "receipts/s", 10, 30))
	if r.Missing != "" || r.Value != 110.0/20 {
		t.Errorf("unpaired: %+v; want the ratio of medians %v", r, 110.0/20)
	}
}

func TestWriteFiles(t *testing.T) {
	h := load.NewHistogram()
	for i := 1; i <= 100; i++ {
		h.Record(time.Duration(i) * 10 * time.Microsecond)
	}
	res := &load.Result{Mode: load.Closed, Connections: 64, OK: 100, Requests: 100, RequestsPerSec: 1000, P50: time.Millisecond, Latency: h}
	rep := &Report{Date: "2026-01-02", Commit: "abc1234", Command: "go run ./bench/cmd/suite",
		Benchmarks: []*Bench{bench(pBench, "BenchmarkEngine/corpus=prose/impl=ours", map[string]float64{"MB/s": 600, "ns/op": 1000})},
		Load:       []*LoadRun{{Name: loadScanName("ours"), Target: "ours", Result: res, CDF: h.CDF()}},
	}
	rep.raw.WriteString("BenchmarkEngine/corpus=prose/impl=ours-2 1 1000 ns/op 600 MB/s\n")
	rep.Checks = evaluate(checks(100), rep.Benchmarks)
	dir := t.TempDir()
	paths, err := Write(rep, dir)
	if err != nil {
		t.Fatal(err)
	}
	names := []string{"2026-01-02-abc1234.json", "2026-01-02-abc1234.txt", "2026-01-02-abc1234.md", "2026-01-02-abc1234.png", "latest.md", "latest.png", "latest.txt"}
	for i, n := range names {
		if paths[i] != filepath.Join(dir, n) {
			t.Fatalf("path %d = %s, want %s", i, paths[i], n)
		}
	}
	png, _ := os.ReadFile(filepath.Join(dir, "latest.png"))
	if !bytes.HasPrefix(png, []byte("\x89PNG\r\n\x1a\n")) {
		t.Fatal("latest.png is not a PNG")
	}
	md, _ := os.ReadFile(filepath.Join(dir, "latest.md"))
	for _, want := range []string{
		"| #3 | engine, English prose with sparse PII (aim 1 GB/s) | >= 300 MB/s | 600 MB/s | yes |",
		"| route=scan/text=1KB/c=64/target=ours | closed | 64 | 100 | 1000 |",
		"![throughput by corpus and component; latency CDF](latest.png)",
	} {
		if !strings.Contains(string(md), want) {
			t.Errorf("latest.md lacks %q", want)
		}
	}
	txt, _ := os.ReadFile(filepath.Join(dir, "2026-01-02-abc1234.txt"))
	if string(txt) != "BenchmarkEngine/corpus=prose/impl=ours-2 1 1000 ns/op 600 MB/s\n" {
		t.Errorf("txt = %q", txt)
	}
}

func TestThinCDF(t *testing.T) {
	// Fractions i/1024 are exact in binary: a step of 3/1024 passes the
	// 0.002 threshold and 2/1024 does not, so below 0.99 every third point
	// is kept (i = 1, 4, ..., 1012: 338 points), then all 11 above 0.99.
	var pts []load.CDFPoint
	for i := 1; i <= 1024; i++ {
		pts = append(pts, load.CDFPoint{Value: time.Duration(i), Fraction: float64(i) / 1024})
	}
	out := thinCDF(pts)
	if len(out) != 338+11 {
		t.Fatalf("%d points", len(out))
	}
	if out[0] != pts[0] || out[1] != pts[3] || out[337] != pts[1011] || out[338] != pts[1013] || out[len(out)-1] != pts[1023] {
		t.Fatalf("kept %+v %+v %+v %+v %+v", out[0], out[1], out[337], out[338], out[len(out)-1])
	}
}

// TestTLSCostCheck: the TLS cost is the median of the per-round ratios of
// the alternating runs, and the TLS runs pair with no baseline.
func TestTLSCostCheck(t *testing.T) {
	rounds := func(v ...float64) *Bench {
		b := &Bench{Pkg: pLoad}
		for _, x := range v {
			b.Runs = append(b.Runs, map[string]float64{"req/s": x})
		}
		b.Median = medians(b.Runs)
		return b
	}
	on, off := rounds(42000, 20000, 45000), rounds(60000, 50000, 50000)
	on.Name, off.Name = loadTLSName(true), loadTLSName(false)
	var got *CheckResult
	for _, r := range evaluate(checks(100), []*Bench{on, off}) {
		if r.Issue == 20 {
			got = &r
		}
	}
	// Per-round ratios 0.7, 0.4, 0.9: median 0.7, over the 0.6 floor (the
	// ratio of the medians would be 42000/50000 = 0.84).
	if got == nil || got.Missing != "" || got.Value != 0.7 || !got.Pass {
		t.Fatalf("TLS check: %+v", got)
	}
	if ps := pairs([]*Bench{on, off}); len(ps) != 0 {
		t.Fatalf("TLS runs paired: %+v", ps)
	}
}
