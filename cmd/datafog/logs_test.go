package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestRedactLogsKeepsTimestampsAndNumbers runs the default redact over an
// access log, a JSON log and an application log (testdata/logs) and
// compares the output byte for byte with the reviewed *.redacted files:
// addresses, emails and the card are replaced; timestamps, status codes,
// sizes, durations, ids and counts (five-digit ones included) are kept,
// because at the default minimum confidence a timestamp's date and a bare
// number are not reported.
func TestRedactLogsKeepsTimestampsAndNumbers(t *testing.T) {
	for _, name := range []string{"access.log", "app.json", "app.log"} {
		in := filepath.Join("testdata", "logs", name)
		want, err := os.ReadFile(in + ".redacted")
		if err != nil {
			t.Fatal(err)
		}
		r := runCLI(t, nil, nil, "redact", in)
		if r.code != exitOK || r.stdout != string(want) || r.stderr != "" {
			t.Errorf("%s: code %d\nstdout:\n%s\nwant:\n%s\nstderr: %q", name, r.code, r.stdout, want, r.stderr)
		}
	}
}
