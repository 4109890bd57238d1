package policy

import (
	"errors"
	"os"
	"reflect"
	"testing"
)

// FuzzPolicyParse checks that any input is either rejected with a
// *ValidationError naming at least one problem, or parses to a policy that
// re-validates: Parse(Marshal(p)) succeeds and equals p.
func FuzzPolicyParse(f *testing.F) {
	for _, name := range []string{"testdata/datafog_api_policy.json", "testdata/bad_policy.json", "default_policy.json"} {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Parse(data)
		if err != nil {
			var ve *ValidationError
			if !errors.As(err, &ve) || len(ve.Problems) == 0 {
				t.Fatalf("rejection is not a ValidationError with problems: %v", err)
			}
			return
		}
		out, err := p.Marshal()
		if err != nil {
			t.Fatalf("Marshal: %v", err)
		}
		q, err := Parse(out)
		if err != nil {
			t.Fatalf("re-parse of %s: %v", out, err)
		}
		if !reflect.DeepEqual(p, q) {
			t.Fatalf("round trip differs:\n%+v\n%+v", p, q)
		}
		ev := newEvaluator(p)
		d := ev.decide(Action{Type: "file.write"}, nil)
		if d.Decision == "" || d.MatchedRules == nil {
			t.Fatalf("decide: %+v", d)
		}
	})
}
