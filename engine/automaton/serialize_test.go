package automaton

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"math"
	"slices"
	"strings"
	"sync"
	"testing"
)

// roundTripSets are pattern sets whose serialized forms are checked.
var roundTripSets = []struct {
	name     string
	patterns []string
	opts     Options
}{
	{"keywords-ci", piiKeywords, Options{CaseInsensitive: true}},
	{"keywords-ll-word", piiKeywords, Options{CaseInsensitive: true, Kind: LeftmostLongest, WholeWord: true}},
	{"classic", []string{"he", "she", "his", "hers"}, Options{Kind: LeftmostLongest}},
	{"empty set", nil, Options{}},
}

func TestMarshalRoundTrip(t *testing.T) {
	hay := append(genText(20000, 5), []byte(" she sells his shells, hers? PASSWORD=x AKIAXYZ ")...)
	for _, set := range roundTripSets {
		for _, eng := range engines {
			a := mustCompile(t, set.patterns, set.opts, eng.budget)
			blob, err := a.MarshalBinary()
			if err != nil {
				t.Fatal(err)
			}
			b, err := Load(blob)
			if err != nil {
				t.Fatalf("%s/%s: Load: %v", set.name, eng.name, err)
			}
			if b.dense != a.dense || b.PatternCount() != a.PatternCount() || b.MaxPatternLen() != a.MaxPatternLen() || b.MemoryUsage() != a.MemoryUsage() {
				t.Fatalf("%s/%s: loaded automaton differs: dense %v/%v count %d/%d max %d/%d mem %d/%d", set.name, eng.name,
					b.dense, a.dense, b.PatternCount(), a.PatternCount(), b.MaxPatternLen(), a.MaxPatternLen(), b.MemoryUsage(), a.MemoryUsage())
			}
			want := a.FindAll(nil, hay)
			if got := b.FindAll(nil, hay); !slices.Equal(got, want) {
				t.Fatalf("%s/%s: loaded FindAll differs: %d vs %d matches", set.name, eng.name, len(got), len(want))
			}
			if got := streamAll(b, hay, []int{7, 1, 300}); !slices.Equal(got, want) {
				t.Fatalf("%s/%s: loaded stream differs", set.name, eng.name)
			}
			again, _ := b.MarshalBinary()
			if !bytes.Equal(again, blob) {
				t.Fatalf("%s/%s: re-marshal differs", set.name, eng.name)
			}
		}
	}
}

// reseal replaces the trailing checksum so that Load gets past it and the
// structural checks are exercised.
func reseal(blob []byte) []byte {
	if len(blob) < 8 {
		return blob
	}
	out := slices.Clone(blob)
	binary.LittleEndian.PutUint32(out[len(out)-4:], crc32.Checksum(out[:len(out)-4], crcTable))
	return out
}

func TestLoadErrors(t *testing.T) {
	a := mustCompile(t, []string{"abc", "bcd"}, Options{}, dfaBudget)
	blob, _ := a.MarshalBinary()
	flip := func(off int, v byte) []byte {
		b := slices.Clone(blob)
		b[off] ^= v
		return b
	}
	// put overwrites the 32-bit header field at off and reseals.
	put := func(off int, v uint32) []byte {
		b := slices.Clone(blob)
		binary.LittleEndian.PutUint32(b[off:], v)
		return reseal(b)
	}
	for off, want := range map[int]uint32{16: 7, 20: 4, 24: 5, 28: 3, 32: 5, 36: 1, 40: 1} {
		if got := binary.LittleEndian.Uint32(blob[off:]); got != want {
			t.Fatalf("test blob header at offset %d is %d, want %d (cases below assume it)", off, got, want)
		}
	}
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"nil", nil, "automaton: load: 0 bytes is too short"},
		{"truncated", blob[:len(blob)-1], "automaton: load: bad checksum at offset"},
		{"bit flip", flip(40, 1), "automaton: load: bad checksum at offset"},
		{"bad magic", reseal(flip(0, 1)), "automaton: load: bad magic at offset 0"},
		{"bad version", reseal(flip(4, 2)), "automaton: load: unsupported version 3 at offset 4"},
		{"unknown flags", reseal(flip(8, 0x80)), "automaton: load: unknown flags 0x84 at offset 8"},
		{"bad kind", reseal(flip(12, 4)), "automaton: load: unknown match kind 4 at offset 12"},
		{"bad state count", reseal(flip(16, 0x40)), "automaton: load:"},
		{"state count 0", put(16, 0), "automaton: load: state count 0 out of range at offset 16"},
		{"state count above 2^31", put(16, 1<<31), "automaton: load: state count 2147483648 out of range at offset 16"},
		{"root mismatch", put(20, 0x80000000), "automaton: load: root 2147483648 / first match state 5 inconsistent with 7 states at offset 20"},
		{"first match state above n", put(24, 0xffffffff), "automaton: load: root 4 / first match state 4294967295 inconsistent with 7 states at offset 20"},
		{"max length above 2^30", put(28, 1<<30+1), "automaton: load: max pattern length 1073741825 out of range at offset 28"},
		{"max length above 2^31", put(28, 0xfffffffe), "automaton: load: max pattern length 4294967294 out of range at offset 28"},
		{"max length not the longest", put(28, 4), "automaton: load: max pattern length 4, but the longest pattern has 3"},
		{"class count 0", put(32, 0), "automaton: load: bad class count 0 at offset 32"},
		{"class count 257", put(32, 257), "automaton: load: bad class count 257 at offset 32"},
		{"DFA too large", put(16, 1<<22), "automaton: load: 5 classes for 4194304 states is too large for a DFA at offset 16"},
		{"prefilter kind", put(36, 3), "automaton: load: bad prefilter (kind 3, offset 1) at offset 36"},
		{"prefilter offset", put(40, 0x80000000), "automaton: load: bad prefilter (kind 1, offset 2147483648) at offset 36"},
		{"trailing bytes", reseal(append(slices.Clone(blob[:len(blob)-4]), 0, 0, 0, 0, 0)), "automaton: load: 1 trailing bytes"},
	}
	for _, tc := range cases {
		got, err := Load(tc.data)
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%s: Load = %v, %v; want error starting %q", tc.name, got, err, tc.want)
		}
	}
	// Every single-byte corruption of the body, resealed, must either be
	// rejected or load into an automaton that searches safely.
	hay := []byte("xxabcdxxbcdabc")
	for _, eng := range engines {
		a := mustCompile(t, []string{"abc", "bcd", "cdx"}, Options{Kind: LeftmostLongest, WholeWord: eng.budget == 0}, eng.budget)
		blob, _ := a.MarshalBinary()
		for off := 0; off < len(blob)-4; off++ {
			for _, v := range []byte{1, 0x80, 0xff} {
				b := slices.Clone(blob)
				b[off] ^= v
				checkLoadedSane(t, reseal(b), hay)
			}
		}
	}
}

// TestMarshalFieldOverflow checks that a value that does not fit its 32-bit
// field is reported, not wrapped.
func TestMarshalFieldOverflow(t *testing.T) {
	a := mustCompile(t, []string{"abc", "bcd"}, Options{}, dfaBudget)
	b := *a
	b.n = -1
	if blob, err := b.MarshalBinary(); blob != nil || err == nil ||
		err.Error() != "automaton: marshal: state count -1 does not fit in 32 bits at offset 16" {
		t.Fatalf("MarshalBinary with n = -1: %d bytes, %v", len(blob), err)
	}
	b = *a
	b.maxLen = math.MinInt32
	if _, err := b.MarshalBinary(); err == nil ||
		err.Error() != "automaton: marshal: max pattern length -2147483648 does not fit in 32 bits at offset 28" {
		t.Fatalf("MarshalBinary with maxLen = MinInt32: %v", err)
	}

	w := &writer{}
	w.u32("ok", math.MaxUint32)
	w.u32("too big", math.MaxUint32+1)
	w.u32("negative", -1)
	w.u32("after", 7)
	if want := []byte{0xff, 0xff, 0xff, 0xff, 7, 0, 0, 0}; !bytes.Equal(w.buf, want) {
		t.Fatalf("writer bytes % x, want % x", w.buf, want)
	}
	if w.err == nil || w.err.Error() != "automaton: marshal: too big 4294967296 does not fit in 32 bits at offset 4" {
		t.Fatalf("writer error %v", w.err)
	}
	w = &writer{}
	w.i32s("links", []int32{-1, 0, math.MaxInt32, math.MinInt32})
	want := []byte{4, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0x7f, 0, 0, 0, 0x80}
	if w.err != nil || !bytes.Equal(w.buf, want) {
		t.Fatalf("i32s wrote % x (err %v), want % x", w.buf, w.err, want)
	}
	r := &reader{data: w.buf}
	if got := r.i32s("links", 4); r.err != nil || !slices.Equal(got, []int32{-1, 0, math.MaxInt32, math.MinInt32}) {
		t.Fatalf("i32s read back %v (err %v)", got, r.err)
	}
}

// TestDivByMagic checks the multiply-shift division the DFA uses for state
// ids, at both ends of the id range [0, maxDFAEntries), for every row width.
// (Before the range was bounded, ids up to 2^31 were allowed, and for d = 1
// the product overflowed from 2^24 on.)
func TestDivByMagic(t *testing.T) {
	for d := int32(1); d <= 256; d++ {
		m := divMagic(d)
		check := func(x int32) {
			if x < 0 || x >= maxDFAEntries {
				return
			}
			if got := divByMagic(x, m); got != x/d {
				t.Fatalf("divByMagic(%d, divMagic(%d)) = %d, want %d", x, d, got, x/d)
			}
		}
		for x := int32(0); x < 4*256; x++ {
			check(x)
		}
		top := (maxDFAEntries - 1) / d * d // largest multiple of d in range
		for k := int32(0); k < 1024; k++ {
			check(top - k*d)
			check(top - k*d + 1)
			check(top - k*d - 1)
			check(maxDFAEntries - 1 - k)
		}
	}
}

// TestDFASizeCap checks that a table above maxDFAEntries becomes an NFA
// whatever the budget, so DFA ids stay in divByMagic's exact range.
func TestDFASizeCap(t *testing.T) {
	// One 70,000-byte pattern using all 256 byte values: 70,001 states times
	// 256 classes is above 2^24 entries.
	p := make([]byte, 70000)
	for i := range p {
		p[i] = byte(i * 7)
	}
	a, err := compile([]string{string(p)}, Options{}, 1<<40)
	if err != nil {
		t.Fatal(err)
	}
	if a.dense || a.nclass != 256 || a.n != 70001 {
		t.Fatalf("dense = %v, %d classes, %d states; want the NFA with 256 classes and 70001 states", a.dense, a.nclass, a.n)
	}
	hay := append(append([]byte("xx"), p...), 'y')
	if got := a.FindAll(nil, hay); len(got) != 1 || got[0] != (Match{Pattern: 0, Start: 2, End: 70002}) {
		t.Fatalf("FindAll = %v", got)
	}
}

// checkLoadedSane loads data and, if it loads, checks that searching is
// safe: matches lie inside hay, lengths fit, the stream agrees on range, and
// re-marshalling reproduces data.
func checkLoadedSane(t *testing.T, data, hay []byte) {
	t.Helper()
	a, err := Load(data)
	if err != nil {
		if !strings.HasPrefix(err.Error(), "automaton: load: ") {
			t.Fatalf("error without package prefix: %v", err)
		}
		return
	}
	inRange := func(m Match) {
		if m.Start < 0 || m.End > int64(len(hay)) || m.Start >= m.End || m.End-m.Start > int64(a.MaxPatternLen()) ||
			m.Pattern < 0 || m.Pattern >= a.PatternCount() {
			t.Fatalf("loaded automaton reported %+v for a %d-byte haystack", m, len(hay))
		}
	}
	for _, m := range a.FindAll(nil, hay) {
		inRange(m)
	}
	for _, m := range streamAll(a, hay, []int{1, 2, 3}) {
		inRange(m)
	}
	again, err := a.MarshalBinary()
	if err != nil || !bytes.Equal(again, data) {
		t.Fatalf("re-marshal of a loaded blob differs (err %v)", err)
	}
}

// TestLoadDictionary100k pins the Load-time requirement loosely (the
// benchmark measures it); it also checks the loaded dictionary agrees.
func TestLoadDictionary100k(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 100,000-term dictionary")
	}
	dict := genDictionary(100_000, 3)
	a, err := Compile(dict, Options{})
	if err != nil {
		t.Fatal(err)
	}
	blob, _ := a.MarshalBinary()
	b, err := Load(blob)
	if err != nil {
		t.Fatal(err)
	}
	hay := genText(1<<20, 4)
	if got, want := b.FindAll(nil, hay), a.FindAll(nil, hay); !slices.Equal(got, want) || len(want) == 0 {
		t.Fatalf("loaded 100k dictionary: %d matches, compiled: %d", len(got), len(want))
	}
}

// TestConcurrentFindAll shares one automaton between goroutines (run with
// -race to check it is read-only).
func TestConcurrentFindAll(t *testing.T) {
	a := mustCompile(t, piiKeywords, Options{CaseInsensitive: true, Kind: LeftmostLongest}, dfaBudget)
	hay := genText(3*laneBlock, 6)
	want := a.FindAll(nil, hay)
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var dst []Match
			for k := 0; k < 20; k++ {
				if dst = a.FindAll(dst[:0], hay); !slices.Equal(dst, want) {
					errs <- "FindAll differs"
					return
				}
				if got := streamAll(a, hay, []int{100, 3}); !slices.Equal(got, want) {
					errs <- "stream differs"
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Fatal(e)
	}
}
