package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestScanBaselineRoundTrip records a scan in a report of each format,
// adds new findings (a new value, and a recorded value in another file),
// and scans again with --baseline: exactly the recorded findings are
// suppressed, the new ones reported; a baseline of the current state
// leaves nothing (exit 0), and its count of suppressed findings is the
// number recorded.
func TestScanBaselineRoundTrip(t *testing.T) {
	for _, format := range []string{"ndjson", "json", "sarif", "csv"} {
		t.Run(format, func(t *testing.T) {
			root, recs := reportTree(t)
			base := filepath.Join(t.TempDir(), "baseline."+format)
			if r := runCLI(t, nil, nil, "scan", "--format", format, "--report-path", base, root); r.code != exitFindings {
				t.Fatalf("recording: code %d stderr %s", r.code, r.stderr)
			}
			// Move the recorded token down a line (same file, same value:
			// still recorded), and add a new email and the recorded email in
			// a new file (another file: not recorded).
			text := "# moved\nGH=" + ghToken + " # owner bob@example.com\nnew carol@example.com\n"
			writeFile(t, root, "a.env", text)
			writeFile(t, root, "c.txt", "bob@example.com\n")
			r := runCLI(t, nil, nil, "scan", "--baseline", base, root)
			carol := strings.Index(text, "carol")
			want := ndjson(
				rec1("email", carol, carol+17, "0.95", "carol@example.com").under(root, "a.env").at(3, 5, 3, 22),
				rec1("email", 0, 15, "0.95", "bob@example.com").under(root, "c.txt"),
			)
			if r.code != exitFindings || r.stdout != want || r.stderr != "" {
				t.Fatalf("code %d\nstdout:\n%s\nwant:\n%s\nstderr: %s", r.code, r.stdout, want, r.stderr)
			}
			// A baseline of the current state suppresses everything.
			if r := runCLI(t, nil, nil, "scan", "--format", format, "--report-path", base, root); r.code != exitFindings {
				t.Fatalf("re-recording: code %d stderr %s", r.code, r.stderr)
			}
			r = runCLI(t, nil, nil, "scan", "--format", "json", "--baseline", base, root)
			if r.code != exitOK || !strings.HasSuffix(r.stdout, `"findings":0,"suppressed":{"inline_allow":0,"ignore_file":0,"baseline":5}}}`+"\n") {
				t.Fatalf("all recorded: code %d stdout %s", r.code, r.stdout)
			}
			_ = recs
		})
	}
}

// TestScanBaselineKeyed shows that the match is by keyed fingerprint: a
// baseline written under one key suppresses nothing under another.
func TestScanBaselineKeyed(t *testing.T) {
	root, recs := reportTree(t)
	keyDir := t.TempDir()
	k1 := writeFile(t, keyDir, "k1", "first key, 32 bytes of secret..\n")
	k2 := writeFile(t, keyDir, "k2", "second key, another secret value\n")
	base := filepath.Join(t.TempDir(), "b.json")
	if r := runCLI(t, nil, nil, "scan", "--fingerprint-key", k1, "--format", "json", "--report-path", base, root); r.code != exitFindings {
		t.Fatalf("recording: %d %s", r.code, r.stderr)
	}
	if r := runCLI(t, nil, nil, "scan", "--fingerprint-key", k1, "--baseline", base, root); r.code != exitOK || r.stdout != "" {
		t.Fatalf("same key: code %d stdout %s", r.code, r.stdout)
	}
	r := runCLI(t, nil, nil, "scan", "--fingerprint-key", k2, "--baseline", base, root)
	var want strings.Builder
	for _, w := range recs {
		want.WriteString(w.jsonKey("second key, another secret value") + "\n")
	}
	if r.code != exitFindings || r.stdout != want.String() {
		t.Fatalf("other key: code %d\nstdout:\n%s\nwant:\n%s", r.code, r.stdout, want.String())
	}
	raw, err := os.ReadFile(base)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range recs {
		if strings.Contains(string(raw), w.value) {
			t.Fatalf("the report holds the value %q", w.value)
		}
	}
}

// TestScanIgnoreFile reads .datafogignore from the scanned directory (its
// globs relative to it) and from the working directory (relative to it),
// with fingerprints in either.
func TestScanIgnoreFile(t *testing.T) {
	root, recs := reportTree(t)
	writeFile(t, root, "c.log", "mail carol@example.com\n")
	writeFile(t, root, ignoreFileName, "# test fixtures\n*.txt\n\n"+recs[1].fingerprint(defaultFingerprintKey)+"\n")
	r := runCLI(t, nil, nil, "scan", "--format", "json", root)
	wantStart := `{"findings":[` + "\n  " + recs[0].json() + ",\n  " + rec1("email", 5, 22, "0.95", "carol@example.com").under(root, "c.log").json() + "\n" +
		`],"summary":{"files_scanned":3,`
	if r.code != exitFindings || !strings.HasPrefix(r.stdout, wantStart) ||
		!strings.HasSuffix(r.stdout, `"findings":2,"suppressed":{"inline_allow":0,"ignore_file":1,"baseline":0}}}`+"\n") {
		t.Fatalf("code %d\nstdout:\n%s\nwant prefix:\n%s", r.code, r.stdout, wantStart)
	}
	// From a working directory above the root, with its own file.
	parent := filepath.Dir(root)
	t.Chdir(parent)
	writeFile(t, parent, ignoreFileName, filepath.Base(root)+"/*.log\n")
	r = runCLI(t, nil, nil, "scan", filepath.Base(root))
	if want := ndjson(recs[0].under(filepath.Base(root), "a.env")); r.code != exitFindings || r.stdout != want {
		t.Fatalf("from the parent: code %d\nstdout:\n%s\nwant:\n%s", r.code, r.stdout, want)
	}
	writeFile(t, parent, ignoreFileName, "[\n")
	r = runCLI(t, nil, nil, "scan", root)
	if r.code != exitError || r.stderr != "datafog scan: .datafogignore: line 1: pattern \"[\": syntax error in pattern\n" {
		t.Fatalf("bad glob: code %d stderr %q", r.code, r.stderr)
	}
	writeFile(t, parent, ignoreFileName, "")
	writeFile(t, root, ignoreFileName, "ok.txt\nsub/[x\n")
	r = runCLI(t, nil, nil, "scan", root)
	if r.code != exitError || r.stdout != "" || r.stderr != "datafog scan: "+filepath.Join(root, ignoreFileName)+": line 2: pattern \"sub/[x\": syntax error in pattern\n" {
		t.Fatalf("bad glob in the root's file: code %d stdout %q stderr %q", r.code, r.stdout, r.stderr)
	}
}

// TestScanInlineAllow suppresses a finding whose first or last line holds
// datafog:allow, wherever the chunks cut the marker or the finding; a
// marker on the line before does not count; --no-inline-allow reports
// everything.
func TestScanInlineAllow(t *testing.T) {
	text := "a bob@example.com # datafog:allow\n" +
		"# datafog:allow\n" +
		"b carol@example.com\n" +
		"token = \"" + ghToken + "\" // datafog:allow test fixture\n" +
		"c 10.0.0.1 datafog:allo w\n"
	carol := strings.Index(text, "carol")
	ip := strings.Index(text, "10.0.0.1")
	want := ndjson(rec1("email", carol, carol+17, "0.95", "carol@example.com").at(3, 3, 3, 20),
		rec1("ip_address", ip, ip+8, "0.9", "10.0.0.1").at(5, 3, 5, 11))
	for size := 1; size <= 40; size++ {
		r := runCLI(t, &chunkReader{strings.NewReader(text), size}, nil, "scan")
		if r.code != exitFindings || r.stdout != want {
			t.Fatalf("chunks of %d: code %d\nstdout:\n%s\nwant:\n%s", size, r.code, r.stdout, want)
		}
	}
	r := runCLI(t, strings.NewReader(text), nil, "scan", "--no-inline-allow", "--entities", "email,github_token")
	if n := strings.Count(r.stdout, "\n"); r.code != exitFindings || n != 3 {
		t.Fatalf("--no-inline-allow: %d findings\n%s", n, r.stdout)
	}
	r = runCLI(t, strings.NewReader(text), nil, "scan", "--format", "json")
	if !strings.HasSuffix(r.stdout, `"findings":2,"suppressed":{"inline_allow":2,"ignore_file":0,"baseline":0}}}`+"\n") {
		t.Fatalf("summary: %s", r.stdout)
	}
}

// TestScanExitCode uses --exit-code for "found something" only.
func TestScanExitCode(t *testing.T) {
	if r := runCLI(t, strings.NewReader(sample), nil, "scan", "--exit-code", "3"); r.code != 3 || r.stdout != ndjson(sampleRecs()...) {
		t.Fatalf("found: code %d", r.code)
	}
	if r := runCLI(t, strings.NewReader("clean\n"), nil, "scan", "--exit-code", "3"); r.code != exitOK {
		t.Fatalf("clean: code %d", r.code)
	}
	if r := runCLI(t, strings.NewReader(sample), nil, "scan", "--exit-code=0"); r.code != exitOK || r.stdout == "" {
		t.Fatalf("--exit-code 0: code %d", r.code)
	}
	// An error still exits 2.
	if r := runCLI(t, strings.NewReader(sample), nil, "scan", "--exit-code", "3", "/nonexistent"); r.code != exitError {
		t.Fatalf("error: code %d", r.code)
	}
}

// TestScanFlagErrors names the flag or value at fault, exits 2 and
// writes no report.
func TestScanFlagErrors(t *testing.T) {
	dir := t.TempDir()
	notReport := writeFile(t, dir, "notes.txt", "just some notes\n")
	badFP := writeFile(t, dir, "bad.json", `{"fingerprint":"AKIAIOSFODNN7EXAMPLE"}`)
	shortKey := writeFile(t, dir, "short.key", "tiny\n")
	for _, tc := range []struct {
		args   []string
		stderr string
	}{
		{[]string{"--format", "xml"}, "datafog scan: --format \"xml\": want ndjson, json, sarif or csv\n"},
		{[]string{"--format", "sarif", "--show-values"}, "datafog scan: --show-values: not with --format sarif (SARIF reports are uploaded and shared; they never hold values)\n"},
		{[]string{"--exit-code", "2"}, "datafog scan: --exit-code 2: want 0 to 125, but not 2 (the status of an error)\n"},
		{[]string{"--exit-code", "200"}, "datafog scan: --exit-code 200: want 0 to 125, but not 2 (the status of an error)\n"},
		{[]string{"--max-file-size", "ten"}, "datafog scan: invalid value \"ten\" for flag -max-file-size: want a size such as 10MiB, 512KiB or 1048576 (0: no limit)\nrun 'datafog scan --help' for usage\n"},
		{[]string{"--include", "a/[b"}, "datafog scan: invalid value \"a/[b\" for flag -include: pattern \"a/[b\": syntax error in pattern\nrun 'datafog scan --help' for usage\n"},
		{[]string{"--baseline", dir + "/none.json"}, "datafog scan: --baseline " + dir + "/none.json: no such file or directory\n"},
		{[]string{"--baseline", notReport}, "datafog scan: --baseline " + notReport + ": not a datafog report: neither JSON nor CSV with a fingerprint column\n"},
		{[]string{"--baseline", badFP}, "datafog scan: --baseline " + badFP + ": JSON value 1: fingerprint: not a datafog fingerprint (32 lower-case hex digits)\n"},
		{[]string{"--fingerprint-key", shortKey}, "datafog scan: --fingerprint-key " + shortKey + ": 4 bytes; a key needs at least 16\n"},
	} {
		r := runCLI(t, strings.NewReader(sample), nil, append([]string{"scan"}, tc.args...)...)
		if r.code != exitError || r.stdout != "" || r.stderr != tc.stderr {
			t.Errorf("%v: code %d stdout %q\nstderr %q\nwant   %q", tc.args, r.code, r.stdout, r.stderr, tc.stderr)
		}
	}
}

// TestScanCustomRules finds a policy's custom rule in the same scan as
// the built-in types, from the policy JSON and from its compiled blob.
func TestScanCustomRules(t *testing.T) {
	dir := t.TempDir()
	pol := writeFile(t, dir, "p.json", `{"policy_id":"p","policy_version":"1","rules":[{"id":"a","effect":"allow"}],
 "custom_rules":[{"name":"acme","entity_type":"acme_token","prefix":"acme_","charset":"base62","min_length":32,"min_entropy":3.5}]}`)
	if r := runCLI(t, nil, nil, "compile", pol); r.code != exitOK {
		t.Fatalf("compile: %d %s", r.code, r.stderr)
	}
	const token = "acme_Q7vR2kLm9XpT4wZs8NbY1cHd6FgJ3eUa"
	in := "deploy " + token + " for bob@example.com; acme_Q7vR2kLm9XpT4wZs8NbY1cHd6FgJ3eU is short\n"
	want := ndjson(rec1("acme_token", 7, 44, "0.9", token), rec1("email", 49, 64, "0.95", "bob@example.com"))
	for _, p := range []string{pol, filepath.Join(dir, "p.dfc")} {
		r := runCLI(t, strings.NewReader(in), nil, "scan", "--policy", p)
		if r.code != exitFindings || r.stdout != want || r.stderr != "" {
			t.Fatalf("%s: code %d\nstdout:\n%s\nwant:\n%s\nstderr: %s", p, r.code, r.stdout, want, r.stderr)
		}
	}
	if r := runCLI(t, nil, nil, "entities", "--policy", pol); r.code != exitOK ||
		!strings.Contains(r.stdout, `"entity_type": "acme_token",`+"\n"+`      "family": "secret",`) {
		t.Fatalf("entities: code %d\n%s", r.code, r.stdout)
	}
	bad := writeFile(t, dir, "bad.json", `{"policy_id":"p","policy_version":"1","rules":[{"id":"a","effect":"allow"}],
 "custom_rules":[{"name":"x","entity_type":"x_token","prefix":"xyz","charset":"hex","min_length":8}]}`)
	r := runCLI(t, strings.NewReader(in), nil, "scan", "--policy", bad)
	if r.code != exitError || !strings.Contains(r.stderr, `custom_rules[0] "x": prefix "xyz": needs a byte that is neither a lower-case letter nor a digit`) {
		t.Fatalf("bad rule: code %d stderr %q", r.code, r.stderr)
	}
}

// TestScanInlineAllowLongLine keeps memory bounded on endless lines: a
// finding waits for an allow marker after it at most allowReach bytes, so
// a marker within reach suppresses it and one beyond does not (a marker
// before it on its line always counts).
func TestScanInlineAllowLongLine(t *testing.T) {
	pad := strings.Repeat("lorem ipsum ", allowReach/12+10)
	text := "a bob@example.com " + pad + pad + " datafog:allow\n" + // beyond reach
		"c carol@example.com " + pad[:1000] + " datafog:allow " + pad + "\n" + // within reach
		"d datafog:allow " + pad + pad + " dave@example.com " + pad + "\n" // before it
	want := ndjson(rec1("email", 2, 17, "0.95", "bob@example.com"))
	r := runCLI(t, &chunkReader{strings.NewReader(text), 4096}, nil, "scan")
	if r.code != exitFindings || r.stdout != want {
		t.Fatalf("code %d\nstdout:\n%s\nwant:\n%s", r.code, r.stdout, want)
	}
}
