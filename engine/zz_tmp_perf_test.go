package engine

// TEMPORARY (perf work): reference comparison and thread-CPU measurement.

import (
	"encoding/json"
	"math/rand/v2"
	"os"
	"reflect"
	"runtime"
	"syscall"
	"testing"
	"time"
	"unsafe"

	"github.com/datafog/datafog-api/engine/automaton"
	"github.com/datafog/datafog-api/engine/internal/corpus"
)

func zzThreadCPU() time.Duration {
	var ts syscall.Timespec
	syscall.Syscall(syscall.SYS_CLOCK_GETTIME, 3, uintptr(unsafe.Pointer(&ts)), 0)
	return time.Duration(ts.Nano())
}

func zzMBs(f func(), n int) float64 {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	var ds []float64
	for r := 0; r < 25; r++ {
		t0 := zzThreadCPU()
		for k := 0; k < 1; k++ {
			f()
		}
		ds = append(ds, float64(zzThreadCPU()-t0))
	}
	// median
	for i := range ds {
		for j := i + 1; j < len(ds); j++ {
			if ds[j] < ds[i] {
				ds[i], ds[j] = ds[j], ds[i]
			}
		}
	}
	return float64(n) / ds[0] * 1e9 / 1e6
}

func TestZZCPU(t *testing.T) {
	if os.Getenv("ZZCPU") == "" {
		t.Skip()
	}
	e := mustEngine(t, Config{})
	for _, name := range []string{"prose", "jsonlogs"} {
		text := benchCorpus(name)
		dst := make([]Finding, 0, 1<<16)
		ours := zzMBs(func() { dst = e.Scan(dst[:0], text, Filter{}) }, len(text))
		sc := e.NewScanner(Filter{})
		emit := func(Finding) {}
		stream := zzMBs(func() {
			sc.Reset()
			for i := 0; i < len(text); i += 64 << 10 {
				sc.Write(text[i:min(len(text), i+64<<10)], emit)
			}
			sc.Close(emit)
		}, len(text))
		t.Logf("%-8s scan %6.0f MB/s  stream %6.0f MB/s  overhead %+.1f%%", name, ours, stream, (ours/stream-1)*100)
	}
}

func zzInputs() map[string][]byte {
	in := map[string][]byte{
		"prose":   corpus.Prose(42, 1<<20),
		"json":    corpus.JSONLogs(42, 1<<20),
		"stream":  streamText(1, 400<<10),
		"stream9": streamText(9, 400<<10),
	}
	// random junk from a trigger-heavy alphabet
	r := rand.New(rand.NewPCG(5, 5))
	alpha := []byte("0123456789::--__==@.AJeyxobghpskKIA/ ,+()\"'abcdefABCDEFZ T\n")
	b := make([]byte, 1<<20)
	for i := range b {
		b[i] = alpha[r.IntN(len(alpha))]
	}
	in["junk"] = b
	// digits and separators
	alpha2 := []byte("0123456789012345678901234567890123456789 -./:,T")
	b2 := make([]byte, 1<<20)
	for i := range b2 {
		b2[i] = alpha2[r.IntN(len(alpha2))]
	}
	in["digits"] = b2
	var lab []byte
	for _, rec := range corpus.Labelled(1, 50) {
		lab = append(lab, rec.Text...)
		lab = append(lab, '\n')
	}
	in["labelled"] = lab
	return in
}

func TestZZRef(t *testing.T) {
	mode := os.Getenv("ZZREF")
	if mode == "" {
		t.Skip()
	}
	e := mustEngine(t, Config{Dictionaries: []Dictionary{{EntityType: "codename", Terms: []string{"Blue Falcon", "falcon", "order"}, CaseInsensitive: true, WholeWord: true}}})
	e2 := mustEngine(t, Config{Detectors: map[EntityType]DetectorConfig{ZipCode: {MinConfidence: 0.5}, Phone: {Disabled: true}}})
	got := map[string][]Finding{}
	for name, text := range zzInputs() {
		got[name] = e.Scan(nil, text, Filter{})
		got[name+"/e2"] = e2.Scan(nil, text, Filter{})
		var s []Finding
		sc := e.NewScanner(Filter{})
		emit := func(f Finding) { s = append(s, f) }
		for i := 0; i < len(text); i += 65536 {
			sc.Write(text[i:min(len(text), i+65536)], emit)
		}
		sc.Close(emit)
		if !reflect.DeepEqual(s, got[name]) {
			t.Errorf("%s: stream differs from scan", name)
		}
	}
	if mode == "write" {
		b, _ := json.Marshal(got)
		os.WriteFile("/tmp/zzref.json", b, 0o644)
		return
	}
	var want map[string][]Finding
	b, _ := os.ReadFile("/tmp/zzref.json")
	json.Unmarshal(b, &want)
	for k := range want {
		if !reflect.DeepEqual(got[k], want[k]) {
			t.Errorf("%s: %d findings, want %d; %s", k, len(got[k]), len(want[k]), firstDiff(got[k], want[k]))
		} else {
			t.Logf("%s: %d findings ok", k, len(got[k]))
		}
	}
}

func TestZZKeyDiff(t *testing.T) {
	aut, _ := automaton.Compile(keyWords, automaton.Options{CaseInsensitive: true, Kind: automaton.Overlapping})
	old := func(key []byte) bool {
		var buf [8]automaton.Match
		for _, m := range aut.FindAll(buf[:0], key) {
			a := int(m.Start)
			if a == 0 {
				return true
			}
			p := key[a-1]
			if p == '_' || p == '-' || p == '.' || isLower(p) && isUpper(key[a]) || isDigit(p) {
				return true
			}
		}
		return false
	}
	r := rand.New(rand.NewPCG(1, 2))
	parts := []string{"key", "KEY", "Key", "api", "token", "TOKEN", "secret", "pass", "word", "passwd", "pwd", "phrase", "credential", "s", "_", "-", ".", "1", "x", "X", "my", "apikey", "AuthToken", "kE", "y"}
	for n := 0; n < 200000; n++ {
		var b []byte
		for k := r.IntN(5); k >= 0; k-- {
			b = append(b, parts[r.IntN(len(parts))]...)
		}
		if old(b) != secretKeyName(b) {
			t.Fatalf("%q: old %v new %v", b, old(b), secretKeyName(b))
		}
	}
}
