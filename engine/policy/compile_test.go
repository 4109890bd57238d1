package policy

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/datafog/datafog-api/engine"
)

// dictPolicy is a policy with an inline dictionary and a file dictionary.
const dictPolicy = `{"policy_id":"p","policy_version":"1",
 "rules":[{"id":"deny-project","priority":10,"effect":"deny","match":{"action_types":["http.request"]},"entity_requirements":["project_code"]},
          {"id":"allow-all","effect":"allow"}],
 "dictionaries":[
  {"name":"projects","entity_type":"project_code","terms":["Bluebird","Nightjar"],"case_insensitive":true,"whole_word":true,"confidence":0.8},
  {"name":"staff","entity_type":"employee_id","file":"staff.txt"}],
 "detectors":{"zip_code":{"enabled":false}}}`

func writeDictPolicy(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "policy.json"), []byte(dictPolicy), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "staff.txt"), []byte("E-1001\r\n\n  E-1002  \n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return filepath.Join(dir, "policy.json")
}

// scanTypes returns "type[start,end)" for each finding.
func scanTypes(c *Compiled, text string) []string {
	var out []string
	for _, f := range c.Engine.Scan(nil, []byte(text), engine.Filter{}) {
		out = append(out, fmt.Sprintf("%s[%d,%d)", f.Type, f.Start, f.End))
	}
	return out
}

func TestCompileDictionaries(t *testing.T) {
	c, err := LoadFile(writeDictPolicy(t))
	if err != nil {
		t.Fatal(err)
	}
	text := "Project BLUEBIRD, not bluebirds; staff E-1002 and E-1001."
	want := []string{"project_code[8,16)", "employee_id[39,45)", "employee_id[50,56)"}
	if got := scanTypes(c, text); !reflect.DeepEqual(got, want) {
		t.Fatalf("findings %v, want %v", got, want)
	}
	fs := c.Engine.Scan(nil, []byte(text), engine.Filter{})
	if fs[0].Confidence != 0.8 {
		t.Fatalf("dictionary confidence %v", fs[0].Confidence)
	}
	d := c.Decide(Action{Type: "http.request"}, fs)
	if d.Decision != Deny || !reflect.DeepEqual(d.MatchedRules, []string{"deny-project", "allow-all"}) {
		t.Fatalf("decision %+v", d)
	}
	// zip_code is disabled by the policy.
	for _, typ := range c.Engine.Types() {
		if typ == engine.ZipCode {
			t.Fatal("zip_code detector still enabled")
		}
	}
}

func TestCompileFileProblems(t *testing.T) {
	p, err := Parse([]byte(dictPolicy))
	if err != nil {
		t.Fatal(err)
	}
	_, err = Compile(p, t.TempDir())
	var ve *ValidationError
	if !errors.As(err, &ve) || len(ve.Problems) != 1 || !strings.HasPrefix(ve.Problems[0], `dictionaries[1] "staff": file "staff.txt": `) {
		t.Fatalf("missing file: %v", err)
	}
}

func TestCompiledRoundTrip(t *testing.T) {
	c, err := LoadFile(writeDictPolicy(t))
	if err != nil {
		t.Fatal(err)
	}
	blob, err := c.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	l, err := LoadCompiled(blob)
	if err != nil {
		t.Fatal(err)
	}
	text := "bluebird E-1001 nightjar"
	if got, want := scanTypes(l, text), scanTypes(c, text); !reflect.DeepEqual(got, want) || len(got) != 3 {
		t.Fatalf("loaded engine finds %v, original %v", got, want)
	}
	if l.Policy.Dictionaries[0].Terms != nil || l.Policy.PolicyID != "p" || len(l.Policy.Rules) != 2 {
		t.Fatalf("loaded policy %+v", l.Policy)
	}
	if d := l.Decide(Action{Type: "file.read"}, nil); d.Decision != Allow {
		t.Fatalf("loaded decide %+v", d)
	}

	corrupt := append([]byte(nil), blob...)
	corrupt[20] ^= 1
	if _, err := LoadCompiled(corrupt); err == nil || err.Error() != fmt.Sprintf("policy: load compiled: bad checksum at offset %d", len(blob)-4) {
		t.Fatalf("corrupt: %v", err)
	}
	if _, err := LoadCompiled(blob[:10]); err == nil || err.Error() != "policy: load compiled: truncated: 10 bytes" {
		t.Fatalf("truncated: %v", err)
	}
	badVersion := append([]byte(nil), blob...)
	badVersion[8] = 9
	if _, err := LoadCompiled(badVersion); err == nil || err.Error() != "policy: load compiled: unsupported version 9 at offset 8 (want 1)" {
		t.Fatalf("version: %v", err)
	}
	for n := 0; n < len(blob); n += 1 + len(blob)/50 {
		if _, err := LoadCompiled(blob[:n]); err == nil {
			t.Fatalf("prefix of %d bytes loaded", n)
		}
	}
}

// bigPolicy returns a policy with one inline dictionary of n terms.
func bigPolicy(n int) *Policy {
	terms := make([]string, n)
	for i := range terms {
		terms[i] = fmt.Sprintf("customer-%06d", i)
	}
	p := Default()
	p.Dictionaries = []Dictionary{{Name: "customers", EntityType: "customer_id", Terms: terms, WholeWord: true}}
	return p
}

func TestMaxTerms(t *testing.T) {
	p := bigPolicy(MaxTerms + 1)
	err := p.Validate()
	if err == nil || err.Error() != "policy: invalid policy: dictionaries: 100001 terms in total, more than 100000" {
		t.Fatalf("got %v", err)
	}
}

func BenchmarkCompile100k(b *testing.B) {
	p := bigPolicy(100_000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Compile(p, ""); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLoadCompiled100k(b *testing.B) {
	c, err := Compile(bigPolicy(100_000), "")
	if err != nil {
		b.Fatal(err)
	}
	blob, err := c.MarshalBinary()
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(blob)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := LoadCompiled(blob); err != nil {
			b.Fatal(err)
		}
	}
}
