package engine

// TEMPORARY: per-thread CPU time measurement, old vs new interleaved;
// delete before finishing.

import (
	"fmt"
	"os"
	"runtime"
	"sort"
	"syscall"
	"testing"
	"unsafe"

	"github.com/datafog/datafog-api/engine/internal/oldengine"
)

func threadCPU() int64 {
	var ts syscall.Timespec
	syscall.Syscall(syscall.SYS_CLOCK_GETTIME, 3, uintptr(unsafe.Pointer(&ts)), 0)
	return ts.Nano()
}

func TestCPUTime(t *testing.T) {
	if os.Getenv("CPUTIME") == "" {
		t.Skip()
	}
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	e := mustEngine(t, Config{})
	o, _ := oldengine.New(oldengine.Config{})
	for _, name := range []string{"prose", "jsonlogs"} {
		text := benchCorpus(name)
		dst := make([]Finding, 0, 1<<16)
		odst := make([]oldengine.Finding, 0, 1<<16)
		sc := e.NewScanner(Filter{})
		osc := o.NewScanner(oldengine.Filter{})
		emit := func(Finding) {}
		oemit := func(oldengine.Finding) {}
		var best [4]int64
		for k := range best {
			best[k] = 1 << 62
		}
		var ratios [2][]float64
		for r := 0; r < 30; r++ {
			t0 := threadCPU()
			dst = e.Scan(dst[:0], text, Filter{})
			t1 := threadCPU()
			odst = o.Scan(odst[:0], text, oldengine.Filter{})
			t2 := threadCPU()
			sc.Reset()
			for i := 0; i < len(text); i += 64 << 10 {
				sc.Write(text[i:min(len(text), i+64<<10)], emit)
			}
			sc.Close(emit)
			t3 := threadCPU()
			osc.Reset()
			for i := 0; i < len(text); i += 64 << 10 {
				osc.Write(text[i:min(len(text), i+64<<10)], oemit)
			}
			osc.Close(oemit)
			t4 := threadCPU()
			d := [4]int64{t1 - t0, t2 - t1, t3 - t2, t4 - t3}
			for k := range d {
				best[k] = min(best[k], d[k])
			}
			ratios[0] = append(ratios[0], float64(d[1])/float64(d[0]))
			ratios[1] = append(ratios[1], float64(d[3])/float64(d[2]))
		}
		mb := func(ns int64) float64 { return float64(len(text)) / float64(ns) * 1e3 }
		med := func(x []float64) float64 { sort.Float64s(x); return x[len(x)/2] }
		fmt.Printf("CPU %-8s scan new %5.0f old %5.0f (median pair ratio %.2fx) | stream new %5.0f old %5.0f (%.2fx) | stream overhead new %+.0f%% old %+.0f%%\n",
			name, mb(best[0]), mb(best[1]), med(ratios[0]), mb(best[2]), mb(best[3]), med(ratios[1]),
			100*(float64(best[2])/float64(best[0])-1), 100*(float64(best[3])/float64(best[1])-1))
	}
}
