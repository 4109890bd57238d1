package suite

import (
	"bytes"
	"fmt"
	"math"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/plotutil"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"

	"github.com/datafog/datafog-api/bench/corpus"
)

// component is one bar series of the throughput chart: a benchmark name
// pattern in package bench with %s for the corpus.
type component struct {
	label, pattern string
}

var components = []component{
	{"engine scan (ours)", "BenchmarkEngine/corpus=%s/impl=ours"},
	{"engine scan, streamed (ours)", "BenchmarkEngine/corpus=%s/impl=ours-stream"},
	{"scan + mask (ours)", "BenchmarkRedact/corpus=%s/impl=ours"},
	{"regexp per entity (baseline)", "BenchmarkEngine/corpus=%s/impl=regexp"},
	{"automaton, 24 keywords (ours)", "BenchmarkAutomaton/corpus=%s/impl=ours"},
	{"cloudflare/ahocorasick (baseline)", "BenchmarkAutomaton/corpus=%s/impl=cloudflare"},
}

// barFloor is the chart's lowest MB/s; bars show log10(MB/s / barFloor).
const barFloor = 0.1

// chart draws the throughput bars and the latency CDF side by side and
// returns the PNG bytes.
func chart(rep *Report) ([]byte, error) {
	bars, err := throughputPlot(rep)
	if err != nil {
		return nil, err
	}
	cdf, err := latencyPlot(rep)
	if err != nil {
		return nil, err
	}
	img := vgimg.New(vg.Points(1400), vg.Points(560))
	dc := draw.New(img)
	tiles := draw.Tiles{Rows: 1, Cols: 2, PadX: vg.Millimeter * 8, PadY: vg.Millimeter * 4,
		PadTop: vg.Millimeter * 4, PadBottom: vg.Millimeter * 4, PadLeft: vg.Millimeter * 4, PadRight: vg.Millimeter * 4}
	canvases := plot.Align([][]*plot.Plot{{bars, cdf}}, tiles, dc)
	bars.Draw(canvases[0][0])
	cdf.Draw(canvases[0][1])
	var buf bytes.Buffer
	if _, err := (vgimg.PngCanvas{Canvas: img}).WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("suite: encode chart: %w", err)
	}
	return buf.Bytes(), nil
}

func throughputPlot(rep *Report) (*plot.Plot, error) {
	idx := map[string]float64{}
	for _, b := range rep.Benchmarks {
		if b.Pkg == pBench {
			idx[b.Name] = b.Median["MB/s"]
		}
	}
	p := plot.New()
	p.Title.Text = "Throughput by corpus and component (MB/s, log scale)"
	p.Y.Label.Text = "MB/s"
	names := make([]string, len(corpus.Kinds))
	for i, k := range corpus.Kinds {
		names[i] = string(k)
	}
	p.NominalX(names...)
	var ticks []plot.Tick
	for e := 0; e <= 5; e++ {
		ticks = append(ticks, plot.Tick{Value: float64(e), Label: num(barFloor * math.Pow(10, float64(e)))})
	}
	p.Y.Tick.Marker = plot.ConstantTicks(ticks)
	p.Y.Min, p.Y.Max = 0, 5
	w := vg.Points(11)
	p.Legend.Top = true
	p.Legend.Left = true
	for i, c := range components {
		vals := make(plotter.Values, len(corpus.Kinds))
		for j, k := range corpus.Kinds {
			if v := idx[fmt.Sprintf(c.pattern, k)]; v > barFloor {
				vals[j] = math.Log10(v / barFloor)
			}
		}
		bc, err := plotter.NewBarChart(vals, w)
		if err != nil {
			return nil, fmt.Errorf("suite: chart: %w", err)
		}
		bc.Color = plotutil.Color(i)
		bc.LineStyle.Width = 0
		bc.Offset = vg.Length(float64(i)-float64(len(components)-1)/2) * w
		p.Add(bc)
		p.Legend.Add(c.label, bc)
	}
	return p, nil
}

func latencyPlot(rep *Report) (*plot.Plot, error) {
	p := plot.New()
	p.Title.Text = "/v1/scan latency CDF (~1 KB text)"
	p.X.Label.Text = "latency (ms, log scale)"
	p.Y.Label.Text = "fraction of requests"
	p.X.Scale = plot.LogScale{}
	p.X.Tick.Marker = plot.LogTicks{Prec: -1}
	p.Y.Min, p.Y.Max = 0, 1
	p.Legend.Top = false
	p.Legend.Left = false
	i := 0
	for _, l := range rep.Load {
		if !strings.Contains(l.Name, "route=scan/") {
			continue
		}
		var xy plotter.XYs
		for _, pt := range l.CDF {
			if pt.Value > 0 {
				xy = append(xy, plotter.XY{X: float64(pt.Value) / 1e6, Y: pt.Fraction})
			}
		}
		if len(xy) == 0 {
			continue
		}
		line, err := plotter.NewLine(xy)
		if err != nil {
			return nil, fmt.Errorf("suite: chart: %w", err)
		}
		line.Color = plotutil.Color(i)
		line.Width = vg.Points(1.5)
		if strings.Contains(l.Name, "/open/") {
			line.Dashes = []vg.Length{vg.Points(4), vg.Points(3)}
		}
		p.Add(line)
		p.Legend.Add(strings.TrimPrefix(l.Name, "BenchmarkLoad/route=scan/text=1KB/"), line)
		i++
	}
	if i == 0 {
		// An empty log-scale axis cannot be drawn; show a linear placeholder.
		p.X.Scale = plot.LinearScale{}
		p.X.Tick.Marker = plot.DefaultTicks{}
		p.X.Min, p.X.Max = 0, 1
		p.Title.Text += " (no load runs)"
	}
	return p, nil
}
