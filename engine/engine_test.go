package engine

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestConfigErrorsListed(t *testing.T) {
	_, err := New(Config{
		Detectors: map[EntityType]DetectorConfig{"nope": {}, Email: {MinConfidence: 2}},
		Dictionaries: []Dictionary{
			{EntityType: "Bad Name", Terms: []string{"x"}},
			{EntityType: "ok_type"},
			{EntityType: "ok_type", Terms: []string{"", strings.Repeat("a", MaxTermLen+1)}, Confidence: -1},
		},
	})
	var ce *ConfigError
	if !errors.As(err, &ce) {
		t.Fatalf("got %v, want *ConfigError", err)
	}
	want := []string{
		`detectors: email: min_confidence 2 outside [0, 1]`,
		`detectors: unknown entity type "nope"`,
		`dictionaries[0]: entity_type "Bad Name" is not lowercase snake_case`,
		`dictionaries[1]: no terms`,
		`dictionaries[2]: confidence -1 outside [0, 1]`,
		`dictionaries[2]: terms[0]: length 0 outside 1..256`,
		`dictionaries[2]: terms[1]: length 257 outside 1..256`,
	}
	if !reflect.DeepEqual(ce.Problems, want) {
		t.Fatalf("problems:\n%s\nwant:\n%s", strings.Join(ce.Problems, "\n"), strings.Join(want, "\n"))
	}
}

func TestDetectorConfigAndFilter(t *testing.T) {
	text := []byte("mail bob@example.com zip 94105" + strings.Repeat(" ", 64) + "ref 94106 card 4111111111111111")
	e := mustEngine(t, Config{Detectors: map[EntityType]DetectorConfig{
		Email: {Disabled: true}, ZipCode: {MinConfidence: 0.5},
	}})
	got := e.Scan(nil, text, Filter{})
	want := []Finding{
		{Type: ZipCode, Start: 25, End: 30, Confidence: 0.9},
		{Type: CreditCard, Start: 109, End: 125, Confidence: 0.99, Validated: true},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for _, typ := range e.Types() {
		if typ == Email {
			t.Fatal("Types lists a disabled detector")
		}
	}
	f, err := e.Filter([]string{"credit_card"})
	if err != nil {
		t.Fatal(err)
	}
	if got := e.Scan(nil, text, f); !reflect.DeepEqual(got, want[1:]) {
		t.Fatalf("filtered: got %v", got)
	}
	if _, err := e.Filter([]string{"email", "bogus", "also_bogus"}); err == nil || err.Error() != `engine: filter: unknown entity types "bogus", "also_bogus"` {
		t.Fatalf("unknown filter names: %v", err)
	}
}

func TestDictionariesAndMarshal(t *testing.T) {
	cfg := Config{Dictionaries: []Dictionary{
		{EntityType: "project", Terms: []string{"Blue Falcon", "Falcon"}, CaseInsensitive: true, WholeWord: true},
		{EntityType: "customer", Terms: []string{"ACME"}, Confidence: 0.7},
	}}
	e := mustEngine(t, cfg)
	text := []byte("the blue falcon and Falconry for ACME, acme; mail bob@example.com")
	want := []Finding{
		{Type: "project", Start: 4, End: 15, Confidence: 0.9},
		{Type: "customer", Start: 33, End: 37, Confidence: 0.7},
		{Type: Email, Start: 50, End: 65, Confidence: 0.95, Validated: true},
	}
	if got := e.Scan(nil, text, Filter{}); !reflect.DeepEqual(got, want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	if got := e.Types(); len(got) != numBuiltin+2 || got[numBuiltin] != "project" || got[numBuiltin+1] != "customer" {
		t.Fatalf("Types: %v", got)
	}
	data, err := e.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	l, err := Load(data)
	if err != nil {
		t.Fatal(err)
	}
	if got := l.Scan(nil, text, Filter{}); !reflect.DeepEqual(got, want) {
		t.Fatalf("loaded engine: got %v, want %v", got, want)
	}
	again, err := l.MarshalBinary()
	if err != nil || string(again) != string(data) {
		t.Fatalf("re-marshal differs (err %v)", err)
	}
	for i := range data {
		bad := append([]byte(nil), data...)
		bad[i] ^= 0x40
		if _, err := Load(bad); err == nil {
			t.Fatalf("corrupt byte %d: Load succeeded", i)
		}
	}
	for n := 0; n < len(data); n += 7 {
		if _, err := Load(data[:n]); err == nil {
			t.Fatalf("truncated to %d: Load succeeded", n)
		}
	}
}
