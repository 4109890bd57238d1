package suite

import (
	"bytes"
	"os"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/datafog/datafog-api/bench/corpus"
)

// TestSplitCorpus cuts the secrets corpus into files at line ends outside
// every label (a PEM block is never cut), and each file's labels point
// at the same bytes as before.
func TestSplitCorpus(t *testing.T) {
	data, labels := corpus.GenerateSecrets(corpus.ContractSecretTypes, 300<<10, 5)
	files := splitCorpus(data, labels, 4<<10)
	if len(files) < 60 {
		t.Fatalf("%d files", len(files))
	}
	var joined []byte
	n := 0
	for _, f := range files {
		if len(f.data) == 0 || f.data[len(f.data)-1] != '\n' && len(joined)+len(f.data) != len(data) {
			t.Fatalf("%s does not end at a line end", f.name)
		}
		for _, l := range f.labels {
			orig := labels[n]
			if !bytes.Equal(f.data[l.Start:l.End], data[orig.Start:orig.End]) || l.Type != orig.Type {
				t.Fatalf("%s: label %+v points elsewhere than %+v", f.name, l, orig)
			}
			n++
		}
		joined = append(joined, f.data...)
	}
	if !bytes.Equal(joined, data) || n != len(labels) {
		t.Fatalf("files do not join into the corpus (%d of %d labels)", n, len(labels))
	}
}

// TestScore scores hand-made spans against hand-made labels.
func TestScore(t *testing.T) {
	files := map[string]*corpusFile{
		"a": {labels: []corpus.Label{
			{Type: "github_token", Start: 0, End: 40, Valid: true},
			{Type: "github_token", Start: 50, End: 90, Negative: corpus.NegLookalike},
			{Type: "aws_access_key", Start: 100, End: 120, Valid: true},
			{Type: "api_key", Start: 130, End: 150, Valid: true},
		}},
		"b": {labels: []corpus.Label{{Type: "aws_access_key", Start: 0, End: 20, Valid: true}}},
	}
	ours := []span{
		{"a", 0, 40, "github_token"},    // found
		{"a", 50, 90, "github_token"},   // a hard negative
		{"a", 100, 120, "api_key"},      // the right value, the wrong type: a true positive, not found
		{"a", 200, 210, "slack_token"},  // an ordinary line
		{"b", 0, 20, "aws_access_key"},  // found
		{"b", 0, 20, "aws_access_key"},  // the same again: counted once
		{"zz", 0, 5, "aws_access_key"},  // no such file: ignored
		{"a", 130, 150, "api_key"},      // found
		{"a", 130, 140, "stripe_key"},   // a second finding on the same value
		{"b", 30, 40, "aws_access_key"}, // an ordinary line
	}
	got := score(files, ours, true, corpus.Provider)
	want := map[string]FamilyScore{
		"github":  {Labels: 1, Negatives: 1, Found: 1, TP: 1, FP: 1, NegHit: 1, Recall: 1, Precision: 0.5},
		"aws":     {Labels: 2, Found: 1, TP: 2, FP: 1, Recall: 0.5, Precision: 2.0 / 3},
		"generic": {Labels: 1, Found: 1, TP: 1, Recall: 1, Precision: 1},
		"slack":   {FP: 1, Recall: 0, Precision: 0},
		"all":     {Labels: 4, Negatives: 1, Found: 3, TP: 4, FP: 3, NegHit: 1, Recall: 0.75, Precision: 4.0 / 7},
	}
	for fam, w := range want {
		if g := got[fam]; g == nil || *g != w {
			t.Errorf("%s: got %+v, want %+v", fam, g, w)
		}
	}
	// Without strict types (gitleaks), the api_key finding on the AWS key
	// finds it.
	if g := score(files, ours, false, corpus.Provider)["aws"]; g.Found != 2 || g.Recall != 1 {
		t.Errorf("not strict: aws %+v", g)
	}
}

// TestGitleaksSpans locates gitleaks findings by line and secret.
func TestGitleaksSpans(t *testing.T) {
	data := []byte("x\nkey 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\n-----BEGIN RSA PRIVATE KEY-----\nQUJD\n-----END RSA PRIVATE KEY-----\nlast\n")
	files := map[string]*corpusFile{"/c/p.txt": {data: data}}
	report := `[
 {"RuleID":"github-pat","File":"/c/p.txt","StartLine":2,"EndLine":2,"Secret":"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"},
 {"RuleID":"private-key","File":"/c/p.txt","StartLine":3,"EndLine":5,"Secret":"-----BEGIN RSA PRIVATE KEY-----\nQUJD\n-----END RSA PRIVATE KEY-----"},
 {"RuleID":"generic-api-key","File":"/c/p.txt","StartLine":6,"EndLine":6,"Secret":"decoded-elsewhere"}
]`
	got, err := gitleaksSpans([]byte(report), files)
	if err != nil {
		t.Fatal(err)
	}
	want := []span{{"/c/p.txt", 6, 46, "github-pat"}, {"/c/p.txt", 47, 113, "private-key"}, {"/c/p.txt", 114, 119, "generic-api-key"}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %+v\nwant %+v", got, want)
	}
	if _, err := gitleaksSpans([]byte(`[{"File":"/elsewhere"}]`), files); err == nil || !strings.Contains(err.Error(), "unknown file") {
		t.Fatalf("unknown file: %v", err)
	}
	for rule, fam := range map[string]string{"github-pat": "github", "gcp-api-key": "google", "private-key": "private_key", "generic-api-key": "generic", "slack-bot-token": "slack"} {
		if gitleaksFamily(rule) != fam {
			t.Errorf("gitleaksFamily(%s) = %s", rule, gitleaksFamily(rule))
		}
	}
}

// TestSecretsChecks builds issue 14's checks from a run: recall checks
// for the families gitleaks finds anything of, and evaluates them.
func TestSecretsChecks(t *testing.T) {
	run := &SecretsRun{Scores: map[string]map[string]*FamilyScore{
		"ours":     {"github": {Recall: 1}, "aws": {Recall: 0.5}, "jwt": {Recall: 1}, "all": {Recall: 0.9, Precision: 0.995}},
		"gitleaks": {"github": {Found: 9, Recall: 0.9}, "aws": {Found: 10, Recall: 1}, "jwt": {Found: 0}, "all": {Found: 19}},
	}}
	benches := []*Bench{
		bench(pSecrets, secretsName("ours"), map[string]float64{"MB/s": 300}),
		bench(pSecrets, secretsFamilyName("all", "ours"), map[string]float64{"precision": 0.995}),
		bench(pSecrets, secretsName("gitleaks"), map[string]float64{"MB/s": 2}),
		bench(pSecrets, secretsFamilyName("github", "ours"), map[string]float64{"recall": 1}),
		bench(pSecrets, secretsFamilyName("github", "gitleaks"), map[string]float64{"recall": 0.9}),
		bench(pSecrets, secretsFamilyName("aws", "ours"), map[string]float64{"recall": 0.5}),
		bench(pSecrets, secretsFamilyName("aws", "gitleaks"), map[string]float64{"recall": 1}),
	}
	res := evaluate(secretsChecks(run), benches)
	var got []string
	for _, r := range res {
		got = append(got, r.What+" "+num(r.Value)+" "+map[bool]string{true: "pass", false: "fail"}[r.Pass])
	}
	want := []string{
		"secrets corpus, whole process on the same files: datafog vs gitleaks throughput 150 pass",
		"secrets corpus: datafog's precision, hard negatives included 0.995 pass",
		"secrets corpus, aws: datafog's recall over gitleaks' 0.5 fail",
		"secrets corpus, github: datafog's recall over gitleaks' 1.111 pass",
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("checks:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if secretsChecks(nil) != nil {
		t.Fatal("checks without a run")
	}
}

// TestTimeProcess runs this test binary as a child that touches 64 MiB,
// sleeps and exits 1 (a scanner's "found something"): the run counts as
// a success, and the peak RSS is the child's own, at least 64 MiB and far
// below what the parent's would add (the parent holds 256 MiB here).
func TestTimeProcess(t *testing.T) {
	if os.Getenv("SUITE_HELPER_ALLOC") != "" {
		return
	}
	ballast := make([]byte, 256<<20)
	for i := range ballast {
		ballast[i] = 1
	}
	t.Setenv("SUITE_HELPER_ALLOC", "1")
	elapsed, rss, err := timeProcess(t.Context(), t.TempDir(), []string{os.Args[0], "-test.run", "^TestHelperAlloc$"})
	if err != nil {
		t.Fatal(err)
	}
	runtime.KeepAlive(ballast)
	if elapsed < 100*time.Millisecond || rss < 64<<10 || rss > 200<<10 {
		t.Fatalf("elapsed %v, peak RSS %d KiB; want 100 ms or more and 64 to 200 MiB", elapsed, rss)
	}
	_, _, err = timeProcess(t.Context(), t.TempDir(), []string{os.Args[0], "-test.run", "^TestHelperFail$"})
	if err == nil {
		t.Fatal("exit status 2 taken for success")
	}
}

// TestHelperAlloc is the child of TestTimeProcess.
func TestHelperAlloc(t *testing.T) {
	if os.Getenv("SUITE_HELPER_ALLOC") == "" {
		t.Skip("helper process")
	}
	b := make([]byte, 64<<20)
	for i := range b {
		b[i] = 1
	}
	time.Sleep(150 * time.Millisecond)
	runtime.KeepAlive(b)
	os.Exit(1)
}

// TestHelperFail is a child that fails.
func TestHelperFail(t *testing.T) {
	if os.Getenv("SUITE_HELPER_ALLOC") == "" {
		t.Skip("helper process")
	}
	os.Exit(2)
}
