package names_test

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	benchcorpus "github.com/datafog/datafog-api/bench/corpus"
	"github.com/datafog/datafog-api/engine"
	"github.com/datafog/datafog-api/engine/internal/corpus"
)

// findingsDigest pins what person and street_address find, to the byte
// and to the confidence, on the name corpus, the hard negatives, the
// stream test text, the labelled type corpus and the engine's and the
// benchmark's corpora. A change that is meant to make the detectors
// faster, not different, must leave it as it is; a change of behaviour
// updates it on purpose (the test logs the new value).
const findingsDigest = "b484c5ce4d826a4afe0e3a4c3bbb47d405d1605e6d7cf7c5778632744123ab35"

// TestFindingsDigest scans the texts with only person and
// street_address enabled (so that no other detector's change moves it),
// at confidence 0, and compares the digest of every finding (text,
// type, span, confidence) with findingsDigest.
func TestFindingsDigest(t *testing.T) {
	cfg := engine.Config{Detectors: map[engine.EntityType]engine.DetectorConfig{}}
	for _, typ := range engine.BuiltinTypes {
		if typ != "person" && typ != "street_address" {
			cfg.Detectors[typ] = engine.DetectorConfig{Disabled: true}
		}
	}
	e, err := engine.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	var texts [][]byte
	for _, rec := range nameCorpus(16, 2000) {
		texts = append(texts, []byte(rec.text))
	}
	for _, neg := range hardNegatives {
		texts = append(texts, []byte(neg))
	}
	for _, rec := range corpus.Labelled(16, 40) {
		texts = append(texts, []byte(rec.Text))
	}
	texts = append(texts, streamText(3, 512<<10), gazetteerText(t, 11, 1<<20), corpus.Prose(42, 1<<20), corpus.JSONLogs(42, 1<<20))
	for _, k := range []benchcorpus.Kind{benchcorpus.Prose, benchcorpus.JSONLogs, benchcorpus.CSV, benchcorpus.Binary,
		benchcorpus.Adversarial, benchcorpus.Clean, benchcorpus.Secrets} {
		text, _ := benchcorpus.Generate(k, 512<<10, 1)
		texts = append(texts, text)
	}
	h := sha256.New()
	counts := map[engine.EntityType]int{}
	for i, text := range texts {
		for _, f := range e.Scan(nil, text, engine.Filter{}) {
			counts[f.Type]++
			fmt.Fprintf(h, "%d %s %d %d %.4f %t\n", i, f.Type, f.Start, f.End, f.Confidence, f.Validated)
		}
	}
	got := hex.EncodeToString(h.Sum(nil))
	t.Logf("%d texts; findings %v; digest %s", len(texts), counts, got)
	if counts["person"] < 5000 || counts["street_address"] < 200 {
		t.Errorf("too few findings to pin: %v", counts)
	}
	if got != findingsDigest {
		t.Errorf("findings digest %s, want %s: person or street_address finds something else", got, findingsDigest)
	}
}

// gazetteerText writes size bytes of names drawn from the source lists
// (given names, surnames and common words, in Title case, capitals and
// lower case) in the contexts the detector weighs, so that the digest
// covers many different words of the table rather than the test
// corpus's few.
func gazetteerText(t *testing.T, seed uint64, size int) []byte {
	t.Helper()
	column := func(file string, col int) []string {
		f, err := os.Open("data/" + file)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		var out []string
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if l := sc.Text(); l != "" && l[0] != '#' {
				if fs := strings.Split(l, "\t"); col < len(fs) {
					out = append(out, fs[col])
				}
			}
		}
		return out
	}
	given, surnames, faker, common := column("ssa_given.tsv", 0), column("census1990_surnames.txt", 0), column("faker.tsv", 2), column("common_en.txt", 0)
	r := rand.New(rand.NewPCG(seed, 19))
	word := func() string {
		var w string
		switch r.IntN(4) {
		case 0:
			w = given[r.IntN(len(given))]
		case 1:
			w = surnames[r.IntN(len(surnames))]
		case 2:
			w = faker[r.IntN(len(faker))]
		default:
			w = common[r.IntN(len(common))]
		}
		switch r.IntN(5) {
		case 0:
			return strings.ToUpper(w)
		case 1:
			return strings.ToLower(w)
		}
		if w != "" && w[0] >= 'a' && w[0] <= 'z' {
			w = string(w[0]-'a'+'A') + w[1:]
		}
		return w
	}
	contexts := []string{"Dear %s,\n", "Mr %s %s called. ", "%s %s and %s %s met. ", "From: %s %s\n", "name=%s %s ",
		"%s, %s signed. ", "Dr. %s %s-%s wrote ", "%s %s %s Company ", "in %s %s at ", `{"first_name":"%s","x":"%s %s"} `,
		"Thanks,\n%s ", "%s J. %s ", "%s van %s ", "at 12 %s Street, %s 20500. ", "%s-%s %s. "}
	var b strings.Builder
	for b.Len() < size {
		c := contexts[r.IntN(len(contexts))]
		args := make([]any, strings.Count(c, "%s"))
		for k := range args {
			args[k] = word()
		}
		fmt.Fprintf(&b, c, args...)
	}
	return []byte(b.String())
}
