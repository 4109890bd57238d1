package main

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/datafog/datafog-api/engine/policy"
)

// TestPolicyCheckListsEveryProblem: `policy check` prints every problem the
// compiler finds, one a line, and exits 1; a good policy exits 0; an
// unreadable file exits 2.
func TestPolicyCheckListsEveryProblem(t *testing.T) {
	bad := "../../engine/policy/testdata/bad_policy.json"
	data, err := os.ReadFile(bad)
	if err != nil {
		t.Fatal(err)
	}
	_, perr := policy.Parse(data)
	var ve *policy.ValidationError
	if !errors.As(perr, &ve) || len(ve.Problems) < 20 {
		t.Fatalf("bad_policy.json: %v", perr)
	}
	r := runCLI(t, nil, nil, "policy", "check", bad)
	want := "FAIL " + bad + ": " + strconv.Itoa(len(ve.Problems)) + " problem(s)\n  " + strings.Join(ve.Problems, "\n  ") + "\n"
	if r.code != exitFindings || r.stdout != want || r.stderr != "" {
		t.Fatalf("bad policy: code %d\n%s\nwant\n%s", r.code, r.stdout, want)
	}

	dir := t.TempDir()
	good := writeFile(t, dir, "p.json", `{"policy_id":"p","policy_version":"7","rules":[{"id":"a","effect":"deny","entity_requirements":["staff"]}],
"dictionaries":[{"name":"s","entity_type":"staff","file":"staff.txt"}]}`)
	writeFile(t, dir, "staff.txt", "E-1\n")
	r = runCLI(t, nil, nil, "policy", "check", good)
	if r.code != exitOK || !strings.HasPrefix(r.stdout, `OK `+good+`: policy_id "p", policy_version "7", 1 rules, `) {
		t.Fatalf("good policy: %+v", r)
	}
	// A dictionary file that is missing is a problem too (compile step).
	if err := os.Remove(filepath.Join(dir, "staff.txt")); err != nil {
		t.Fatal(err)
	}
	r = runCLI(t, nil, nil, "policy", "check", good)
	if r.code != exitFindings || !strings.Contains(r.stdout, `dictionaries[0] "s": file "staff.txt"`) {
		t.Fatalf("missing dictionary file: %+v", r)
	}
	r = runCLI(t, nil, nil, "policy", "check", filepath.Join(dir, "nope.json"))
	if r.code != exitError || !strings.HasPrefix(r.stderr, "datafog policy check: open ") {
		t.Fatalf("missing file: %+v", r)
	}
	if r = runCLI(t, nil, nil, "policy", "lint", good); r.code != exitError || !strings.Contains(r.stderr, `unknown subcommand "lint"`) {
		t.Fatalf("unknown subcommand: %+v", r)
	}
}
