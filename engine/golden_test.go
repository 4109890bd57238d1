package engine

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"

	benchcorpus "github.com/datafog/datafog-api/bench/corpus"
	"github.com/datafog/datafog-api/engine/internal/corpus"
)

// The golden file testdata/golden.txt pins the exact findings of the
// default engine on every benchmark corpus, so that no shortcut, fast path
// or refactor changes what is found without the change being seen and
// accepted. Each line is
//
//	<corpus> <sha256 of the findings> <count> <type>=<count>,...
//
// where the digest covers one "type start end confidence validated" line
// per finding. Regenerate after an intended change with
//
//	go test ./engine/ -run TestGoldenFindings -update-golden
//
// and read the per-type counts in the diff: they say what changed.

var updateGolden = flag.Bool("update-golden", false, "rewrite testdata/golden.txt from the current engine")

const goldenFile = "testdata/golden.txt"

// goldenCorpora returns every corpus the golden file covers, by name.
func goldenCorpora() map[string][]byte {
	out := map[string][]byte{
		"internal/prose/42":    corpus.Prose(42, 1<<20),
		"internal/jsonlogs/42": corpus.JSONLogs(42, 1<<20),
	}
	for _, k := range append(append([]benchcorpus.Kind(nil), benchcorpus.Kinds...), benchcorpus.Clean) {
		for _, seed := range []int64{1, 7} {
			data, _ := benchcorpus.Generate(k, 1<<20, seed)
			out[fmt.Sprintf("bench/%s/%d", k, seed)] = data
		}
	}
	var lab []byte
	for _, r := range corpus.Labelled(corpusSeed, corpusPer) {
		lab = append(lab, r.Text...)
		lab = append(lab, '\n')
	}
	out["labelled"] = lab
	return out
}

// goldenLine summarises the findings of text.
func goldenLine(name string, fs []Finding) string {
	h := sha256.New()
	counts := map[EntityType]int{}
	for _, f := range fs {
		fmt.Fprintf(h, "%s %d %d %s %t\n", f.Type, f.Start, f.End, strconv.FormatFloat(f.Confidence, 'g', -1, 64), f.Validated)
		counts[f.Type]++
	}
	types := make([]string, 0, len(counts))
	for t, n := range counts {
		types = append(types, fmt.Sprintf("%s=%d", t, n))
	}
	sort.Strings(types)
	return fmt.Sprintf("%s %s %d %s", name, hex.EncodeToString(h.Sum(nil))[:32], len(fs), strings.Join(types, ","))
}

func TestGoldenFindings(t *testing.T) {
	e := mustEngine(t, Config{})
	corpora := goldenCorpora()
	names := make([]string, 0, len(corpora))
	for n := range corpora {
		names = append(names, n)
	}
	sort.Strings(names)
	var got []string
	for _, n := range names {
		got = append(got, goldenLine(n, e.Scan(nil, corpora[n], Filter{})))
	}
	if *updateGolden {
		if err := os.WriteFile(goldenFile, []byte(strings.Join(got, "\n")+"\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		return
	}
	f, err := os.Open(goldenFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		want[strings.Fields(line)[0]] = line
	}
	for _, line := range got {
		name := strings.Fields(line)[0]
		if want[name] != line {
			t.Errorf("findings changed on %s:\n got  %s\n want %s", name, line, want[name])
		}
		delete(want, name)
	}
	for name := range want {
		t.Errorf("golden corpus %s is no longer generated", name)
	}
}
