package engine

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

// acmeRule is a custom rule for the tests: "acme_" + 32 to 40 base62
// characters with at least 3.5 bits of entropy per character.
var acmeRule = CustomRule{
	Name: "acme", EntityType: "acme_token", Prefix: "acme_", Charset: "base62",
	MinLen: 32, MaxLen: 40, MinEntropy: 3.5,
}

// acmeBody is a 32-character base62 body of high entropy.
const acmeBody = "Q7vR2kLm9XpT4wZs8NbY1cHd6FgJ3eUa"

// TestCustomRuleFindsItsToken scans a text that holds a custom token, a
// built-in secret and an email, and lookalikes of the custom token that
// break one rule each (length, charset, boundary, entropy, placeholder),
// and expects exactly the three real findings, from one pass, the same
// from a whole-buffer scan and from a stream cut into small chunks.
func TestCustomRuleFindsItsToken(t *testing.T) {
	e := mustEngine(t, Config{Rules: []CustomRule{acmeRule}})
	text := "deploy with acme_" + acmeBody + " and 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, mail bob@example.com\n" +
		"short acme_" + acmeBody[:31] + "\n" + // 31 characters: under min_length
		"long acme_" + acmeBody + acmeBody[:9] + "\n" + // 41: over max_length
		"glued xacme_" + acmeBody + "\n" + // a word byte before the prefix
		"tail acme_" + acmeBody + "_x\n" + // a word byte after the body
		"flat acme_" + strings.Repeat("ab12", 8) + "\n" + // 2 bits per character
		"doc acme_EXAMPLE" + acmeBody[7:] + "\n" + // a placeholder
		"quoted token = \"acme_" + acmeBody + "1\"\n" // 33 characters, inside an assignment
	start := strings.Index(text, "acme_")
	gh := strings.Index(text, "ghp_")
	mail := strings.Index(text, "bob@")
	q := strings.LastIndex(text, "acme_")
	want := []Finding{
		{Type: "acme_token", Start: int64(start), End: int64(start + 5 + 32), Confidence: 0.9, Validated: true},
		{Type: GitHubToken, Start: int64(gh), End: int64(gh + 40), Confidence: 0.99, Validated: true},
		{Type: Email, Start: int64(mail), End: int64(mail + 15), Confidence: 0.95, Validated: true},
		{Type: "acme_token", Start: int64(q), End: int64(q + 5 + 33), Confidence: 0.9, Validated: true},
	}
	got := e.Scan(nil, []byte(text), Filter{})
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Scan:\n got %+v\nwant %+v", got, want)
	}
	sc := e.NewScanner(Filter{})
	var streamed []Finding
	emit := func(f Finding) { streamed = append(streamed, f) }
	for i := 0; i < len(text); i += 7 {
		sc.Write([]byte(text[i:min(i+7, len(text))]), emit)
	}
	sc.Close(emit)
	if !reflect.DeepEqual(streamed, want) {
		t.Fatalf("Scanner:\n got %+v\nwant %+v", streamed, want)
	}
	f, err := e.Filter([]string{"acme_token"})
	if err != nil {
		t.Fatal(err)
	}
	if got := e.Scan(nil, []byte(text), f); !reflect.DeepEqual(got, []Finding{want[0], want[3]}) {
		t.Fatalf("filtered to acme_token: %+v", got)
	}
}

// TestCustomRuleCharsetAndRanges checks an explicit charset with ranges
// and a literal '-', a hex charset's boundary, and two rules sharing one
// type.
func TestCustomRuleCharsetAndRanges(t *testing.T) {
	e := mustEngine(t, Config{Rules: []CustomRule{
		{Name: "int-live", EntityType: "internal_key", Prefix: "INT-L-", Charset: "a-f0-9-", MinLen: 12, MaxLen: 12},
		{Name: "int-test", EntityType: "internal_key", Prefix: "INT-T-", Charset: "hex_upper", MinLen: 8, MaxLen: 8, Confidence: 0.7},
	}})
	text := "a INT-L-0a1b-2c3d-4e b INT-T-8F3A9C1E c INT-T-8F3A9C1G d INT-L-0A1B2C3D4E5F e INT-T-8F3A9C1EE f"
	want := []Finding{
		{Type: "internal_key", Start: 2, End: 20, Confidence: 0.9, Validated: true},
		{Type: "internal_key", Start: 23, End: 37, Confidence: 0.7, Validated: true},
	}
	if got := e.Scan(nil, []byte(text), Filter{}); !reflect.DeepEqual(got, want) {
		t.Fatalf("got %+v\nwant %+v", got, want)
	}
	types := e.Types()
	if types[len(types)-1] != "internal_key" || strings.Count(strings.Join(typeNames(types), ","), "internal_key") != 1 {
		t.Fatalf("Types ends %v", types[len(types)-3:])
	}
	ents := e.Entities()
	last := ents[len(ents)-1]
	if last.EntityType != "internal_key" || last.Family != "secret" ||
		last.ConfirmedBy != `custom rule int-live: "INT-L-" + 12 characters of a-f0-9-` {
		t.Fatalf("Entities ends with %+v", last)
	}
}

func typeNames(ts []EntityType) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = string(t)
	}
	return out
}

// TestCustomRuleProblemsListed lists every problem of bad rules, each
// naming its field.
func TestCustomRuleProblemsListed(t *testing.T) {
	_, err := New(Config{Rules: []CustomRule{
		{Name: "a", EntityType: "email", Prefix: "abc", Charset: "base62", MinLen: 0, MaxLen: 2000},
		{Name: "a", EntityType: "Bad", Prefix: "x y_", Charset: "z-a", MinLen: 10, MaxLen: 5, MinEntropy: 9, Confidence: 2},
		{Name: "", EntityType: "ok_type", Prefix: "OK_", Charset: "hex", MinLen: 8, MaxLen: 8, MinEntropy: 3.5},
	}})
	var ce *ConfigError
	if !errors.As(err, &ce) {
		t.Fatalf("got %v, want *ConfigError", err)
	}
	want := []string{
		`custom_rules[0]: entity_type "email" is a built-in type; a custom rule reports a type of its own`,
		`custom_rules[0]: prefix "abc": needs a byte that is neither a lower-case letter nor a digit (punctuation or a capital), where the scan can anchor it`,
		`custom_rules[0]: min_length 0: must be from 1 to 1024`,
		`custom_rules[0]: max_length 2000: must be from 1 to 1024`,
		`custom_rules[1]: name "a" also names custom_rules[0]`,
		`custom_rules[1]: entity_type "Bad" is not lowercase snake_case`,
		`custom_rules[1]: prefix "x y_": only printable ASCII bytes other than the space`,
		`custom_rules[1]: charset "z-a": range z-a runs backwards`,
		`custom_rules[1]: max_length 5: below min_length 10`,
		`custom_rules[1]: min_entropy 9: outside [0, 8] bits per byte`,
		`custom_rules[1]: confidence 2: outside [0, 1]`,
		`custom_rules[2]: missing name`,
		`custom_rules[2]: min_entropy 3.5: above the 3.00 bits per byte that a body of at most 8 bytes of this charset can reach`,
	}
	if !reflect.DeepEqual(ce.Problems, want) {
		t.Fatalf("problems:\n%s\nwant:\n%s", strings.Join(ce.Problems, "\n"), strings.Join(want, "\n"))
	}
}

// TestCustomRulesSurviveMarshal round-trips an engine with custom rules
// through MarshalBinary and Load: the loaded engine finds the same.
func TestCustomRulesSurviveMarshal(t *testing.T) {
	e := mustEngine(t, Config{Rules: []CustomRule{acmeRule, {Name: "b", EntityType: "b_key", Prefix: "BK-", Charset: "digits", MinLen: 6, MaxLen: 6, Confidence: 0.6}}})
	blob, err := e.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	l, err := Load(blob)
	if err != nil {
		t.Fatal(err)
	}
	text := []byte("x acme_" + acmeBody + " y BK-730194 z")
	want := []Finding{
		{Type: "acme_token", Start: 2, End: 39, Confidence: 0.9, Validated: true},
		{Type: "b_key", Start: 42, End: 51, Confidence: 0.6, Validated: true},
	}
	for name, eng := range map[string]*Engine{"New": e, "Load": l} {
		if got := eng.Scan(nil, text, Filter{}); !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: got %+v\nwant %+v", name, got, want)
		}
	}
	if !reflect.DeepEqual(l.rules, e.rules) {
		t.Fatalf("loaded rules %+v, want %+v", l.rules, e.rules)
	}
	again, err := l.MarshalBinary()
	if err != nil || string(again) != string(blob) {
		t.Fatalf("second MarshalBinary differs (err %v)", err)
	}
}
