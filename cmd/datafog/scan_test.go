package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/datafog/datafog-api/engine"
)

// TestScanStdinExactLines pins the output format of `datafog scan` on
// standard input: one JSON object per finding per line, with line,
// column and fingerprint but no "file" and no "value", exit 1 because
// something was found.
func TestScanStdinExactLines(t *testing.T) {
	r := runCLI(t, strings.NewReader(sample), nil, "scan")
	want := ndjson(sampleRecs()...)
	if r.code != exitFindings || r.stdout != want || r.stderr != "" {
		t.Fatalf("code %d\nstdout:\n%s\nwant:\n%s\nstderr: %q", r.code, r.stdout, want, r.stderr)
	}
}

// TestScanNothingFound exits 0 with no output, on stdin and on a file.
func TestScanNothingFound(t *testing.T) {
	clean := writeFile(t, t.TempDir(), "clean.txt", "nothing to see here, just words\n")
	for _, args := range [][]string{{"scan"}, {"scan", clean}} {
		r := runCLI(t, strings.NewReader("nothing to see here\n"), nil, args...)
		if r.code != exitOK || r.stdout != "" || r.stderr != "" {
			t.Errorf("%v: code %d stdout %q stderr %q", args, r.code, r.stdout, r.stderr)
		}
	}
}

// TestScanNamedFiles adds "file" to every line when files are named, scans
// them in order, and ignores standard input.
func TestScanNamedFiles(t *testing.T) {
	dir := t.TempDir()
	a := writeFile(t, dir, "a.txt", sample)
	b := writeFile(t, dir, "b.txt", "clean\n")
	c := writeFile(t, dir, "c.txt", "x 10.0.0.1\n")
	r := runCLI(t, strings.NewReader("stdin bob@example.com\n"), nil, "scan", a, b, c)
	want := ndjson(append(mapRecs(sampleRecs(), func(w wantRec) wantRec { return w.in(a) }),
		rec1("ip_address", 2, 10, "0.9", "10.0.0.1").in(c))...)
	if r.code != exitFindings || r.stdout != want || r.stderr != "" {
		t.Fatalf("code %d\nstdout:\n%s\nwant:\n%s\nstderr: %q", r.code, r.stdout, want, r.stderr)
	}
}

// TestScanShowValues adds "value" only with --show-values.
func TestScanShowValues(t *testing.T) {
	want := ndjson(mapRecs(sampleRecs(), wantRec.shown)...)
	r := runCLI(t, strings.NewReader(sample), nil, "scan", "--show-values")
	if r.code != exitFindings || r.stdout != want {
		t.Fatalf("code %d\nstdout:\n%s\nwant:\n%s", r.code, r.stdout, want)
	}
	f := writeFile(t, t.TempDir(), "in.txt", sample)
	r = runCLI(t, nil, nil, "scan", "--show-values", f)
	want = ndjson(mapRecs(sampleRecs(), func(w wantRec) wantRec { return w.in(f).shown() })...)
	if r.code != exitFindings || r.stdout != want {
		t.Fatalf("file: code %d\nstdout:\n%s\nwant:\n%s", r.code, r.stdout, want)
	}
}

// TestScanEntitiesFilter reports only the named types; a list that selects
// nothing present exits 0.
func TestScanEntitiesFilter(t *testing.T) {
	r := runCLI(t, strings.NewReader(sample), nil, "scan", "--entities", "email, credit_card")
	recs := sampleRecs()
	want := ndjson(recs[0], recs[2])
	if r.code != exitFindings || r.stdout != want {
		t.Fatalf("code %d\nstdout:\n%s\nwant:\n%s", r.code, r.stdout, want)
	}
	r = runCLI(t, strings.NewReader(sample), nil, "scan", "--entities=iban")
	if r.code != exitOK || r.stdout != "" {
		t.Fatalf("iban only: code %d stdout %q", r.code, r.stdout)
	}
}

// TestScanErrors exits 2 and names the problem on standard error.
func TestScanErrors(t *testing.T) {
	dir := t.TempDir()
	good := writeFile(t, dir, "good.txt", sample)
	badPolicy := writeFile(t, dir, "bad.json", `{"policy_id": "x", "rules": []}`)
	badBlob := writeFile(t, dir, "bad.dfc", "not a compiled policy")
	missing := dir + "/missing.txt"
	for _, tc := range []struct {
		name   string
		vars   map[string]string
		args   []string
		stdout string // exact
		stderr string // substring
	}{
		{"missing file", nil, []string{"scan", missing}, "", "datafog scan: " + missing + ": no such file or directory\n"},
		{"bad entity name", nil, []string{"scan", "--entities", "email,shoe_size", good}, "", "datafog scan: --entities: unknown entity types \"shoe_size\" (datafog entities lists them)\n"},
		{"bad policy JSON", nil, []string{"scan", "--policy", badPolicy, good}, "", "datafog scan: policy " + badPolicy + ":"},
		{"bad policy blob", nil, []string{"scan", "--policy", badBlob, good}, "", "datafog scan: compiled policy " + badBlob + ":"},
		{"missing policy", nil, []string{"scan", "--policy", dir + "/nope.json", good}, "", "datafog scan: policy " + dir + "/nope.json: no such file or directory\n"},
		{"bad DATAFOG_POLICY_PATH", map[string]string{"DATAFOG_POLICY_PATH": badPolicy}, []string{"scan", good}, "", "datafog scan: policy " + badPolicy + ":"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := runCLI(t, nil, tc.vars, tc.args...)
			if r.code != exitError || r.stdout != tc.stdout || !strings.Contains(r.stderr, tc.stderr) {
				t.Fatalf("code %d stdout %q stderr %q (want substring %q)", r.code, r.stdout, r.stderr, tc.stderr)
			}
		})
	}
	// A missing file among good ones: the good file is still scanned and
	// printed, and the exit status is 2, not 1.
	r := runCLI(t, nil, nil, "scan", missing, good)
	want := ndjson(mapRecs(sampleRecs(), func(w wantRec) wantRec { return w.in(good) })...)
	if r.code != exitError || r.stdout != want || !strings.Contains(r.stderr, "missing.txt") {
		t.Fatalf("missing+good: code %d stdout %q stderr %q", r.code, r.stdout, r.stderr)
	}
}

// TestScanCustomPolicyDictionary uses a policy whose dictionary (read from a
// file beside it) reports its own entity type, by --policy and by
// DATAFOG_POLICY_PATH; --policy wins over the variable.
func TestScanCustomPolicyDictionary(t *testing.T) {
	const in = "staff E-1002 mailed bob@example.com; E-9999 and xE-1001 are not staff\n"
	emp := rec1("employee_id", 6, 12, "0.8", "E-1002")
	want := ndjson(emp, rec1("email", 20, 35, "0.95", "bob@example.com"))
	r := runCLI(t, strings.NewReader(in), nil, "scan", "--policy", "testdata/dict_policy.json")
	if r.code != exitFindings || r.stdout != want || r.stderr != "" {
		t.Fatalf("--policy: code %d\nstdout:\n%s\nwant:\n%s\nstderr: %s", r.code, r.stdout, want, r.stderr)
	}
	r = runCLI(t, strings.NewReader(in), map[string]string{"DATAFOG_POLICY_PATH": "testdata/dict_policy.json"}, "scan", "--entities", "employee_id")
	if want := ndjson(emp); r.code != exitFindings || r.stdout != want {
		t.Fatalf("DATAFOG_POLICY_PATH: code %d stdout %q stderr %q", r.code, r.stdout, r.stderr)
	}
	r = runCLI(t, strings.NewReader(in), map[string]string{"DATAFOG_POLICY_PATH": "/nonexistent.json"}, "scan", "--policy", "testdata/dict_policy.json")
	if r.code != exitFindings || r.stdout != want {
		t.Fatalf("--policy over variable: code %d stdout %q stderr %q", r.code, r.stdout, r.stderr)
	}
	// The default policy has no employee_id type.
	r = runCLI(t, strings.NewReader(in), nil, "scan", "--entities", "employee_id")
	if r.code != exitError || !strings.Contains(r.stderr, "employee_id") {
		t.Fatalf("default policy: code %d stderr %q", r.code, r.stderr)
	}
}

// boundaryInput is a 131,090-byte text whose email straddles offset 65,536
// (one scan chunk) and whose card straddles 131,072 (two chunks).
func boundaryInput() []byte {
	const filler = "lorem ipsum dolor sit amet consectetur "
	var b []byte
	pad := func(n int) {
		for len(b) < n-1 {
			b = append(b, filler[len(b)%len(filler)])
		}
		b = append(b, ' ')
	}
	pad(65531)
	b = append(b, "bob@example.com"...) // 65531..65546
	pad(131065)
	b = append(b, "4111 1111 1111 1111"...) // 131065..131084
	return append(b, " tail\n"...)
}

// TestScanAcross64KiBBoundary scans an input larger than the 64 KiB read
// chunk whose findings straddle chunk boundaries: the offsets are exact
// stream offsets, the values are whole, whatever the reader's chunking, and
// the result equals a whole-buffer engine.Scan.
func TestScanAcross64KiBBoundary(t *testing.T) {
	in := boundaryInput()
	if len(in) != 131090 || scanChunk != 65536 {
		t.Fatalf("input %d bytes, chunk %d", len(in), scanChunk)
	}
	email := rec1("email", 65531, 65546, "0.95", "bob@example.com")
	card := rec1("credit_card", 131065, 131084, "0.99", "4111 1111 1111 1111")
	comp, err := loadPolicy("")
	if err != nil {
		t.Fatal(err)
	}
	whole := comp.Engine.Scan(nil, in, engine.Filter{})
	if len(whole) != 2 || whole[0].Start != 65531 || whole[1].Start != 131065 {
		t.Fatalf("whole-buffer scan: %+v", whole)
	}
	f := writeFile(t, t.TempDir(), "big.txt", string(in))
	inFile := func(w wantRec) wantRec { return w.in(f) }
	for _, tc := range []struct {
		name  string
		stdin func() *chunkReader
		args  []string
		recs  func(wantRec) wantRec
	}{
		{"stdin", func() *chunkReader { return &chunkReader{bytes.NewReader(in), 1 << 20} }, nil, func(w wantRec) wantRec { return w }},
		{"stdin 7919-byte reads", func() *chunkReader { return &chunkReader{bytes.NewReader(in), 7919} }, nil, func(w wantRec) wantRec { return w }},
		{"stdin 1000-byte reads with values", func() *chunkReader { return &chunkReader{bytes.NewReader(in), 1000} },
			[]string{"--show-values"}, wantRec.shown},
		{"file", nil, []string{f}, inFile},
		{"file with values", nil, []string{"--show-values", f}, func(w wantRec) wantRec { return w.in(f).shown() }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var r cliResult
			if tc.stdin != nil {
				r = runCLI(t, tc.stdin(), nil, append([]string{"scan"}, tc.args...)...)
			} else {
				r = runCLI(t, nil, nil, append([]string{"scan"}, tc.args...)...)
			}
			want := ndjson(tc.recs(email), tc.recs(card))
			if r.code != exitFindings || r.stdout != want || r.stderr != "" {
				t.Fatalf("code %d\nstdout:\n%s\nwant:\n%s\nstderr: %q", r.code, r.stdout, want, r.stderr)
			}
		})
	}
}
