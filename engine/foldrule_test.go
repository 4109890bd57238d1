package engine

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	benchcorpus "github.com/datafog/datafog-api/bench/corpus"
)

// foldAll returns text with every lookalike the rule folds folded.
func foldAll(text []byte) []byte {
	var m foldMap
	m.reset(0, 0)
	return foldAppend(nil, text, 0, len(text), 0, 0, &m)
}

// TestFoldRule pins which lookalikes fold (foldrule.go): the folded form
// of each text, exactly.
func TestFoldRule(t *testing.T) {
	for _, tc := range []struct{ rule, in, want string }{
		{"1: digits in a row", "n ١٢ x", "n 12 x"},
		{"1: fullwidth word", "ｃａｔ", "cat"},
		{"1: zero-width run", "a\u200b\u200bb", "ab"},
		{"2: last digit of an SSN", "ssn 123-45-678٩ ok", "ssn 123-45-6789 ok"},
		{"2: octet of an address", "ip 10.0.0.١ x", "ip 10.0.0.1 x"},
		{"2: digits across separators", "١.٢.٣.٤", "1.2.3.4"},
		{"2: a digit too far from its number", "12 -- ٣", "12 -- ٣"},
		{"2: three digits are no number", "x 1٣ y", "x 1٣ y"},
		{"2: zero-width space in a number", "ssn 123 45\u200b 6789", "ssn 123 45 6789"},
		{"2: fullwidth plus before a number", "call ＋1 415 555 2671", "call +1 415 555 2671"},
		{"3: fullwidth at in an address", "bob＠example.com", "bob@example.com"},
		{"3: fullwidth letter in a name", "Ｊohn Smith", "John Smith"},
		{"3: zero-width space in a context word", "S\u200bSN", "SSN"},
		{"3: zero-width space in a card", "4111\u200b1111", "41111111"},
		{"3: ideographic space between groups", "4111\u30001111", "4111 1111"},
		{"3: zero-width space after a name", "John\u200b Smith", "John Smith"},
		{"3: digit inside a key", "key ab12cd34ef٥6", "key ab12cd34ef56"},
		{"3: short tokens", "a＠b, Ｊo; a\u200bb", "a＠b, Ｊo; a\u200bb"},
		{"3: fullwidth operator", `api_key ＝ "Zx81kLq0"`, `api_key = "Zx81kLq0"`},
		{"3: fullwidth colon after a JSON key", `{"client_secret"： "Zx81"}`, `{"client_secret": "Zx81"}`},
		{"3: digit in a group of an IBAN", "GB8٢ WEST 1234", "GB82 WEST 1234"},
		{"3: fullwidth hyphen in a MAC address", "00-1a-2b－3c-4d-5e", "00-1a-2b-3c-4d-5e"},
		{"3: a digit in a short token", "ab٥ c", "ab٥ c"},
		{"4: house number", "at ٥ Main St", "at 5 Main St"},
		{"4: day after its month", "May ٥", "May 5"},
		{"4: a short word", "ab ٥ cd", "ab ٥ cd"},
		{"4: zero-width space between a day and its month", "on 29\u200b February", "on 29 February"},
		{"none: lone digit in binary", "\xff٣\xfe", "\xff٣\xfe"},
		{"none: joiner between emoji", "\U0001F468\u200d\U0001F469", "\U0001F468\u200d\U0001F469"},
		{"none: bidi mark in Arabic", "مرحبا\u200fعالم", "مرحبا\u200fعالم"},
	} {
		if got := string(foldAll([]byte(tc.in))); got != tc.want {
			t.Errorf("%s: %q folds to %q, want %q", tc.rule, tc.in, got, tc.want)
		}
		if ff := firstFold([]byte(tc.in), 0, len(tc.in)); (ff >= 0) != (tc.in != tc.want) {
			t.Errorf("%s: firstFold(%q) = %d", tc.rule, tc.in, ff)
		}
	}
}

// TestFoldHiddenValues checks values hidden by lookalikes of every kind
// the rule covers: each is found over its original bytes, with the type
// and confidence that a scan of the text with every lookalike folded
// gives it, by Scan and by a Scanner fed in small chunks.
func TestFoldHiddenValues(t *testing.T) {
	e := mustEngine(t, Config{})
	for _, tc := range []struct{ text, value string }{
		{"ssn 123-45-678٩ on file", "123-45-678٩"},
		{"ssn １２３－４５－６７８９ on file", "１２３－４５－６７８９"},
		{"S\u200bSN on our file is 123456789 ok", "123456789"},
		{"card 4111\u30001111\u30001111\u30001111 ok", "4111\u30001111\u30001111\u30001111"},
		{"card 4111 1111 1111 111١ ok", "4111 1111 1111 111١"},
		{"call +44 20 7946 095٨ today", "+44 20 7946 095٨"},
		{"ip 10.0.0.١ x", "10.0.0.١"},
		{"mail a＠b.co ok", "a＠b.co"},
		{"key sk_live_4eC39HqLyjWDarjtT١zdp7dc ok", "sk_live_4eC39HqLyjWDarjtT١zdp7dc"},
		{"I live at ٥ Main Street, Springfield, IL 62704 now", "٥ Main Street, Springfield, IL 62704"},
		{"born on ٥ March 1990 ok", "٥ March 1990"},
		{"Ｊohn Smith called", "Ｊohn Smith"},
		{"John\u200b Smith called", "John\u200b Smith"},
		{"IBAN GB8٢ WEST 1234 5698 7654 32 paid", "GB8٢ WEST 1234 5698 7654 32"},
		{"ssn 123 45\u200b 6789.", "123 45\u200b 6789"},
		{"call (212)\u200b 555-1234 now", "(212)\u200b 555-1234"},
		{"on 29\u200b February 2024.", "29\u200b February 2024"},
		{`api_key ＝ "Zx81kLq0PvR7tY3mW9sBn2Qe"`, "Zx81kLq0PvR7tY3mW9sBn2Qe"},
		{`{"client_secret"： "Zx81kLq0PvR7tY3mW9sBn2Qe"}`, "Zx81kLq0PvR7tY3mW9sBn2Qe"},
	} {
		ascii := foldEvery(tc.text)
		ref := e.Scan(nil, []byte(ascii), Filter{})
		if len(ref) != 1 || ascii[ref[0].Start:ref[0].End] != foldEvery(tc.value) {
			t.Fatalf("%q: the text with every lookalike folded gives %+v", ascii, ref)
		}
		start := int64(strings.Index(tc.text, tc.value))
		want := []Finding{{Type: ref[0].Type, Start: start, End: start + int64(len(tc.value)), Confidence: ref[0].Confidence, Validated: ref[0].Validated}}
		if got := e.Scan(nil, []byte(tc.text), Filter{}); !reflect.DeepEqual(got, want) {
			t.Errorf("%q: %+v, want %+v", tc.text, got, want)
		}
		for _, n := range []int{1, 3, 7} {
			if got := scanInChunks(e, []byte(tc.text), n); !reflect.DeepEqual(got, want) {
				t.Errorf("%q in chunks of %d: %+v, want %+v", tc.text, n, got, want)
			}
		}
	}
}

// foldEvery folds every lookalike in s, whatever the rule says.
func foldEvery(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch to, k := lookalikeOf(r); k {
		case lkNone:
			b.WriteRune(r)
		case lkDrop:
		default:
			b.WriteByte(to)
		}
	}
	return b.String()
}

// scanAsIs scans text without folding anything.
func scanAsIs(e *Engine, text []byte) []Finding {
	st := &scanState{}
	st.reset(e, 0)
	st.detect(text, 0, 0, len(text))
	return st.emit(nil, &Filter{}, nil)
}

// TestFoldLoneLookalikesInBinary checks that lookalikes of every kind
// that stand alone among random bytes fold nothing: Scan and the Scanner
// find exactly what a scan without folding finds. It does the same on
// the benchmark's binary corpora, whose lookalikes came by chance.
func TestFoldLoneLookalikesInBinary(t *testing.T) {
	e := mustEngine(t, Config{})
	r := rand.New(rand.NewPCG(3, 4))
	var lookalikes []rune
	for _, rg := range foldRanges() {
		for c := rg[0]; c <= rg[1]; c++ {
			if _, k := lookalikeOf(c); k != lkNone {
				lookalikes = append(lookalikes, c)
			}
		}
	}
	var b []byte
	values, lone := 0, 0
	for len(b) < 1<<20 {
		switch k := r.IntN(200); {
		case k == 0:
			b = append(b, "\x00mail bob@example.com, card 4111 1111 1111 1111\x00"...)
			values += 2
		case k < 10:
			// A lookalike between bytes that no character can end or
			// start with.
			b = append(b, 0xFF)
			b = utf8.AppendRune(b, lookalikes[r.IntN(len(lookalikes))])
			b = append(b, 0xFF)
			lone++
		default:
			// Random bytes, but no UTF-8 lead byte: no lookalike but
			// those put in.
			b = append(b, byte(r.IntN(0xC0)))
		}
	}
	if k := firstFold(b, 0, len(b)); k >= 0 {
		t.Fatalf("a lone lookalike folds at %d: %q", k, b[max(0, k-8):k+8])
	}
	want := scanAsIs(e, b)
	if len(want) < values || lone < 30000 {
		t.Fatalf("%d findings for %d values, %d lookalikes", len(want), values, lone)
	}
	if got := e.Scan(nil, b, Filter{}); !reflect.DeepEqual(got, want) {
		t.Errorf("Scan: %d findings, %d without folding; first difference %s", len(got), len(want), firstDiff(got, want))
	}
	if got := streamAll(t, e, b, []int{4093}); !reflect.DeepEqual(got, want) {
		t.Errorf("Scanner: %d findings, %d without folding; first difference %s", len(got), len(want), firstDiff(got, want))
	}
	for _, seed := range []int64{1, 7} {
		data, _ := benchcorpus.Generate(benchcorpus.Binary, 1<<20, seed)
		if got, want := e.Scan(nil, data, Filter{}), scanAsIs(e, data); !reflect.DeepEqual(got, want) {
			t.Errorf("binary corpus %d: %d findings, %d without folding; first difference %s", seed, len(got), len(want), firstDiff(got, want))
		}
	}
}

// TestFoldContextBounds checks that the rule reads no further than
// foldContext bytes on each side of a lookalike: its fold does not
// change when the text beyond them does.
func TestFoldContextBounds(t *testing.T) {
	r := rand.New(rand.NewPCG(8, 9))
	pieces := []string{"a", "B", "1", " ", ".", "-", "@", "\xff", "\u200b", "١", "Ａ", "２", "＠", "\u3000"}
	side := func() []byte {
		var w []byte
		for len(w) < foldContext {
			w = append(w, pieces[r.IntN(len(pieces))]...)
		}
		return w[len(w)-foldContext:]
	}
	folds := 0
	for range 20000 {
		look := pieces[8+r.IntN(len(pieces)-8)]
		left, right := side(), side()
		w := append(append(append([]byte(nil), left...), look...), right...)
		n, _, kind := lookalikeAt(w, foldContext)
		if n != len(look) {
			t.Fatalf("%q: no lookalike at %d", w, foldContext)
		}
		inner := foldHere(w, foldContext, n, kind)
		if inner {
			folds++
		}
		for _, pad := range []string{"1111 ", "abcd", "\u200b", "Ｊ"} {
			wide := append(append([]byte(pad), w...), pad...)
			if got := foldHere(wide, foldContext+len(pad), n, kind); got != inner {
				t.Fatalf("%q: folds %v within its context, %v with %q around it", w, inner, got, pad)
			}
		}
	}
	if folds < 2000 || folds > 18000 {
		t.Fatalf("%d of 20000 lookalikes fold: the test texts do not try both outcomes", folds)
	}
}
