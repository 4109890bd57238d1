package main

import (
	"strings"
	"testing"
)

// TestMinConfidenceFlag checks --min-confidence on scan and redact: the
// default (the policy's 0.5) leaves a bare five-digit number alone, a
// lower value reports it, and a value outside [0, 1] is refused.
func TestMinConfidenceFlag(t *testing.T) {
	const in = "ref 94105 ok\n"
	for _, tc := range []struct {
		args        []string
		code        int
		out, errOut string
	}{
		{[]string{"scan"}, exitOK, "", ""},
		{[]string{"scan", "--min-confidence", "0.2"}, exitFindings, ndjson(rec1("zip_code", 4, 9, "0.3", "94105")), ""},
		{[]string{"redact"}, exitOK, in, ""},
		{[]string{"redact", "--min-confidence=0.3"}, exitOK, "ref [REDACTED] ok\n", ""},
		{[]string{"scan", "--min-confidence", "2"}, exitError, "", "datafog scan: --min-confidence 2: must be from 0 to 1\n"},
	} {
		r := runCLI(t, strings.NewReader(in), nil, tc.args...)
		if r.code != tc.code || r.stdout != tc.out || r.stderr != tc.errOut {
			t.Errorf("%v: code %d stdout %q stderr %q, want %d %q %q", tc.args, r.code, r.stdout, r.stderr, tc.code, tc.out, tc.errOut)
		}
	}
}
