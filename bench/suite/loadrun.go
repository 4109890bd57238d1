package suite

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"time"

	"github.com/datafog/datafog-api/bench/corpus"
	"github.com/datafog/datafog-api/bench/load"
	"github.com/datafog/datafog-api/bench/servers"
)

// LoadRun is one load-generator run against one in-process target.
type LoadRun struct {
	Name   string          `json:"name"`
	Target string          `json:"target"`
	Result *load.Result    `json:"result"`
	CDF    []load.CDFPoint `json:"cdf"`
}

// runLoad measures /v1/scan with ~1 KB of prose over 64 connections
// (closed loop), the same at a fixed rate (open loop, half the slower
// side's closed-loop rate), and /v1/scan/stream with one chunked upload
// at a time, against our server and then the baseline; then the TLS
// cost (loadTLS).
func (rep *Report) runLoad(ctx context.Context, o Options) {
	text, _ := corpus.Generate(corpus.Prose, 1024, 1)
	jsonBody := load.JSONTextBody(text)
	streamBody, _ := corpus.Generate(corpus.Prose, 4<<20, 2)
	rates := map[string]float64{}
	targets := []string{"ours", "baseline"}
	for _, name := range targets {
		t, err := servers.Start(name, "")
		if err != nil {
			rep.errorf("load: start %s: %v", name, err)
			continue
		}
		// Warm up connections, pools and caches; not recorded.
		_, _ = load.Run(ctx, load.Config{URL: t.BaseURL + "/v1/scan", Body: jsonBody, Connections: 64, Duration: min(time.Second, o.LoadDuration/5)})
		if r := rep.loadOnce(ctx, o, loadScanName(name), name, load.Config{
			URL: t.BaseURL + "/v1/scan", Body: jsonBody, Connections: 64, Duration: o.LoadDuration,
		}); r != nil {
			rates[name] = r.RequestsPerSec
		}

		// The baseline buffers the whole body and scans it at a few MB/s, so
		// it gets at most 4 MiB per request; MB/s is comparable either way.
		sb := o.StreamBytes
		if name == "baseline" {
			sb = min(sb, 4<<20)
		}
		rep.loadOnce(ctx, o, loadStreamName(name), name, load.Config{
			URL: t.BaseURL + "/v1/scan/stream", Body: streamBody, Stream: true, StreamBytes: sb,
			Connections: 1, Duration: o.LoadDuration, Timeout: 60 * time.Second,
		})
		if err := t.Stop(); err != nil {
			rep.errorf("load: stop %s: %v", name, err)
		}
	}
	rep.loadTLS(ctx, o, jsonBody)
	rate := min(rates["ours"], rates["baseline"]) / 2
	if rate <= 0 {
		return
	}
	for _, name := range targets {
		t, err := servers.Start(name, "")
		if err != nil {
			rep.errorf("load: start %s: %v", name, err)
			continue
		}
		rep.loadOnce(ctx, o, fmt.Sprintf("BenchmarkLoad/route=scan/text=1KB/open/target=%s", name), name, load.Config{
			URL: t.BaseURL + "/v1/scan", Body: jsonBody, Mode: load.Open, Rate: rate, Connections: 64, Duration: o.LoadDuration / 2,
		})
		if err := t.Stop(); err != nil {
			rep.errorf("load: stop %s: %v", name, err)
		}
	}
}

// loadOnce runs cfg and records it both as a LoadRun and as a benchmark
// (package bench/load) so the table, the checks and benchstat see it.
func (rep *Report) loadOnce(ctx context.Context, o Options, name, target string, cfg load.Config) *load.Result {
	logf(o.Log, "== load %s", name)
	res, err := load.Run(ctx, cfg)
	if err != nil {
		rep.errorf("load %s: %v", name, err)
		return nil
	}
	logf(o.Log, "   %s", res)
	for kind, n := range res.Errors {
		rep.errorf("load %s: %d requests failed with %s", name, n, kind)
	}
	rep.Load = append(rep.Load, &LoadRun{Name: name, Target: target, Result: res, CDF: thinCDF(res.Latency.CDF())})
	if res.OK == 0 {
		return res
	}
	rep.recordLoad(name, []*load.Result{res})
	return res
}

// recordLoad records the runs of one load benchmark (each with OK > 0) as
// a benchmark of package bench/load, with its medians, so the table, the
// checks and benchstat see it.
func (rep *Report) recordLoad(name string, results []*load.Result) {
	var runs []map[string]float64
	for _, res := range results {
		run := loadRunMetrics(res)
		runs = append(runs, run)
		if !strings.Contains(rep.raw.String(), "pkg: "+Module+"/"+pLoad+"\n") {
			rep.raw.WriteString("pkg: " + Module + "/" + pLoad + "\n")
		}
		fmt.Fprintf(&rep.raw, "%s-%d\t%d\t%.0f ns/op\t%.2f MB/s\t%.0f req/s\t%.0f p50-ns\t%.0f p90-ns\t%.0f p99-ns\t%.0f p99.9-ns\t%d errors\n",
			name, runtime.GOMAXPROCS(0), res.OK, run["ns/op"], res.MBPerSec, res.RequestsPerSec,
			run["p50-ns"], run["p90-ns"], run["p99-ns"], run["p99.9-ns"], uint64(run["errors"]))
	}
	rep.Benchmarks = append(rep.Benchmarks, &Bench{Pkg: pLoad, Name: name, Runs: runs, Median: medians(runs)})
}

// loadRunMetrics is one load run in benchmark units.
func loadRunMetrics(res *load.Result) map[string]float64 {
	var errs uint64
	for _, n := range res.Errors {
		errs += n
	}
	return map[string]float64{
		"iters":    float64(res.OK),
		"ns/op":    float64(res.Elapsed.Nanoseconds()) / float64(res.OK),
		"MB/s":     res.MBPerSec,
		"req/s":    res.RequestsPerSec,
		"p50-ns":   float64(res.P50),
		"p90-ns":   float64(res.P90),
		"p99-ns":   float64(res.P99),
		"p99.9-ns": float64(res.P999),
		"errors":   float64(errs),
	}
}

// thinCDF keeps the CDF points that advance the fraction by at least
// 0.002, every point above 0.99 (the tail is what matters), and the last,
// which keeps the results file small without losing the curve's shape.
func thinCDF(pts []load.CDFPoint) []load.CDFPoint {
	var out []load.CDFPoint
	last := -1.0
	for i, p := range pts {
		if p.Fraction-last >= 0.002 || p.Fraction > 0.99 || i == len(pts)-1 {
			out = append(out, p)
			last = p.Fraction
		}
	}
	return out
}

// tlsRounds is the number of alternating plain/TLS rounds of loadTLS.
const tlsRounds = 3

// loadTLS measures the TLS cost: /v1/scan with ~1 KB of prose over 64
// kept-alive connections, alternately to our server over plain HTTP
// (loadTLSName(false)) and to the same server configuration serving HTTPS
// with a generated ECDSA P-256 certificate (loadTLSName(true)), tlsRounds
// rounds of half the load duration each. Alternating puts drift in the
// machine's speed on both sides, and the check takes the median of the
// per-round ratios. Kept-alive connections mean one handshake per
// connection: the figure is the cost of TLS records, not of handshakes.
func (rep *Report) loadTLS(ctx context.Context, o Options, jsonBody []byte) {
	var targets [2]*servers.Target
	for i, name := range []string{"ours", "ours-tls"} {
		t, err := servers.Start(name, "")
		if err != nil {
			rep.errorf("load: start %s: %v", name, err)
			return
		}
		defer func() {
			if err := t.Stop(); err != nil {
				rep.errorf("load: stop %s: %v", name, err)
			}
		}()
		targets[i] = t
		_, _ = load.Run(ctx, load.Config{URL: t.BaseURL + "/v1/scan", Body: jsonBody, Connections: 64,
			Duration: min(time.Second, o.LoadDuration/5), TLSConfig: t.ClientTLS})
	}
	var results [2][]*load.Result
	for round := range tlsRounds {
		for i, t := range targets {
			name := loadTLSName(i == 1)
			logf(o.Log, "== load %s (round %d of %d)", name, round+1, tlsRounds)
			res, err := load.Run(ctx, load.Config{URL: t.BaseURL + "/v1/scan", Body: jsonBody, Connections: 64,
				Duration: o.LoadDuration / 2, TLSConfig: t.ClientTLS})
			if err != nil {
				rep.errorf("load %s: %v", name, err)
				return
			}
			logf(o.Log, "   %s", res)
			for kind, n := range res.Errors {
				rep.errorf("load %s: %d requests failed with %s", name, n, kind)
			}
			if res.OK == 0 {
				return
			}
			results[i] = append(results[i], res)
		}
	}
	for i := range targets {
		name := loadTLSName(i == 1)
		last := results[i][len(results[i])-1]
		rep.Load = append(rep.Load, &LoadRun{Name: name, Target: targets[i].Name, Result: last, CDF: thinCDF(last.Latency.CDF())})
		rep.recordLoad(name, results[i])
	}
}
