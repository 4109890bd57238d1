package transform

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"fmt"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"github.com/datafog/datafog-api/engine"
)

// pseudonymRe matches a pseudonym placeholder of any type.
var pseudonymRe = regexp.MustCompile(`^<[A-Z0-9_]+_[bcdfghjkmnpqrstv]{20}>$`)

// fixedKeys returns a key function that hands out key 0, 1, 2, ... (32
// bytes each, from seed) in turn, and the keys handed out so far.
func fixedKeys(seed byte) (func([]byte), *[][]byte) {
	var given [][]byte
	return func(key []byte) {
		for i := range key {
			key[i] = seed + byte(len(given)) + byte(i)*7
		}
		given = append(given, append([]byte(nil), key...))
	}, &given
}

// wantPseudonym is an independent transcription of the pseudonym: the
// first 80 bits of HMAC-SHA256(key, type || 0x00 || value), 4 bits a letter
// of "bcdfghjkmnpqrstv".
func wantPseudonym(key []byte, typ engine.EntityType, value string) string {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(string(typ) + "\x00" + value))
	sum := m.Sum(nil)
	var b strings.Builder
	b.WriteString("<" + strings.ToUpper(string(typ)) + "_")
	for _, c := range sum[:10] {
		b.WriteByte("bcdfghjkmnpqrstv"[c>>4])
		b.WriteByte("bcdfghjkmnpqrstv"[c&15])
	}
	b.WriteByte('>')
	return b.String()
}

// emails builds "v0@x.io v1@x.io ..." from the value numbers in order, and
// their fake-scanner findings.
func emails(order ...int) ([]byte, []engine.Finding) {
	var text []byte
	for i, n := range order {
		if i > 0 {
			text = append(text, ' ')
		}
		text = fmt.Appendf(text, "v%d@x.io", n)
	}
	return text, fakeScan(text)
}

// TestAnonymizeBudget: with a budget of 3, the first three distinct values
// are numbered, later ones get the pseudonym of the call's key, and every
// value keeps one label for the whole call: a numbered value keeps its
// number after the budget is spent, a pseudonymised one its pseudonym.
func TestAnonymizeBudget(t *testing.T) {
	tr, err := New(Options{Default: Anonymize})
	if err != nil {
		t.Fatal(err)
	}
	tr.anonBudget = 3
	var keys *[][]byte
	tr.anonKey, keys = fixedKeys(1)
	text, fs := emails(0, 1, 0, 2, 3, 1, 4, 3, 0, 4)
	text = append(text, " 4111111111111111"...)
	fs = append(fs, engine.Finding{Type: engine.CreditCard, Start: int64(len(text) - 16), End: int64(len(text))})
	got, st := tr.Apply(nil, text, fs)
	if len(*keys) != 1 {
		t.Fatalf("%d keys drawn, want 1", len(*keys))
	}
	key := (*keys)[0]
	p3, p4 := wantPseudonym(key, engine.Email, "v3@x.io"), wantPseudonym(key, engine.Email, "v4@x.io")
	pc := wantPseudonym(key, engine.CreditCard, "4111111111111111")
	want := strings.Join([]string{"<EMAIL_1>", "<EMAIL_2>", "<EMAIL_1>", "<EMAIL_3>", p3, "<EMAIL_2>", p4, p3, "<EMAIL_1>", p4, pc}, " ")
	if string(got) != want {
		t.Fatalf("got  %s\nwant %s", got, want)
	}
	for _, p := range []string{p3, p4, pc} {
		if !pseudonymRe.MatchString(p) {
			t.Fatalf("pseudonym %q has the wrong shape", p)
		}
	}
	if p3 == p4 || st.Transformed != 11 || st.ByType[engine.Email] != 10 {
		t.Fatalf("p3 %s p4 %s stats %+v", p3, p4, st)
	}

	// Within the budget no key is drawn at all.
	if got, _ := tr.Apply(nil, []byte("v9@x.io v9@x.io"), fakeScan([]byte("v9@x.io v9@x.io"))); string(got) != "<EMAIL_1> <EMAIL_1>" || len(*keys) != 1 {
		t.Fatalf("within budget: %q, %d keys", got, len(*keys))
	}
}

// TestPseudonymStableUnderSameKey: a pseudonym is a function of the key,
// the type and the value only. Two streams given the same key label a
// value alike, whatever came before it; a different key labels it
// differently; and without a fixed key every stream draws its own from
// crypto/rand, so two streams do not share pseudonyms.
func TestPseudonymStableUnderSameKey(t *testing.T) {
	same := func(key []byte) {
		for i := range key {
			key[i] = byte(i)
		}
	}
	a, fa := emails(0, 7, 8)
	b, fb := emails(5, 6, 8, 7)
	outA, _ := anonTransformer(t, 1, same).Apply(nil, a, fa)
	outB, _ := anonTransformer(t, 1, same).Apply(nil, b, fb)
	labelsA, labelsB := strings.Fields(string(outA)), strings.Fields(string(outB))
	if labelsA[1] != labelsB[3] || labelsA[2] != labelsB[2] || labelsA[1] == labelsA[2] {
		t.Fatalf("same key, different streams: %q and %q", outA, outB)
	}
	var key [32]byte
	same(key[:])
	if labelsA[1] != wantPseudonym(key[:], engine.Email, "v7@x.io") {
		t.Fatalf("pseudonym %s, want %s", labelsA[1], wantPseudonym(key[:], engine.Email, "v7@x.io"))
	}

	other := func(key []byte) { same(key); key[0] ^= 1 }
	if outC, _ := anonTransformer(t, 1, other).Apply(nil, a, fa); strings.Fields(string(outC))[1] == labelsA[1] {
		t.Fatalf("another key gave the same pseudonym %s", labelsA[1])
	}

	tr := anonTransformer(t, 1, randomKey)
	seen := map[string]bool{}
	for range 8 {
		out, _ := tr.Apply(nil, a, fa)
		p := strings.Fields(string(out))[1]
		if seen[p] || !pseudonymRe.MatchString(p) {
			t.Fatalf("random stream keys: pseudonym %q repeated or malformed", p)
		}
		seen[p] = true
	}
}

// anonTransformer returns an anonymize Transformer with the given budget
// and stream key function.
func anonTransformer(t *testing.T, budget int, key func([]byte)) *Transformer {
	t.Helper()
	tr, err := New(Options{Default: Anonymize})
	if err != nil {
		t.Fatal(err)
	}
	tr.anonBudget, tr.anonKey = budget, key
	return tr
}

// TestWriterMatchesApplyPastBudget streams values past a small budget in
// random chunks: with the same stream key, the Writer's output equals
// Apply's, and Reset gives the next stream a new key.
func TestWriterMatchesApplyPastBudget(t *testing.T) {
	e := newEngine(t)
	r := rand.New(rand.NewPCG(3, 5))
	var text []byte
	for i := range 400 {
		text = fmt.Appendf(text, "from user%d@example.com to 10.1.%d.%d; ", r.IntN(60), i%7, r.IntN(40))
	}
	findings := e.Scan(nil, text, engine.Filter{})
	tr, err := New(Options{Default: Anonymize})
	if err != nil {
		t.Fatal(err)
	}
	tr.anonBudget = 25
	tr.anonKey, _ = fixedKeys(9)
	want, wantStats := tr.Apply(nil, text, findings)
	tr.anonKey, _ = fixedKeys(9)
	got, gotStats, _ := streamEngine(t, tr, e, text, func() int { return 1 + r.IntN(300) })
	if !bytes.Equal(got, want) || gotStats.Transformed != wantStats.Transformed {
		t.Fatalf("stream differs from Apply past the budget:\nstream %q\napply  %q", got, want)
	}
	if n := len(regexp.MustCompile(`_[bcdfghjkmnpqrstv]{20}>`).FindAll(want, -1)); n == 0 {
		t.Fatal("no pseudonym in the output: the test did not pass the budget")
	}
	if n := bytes.Count(want, []byte("<EMAIL_")) + bytes.Count(want, []byte("<IP_ADDRESS_")); n != len(findings) {
		t.Fatalf("%d labels for %d findings", n, len(findings))
	}

	var keys *[][]byte
	tr.anonKey, keys = fixedKeys(40)
	var out bytes.Buffer
	w := tr.NewWriter(&out, e.NewScanner(engine.Filter{}))
	for range 2 {
		out.Reset()
		w.Write(text)
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		w.Reset(&out)
	}
	if len(*keys) != 2 || bytes.Equal((*keys)[0], (*keys)[1]) {
		t.Fatalf("two streams on one Writer drew %d keys, want 2 different ones", len(*keys))
	}
}

// TestAnonymizeStatesStaySmall: a state that numbered more values than
// keepAnonEntries drops its map when released to the pool or Reset, and a
// state that numbered few keeps it (cleared) for reuse. Numbering stops at
// the budget whatever the input.
func TestAnonymizeStatesStaySmall(t *testing.T) {
	tr, err := New(Options{Default: Anonymize})
	if err != nil {
		t.Fatal(err)
	}
	order := make([]int, 3*keepAnonEntries)
	for i := range order {
		order[i] = i
	}
	big, bigFs := emails(order...)
	tr.anonBudget = 2 * keepAnonEntries
	out, _ := tr.Apply(nil, big, bigFs)
	if !bytes.Contains(out, fmt.Appendf(nil, "<EMAIL_%d> ", 2*keepAnonEntries)) || bytes.Contains(out, fmt.Appendf(nil, "<EMAIL_%d>", 2*keepAnonEntries+1)) {
		t.Fatal("numbering did not stop at the budget")
	}
	if len(tr.free) != 1 || tr.free[0].anon.ids != nil {
		t.Fatalf("pooled state kept a map of %d entries", len(tr.free[0].anon.ids))
	}
	small, smallFs := emails(1, 2, 1)
	tr.Apply(nil, small, smallFs)
	if len(tr.free) != 1 || tr.free[0].anon.ids == nil || len(tr.free[0].anon.ids) != 0 {
		t.Fatalf("pooled state after a small call: map %v", tr.free[0].anon.ids)
	}

	w := tr.newWriter(&bytes.Buffer{}, &fakeScanner{})
	w.Write(big)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if n := len(w.st.anon.ids); n != 2*keepAnonEntries {
		t.Fatalf("Writer remembered %d values, want the budget %d", n, 2*keepAnonEntries)
	}
	w.Reset(&bytes.Buffer{})
	if w.st.anon.ids != nil || w.st.anon.mac != nil {
		t.Fatal("Reset kept the large map or the stream key")
	}
}

// TestPseudonymsRescanClean scans text made of many pseudonym placeholders
// of every built-in type, alone and in the contexts detectors look at
// (assignments, after keywords): the engine finds nothing.
func TestPseudonymsRescanClean(t *testing.T) {
	e := newEngine(t)
	tr, err := New(Options{Default: Anonymize})
	if err != nil {
		t.Fatal(err)
	}
	tr.anonBudget = 0
	var text []byte
	var fs []engine.Finding
	types := e.Types()
	contexts := []string{"", "password=", "api_key: ", "ssn ", "card ", "call ", "token=", "iban "}
	for i := range 4000 {
		typ := types[i%len(types)]
		text = append(text, contexts[i%len(contexts)]...)
		start := len(text)
		text = fmt.Appendf(text, "value-%d", i)
		fs = append(fs, engine.Finding{Type: typ, Start: int64(start), End: int64(len(text))})
		text = append(text, " \n"[i%2])
	}
	out, st := tr.Apply(nil, text, fs)
	if st.Transformed != 4000 || bytes.Contains(out, []byte("value-")) {
		t.Fatalf("%d replaced", st.Transformed)
	}
	for _, f := range e.Scan(nil, out, engine.Filter{}) {
		t.Errorf("re-scan found %s %q", f.Type, out[f.Start:f.End])
	}
}
