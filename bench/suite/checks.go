package suite

import (
	"fmt"
	"strings"
)

// Check is one target from the component issues, evaluated on this run's
// medians. A ratio check divides Num by Den (both from this run): when both
// have one value per round, it is the median of the per-round ratios, each
// between two figures measured minutes apart at most, so drift in the
// machine's speed between rounds cancels; otherwise it is the ratio of the
// medians. An absolute check compares Num's median with Target.
type Check struct {
	Issue  int    `json:"issue"`
	What   string `json:"what"`
	Num    Ref    `json:"num"`
	Den    *Ref   `json:"den,omitempty"`
	Op     string `json:"op"` // ">=" or "<="
	Target float64
	Unit   string `json:"unit"` // how to print the value: "x", "MB/s", "ms", ...
	Scale  float64
}

// Ref names one median: package, benchmark name and unit.
type Ref struct {
	Pkg, Name, Unit string
}

func (r Ref) String() string { return r.Pkg + " " + r.Name + " [" + r.Unit + "]" }

// CheckResult is a Check with its measured value.
type CheckResult struct {
	Check
	Value   float64 `json:"value"`
	Pass    bool    `json:"pass"`
	Missing string  `json:"missing,omitempty"`
}

const (
	pAutomaton = "engine/automaton"
	pBench     = "bench"
	pReceipts  = "bench/receiptsbench"
	pLoad      = "bench/load"
	pNames     = "engine/detect/names"
)

// checks lists every ratio and absolute target of issues 2 to 5, 16 and
// 17; issue 14's depend on the run (secretsChecks).
func checks(getLog int) []Check {
	ratio := func(issue int, what string, num, den Ref, op string, target float64) Check {
		return Check{Issue: issue, What: what, Num: num, Den: &den, Op: op, Target: target, Unit: "x", Scale: 1}
	}
	abs := func(issue int, what string, num Ref, op string, target float64, unit string, scale float64) Check {
		return Check{Issue: issue, What: what, Num: num, Op: op, Target: target, Unit: unit, Scale: scale}
	}
	mbs := func(pkg, name string) Ref { return Ref{pkg, name, "MB/s"} }
	ns := func(pkg, name string) Ref { return Ref{pkg, name, "ns/op"} }
	eng := func(c, impl string) string { return "BenchmarkEngine/corpus=" + c + "/impl=" + impl }
	get := fmt.Sprintf("BenchmarkGet/log=%d", getLog)
	return []Check{
		ratio(2, "(a) 24 keywords, 4 MB text: ours vs cloudflare/ahocorasick (aim 3x)",
			mbs(pAutomaton, "BenchmarkKeywords/impl=ours"), mbs(pAutomaton, "BenchmarkKeywords/impl=cloudflare"), ">=", 1.5),
		ratio(2, "(a) 24 keywords: ours vs regexp alternation",
			mbs(pAutomaton, "BenchmarkKeywords/impl=ours"), mbs(pAutomaton, "BenchmarkKeywords/impl=regexp"), ">=", 100),
		ratio(2, "(b) 10,000-term dictionary: ours vs cloudflare (aim 10x)",
			mbs(pAutomaton, "BenchmarkDict10k/impl=ours"), mbs(pAutomaton, "BenchmarkDict10k/impl=cloudflare"), ">=", 5),
		abs(2, "(c) 100,000-term dictionary: build time", ns(pAutomaton, "BenchmarkDict100k/op=build"), "<=", 1000, "ms", 1e-6),
		abs(2, "(c) 100,000-term dictionary: bytes held", Ref{pAutomaton, "BenchmarkDict100k/op=build", "MB-held"}, "<=", 100, "MB", 1),
		abs(2, "(c) 100,000-term dictionary: Load time", ns(pAutomaton, "BenchmarkDict100k/op=load"), "<=", 50, "ms", 1e-6),

		abs(16, "names gazetteer: load time", ns(pNames, "BenchmarkNames/op=load"), "<=", 50, "ms", 1e-6),
		abs(16, "names gazetteer: automaton bytes held", Ref{pNames, "BenchmarkNames/op=load", "MB-held"}, "<=", 50, "MB", 1),
		abs(16, "engine with person and street_address, prose", mbs(pNames, "BenchmarkNames/corpus=prose/names=on"), ">=", 500, "MB/s", 1),
		abs(16, "engine with person and street_address, JSON logs", mbs(pNames, "BenchmarkNames/corpus=jsonlogs/names=on"), ">=", 200, "MB/s", 1),

		abs(3, "engine, English prose with sparse PII (aim 1 GB/s)", mbs(pBench, eng("prose", "ours")), ">=", 300, "MB/s", 1),
		abs(3, "engine, dense JSON log lines (aim 400 MB/s)", mbs(pBench, eng("jsonlogs", "ours")), ">=", 150, "MB/s", 1),
		ratio(3, "engine vs regexp-per-entity baseline, prose", mbs(pBench, eng("prose", "ours")), mbs(pBench, eng("prose", "regexp")), ">=", 100),
		ratio(3, "engine vs regexp-per-entity baseline, JSON logs", mbs(pBench, eng("jsonlogs", "ours")), mbs(pBench, eng("jsonlogs", "regexp")), ">=", 100),
		abs(3, "allocations per scan with no findings (clean corpus)", Ref{pBench, eng("clean", "ours"), "allocs/op"}, "<=", 0, "allocs", 1),
		ratio(3, "streaming cost over whole-buffer, prose (time ratio)", ns(pBench, eng("prose", "ours-stream")), ns(pBench, eng("prose", "ours")), "<=", 1.10),
		ratio(3, "streaming cost over whole-buffer, JSON logs (time ratio)", ns(pBench, eng("jsonlogs", "ours-stream")), ns(pBench, eng("jsonlogs", "ours")), "<=", 1.10),

		ratio(4, "/v1/scan, ~1 KB text, 64 connections: ours vs net/http baseline requests/s",
			Ref{pLoad, loadScanName("ours"), "req/s"}, Ref{pLoad, loadScanName("baseline"), "req/s"}, ">=", 3),
		abs(4, "/v1/scan, ~1 KB text, 64 connections: p99", Ref{pLoad, loadScanName("ours"), "p99-ns"}, "<=", 5, "ms", 1e-6),
		abs(4, "/v1/scan/stream over loopback, end to end (aim 300 MB/s)", Ref{pLoad, loadStreamName("ours"), "MB/s"}, ">=", 150, "MB/s", 1),

		abs(5, "256 concurrent appenders, ~1 KB records: durable receipts/s",
			Ref{pReceipts, "BenchmarkAppend/appenders=256/impl=groupcommit", "receipts/s"}, ">=", 100000, "receipts/s", 1),
		ratio(5, "group commit vs one fdatasync per append (256 appenders)",
			Ref{pReceipts, "BenchmarkAppend/appenders=256/impl=groupcommit", "receipts/s"},
			Ref{pReceipts, "BenchmarkAppend/appenders=256/impl=fdatasync", "receipts/s"}, ">=", 20),
		abs(5, "p99 Append latency at 64 appenders", Ref{pReceipts, "BenchmarkAppend/appenders=64/impl=groupcommit", "p99-ns"}, "<=", 2, "ms", 1e-6),
		abs(5, fmt.Sprintf("GET receipt by id p99 over a %d-receipt log (issue asks 10M; scaled down to fit make bench)", getLog),
			Ref{pReceipts, get, "p99-ns"}, "<=", 1, "ms", 1e-6),

		abs(17, "Kafka pipeline, 1 KB JSON records, one worker, 4 partitions, exactly-once",
			Ref{"pipeline/kafka", "BenchmarkPipeline/delivery=exactly-once/partitions=4", "records/s"}, ">=", 50000, "records/s", 1),
		ratio(17, "Kafka pipeline exactly-once vs at-least-once, 4 partitions (within 2x)",
			Ref{"pipeline/kafka", "BenchmarkPipeline/delivery=exactly-once/partitions=4", "records/s"},
			Ref{"pipeline/kafka", "BenchmarkPipeline/delivery=at-least-once/partitions=4", "records/s"}, ">=", 0.5),
	}
}

func loadScanName(target string) string {
	return "BenchmarkLoad/route=scan/text=1KB/c=64/target=" + target
}

func loadStreamName(target string) string {
	return "BenchmarkLoad/route=scan-stream/c=1/target=" + target
}

// evaluate computes every check from the benchmarks' medians.
func evaluate(cs []Check, benches []*Bench) []CheckResult {
	idx := map[string]*Bench{}
	for _, b := range benches {
		idx[b.Pkg+"\x00"+b.Name] = b
	}
	lookup := func(r Ref) (float64, string) {
		b, ok := idx[r.Pkg+"\x00"+r.Name]
		if !ok {
			return 0, "no benchmark " + r.Pkg + " " + r.Name
		}
		v, ok := b.Median[r.Unit]
		if !ok {
			return 0, "no " + r.Unit + " in " + r.Pkg + " " + r.Name
		}
		return v, ""
	}
	out := make([]CheckResult, 0, len(cs))
	for _, c := range cs {
		res := CheckResult{Check: c}
		v, miss := lookup(c.Num)
		if miss == "" && c.Den != nil {
			d, m2 := lookup(*c.Den)
			switch {
			case m2 != "":
				miss = m2
			case d == 0:
				miss = "baseline is zero"
			default:
				v /= d
				if r, ok := pairedRatio(idx[c.Num.Pkg+"\x00"+c.Num.Name], idx[c.Den.Pkg+"\x00"+c.Den.Name], c.Num.Unit, c.Den.Unit); ok {
					v = r
				}
			}
		}
		res.Missing = miss
		if miss == "" {
			res.Value = v * c.Scale
			switch c.Op {
			case ">=":
				res.Pass = res.Value >= c.Target
			case "<=":
				res.Pass = res.Value <= c.Target
			}
		}
		out = append(out, res)
	}
	return out
}

// pairedRatio returns the median over rounds of num's value divided by
// den's value in the same round. It reports !ok unless both have the same
// number (more than one) of runs, each with a nonzero denominator.
func pairedRatio(num, den *Bench, numUnit, denUnit string) (float64, bool) {
	if num == nil || den == nil || len(num.Runs) < 2 || len(num.Runs) != len(den.Runs) {
		return 0, false
	}
	ratios := make([]map[string]float64, len(num.Runs))
	for i := range num.Runs {
		n, ok1 := num.Runs[i][numUnit]
		d, ok2 := den.Runs[i][denUnit]
		if !ok1 || !ok2 || d == 0 {
			return 0, false
		}
		ratios[i] = map[string]float64{"ratio": n / d}
	}
	return medians(ratios)["ratio"], true
}

// Pair is one of our benchmarks beside a baseline from the same run.
type Pair struct {
	Pkg      string  `json:"pkg"`
	Group    string  `json:"group"`
	Ours     string  `json:"ours"`
	Baseline string  `json:"baseline"`
	Unit     string  `json:"unit"`
	OursV    float64 `json:"ours_value"`
	BaseV    float64 `json:"baseline_value"`
	Ratio    float64 `json:"ratio"`
}

// Implementation names that are baselines, and the unit that decides which
// is faster (higher is better for every unit used).
var baselineImpls = map[string]bool{"impl=regexp": true, "impl=cloudflare": true, "impl=fdatasync": true, "target=baseline": true, "impl=gitleaks": true}

// pairs matches every "impl=ours"/"impl=groupcommit"/"target=ours"
// benchmark with each baseline benchmark whose name differs only in that
// last element, and computes how many times faster ours is: like a ratio
// check, the median of the per-round ratios when both sides ran the same
// rounds, else the ratio of the medians.
func pairs(benches []*Bench) []Pair {
	type key struct{ pkg, group string }
	byGroup := map[key][]*Bench{}
	var order []key
	for _, b := range benches {
		i := strings.LastIndexByte(b.Name, '/')
		if i < 0 {
			continue
		}
		k := key{b.Pkg, b.Name[:i]}
		if strings.HasSuffix(k.group, "/open") {
			// Open-loop runs send the same fixed rate to both sides; their
			// comparison is latency, shown in the load table, not a ratio.
			continue
		}
		if _, ok := byGroup[k]; !ok {
			order = append(order, k)
		}
		byGroup[k] = append(byGroup[k], b)
	}
	var out []Pair
	for _, k := range order {
		var ours []*Bench
		var bases []*Bench
		for _, b := range byGroup[k] {
			last := b.Name[len(k.group)+1:]
			switch {
			case baselineImpls[last]:
				bases = append(bases, b)
			case last == "impl=ours" || last == "impl=groupcommit" || last == "target=ours":
				ours = append(ours, b)
			}
		}
		for _, o := range ours {
			for _, bl := range bases {
				unit := "MB/s"
				for _, u := range []string{"MB/s", "req/s", "receipts/s"} {
					if _, ok := o.Median[u]; ok {
						unit = u
						break
					}
				}
				ov, bv := o.Median[unit], bl.Median[unit]
				if ov == 0 || bv == 0 {
					continue
				}
				ratio, ok := pairedRatio(o, bl, unit, unit)
				if !ok {
					ratio = ov / bv
				}
				out = append(out, Pair{Pkg: k.pkg, Group: k.group, Ours: o.Name[len(k.group)+1:], Baseline: bl.Name[len(k.group)+1:],
					Unit: unit, OursV: ov, BaseV: bv, Ratio: ratio})
			}
		}
	}
	return out
}
