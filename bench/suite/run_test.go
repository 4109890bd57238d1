package suite

import (
	"os"
	"reflect"
	"strings"
	"testing"
)

// testdata/rounds.txt is the standard output of six real benchmark
// processes, run the way runPackage runs them: three rounds, each running
// BenchmarkDict10k and then BenchmarkSecretPrefixes of engine/automaton's
// test binary once (captured on the project's shared 2-core VM with
//
//	go test -c -o automaton.test ./engine/automaton
//	for r in 1 2 3; do for n in BenchmarkDict10k BenchmarkSecretPrefixes; do
//	  ./automaton.test -test.run '^$' -test.bench "^$n\$" -test.benchtime 20x \
//	    -test.count 1 -test.benchmem -test.timeout 4m
//	done; done
//
// ). Every process's output ends with its "PASS" line.

// roundOutputs returns the process outputs of testdata/rounds.txt.
func roundOutputs(t *testing.T) []string {
	t.Helper()
	b, err := os.ReadFile("testdata/rounds.txt")
	if err != nil {
		t.Fatal(err)
	}
	outs := strings.SplitAfter(string(b), "PASS\n")
	if outs[len(outs)-1] != "" {
		t.Fatalf("testdata/rounds.txt does not end with a PASS line")
	}
	return outs[:len(outs)-1]
}

// TestAddOutputMergesRounds feeds addOutput the six outputs in the order the
// suite produces them and checks that each benchmark holds its three runs
// in round order, that the medians and ratios span every round, and that
// each ours/baseline pair is listed once.
func TestAddOutputMergesRounds(t *testing.T) {
	outs := roundOutputs(t)
	if len(outs) != 6 {
		t.Fatalf("%d outputs in testdata/rounds.txt, want 6", len(outs))
	}
	rep := &Report{}
	for i, out := range outs {
		rep.addOutput(pAutomaton, []byte(out), i == 0)
	}

	var names []string
	for _, b := range rep.Benchmarks {
		names = append(names, b.Name)
	}
	wantNames := []string{
		"BenchmarkDict10k/impl=ours", "BenchmarkDict10k/impl=ours-leftmost-word", "BenchmarkDict10k/impl=cloudflare",
		"BenchmarkSecretPrefixes/impl=ours", "BenchmarkSecretPrefixes/impl=ours-noprefilter", "BenchmarkSecretPrefixes/impl=cloudflare",
	}
	if !reflect.DeepEqual(names, wantNames) {
		t.Errorf("benchmarks %q\nwant %q", names, wantNames)
	}

	// Per-round values, in round order, straight from the file.
	rounds := map[string]map[string][]float64{
		"BenchmarkDict10k/impl=ours": {
			"ns/op": {3511987, 3150048, 3164539}, "MB/s": {1194.28, 1331.50, 1325.41}},
		"BenchmarkDict10k/impl=cloudflare": {
			"ns/op": {29623209, 28197243, 29961407}, "MB/s": {141.59, 148.75, 139.99}, "B/op": {192, 192, 192}},
		"BenchmarkSecretPrefixes/impl=ours": {
			"ns/op": {1544015, 1783017, 2143445}, "MB/s": {2716.49, 2352.36, 1956.81}},
		"BenchmarkSecretPrefixes/impl=cloudflare": {
			"ns/op": {8461776, 11003347, 11676936}, "MB/s": {495.68, 381.18, 359.20}},
	}
	wantMedian := map[string]map[string]float64{
		"BenchmarkDict10k/impl=ours":              {"ns/op": 3164539, "MB/s": 1325.41, "iters": 20, "allocs/op": 0},
		"BenchmarkDict10k/impl=cloudflare":        {"ns/op": 29623209, "MB/s": 141.59, "B/op": 192, "allocs/op": 2},
		"BenchmarkSecretPrefixes/impl=ours":       {"ns/op": 1783017, "MB/s": 2352.36},
		"BenchmarkSecretPrefixes/impl=cloudflare": {"ns/op": 11003347, "MB/s": 381.18, "allocs/op": 1},
	}
	byName := map[string]*Bench{}
	for _, b := range rep.Benchmarks {
		byName[b.Name] = b
		if len(b.Runs) != 3 {
			t.Errorf("%s: %d runs, want 3", b.Name, len(b.Runs))
		}
	}
	for name, units := range rounds {
		b := byName[name]
		for unit, vals := range units {
			for i, v := range vals {
				if i < len(b.Runs) && b.Runs[i][unit] != v {
					t.Errorf("%s round %d: %s = %v, want %v", name, i+1, unit, b.Runs[i][unit], v)
				}
			}
		}
	}
	for name, units := range wantMedian {
		for unit, v := range units {
			if got := byName[name].Median[unit]; got != v {
				t.Errorf("%s: median %s = %v, want %v", name, unit, got, v)
			}
		}
	}

	// The Dict10k target: per-round ratios 8.43, 8.95 and 9.47; the median
	// is round 2's. The last round alone would read 9.47, and the ratio of
	// the medians 1325.41/141.59 = 9.36.
	const dict = "(b) 10,000-term dictionary: ours vs cloudflare (aim 10x)"
	var found bool
	for _, c := range evaluate(checks(100), rep.Benchmarks) {
		if c.What != dict {
			continue
		}
		found = true
		if want := div(1331.50, 148.75); c.Missing != "" || c.Value != want || !c.Pass {
			t.Errorf("%s: value %v (missing %q, pass %v), want %v", dict, c.Value, c.Missing, c.Pass, want)
		}
	}
	if !found {
		t.Fatalf("no check %q", dict)
	}

	// One pair per group, with the same per-round median ratio: SecretPrefixes'
	// rounds give 5.48, 6.17 and 5.45.
	ps := pairs(rep.Benchmarks)
	want := []Pair{
		{Pkg: pAutomaton, Group: "BenchmarkDict10k", Ours: "impl=ours", Baseline: "impl=cloudflare", Unit: "MB/s",
			OursV: 1325.41, BaseV: 141.59, Ratio: div(1331.50, 148.75)},
		{Pkg: pAutomaton, Group: "BenchmarkSecretPrefixes", Ours: "impl=ours", Baseline: "impl=cloudflare", Unit: "MB/s",
			OursV: 2352.36, BaseV: 381.18, Ratio: div(2716.49, 495.68)},
	}
	if !reflect.DeepEqual(ps, want) {
		t.Errorf("pairs:\n got %+v\nwant %+v", ps, want)
	}

	// The raw lines for benchstat: the header once, then every result line.
	raw := rep.raw.String()
	if n := strings.Count(raw, "pkg: "); n != 1 {
		t.Errorf("raw output has %d pkg lines, want 1", n)
	}
	if n := strings.Count(raw, "\nBenchmark"); n != 18 {
		t.Errorf("raw output has %d result lines, want 18", n)
	}
}

// div divides in float64 at run time, as the suite does; a constant
// expression would be evaluated exactly and round differently.
func div(a, b float64) float64 { return a / b }
