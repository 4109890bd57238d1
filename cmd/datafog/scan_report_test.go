package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/datafog/datafog-api/engine"
)

// reportTree is a small tree for the report tests: a secret and an email
// on the same line, a PEM-free second file with a multi-byte character
// before its finding.
func reportTree(t *testing.T) (root string, recs []wantRec) {
	t.Helper()
	root = t.TempDir()
	writeFile(t, root, "a.env", "GH="+ghToken+" # owner bob@example.com\n")
	writeFile(t, root, "b.txt", "naïve\nserver 10.0.0.1 up\n")
	return root, []wantRec{
		rec1("github_token", 3, 43, "0.99", ghToken).under(root, "a.env"),
		rec1("email", 52, 67, "0.95", "bob@example.com").under(root, "a.env"),
		rec1("ip_address", 14, 22, "0.9", "10.0.0.1").under(root, "b.txt").at(2, 8, 2, 16),
	}
}

// TestScanJSONReport pins --format json: every finding on a line of its
// own inside {"findings":[…]}, then the summary.
func TestScanJSONReport(t *testing.T) {
	root, recs := reportTree(t)
	r := runCLI(t, nil, nil, "scan", "--format", "json", root)
	want := `{"findings":[` + "\n  " + recs[0].json() + ",\n  " + recs[1].json() + ",\n  " + recs[2].json() + "\n" +
		`],"summary":{"files_scanned":2,"files_skipped":0,"bytes_scanned":94,"findings":3,"suppressed":{"inline_allow":0,"ignore_file":0,"baseline":0}}}` + "\n"
	if r.code != exitFindings || r.stdout != want || r.stderr != "" {
		t.Fatalf("code %d\nstdout:\n%s\nwant:\n%s\nstderr: %s", r.code, r.stdout, want, r.stderr)
	}
	var doc map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatal(err)
	}
	r = runCLI(t, strings.NewReader("nothing\n"), nil, "scan", "--format", "json")
	if want := `{"findings":[],"summary":{"files_scanned":1,"files_skipped":0,"bytes_scanned":8,"findings":0,"suppressed":{"inline_allow":0,"ignore_file":0,"baseline":0}}}` + "\n"; r.code != exitOK || r.stdout != want {
		t.Fatalf("empty: code %d stdout %q", r.code, r.stdout)
	}
}

// TestScanCSVReport pins --format csv, with and without values, and the
// defusing of cells a spreadsheet would evaluate.
func TestScanCSVReport(t *testing.T) {
	root, recs := reportTree(t)
	row := func(w wantRec, values bool) string {
		s := strings.Join([]string{w.file, w.typ, itoa(w.start), itoa(w.end), itoa(w.line), itoa(w.col), itoa(w.endLine), itoa(w.endCol), w.conf, w.fingerprint(defaultFingerprintKey)}, ",")
		if values {
			s += "," + w.value
		}
		return s + "\n"
	}
	header := "file,entity_type,start,end,line,column,end_line,end_column,confidence,fingerprint"
	r := runCLI(t, nil, nil, "scan", "--format", "csv", root)
	if want := header + "\n" + row(recs[0], false) + row(recs[1], false) + row(recs[2], false); r.code != exitFindings || r.stdout != want {
		t.Fatalf("code %d\nstdout:\n%s\nwant:\n%s", r.code, r.stdout, want)
	}
	r = runCLI(t, nil, nil, "scan", "--format", "csv", "--show-values", recs[2].file)
	if want := header + ",value\n" + row(recs[2].in(recs[2].file), true); r.code != exitFindings || r.stdout != want {
		t.Fatalf("values: code %d\nstdout:\n%s\nwant:\n%s", r.code, r.stdout, want)
	}
	odd := writeFile(t, t.TempDir(), "=cmd.txt", "x bob@example.com\n")
	t.Chdir(filepath.Dir(odd))
	r = runCLI(t, nil, nil, "scan", "--format", "csv", "=cmd.txt")
	if !strings.HasPrefix(strings.SplitN(r.stdout, "\n", 3)[1], "'=cmd.txt,email,") {
		t.Fatalf("formula cell not defused:\n%s", r.stdout)
	}
	r = runCLI(t, strings.NewReader("clean\n"), nil, "scan", "--format", "csv")
	if r.code != exitOK || r.stdout != header+"\n" {
		t.Fatalf("empty: code %d stdout %q", r.code, r.stdout)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// sarifSchema compiles the vendored SARIF 2.1.0 schema (testdata/DATA.md)
// with format assertions on.
func sarifSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open("testdata/sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("sarif-schema-2.1.0.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// validateSARIF checks out against the schema.
func validateSARIF(t *testing.T, s *jsonschema.Schema, out string) {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
	if err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if err := s.Validate(inst); err != nil {
		t.Fatalf("SARIF does not validate: %v\n%s", err, out)
	}
}

// TestScanSARIFValidates writes SARIF for files (relative and absolute
// paths), standard input and an empty scan, validates each against the
// SARIF 2.1.0 schema, and checks what code scanning reads: a rule per
// type with its metadata, regions, fingerprints, and no value anywhere.
func TestScanSARIFValidates(t *testing.T) {
	schema := sarifSchema(t)
	root, recs := reportTree(t)
	r := runCLI(t, nil, nil, "scan", "--format", "sarif", root)
	if r.code != exitFindings || r.stderr != "" {
		t.Fatalf("code %d stderr %s", r.code, r.stderr)
	}
	validateSARIF(t, schema, r.stdout)
	// The validator is live: a log of another version, or a region that
	// starts on line 0, does not validate.
	for _, broken := range []string{
		strings.Replace(r.stdout, `"version":"2.1.0"`, `"version":"2.0.0"`, 1),
		strings.Replace(r.stdout, `"startLine":1,`, `"startLine":0,`, 1),
	} {
		inst, err := jsonschema.UnmarshalJSON(strings.NewReader(broken))
		if err != nil || schema.Validate(inst) == nil {
			t.Fatalf("a broken log validates (or does not parse: %v)", err)
		}
	}
	for _, w := range recs {
		if strings.Contains(r.stdout, w.value) {
			t.Fatalf("SARIF holds the value %q", w.value)
		}
	}
	var log struct {
		Runs []struct {
			ColumnKind string `json:"columnKind"`
			Tool       struct {
				Driver struct {
					Name  string `json:"name"`
					Rules []struct {
						ID               string         `json:"id"`
						Name             string         `json:"name"`
						FullDescription  sarifText      `json:"fullDescription"`
						Help             sarifText      `json:"help"`
						Properties       map[string]any `json:"properties"`
						DefaultConfig    map[string]any `json:"defaultConfiguration"`
						ShortDescription sarifText      `json:"shortDescription"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID    string            `json:"ruleId"`
				RuleIndex int               `json:"ruleIndex"`
				Level     string            `json:"level"`
				Locations []sarifLocation   `json:"locations"`
				Partial   map[string]string `json:"partialFingerprints"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if run.ColumnKind != "unicodeCodePoints" || run.Tool.Driver.Name != "datafog" || len(run.Results) != 3 || len(run.Tool.Driver.Rules) != 3 {
		t.Fatalf("run: %+v", run)
	}
	gh := run.Tool.Driver.Rules[0]
	if gh.ID != "github_token" || gh.Name != "GithubToken" || gh.Properties["security-severity"] != "9.0" ||
		gh.FullDescription.Text != confirmedBy(t, "github_token") ||
		gh.DefaultConfig["level"] != "error" || !strings.Contains(gh.Help.Markdown, "datafog:allow") || gh.ShortDescription.Text != "github_token (secret)" {
		t.Fatalf("github_token rule: %+v", gh)
	}
	if em := run.Tool.Driver.Rules[1]; em.ID != "email" || em.Properties["security-severity"] != "5.0" || em.DefaultConfig["level"] != "warning" {
		t.Fatalf("email rule: %+v", em)
	}
	for i, res := range run.Results {
		w := recs[i]
		loc := res.Locations[0].PhysicalLocation
		reg := loc.Region
		if res.RuleID != w.typ || run.Tool.Driver.Rules[res.RuleIndex].ID != w.typ || res.Partial[sarifFingerprintKey] != w.fingerprint(defaultFingerprintKey) ||
			loc.ArtifactLocation.URI != "file://"+filepath.ToSlash(w.file) || reg.StartLine != int64(w.line) || reg.StartColumn != int64(w.col) ||
			reg.EndLine != int64(w.endLine) || reg.EndColumn != int64(w.endCol) || reg.ByteOffset != int64(w.start) || reg.ByteLength != int64(w.end-w.start) {
			t.Fatalf("result %d: %+v, want %+v", i, res, w)
		}
	}
	// Relative paths sit under %SRCROOT%; a space is escaped.
	t.Chdir(root)
	writeFile(t, root, "with space.txt", "x bob@example.com\n")
	r = runCLI(t, nil, nil, "scan", "--format", "sarif", "with space.txt")
	validateSARIF(t, schema, r.stdout)
	if !strings.Contains(r.stdout, `"artifactLocation":{"uri":"with%20space.txt","uriBaseId":"%SRCROOT%"}`) {
		t.Fatalf("relative artifact location:\n%s", r.stdout)
	}
	for _, in := range []string{sample, "nothing here\n"} {
		r = runCLI(t, strings.NewReader(in), nil, "scan", "--format", "sarif")
		validateSARIF(t, schema, r.stdout)
	}
	if !strings.Contains(r.stdout, `"results":[],`) {
		t.Fatalf("empty scan:\n%s", r.stdout)
	}
}

// TestScanReportPath writes the report to --report-path (nothing on
// standard output), replaces an older one, and never scans the report
// itself when it lies inside the scanned directory.
func TestScanReportPath(t *testing.T) {
	root, recs := reportTree(t)
	report := filepath.Join(root, "report.ndjson")
	writeFile(t, root, "report.ndjson", "old report bob@example.com\n")
	for round := 0; round < 2; round++ {
		r := runCLI(t, nil, nil, "scan", "--report-path", report, root)
		if r.code != exitFindings || r.stdout != "" || r.stderr != "" {
			t.Fatalf("round %d: code %d stdout %q stderr %q", round, r.code, r.stdout, r.stderr)
		}
		got, err := os.ReadFile(report)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != ndjson(recs...) {
			t.Fatalf("round %d: report\n%s\nwant\n%s", round, got, ndjson(recs...))
		}
	}
	left, _ := filepath.Glob(filepath.Join(root, ".report.ndjson.tmp-*"))
	if len(left) != 0 {
		t.Fatalf("temporary files left: %v", left)
	}
	r := runCLI(t, nil, nil, "scan", "--report-path", filepath.Join(root, "no", "such", "dir", "r.json"), root)
	if r.code != exitError || !strings.HasPrefix(r.stderr, "datafog scan: --report-path "+filepath.Join(root, "no", "such", "dir", "r.json")+": ") {
		t.Fatalf("bad report path: code %d stderr %q", r.code, r.stderr)
	}
}

// confirmedBy returns the registry's confirmation line for typ, which a
// SARIF rule's full description repeats.
func confirmedBy(t *testing.T, typ string) string {
	t.Helper()
	for _, e := range engine.Catalog() {
		if e.EntityType == typ {
			return e.ConfirmedBy
		}
	}
	t.Fatalf("%s is not in the catalog", typ)
	return ""
}
