package suite

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// Write stores rep in dir as <date>-<commit>.json (everything), .txt (raw
// benchmark lines for benchstat), .md (tables) and .png (chart), and
// copies the table, chart and raw lines to latest.md, latest.png and
// latest.txt. It returns the
// paths written.
func Write(rep *Report, dir string) ([]string, error) {
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return nil, fmt.Errorf("suite: results dir: %w", err)
	}
	base := filepath.Join(dir, rep.Date+"-"+rep.Commit)
	js, err := json.MarshalIndent(rep, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("suite: encode json: %w", err)
	}
	png, err := chart(rep)
	if err != nil {
		return nil, err
	}
	files := []struct {
		path string
		data []byte
	}{
		{base + ".json", append(js, '\n')},
		{base + ".txt", rep.raw.Bytes()},
		{base + ".md", []byte(markdown(rep, filepath.Base(base)+".png"))},
		{base + ".png", png},
		{filepath.Join(dir, "latest.md"), []byte(markdown(rep, "latest.png"))},
		{filepath.Join(dir, "latest.png"), png},
		{filepath.Join(dir, "latest.txt"), rep.raw.Bytes()},
	}
	var paths []string
	for _, f := range files {
		if err := os.WriteFile(f.path, f.data, 0o600); err != nil {
			return paths, fmt.Errorf("suite: write %s: %w", f.path, err)
		}
		paths = append(paths, f.path)
	}
	return paths, nil
}

// markdown renders the report's tables; image is the chart's file name.
func markdown(rep *Report, image string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# Benchmark results, %s, commit %s\n\n", rep.Date, rep.Commit)
	fmt.Fprintf(&b, "- Command: `%s`\n", rep.Command)
	fmt.Fprintf(&b, "- %s %s/%s, %d CPUs", rep.GoVersion, rep.GOOS, rep.GOARCH, rep.NumCPU)
	if rep.CPU != "" {
		fmt.Fprintf(&b, ", %s", rep.CPU)
	}
	fmt.Fprintf(&b, "; the suite took %v.\n", rep.Elapsed.Round(time.Second))
	if rep.Note != "" {
		fmt.Fprintf(&b, "- **Note:** %s\n", rep.Note)
	}
	b.WriteString("- Figures are medians over the runs (one per round) of each benchmark; every ratio compares figures from this same run. A target ratio is the median of the per-round ratios.\n\n")

	b.WriteString("## Targets from the component issues\n\n")
	b.WriteString("| issue | measure | required | measured | met |\n|---|---|---|---|---|\n")
	for _, c := range rep.Checks {
		req := c.Op + " " + num(c.Target) + " " + c.Unit
		got, met := "missing: "+c.Missing, "–"
		if c.Missing == "" {
			got = num(c.Value) + " " + c.Unit
			met = map[bool]string{true: "yes", false: "**no**"}[c.Pass]
		}
		fmt.Fprintf(&b, "| #%d | %s | %s | %s | %s |\n", c.Issue, c.What, req, got, met)
	}

	b.WriteString("\n## Ours against each baseline (same run)\n\n")
	b.WriteString("| package | benchmark | ours | baseline | ours | baseline | ratio |\n|---|---|---|---|---|---|---|\n")
	for _, p := range rep.Pairs {
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s %s | %s %s | %sx |\n", p.Pkg, p.Group, p.Ours, p.Baseline,
			num(p.OursV), p.Unit, num(p.BaseV), p.Unit, num(p.Ratio))
	}

	writeSecrets(&b, rep)

	if len(rep.Load) > 0 {
		b.WriteString("\n## Load runs (bench/load, in-process servers on 127.0.0.1)\n\n")
		b.WriteString("| run | mode | conns | requests ok | req/s | MB/s | p50 | p90 | p99 | p99.9 | max | errors |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n")
		for _, l := range rep.Load {
			r := l.Result
			mode := string(r.Mode)
			if r.Mode == "open" {
				mode = fmt.Sprintf("open @ %.0f/s", r.Rate)
			}
			fmt.Fprintf(&b, "| %s | %s | %d | %d | %s | %s | %v | %v | %v | %v | %v | %s |\n", strings.TrimPrefix(l.Name, "BenchmarkLoad/"),
				mode, r.Connections, r.OK, num(r.RequestsPerSec), num(r.MBPerSec), dur(r.P50), dur(r.P90), dur(r.P99), dur(r.P999), dur(r.Max), errText(r.Errors))
		}
	}

	b.WriteString("\n## Every benchmark (medians)\n\n")
	b.WriteString("| package | benchmark | runs | ns/op | MB/s | B/op | allocs/op | other |\n|---|---|---|---|---|---|---|---|\n")
	for _, bm := range rep.Benchmarks {
		m := bm.Median
		var other []string
		for u, v := range m {
			switch u {
			case "iters", "ns/op", "MB/s", "B/op", "allocs/op":
			default:
				other = append(other, num(v)+" "+u)
			}
		}
		sort.Strings(other)
		fmt.Fprintf(&b, "| %s | %s | %d | %s | %s | %s | %s | %s |\n", bm.Pkg, bm.Name, len(bm.Runs),
			opt(m, "ns/op"), opt(m, "MB/s"), opt(m, "B/op"), opt(m, "allocs/op"), strings.Join(other, ", "))
	}
	if len(rep.Errors) > 0 {
		b.WriteString("\n## Problems during the run\n\n")
		for _, e := range rep.Errors {
			fmt.Fprintf(&b, "- %s\n", strings.ReplaceAll(e, "|", "\\|"))
		}
	}
	fmt.Fprintf(&b, "\n![throughput by corpus and component; latency CDF](%s)\n", image)
	return b.String()
}

// writeSecrets renders the comparison with gitleaks, when it ran.
func writeSecrets(b *strings.Builder, rep *Report) {
	run := rep.Secrets
	if run == nil {
		return
	}
	fmt.Fprintf(b, "\n## Secrets: datafog against gitleaks %s (issue 14)\n\n", run.GitleaksVersion)
	fmt.Fprintf(b, "- Corpus: `bench/corpus` secrets kind, %d bytes in %d files, %d secret types: %s.\n",
		run.Bytes, run.Files, len(run.Types), strings.Join(run.Types, ", "))
	if len(run.Missing) > 0 {
		fmt.Fprintf(b, "- Built-in secret types without a corpus generator (left out): %s.\n", strings.Join(run.Missing, ", "))
	}
	b.WriteString("- Whole processes on the same files; recall counts datafog only on the exact type and span, gitleaks on any rule overlapping the value; precision counts each value or span once.\n\n")
	b.WriteString("| tool | MB/s | peak RSS |\n|---|---|---|\n")
	for _, tool := range []string{"ours", "gitleaks"} {
		for _, bm := range rep.Benchmarks {
			if bm.Pkg == pSecrets && bm.Name == secretsName(tool) {
				fmt.Fprintf(b, "| %s | %s | %s MB |\n", map[string]string{"ours": "datafog", "gitleaks": "gitleaks"}[tool], opt(bm.Median, "MB/s"), opt(bm.Median, "peak-RSS-MB"))
			}
		}
	}
	b.WriteString("\n| family | values | hard negatives | datafog recall | gitleaks recall | datafog precision | gitleaks precision | hard negatives flagged: datafog | gitleaks |\n|---|---|---|---|---|---|---|---|---|\n")
	fams := make([]string, 0, len(run.Scores["ours"]))
	for fam := range run.Scores["ours"] {
		if fam != "all" {
			fams = append(fams, fam)
		}
	}
	sort.Strings(fams)
	for _, fam := range append(fams, "all") {
		o, g := run.Scores["ours"][fam], run.Scores["gitleaks"][fam]
		if o == nil {
			continue
		}
		if g == nil {
			g = &FamilyScore{}
		}
		fmt.Fprintf(b, "| %s | %d | %d | %s | %s | %s | %s | %d | %d |\n", fam, o.Labels, o.Negatives,
			num(o.Recall), num(g.Recall), num(o.Precision), num(g.Precision), o.NegHit, g.NegHit)
	}
}

func opt(m map[string]float64, unit string) string {
	if v, ok := m[unit]; ok {
		return num(v)
	}
	return ""
}

// num prints v with about three significant digits, without exponent for
// ordinary magnitudes and without trailing zeros.
func num(v float64) string {
	s := numDigits(v)
	if strings.Contains(s, ".") && !strings.Contains(s, "e") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

func numDigits(v float64) string {
	switch a := abs(v); {
	case a == 0:
		return "0"
	case a >= 1000:
		return fmt.Sprintf("%.0f", v)
	case a >= 100:
		return fmt.Sprintf("%.1f", v)
	case a >= 10:
		return fmt.Sprintf("%.2f", v)
	case a >= 0.01:
		return fmt.Sprintf("%.3f", v)
	}
	return fmt.Sprintf("%.3g", v)
}

func abs(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}

func dur(d time.Duration) string {
	switch {
	case d >= time.Second:
		return d.Round(time.Millisecond).String()
	case d >= time.Millisecond:
		return d.Round(10 * time.Microsecond).String()
	}
	return d.Round(time.Microsecond).String()
}

func errText(errs map[string]uint64) string {
	if len(errs) == 0 {
		return "0"
	}
	var parts []string
	for k, v := range errs {
		parts = append(parts, fmt.Sprintf("%s=%d", k, v))
	}
	sort.Strings(parts)
	return strings.Join(parts, " ")
}
