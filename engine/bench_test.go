package engine

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/datafog/datafog-api/engine/internal/corpus"
)

// The baseline is the datafog-api way: one Go regexp per entity type, run
// in sequence over the text, with Luhn and octet checks on the matches.
// Written here from the published patterns' description, not copied.

type baselinePattern struct {
	typ      string
	re       *regexp.Regexp
	validate func(string) bool
}

var baselinePatterns = []baselinePattern{
	{"api_key", regexp.MustCompile(`(?i)\b(?:apikey|api[_-]?key|token)[:=]\s*[a-zA-Z0-9]{16,64}\b`), nil},
	{"credit_card", regexp.MustCompile(`\b(?:\d[ -]*?){13,19}\b`), baselineLuhn},
	{"date", regexp.MustCompile(`\b(?:\d{4}[-/]\d{1,2}[-/]\d{1,2}|\d{1,2}[-/]\d{1,2}[-/]\d{2,4}|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4})\b`), nil},
	{"email", regexp.MustCompile(`(?i)\b[\w.+-]+@[\w.-]+\.[A-Za-z]{2,}\b`), nil},
	{"ip_address", regexp.MustCompile(`\b(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\b`), baselineIPv4},
	{"phone", regexp.MustCompile(`(?:\+?1[-.\s]?)?\(?\d{3}\)?[-.\s]?\d{3}[-.\s]?\d{4}`), nil},
	{"ssn", regexp.MustCompile(`\b\d{3}-\d{2}-\d{4}\b`), nil},
	{"zip_code", regexp.MustCompile(`\b\d{5}(?:-\d{4})?\b`), nil},
}

type baselineFinding struct {
	typ        string
	value      string
	start, end int
}

func baselineScan(text string) []baselineFinding {
	var out []baselineFinding
	for _, p := range baselinePatterns {
		for _, idx := range p.re.FindAllStringIndex(text, -1) {
			v := text[idx[0]:idx[1]]
			if p.validate != nil && !p.validate(v) {
				continue
			}
			out = append(out, baselineFinding{p.typ, v, idx[0], idx[1]})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].start < out[j].start })
	return out
}

func baselineLuhn(s string) bool {
	var digits []int
	for _, c := range s {
		switch {
		case c >= '0' && c <= '9':
			digits = append(digits, int(c-'0'))
		case c == ' ' || c == '-':
		default:
			return false
		}
	}
	if len(digits) < 13 || len(digits) > 19 {
		return false
	}
	sum := 0
	for i := len(digits) - 1; i >= 0; i-- {
		d := digits[i]
		if (len(digits)-1-i)%2 == 1 {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return sum%10 == 0
}

func baselineIPv4(s string) bool {
	for _, part := range strings.Split(s, ".") {
		n, err := strconv.Atoi(part)
		if err != nil || n > 255 {
			return false
		}
	}
	return true
}

const benchSize = 4 << 20

var benchCorpora = map[string][]byte{}

func benchCorpus(name string) []byte {
	if c, ok := benchCorpora[name]; ok {
		return c
	}
	var c []byte
	switch name {
	case "prose":
		c = corpus.Prose(42, benchSize)
	case "jsonlogs":
		c = corpus.JSONLogs(42, benchSize)
	}
	benchCorpora[name] = c
	return c
}

// BenchmarkScan compares, on the same corpora in the same run, our
// whole-buffer Scan (impl=ours), the streaming Scanner in 64 KiB chunks
// (impl=stream) and the regexp-per-entity baseline (impl=regexp).
func BenchmarkScan(b *testing.B) {
	e := mustEngine(b, Config{})
	for _, name := range []string{"prose", "jsonlogs"} {
		text := benchCorpus(name)
		b.Run("corpus="+name+"/impl=ours", func(b *testing.B) {
			dst := make([]Finding, 0, 1<<16)
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				dst = e.Scan(dst[:0], text, Filter{})
			}
			b.ReportMetric(float64(len(dst)), "findings")
		})
		b.Run("corpus="+name+"/impl=stream", func(b *testing.B) {
			sc := e.NewScanner(Filter{})
			n := 0
			emit := func(Finding) { n++ }
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				n = 0
				sc.Reset()
				for i := 0; i < len(text); i += 64 << 10 {
					sc.Write(text[i:min(len(text), i+64<<10)], emit)
				}
				sc.Close(emit)
			}
			b.ReportMetric(float64(n), "findings")
		})
		b.Run("corpus="+name+"/impl=regexp", func(b *testing.B) {
			// The baseline runs at well under 1 MB/s, so it gets the first
			// 256 KiB of the corpus (same text, same MB/s meaning).
			s := string(text[:256<<10])
			var out []baselineFinding
			b.SetBytes(int64(len(s)))
			b.ReportAllocs()
			for b.Loop() {
				out = baselineScan(s)
			}
			b.ReportMetric(float64(len(out)), "findings")
		})
	}
}
