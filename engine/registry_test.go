package engine

import (
	"strings"
	"testing"
)

// TestRegistryExamples runs every valid and invalid example that each
// registered detector declares through the whole default engine, at the
// default minimum confidence: a valid
// example yields exactly one finding of its type, over exactly its span;
// an invalid one yields no finding of any of the detector's types, nor of
// its Type when set (a veto: "NHS number 993 241 8230" is no phone).
func TestRegistryExamples(t *testing.T) {
	e := mustEngine(t, Config{})
	for _, d := range registry {
		if len(d.Examples) == 0 {
			t.Errorf("detector %s has no examples", d.Name)
		}
		valid, invalid := 0, 0
		for _, ex := range d.Examples {
			fs := e.Scan(nil, []byte(ex.Text), Filter{}.WithMinConfidence(DefaultMinConfidence))
			if !ex.Valid {
				invalid++
				for _, f := range fs {
					bad := string(f.Type) == ex.Type
					for _, typ := range d.Types {
						bad = bad || string(f.Type) == typ.Name
					}
					if bad {
						t.Errorf("%s: invalid example %q: found %s %q", d.Name, ex.Text, f.Type, ex.Text[f.Start:f.End])
					}
				}
				continue
			}
			valid++
			typ := ex.Type
			if typ == "" {
				typ = d.Types[0].Name
			}
			var got []string
			for _, f := range fs {
				if string(f.Type) == typ {
					got = append(got, ex.Text[f.Start:f.End])
				}
			}
			if len(got) != 1 || got[0] != ex.Span {
				t.Errorf("%s: valid example %q: %s findings %q, want exactly %q", d.Name, ex.Text, typ, got, ex.Span)
			}
		}
		if valid == 0 || invalid == 0 {
			t.Errorf("detector %s needs valid and invalid examples (has %d and %d)", d.Name, valid, invalid)
		}
	}
}

// TestRegistryWellFormed checks the registry's invariants: unique
// detector names, contract-style type names, a cited source, and a
// confirmation line and family for every type.
func TestRegistryWellFormed(t *testing.T) {
	names := map[string]bool{}
	for _, d := range registry {
		if names[d.Name] {
			t.Errorf("detector name %s is used twice", d.Name)
		}
		names[d.Name] = true
		if strings.TrimSpace(d.Source) == "" {
			t.Errorf("detector %s cites no source", d.Name)
		}
		if len(d.Types) == 0 {
			t.Errorf("detector %s reports no type", d.Name)
		}
		for _, typ := range d.Types {
			if !validTypeName(typ.Name) {
				t.Errorf("detector %s: type %q is not lowercase snake_case", d.Name, typ.Name)
			}
			if typ.Confirm == "" || typ.Family == "" || !(typ.Confidence > 0 && typ.Confidence <= 1) {
				t.Errorf("detector %s: type %s needs a family, a confirmation line and a confidence in (0, 1]", d.Name, typ.Name)
			}
		}
	}
	if _, _, err := compileDispatch(registry, nil, nil); err != nil {
		t.Fatal(err)
	}
}
