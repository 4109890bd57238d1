package main

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// slowPosition is the line and column of off in text, computed directly:
// lines counted with strings.Count, columns with utf8.RuneCount (valid
// UTF-8 only).
func slowPosition(text string, off int) (line, col int) {
	before := text[:off]
	line = 1 + strings.Count(before, "\n")
	start := strings.LastIndexByte(before, '\n') + 1
	return line, utf8.RuneCountInString(before[start:]) + 1
}

// TestPositionMatchesDirectCount advances a position over random UTF-8
// text in random pieces and compares every stop with the direct count.
func TestPositionMatchesDirectCount(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2)) // #nosec G404 -- test data
	pieces := []string{"a", "bc", "é", "日本", "😀", "\n", "\r\n", " ", "xyz", "ü\n"}
	for round := 0; round < 200; round++ {
		var b strings.Builder
		for b.Len() < 200 {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		text := b.String()
		p := startPosition()
		for p.off < int64(len(text)) {
			next := min(len(text), int(p.off)+r.IntN(17))
			for next < len(text) && !utf8.RuneStart(text[next]) {
				next++ // stop on character boundaries, as findings do
			}
			p.advance([]byte(text[p.off:next]))
			line, col := slowPosition(text, next)
			if p.line != int64(line) || p.col+1 != int64(col) {
				t.Fatalf("text %q at %d: line %d column %d, want %d %d", text, next, p.line, p.col+1, line, col)
			}
		}
	}
}

// TestCharactersCountsCodePoints compares characters with
// utf8.RuneCount on valid text of every length around the 8-byte step.
func TestCharactersCountsCodePoints(t *testing.T) {
	s := strings.Repeat("aé日😀", 10)
	for i := 0; i <= len(s); i++ {
		for j := i; j <= len(s); j++ {
			if i < len(s) && !utf8.RuneStart(s[i]) || j < len(s) && !utf8.RuneStart(s[j]) {
				continue
			}
			if got, want := characters([]byte(s[i:j])), utf8.RuneCountInString(s[i:j]); got != int64(want) {
				t.Fatalf("characters(%q) = %d, want %d", s[i:j], got, want)
			}
		}
	}
}

// TestAllowLinesAcrossChunks finds markers wherever the chunks cut them.
func TestAllowLinesAcrossChunks(t *testing.T) {
	text := "one\ntwo datafog:allow\nthree\nfour // datafog:allow datafog:allow\nfive\ndatafog:allow"
	for size := 1; size <= len(text); size++ {
		var a allowLines
		a.reset()
		for i := 0; i < len(text); i += size {
			a.read([]byte(text[i:min(i+size, len(text))]))
		}
		if got := a.lines; len(got) != 3 || got[0] != 2 || got[1] != 4 || got[2] != 6 {
			t.Fatalf("chunks of %d: marker lines %v, want [2 4 6]", size, got)
		}
		if !a.complete(5) || a.complete(6) {
			t.Fatalf("chunks of %d: complete(5) %v complete(6) %v", size, a.complete(5), a.complete(6))
		}
		a.forget(4)
		if !a.allowed(4) || a.allowed(2) || a.allowed(5) {
			t.Fatalf("chunks of %d: after forget(4): %v", size, a.lines)
		}
	}
}

// TestGlobMatch pins the glob rules.
func TestGlobMatch(t *testing.T) {
	for _, tc := range []struct {
		pattern string
		yes, no []string
	}{
		{"*.min.js", []string{"a.min.js", "x/y/a.min.js"}, []string{"a.js", "a.min.jsx"}},
		{"vendor/**", []string{"vendor", "vendor/a", "vendor/a/b.go"}, []string{"x/vendor/a", "vendors/a"}},
		{"vendor/", []string{"vendor/a"}, []string{"x/vendor/a"}},
		{"**/testdata/*.json", []string{"testdata/a.json", "x/y/testdata/a.json"}, []string{"testdata/x/a.json", "a.json"}},
		{"/build", []string{"build"}, []string{"x/build"}},
		{"build", []string{"build", "x/build"}, []string{"builds"}},
		{"src/**/*_test.go", []string{"src/a_test.go", "src/x/y/a_test.go"}, []string{"a_test.go", "src/a.go"}},
		{"[ab]?.txt", []string{"a1.txt", "d/b2.txt"}, []string{"c1.txt", "a12.txt"}},
	} {
		g, err := compileGlob(tc.pattern)
		if err != nil {
			t.Fatalf("%q: %v", tc.pattern, err)
		}
		for _, p := range tc.yes {
			if !g.match(p) {
				t.Errorf("%q does not match %q", tc.pattern, p)
			}
		}
		for _, p := range tc.no {
			if g.match(p) {
				t.Errorf("%q matches %q", tc.pattern, p)
			}
		}
	}
	for _, bad := range []string{"[", "a//b", " "} {
		if _, err := compileGlob(bad); err == nil {
			t.Errorf("%q compiled", bad)
		}
	}
}

// TestScanLinesAndColumns scans text with multi-byte characters, CRLF
// line ends and a PEM block over several lines, in chunks of every size
// from 1 to 64 bytes, and checks every finding's line and columns
// against the direct count.
func TestScanLinesAndColumns(t *testing.T) {
	const pem = "-----BEGIN PRIVATE KEY-----\nMIIBVgIBADANBgkqhkiG9w0BAQEFAASCAUAwggE8AgEAAkEAq7BFUpkGp3+LQmlQ\n-----END PRIVATE KEY-----"
	text := "naïve café: bob@example.com\r\n日本語 😀 ip 10.0.0.1 done\n\n" + pem + "\nbye ✓ " + ghToken + "\n"
	recs := []wantRec{}
	for _, v := range []struct{ typ, value, conf string }{
		{"email", "bob@example.com", "0.95"}, {"ip_address", "10.0.0.1", "0.9"},
		{"private_key", pem, "1"}, {"github_token", ghToken, "0.99"},
	} {
		start := strings.Index(text, v.value)
		end := start + len(v.value)
		l, c := slowPosition(text, start)
		el, ec := slowPosition(text, end)
		recs = append(recs, rec1(v.typ, start, end, v.conf, v.value).at(l, c, el, ec))
	}
	if recs[0].col != 13 || recs[1].line != 2 || recs[1].col != 10 || recs[2].line != 4 || recs[2].endLine != 6 || recs[2].endCol != 26 {
		t.Fatalf("the direct count disagrees with the hand count: %+v", recs)
	}
	want := ndjson(recs...)
	for size := 1; size <= 64; size++ {
		r := runCLI(t, &chunkReader{strings.NewReader(text), size}, nil, "scan")
		if r.code != exitFindings || r.stdout != want || r.stderr != "" {
			t.Fatalf("chunks of %d: code %d\nstdout:\n%s\nwant:\n%s\nstderr: %s", size, r.code, r.stdout, want, r.stderr)
		}
	}
}

// TestScanLongLineColumns keeps columns right on a line far longer than
// the window the scanner keeps.
func TestScanLongLineColumns(t *testing.T) {
	var b bytes.Buffer
	for b.Len() < 300_000 {
		b.WriteString("é lorem ipsum ")
	}
	start := b.Len()
	b.WriteString("bob@example.com\n")
	text := b.String()
	_, col := slowPosition(text, start)
	want := ndjson(rec1("email", start, start+15, "0.95", "bob@example.com").at(1, col, 1, col+15))
	r := runCLI(t, &chunkReader{strings.NewReader(text), 4093}, nil, "scan")
	if r.code != exitFindings || r.stdout != want {
		t.Fatalf("code %d\nstdout:\n%s\nwant:\n%s", r.code, r.stdout, want)
	}
}
