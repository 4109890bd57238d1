package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// ghToken is a GitHub token whose last six characters are the CRC32 of
// the body, as GitHub issues them.
const ghToken = "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"

// scanTree writes a directory tree for the walking tests and returns its
// root. Every file holds one finding.
func scanTree(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	for name, data := range map[string]string{
		"a.txt":                 "key " + ghToken + "\n",
		"b/c.cfg":               "mail = bob@example.com\n",
		"b/d/e.log":             "from 10.0.0.1\n",
		"b/d/app.min.js":        "x=\"carol@example.com\"\n",
		"vendor/lib/v.go":       "// dave@example.com\n",
		".git/config":           "url = https://erin@example.com/x\n",
		"z.bin":                 "\x00\x01 frank@example.com\n",
		"big.txt":               strings.Repeat("lorem ipsum ", 200) + "grace@example.com\n",
		"testdata/fixture.json": `{"email":"heidi@example.com"}` + "\n",
	} {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o750); err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Dir(p), filepath.Base(p), data)
	}
	if err := os.Symlink("a.txt", filepath.Join(root, "link.txt")); err != nil {
		t.Fatal(err)
	}
	return root
}

// TestScanDirectoryWalk scans a tree: files in lexical order of their
// paths, .git not entered, a symbolic link, a binary file and a file over
// --max-file-size skipped with a note each, and --exclude and --include
// pruning by glob; a file named on the command line is read even when it
// is binary or large.
func TestScanDirectoryWalk(t *testing.T) {
	root := scanTree(t)
	p := func(rel string) string { return filepath.Join(root, filepath.FromSlash(rel)) }
	recA := rec1("github_token", 4, 44, "0.99", ghToken).under(root, "a.txt")
	recMin := rec1("email", 3, 20, "0.95", "carol@example.com").under(root, "b/d/app.min.js")
	recC := rec1("email", 7, 22, "0.95", "bob@example.com").under(root, "b/c.cfg")
	recE := rec1("ip_address", 5, 13, "0.9", "10.0.0.1").under(root, "b/d/e.log")
	recFix := rec1("email", 10, 27, "0.95", "heidi@example.com").under(root, "testdata/fixture.json")
	recV := rec1("email", 3, 19, "0.95", "dave@example.com").under(root, "vendor/lib/v.go")
	notes := func(big bool) string {
		s := "datafog scan: " + p("link.txt") + ": skipped: symbolic link (not followed)\n"
		if big {
			s = "datafog scan: " + p("big.txt") + ": skipped: 2.4 KiB, over --max-file-size 1 KiB\n" + s
		}
		return s + "datafog scan: " + p("z.bin") + ": skipped: binary file (a NUL byte in its first 8000 bytes)\n"
	}
	for _, tc := range []struct {
		name   string
		args   []string
		want   string
		stderr string
	}{
		{"everything", []string{"--max-file-size", "1KiB", root},
			ndjson(recA, recC, recMin, recE, recFix, recV), notes(true)},
		{"exclude a directory and a base-name glob", []string{"--max-file-size", "1KiB", "--exclude", "vendor/**", "--exclude", "*.min.js,testdata", root},
			ndjson(recA, recC, recE), notes(true)},
		{"include", []string{"--max-file-size=0", "--include", "b/**/*.log", "--include", "*.txt", root},
			ndjson(recA, recE, rec1("email", 2400, 2417, "0.95", "grace@example.com").under(root, "big.txt")),
			"datafog scan: " + p("link.txt") + ": skipped: symbolic link (not followed)\n"},
		{"named files are read whatever their size or content", []string{"--max-file-size", "1", p("z.bin"), p("a.txt")},
			ndjson(rec1("email", 3, 20, "0.95", "frank@example.com").in(p("z.bin")), recA.in(p("a.txt"))), ""},
		{"a named file is excluded too", []string{"--exclude", "*.bin", p("z.bin"), p("a.txt")}, ndjson(recA.in(p("a.txt"))), ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := runCLI(t, nil, nil, append([]string{"scan"}, tc.args...)...)
			if r.code != exitFindings || r.stdout != tc.want || r.stderr != tc.stderr {
				t.Fatalf("code %d\nstdout:\n%s\nwant:\n%s\nstderr:\n%s\nwant:\n%s", r.code, r.stdout, tc.want, r.stderr, tc.stderr)
			}
		})
	}
}

// TestScanRelativeRoot reports paths as the walk found them: relative to
// the working directory when the root is ".".
func TestScanRelativeRoot(t *testing.T) {
	root := scanTree(t)
	t.Chdir(root)
	r := runCLI(t, nil, nil, "scan", "--include", "a.txt,b/*.cfg", ".")
	want := ndjson(rec1("github_token", 4, 44, "0.99", ghToken).under(".", "a.txt"), rec1("email", 7, 22, "0.95", "bob@example.com").under(".", "b/c.cfg"))
	if r.code != exitFindings || r.stdout != want || r.stderr != "" {
		t.Fatalf("code %d\nstdout:\n%s\nwant:\n%s\nstderr: %s", r.code, r.stdout, want, r.stderr)
	}
}

// TestScanUnreadableDirectory reports a directory it cannot read as an
// error (exit 2) and still scans the rest.
func TestScanUnreadableDirectory(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads every directory")
	}
	root := scanTree(t)
	locked := filepath.Join(root, "b", "d")
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chmod(locked, 0o750) })
	r := runCLI(t, nil, nil, "scan", "--include", "*.cfg,*.log", root)
	if r.code != exitError || r.stdout != ndjson(rec1("email", 7, 22, "0.95", "bob@example.com").under(root, "b/c.cfg")) ||
		r.stderr != "datafog scan: "+locked+": permission denied\n" {
		t.Fatalf("code %d stdout %q stderr %q", r.code, r.stdout, r.stderr)
	}
}
