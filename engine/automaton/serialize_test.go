package automaton

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
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
		{"unknown flags", reseal(flip(8, 0x80)), "automaton: load: unknown flags 0x84 at offset"},
		{"bad kind", reseal(flip(12, 4)), "automaton: load: unknown match kind 4 at offset"},
		{"bad state count", reseal(flip(16, 0x40)), "automaton: load:"},
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
