package suite

import (
	"bufio"
	"io"
	"sort"
	"strconv"
	"strings"
)

// Bench is one benchmark's results over every -count run.
type Bench struct {
	// Pkg is the import path relative to the module root ("engine/automaton").
	Pkg string `json:"pkg"`
	// Name is the full benchmark name without the -GOMAXPROCS suffix.
	Name string `json:"name"`
	// Runs holds one map per run, from unit ("ns/op", "MB/s", "B/op",
	// "allocs/op", custom units) to value; "iters" is the iteration count.
	Runs []map[string]float64 `json:"runs"`
	// Median holds each unit's median over Runs.
	Median map[string]float64 `json:"median"`
}

// Key identifies a benchmark across packages.
func (b *Bench) Key() string { return b.Pkg + "." + b.Name }

// parseBench reads go test -bench output and returns one run per result
// line, keyed by name (without the -N suffix), in order of appearance.
func parseBench(r io.Reader) (names []string, runs map[string][]map[string]float64) {
	runs = map[string][]map[string]float64{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		name, run, ok := parseLine(sc.Text())
		if !ok {
			continue
		}
		if _, seen := runs[name]; !seen {
			names = append(names, name)
		}
		runs[name] = append(runs[name], run)
	}
	return names, runs
}

// parseLine parses "BenchmarkX/y-2  100  123 ns/op  4.5 MB/s ...".
func parseLine(line string) (string, map[string]float64, bool) {
	if !strings.HasPrefix(line, "Benchmark") {
		return "", nil, false
	}
	f := strings.Fields(line)
	if len(f) < 4 || len(f)%2 != 0 {
		return "", nil, false
	}
	iters, err := strconv.ParseFloat(f[1], 64)
	if err != nil {
		return "", nil, false
	}
	run := map[string]float64{"iters": iters}
	for i := 2; i+1 < len(f); i += 2 {
		v, err := strconv.ParseFloat(f[i], 64)
		if err != nil {
			return "", nil, false
		}
		run[f[i+1]] = v
	}
	return trimProcs(f[0]), run, true
}

// trimProcs removes a trailing -N (GOMAXPROCS) from a benchmark name.
func trimProcs(name string) string {
	i := strings.LastIndexByte(name, '-')
	if i < 0 {
		return name
	}
	if _, err := strconv.Atoi(name[i+1:]); err != nil {
		return name
	}
	return name[:i]
}

// medians returns each unit's median over runs.
func medians(runs []map[string]float64) map[string]float64 {
	vals := map[string][]float64{}
	for _, r := range runs {
		for u, v := range r {
			vals[u] = append(vals[u], v)
		}
	}
	m := make(map[string]float64, len(vals))
	for u, vs := range vals {
		sort.Float64s(vs)
		n := len(vs)
		if n%2 == 1 {
			m[u] = vs[n/2]
		} else {
			m[u] = (vs[n/2-1] + vs[n/2]) / 2
		}
	}
	return m
}
