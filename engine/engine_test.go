package engine

import (
	"errors"
	"math/rand/v2"
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
	nb := len(BuiltinTypes)
	if got := e.Types(); len(got) != nb+2 || got[nb] != "project" || got[nb+1] != "customer" {
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

// TestKeyCacheMatchesWalk checks that the key-name cache gives the walk's
// verdict, on the first lookup (a miss) and on the second (a hit), for
// quoted key names with random neighbours.
func TestKeyCacheMatchesWalk(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 5))
	var c keyCache
	st := &scanState{e: mustEngine(t, Config{})}
	const alpha = `"' _-.:=/aApkKey0129`
	names := []string{"api_key", "token", "request_id", "apikey", "ts", "x", "userPassword", "my-secret", "", "KEY", "nokey",
		"key", "a_key", "xkey", "1key", "_key", "pwd", "a.pwd", "k"}
	secret, plain := 0, 0
	for n := 0; n < 20000; n++ {
		var b []byte
		for len(b) < 20 || r.IntN(3) > 0 && len(b) < 40 {
			b = append(b, alpha[r.IntN(len(alpha))])
		}
		if r.IntN(2) == 0 {
			b = append(b, '"')
			name := []byte(names[r.IntN(len(names))])
			if len(name) > 0 && r.IntN(2) == 0 {
				name[r.IntN(len(name))] = alpha[r.IntN(len(alpha))]
			}
			b = append(b, name...)
		}
		b = append(b, '"', ':')
		p := len(b) - 1
		want := st.keyTaken(b, p)
		for k := 0; k < 2; k++ {
			if got := c.quotedKey(st, b, p); got != want {
				t.Fatalf("lookup %d of %q: %v, walk says %v", k, b, got, want)
			}
		}
		if want {
			secret++
		} else {
			plain++
		}
	}
	if secret < 1000 || plain < 1000 {
		t.Fatalf("only %d secret and %d plain keys tried", secret, plain)
	}
}

// TestTooManyDictionaries checks that New rejects more dictionaries than
// a candidate's kind can number.
func TestTooManyDictionaries(t *testing.T) {
	dicts := make([]Dictionary, maxDicts+1)
	for i := range dicts {
		dicts[i] = Dictionary{EntityType: "term", Terms: []string{"x"}}
	}
	_, err := New(Config{Dictionaries: dicts})
	want := "engine: invalid config: dictionaries: 16385 dictionaries, more than 16384"
	if err == nil || err.Error() != want {
		t.Fatalf("err = %v, want %q", err, want)
	}
}
