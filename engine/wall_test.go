package engine

import (
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	benchcorpus "github.com/datafog/datafog-api/bench/corpus"
)

// TestWallMax times Scan on 4 MiB bench corpora in this process and
// prints, per corpus, the best, upper-quartile and median MB/s of
// WALL_N scans (default 25). On a shared machine the best of many short
// scans moves by a few percent between runs where a benchmark's mean
// moves by ten or more, so alternating runs of two builds tell small
// differences apart (bench/README.md, "Wall clock on a noisy machine").
// It is skipped unless WALL_CORPUS lists corpora (comma-separated bench
// corpus kinds); WALL_DISABLE lists types to disable, as ICOUNT_DISABLE
// does ("later": every type after the contract's first 24).
func TestWallMax(t *testing.T) {
	kinds := os.Getenv("WALL_CORPUS")
	if kinds == "" {
		t.Skip("WALL_CORPUS is not set")
	}
	n, err := strconv.Atoi(os.Getenv("WALL_N"))
	if err != nil || n < 4 {
		n = 25
	}
	e := mustEngine(t, disabling(os.Getenv("WALL_DISABLE")))
	for _, k := range strings.Split(kinds, ",") {
		if _, err := benchcorpus.ParseKind(k); err != nil {
			t.Fatal(err)
		}
		text, _ := benchcorpus.Generate(benchcorpus.Kind(k), 4<<20, 1)
		dst := e.Scan(make([]Finding, 0, 1<<17), text, Filter{})
		mbs := make([]float64, n)
		for r := range mbs {
			start := time.Now()
			dst = e.Scan(dst[:0], text, Filter{})
			mbs[r] = float64(len(text)) / time.Since(start).Seconds() / 1e6
		}
		slices.Sort(mbs)
		fmt.Printf("wall %s max %.1f p75 %.1f median %.1f MB/s\n", k, mbs[n-1], mbs[n*3/4], mbs[n/2])
	}
}
