package automaton

import (
	"bytes"
	"os"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/cloudflare/ahocorasick"
)

func threadCPU() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(1 /* RUSAGE_THREAD */, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func cpuMBs(f func(), n int) float64 {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	best := 1e18
	for r := 0; r < 5; r++ {
		t0 := threadCPU()
		for k := 0; k < 3; k++ {
			f()
		}
		d := float64(threadCPU()-t0) / 3
		best = min(best, d)
	}
	return float64(n) / best * 1e9 / 1e6
}

func TestZZCPU(t *testing.T) {
	if os.Getenv("ZZCPU") == "" {
		t.Skip()
	}
	text := benchText()
	kw, _ := Compile(piiKeywords, Options{CaseInsensitive: true})
	kwl, _ := Compile(piiKeywords, Options{CaseInsensitive: true, Kind: LeftmostLongest})
	lk := make([]string, len(piiKeywords))
	for i, k := range piiKeywords {
		lk[i] = strings.ToLower(k)
	}
	cf := ahocorasick.NewStringMatcher(lk)
	lt := bytes.ToLower(text)
	dst := kw.FindAll(nil, text)
	t.Logf("kw prefilter kind %d", kw.pre.kind)
	t.Logf("kw ours %.0f MB/s", cpuMBs(func() { dst = kw.FindAll(dst[:0], text) }, len(text)))
	t.Logf("kw ours-ll %.0f MB/s", cpuMBs(func() { dst = kwl.FindAll(dst[:0], text) }, len(text)))
	t.Logf("kw cf %.0f MB/s", cpuMBs(func() { cf.Match(lt) }, len(text)))
	dict := genDictionary(10000, 2)
	d, _ := Compile(dict, Options{})
	t.Logf("dict prefilter kind %d states %d classes %d", d.pre.kind, d.n, d.nclass)
	dst = d.FindAll(dst[:0], text)
	t.Logf("dict ours %.0f MB/s matches %d", cpuMBs(func() { dst = d.FindAll(dst[:0], text) }, len(text)), len(dst))
	cf2 := ahocorasick.NewStringMatcher(dict)
	t.Logf("dict cf %.0f MB/s", cpuMBs(func() { cf2.Match(text) }, len(text)))
}

func TestZZ100k(t *testing.T) {
	if os.Getenv("ZZCPU") == "" {
		t.Skip()
	}
	text := benchText()
	dict := genDictionary(100000, 3)
	for _, budget := range []int{dfaBudget, 0} {
		t0 := time.Now()
		a, _ := compile(dict, Options{}, budget)
		bt := time.Since(t0)
		blob, _ := a.MarshalBinary()
		t0 = time.Now()
		Load(blob)
		lt := time.Since(t0)
		dst := a.FindAll(nil, text)
		t.Logf("dense %v n %d nclass %d mem %.1fMB rows %d build %v load %v scan %.0f MB/s", a.dense, a.n, a.nclass, float64(a.MemoryUsage())/(1<<20), len(a.rows)/int(a.nclass), bt, lt,
			cpuMBs(func() { dst = a.FindAll(dst[:0], text) }, len(text)))
	}
}
