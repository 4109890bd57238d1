package suite

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/datafog/datafog-api/bench/corpus"
	"github.com/datafog/datafog-api/engine"
)

// The secrets comparison (issue 14): datafog's CLI and a pinned gitleaks
// (module bench/gitleaks) scan the same directory of secrets-corpus files
// (bench/corpus, every built-in secret type that has a generator), one
// whole process each, alternating, Count times. The suite records each
// tool's throughput (corpus bytes over wall-clock time, startup included)
// and peak RSS, and from the first round's reports its recall and
// precision per provider family.

const (
	pSecrets = "bench/secrets"
	// gitleaksModule is the pinned module's path and gitleaksDir its
	// directory under the repository root.
	gitleaksModule = "github.com/zricethezav/gitleaks/v8"
	gitleaksDir    = "bench/gitleaks"
	// secretsFileSize is the size of each corpus file.
	secretsFileSize = 64 << 10
)

// SecretsRun is what the comparison measured.
type SecretsRun struct {
	Bytes           int                                `json:"bytes"`
	Files           int                                `json:"files"`
	Types           []string                           `json:"types"`
	Missing         []string                           `json:"types_without_generator"`
	GitleaksVersion string                             `json:"gitleaks_version"`
	Scores          map[string]map[string]*FamilyScore `json:"scores"` // tool -> family -> score
}

// secretsName is the benchmark name of a tool's run.
func secretsName(tool string) string { return "BenchmarkSecrets/impl=" + tool }

// secretsFamilyName is the benchmark name of a tool's score on a family
// ("all": over every family).
func secretsFamilyName(family, tool string) string {
	return "BenchmarkSecretsFamily/family=" + family + "/impl=" + tool
}

// runSecrets runs the comparison and records it.
func (rep *Report) runSecrets(ctx context.Context, o Options, binDir string) {
	logf(o.Log, "== secrets: datafog against gitleaks on %d bytes", o.SecretsSize)
	var types []string
	for _, info := range engine.Catalog() {
		if info.Family == "secret" {
			types = append(types, info.EntityType)
		}
	}
	from, missing := corpus.SecretCoverage(types)
	run := &SecretsRun{Missing: missing, Scores: map[string]map[string]*FamilyScore{}}
	for t := range from {
		run.Types = append(run.Types, t)
	}
	sort.Strings(run.Types)
	data, labels := corpus.GenerateSecrets(run.Types, o.SecretsSize, 1)
	dir := filepath.Join(binDir, "secrets-corpus")
	files := map[string]*corpusFile{}
	for _, f := range splitCorpus(data, labels, secretsFileSize) {
		p := filepath.Join(dir, f.name)
		if err := os.MkdirAll(dir, 0o750); err != nil {
			rep.errorf("secrets: %v", err)
			return
		}
		if err := os.WriteFile(p, f.data, 0o600); err != nil {
			rep.errorf("secrets: %v", err)
			return
		}
		files[p] = f
	}
	run.Bytes, run.Files = len(data), len(files)
	rep.Secrets = run

	tools := map[string][]string{}
	datafog := filepath.Join(binDir, "datafog")
	if err := goBuild(ctx, o.Root, "", datafog, "./cmd/datafog"); err != nil {
		rep.errorf("secrets: build datafog: %v", err)
	} else {
		tools["ours"] = []string{datafog, "scan", "--entities", strings.Join(run.Types, ","), "--format", "json",
			"--max-file-size", "0", "--report-path", filepath.Join(binDir, "ours.json"), dir}
	}
	gitleaks := filepath.Join(binDir, "gitleaks")
	version, err := gitleaksVersion(ctx, o.Root)
	if err == nil {
		err = goBuild(ctx, filepath.Join(o.Root, gitleaksDir), "-X "+gitleaksModule+"/version.Version="+version, gitleaks, gitleaksModule)
	}
	if err != nil {
		rep.errorf("secrets: build gitleaks: %v", err)
	} else {
		run.GitleaksVersion = version
		tools["gitleaks"] = []string{gitleaks, "dir", "--no-banner", "--log-level", "error", "--report-format", "json",
			"--report-path", filepath.Join(binDir, "gitleaks.json"), dir}
	}
	for round := range o.Count {
		for _, tool := range []string{"ours", "gitleaks"} {
			args, ok := tools[tool]
			if !ok || ctx.Err() != nil {
				continue
			}
			elapsed, rssKB, err := timeProcess(ctx, binDir, args)
			if err != nil {
				rep.errorf("secrets: %s: %v", tool, err)
				delete(tools, tool)
				continue
			}
			mbs := float64(run.Bytes) / 1e6 / elapsed.Seconds()
			logf(o.Log, "   %s (round %d of %d): %.1f MB/s, %.1f MB peak RSS", tool, round+1, o.Count, mbs, float64(rssKB)/1024)
			rep.addRuns(pSecrets, secretsName(tool), []map[string]float64{{
				"iters": 1, "ns/op": float64(elapsed.Nanoseconds()), "MB/s": mbs, "peak-RSS-MB": float64(rssKB) / 1024,
			}})
			if round == 0 {
				rep.scoreSecrets(run, tool, filepath.Join(binDir, map[string]string{"ours": "ours.json", "gitleaks": "gitleaks.json"}[tool]), files)
			}
		}
	}
}

// scoreSecrets reads a tool's report and records its scores.
func (rep *Report) scoreSecrets(run *SecretsRun, tool, report string, files map[string]*corpusFile) {
	raw, err := os.ReadFile(report) // #nosec G304 -- the report the suite's own run wrote into its temporary directory
	if err != nil {
		rep.errorf("secrets: %s: %v", tool, err)
		return
	}
	var spans []span
	if tool == "ours" {
		spans, err = datafogSpans(raw)
	} else {
		spans, err = gitleaksSpans(raw, files)
	}
	if err != nil {
		rep.errorf("secrets: %v", err)
		return
	}
	famOf := corpus.Provider
	if tool == "gitleaks" {
		famOf = gitleaksFamily
	}
	scores := score(files, spans, tool == "ours", famOf)
	run.Scores[tool] = scores
	fams := make([]string, 0, len(scores))
	for fam := range scores {
		fams = append(fams, fam)
	}
	sort.Strings(fams)
	for _, fam := range fams {
		s := scores[fam]
		rep.addRuns(pSecrets, secretsFamilyName(fam, tool), []map[string]float64{{"recall": s.Recall, "precision": s.Precision}})
	}
}

// secretsChecks are issue 14's targets for this run: throughput at least
// 100 times gitleaks', precision of at least 0.99 with the hard negatives
// in the corpus, and on every family gitleaks finds something of, recall
// at least gitleaks'.
func secretsChecks(run *SecretsRun) []Check {
	if run == nil {
		return nil
	}
	ours, gl := Ref{pSecrets, secretsName("ours"), "MB/s"}, Ref{pSecrets, secretsName("gitleaks"), "MB/s"}
	cs := []Check{
		{Issue: 14, What: "secrets corpus, whole process on the same files: datafog vs gitleaks throughput", Num: ours, Den: &gl, Op: ">=", Target: 100, Unit: "x", Scale: 1},
		{Issue: 14, What: "secrets corpus: datafog's precision, hard negatives included", Num: Ref{pSecrets, secretsFamilyName("all", "ours"), "precision"}, Op: ">=", Target: 0.99, Unit: "", Scale: 1},
	}
	var fams []string
	for fam, s := range run.Scores["gitleaks"] {
		if fam != "all" && s.Found > 0 {
			fams = append(fams, fam)
		}
	}
	sort.Strings(fams)
	for _, fam := range fams {
		den := Ref{pSecrets, secretsFamilyName(fam, "gitleaks"), "recall"}
		cs = append(cs, Check{Issue: 14, What: "secrets corpus, " + fam + ": datafog's recall over gitleaks'",
			Num: Ref{pSecrets, secretsFamilyName(fam, "ours"), "recall"}, Den: &den, Op: ">=", Target: 1, Unit: "x", Scale: 1})
	}
	return cs
}
