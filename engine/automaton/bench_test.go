package automaton

import (
	"bytes"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/cloudflare/ahocorasick"
)

// Benchmarks compare our automaton with github.com/cloudflare/ahocorasick
// and regexp in the same run; sub-benchmark names (impl=...) are meant for
// benchstat. Run:
//
//	go test ./engine/automaton/ -run '^$' -bench . -count 5 -benchtime 1s

const benchTextSize = 4 << 20

var benchText = sync.OnceValue(func() []byte { return genText(benchTextSize, 1) })

// BenchmarkKeywords is workload (a): 24 case-insensitive keywords.
func BenchmarkKeywords(b *testing.B) {
	text := benchText()
	b.Run("impl=ours", func(b *testing.B) {
		a, err := Compile(piiKeywords, Options{CaseInsensitive: true})
		if err != nil {
			b.Fatal(err)
		}
		benchFindAll(b, a, text)
	})
	b.Run("impl=ours-leftmost", func(b *testing.B) {
		a, err := Compile(piiKeywords, Options{CaseInsensitive: true, Kind: LeftmostLongest})
		if err != nil {
			b.Fatal(err)
		}
		benchFindAll(b, a, text)
	})
	b.Run("impl=ours-stream64k", func(b *testing.B) {
		a, err := Compile(piiKeywords, Options{CaseInsensitive: true})
		if err != nil {
			b.Fatal(err)
		}
		st := a.NewStream()
		n := 0
		emit := func(Match) { n++ }
		b.SetBytes(int64(len(text)))
		b.ReportAllocs()
		for b.Loop() {
			for i := 0; i < len(text); i += 64 << 10 {
				st.Write(text[i:min(len(text), i+64<<10)], emit)
			}
			st.Close(emit)
		}
	})
	b.Run("impl=cloudflare", func(b *testing.B) {
		// Favours cloudflare: it gets lower-cased keywords and a haystack
		// lower-cased outside the timed loop.
		lowerKw := make([]string, len(piiKeywords))
		for i, k := range piiKeywords {
			lowerKw[i] = strings.ToLower(k)
		}
		benchCloudflare(b, lowerKw, bytes.ToLower(text))
	})
	b.Run("impl=regexp", func(b *testing.B) {
		quoted := make([]string, len(piiKeywords))
		for i, k := range piiKeywords {
			quoted[i] = regexp.QuoteMeta(k)
		}
		re := regexp.MustCompile("(?i)" + strings.Join(quoted, "|"))
		b.SetBytes(int64(len(text)))
		b.ReportAllocs()
		for b.Loop() {
			if len(re.FindAllIndex(text, -1)) == 0 {
				b.Fatal("no matches")
			}
		}
	})
}

// BenchmarkSecretPrefixes measures the rare-byte prefilter: case-sensitive
// token prefixes over the same prose, with the prefilter on and off.
func BenchmarkSecretPrefixes(b *testing.B) {
	text := benchText()
	a, err := Compile(secretPrefixes, Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Run("impl=ours", func(b *testing.B) { benchFindAll(b, a, text) })
	b.Run("impl=ours-noprefilter", func(b *testing.B) {
		off := *a
		off.pre = prefilter{}
		benchFindAll(b, &off, text)
	})
	b.Run("impl=cloudflare", func(b *testing.B) { benchCloudflare(b, secretPrefixes, text) })
}

// BenchmarkDict10k is workload (b): a 10,000-term dictionary.
func BenchmarkDict10k(b *testing.B) {
	text := benchText()
	dict := genDictionary(10_000, 2)
	b.Run("impl=ours", func(b *testing.B) {
		a, err := Compile(dict, Options{})
		if err != nil {
			b.Fatal(err)
		}
		benchFindAll(b, a, text)
	})
	b.Run("impl=ours-leftmost-word", func(b *testing.B) {
		a, err := Compile(dict, Options{Kind: LeftmostLongest, WholeWord: true})
		if err != nil {
			b.Fatal(err)
		}
		benchFindAll(b, a, text)
	})
	b.Run("impl=cloudflare", func(b *testing.B) { benchCloudflare(b, dict, text) })
}

// BenchmarkDict100k is workload (c): a 100,000-term dictionary.
func BenchmarkDict100k(b *testing.B) {
	text := benchText()
	dict := genDictionary(100_000, 3)
	b.Run("op=build", func(b *testing.B) {
		b.ReportAllocs()
		var a *Automaton
		for b.Loop() {
			var err error
			if a, err = Compile(dict, Options{}); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(a.MemoryUsage())/(1<<20), "MB-held")
	})
	a, err := Compile(dict, Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Run("op=scan/impl=ours", func(b *testing.B) {
		benchFindAll(b, a, text)
		b.ReportMetric(float64(a.MemoryUsage())/(1<<20), "MB-held")
	})
	b.Run("op=scan/impl=cloudflare", func(b *testing.B) { benchCloudflare(b, dict, text) })
	blob, err := a.MarshalBinary()
	if err != nil {
		b.Fatal(err)
	}
	b.Run("op=load", func(b *testing.B) {
		b.SetBytes(int64(len(blob)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := Load(blob); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func benchFindAll(b *testing.B, a *Automaton, text []byte) {
	dst := a.FindAll(nil, text)
	if len(dst) == 0 {
		b.Fatal("no matches")
	}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		dst = a.FindAll(dst[:0], text)
	}
}

func benchCloudflare(b *testing.B, dict []string, text []byte) {
	mt := ahocorasick.NewStringMatcher(dict)
	if len(mt.Match(text)) == 0 {
		b.Fatal("no matches")
	}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		mt.Match(text)
	}
}
