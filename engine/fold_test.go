package engine

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// inScript writes the ASCII digits of s with the digits whose zero is
// zero, leaving other bytes as they are.
func inScript(s string, zero rune) string {
	var b strings.Builder
	for _, c := range s {
		if c >= '0' && c <= '9' {
			b.WriteRune(zero + c - '0')
		} else {
			b.WriteRune(c)
		}
	}
	return b.String()
}

// TestFoldEveryDecimalDigit writes a card number in every set of ten
// decimal digits Unicode lists (category Nd), checks the digit values
// against the unicode tables (each run starts at a zero), and expects
// the card to be found over exactly its original bytes, by Scan and by a
// Scanner fed one byte at a time.
func TestFoldEveryDecimalDigit(t *testing.T) {
	e := mustEngine(t, Config{})
	sets := 0
	for _, r := range ndRanges {
		if (r[1]-r[0]+1)%10 != 0 {
			t.Fatalf("Nd run %U-%U is not whole sets of ten", r[0], r[1])
		}
		for zero := r[0]; zero <= r[1]; zero += 10 {
			sets++
			for d := rune(0); d < 10; d++ {
				if v, ok := digitValue(zero + d); !ok || rune(v) != d || !unicode.IsDigit(zero+d) {
					t.Fatalf("%U: value %d, %v", zero+d, v, ok)
				}
			}
			card := inScript("4111 1111 1111 1111", zero)
			text := "card " + card + " ok"
			want := []Finding{{Type: CreditCard, Start: 5, End: int64(5 + len(card)), Confidence: 0.99, Validated: true}}
			if got := e.Scan(nil, []byte(text), Filter{}); !reflect.DeepEqual(got, want) {
				t.Errorf("digits from %U: %+v, want %+v", zero, got, want)
			}
			if got := scanInChunks(e, []byte(text), 1); !reflect.DeepEqual(got, want) {
				t.Errorf("digits from %U, streamed byte by byte: %+v, want %+v", zero, got, want)
			}
		}
	}
	if sets < 60 {
		t.Fatalf("only %d sets of decimal digits", sets)
	}
}

// TestFoldLookalikes checks fullwidth forms and zero-width characters:
// each value is found over its original bytes, and redaction replaces
// exactly those bytes.
func TestFoldLookalikes(t *testing.T) {
	e := mustEngine(t, Config{})
	for _, tc := range []struct {
		name, text, value string
		typ               EntityType
	}{
		{"fullwidth card", "カード ４１１１１１１１１１１１１１１１ です", "４１１１１１１１１１１１１１１１", CreditCard},
		{"fullwidth ssn", "SSN １２３－４５－６７８９ on file", "１２３－４５－６７８９", SSN},
		{"fullwidth at", "mail bob＠example.com now", "bob＠example.com", Email},
		{"zero-width split card", "card 4111\u200b1111\u200b1111\u200b1111 ok", "4111\u200b1111\u200b1111\u200b1111", CreditCard},
		{"soft hyphen in ssn", "ssn 123-45-67\u00ad89 ok", "123-45-67\u00ad89", SSN},
		{"arabic-indic card", "رقم ٤١١١١١١١١١١١١١١١", "٤١١١١١١١١١١١١١١١", CreditCard},
		{"devanagari card", "कार्ड ४१११ ११११ ११११ ११११।", "४१११ ११११ ११११ ११११", CreditCard},
		{"fullwidth email letters", "ｂｏｂ＠ｅｘａｍｐｌｅ．ｃｏｍ", "ｂｏｂ＠ｅｘａｍｐｌｅ．ｃｏｍ", Email},
	} {
		start := strings.Index(tc.text, tc.value)
		want := []Finding{{Type: tc.typ, Start: int64(start), End: int64(start + len(tc.value))}}
		got := e.Scan(nil, []byte(tc.text), Filter{})
		if len(got) != 1 || got[0].Type != want[0].Type || got[0].Start != want[0].Start || got[0].End != want[0].End {
			t.Errorf("%s: %+v, want %s over bytes %d-%d", tc.name, got, tc.typ, want[0].Start, want[0].End)
			continue
		}
		for _, n := range []int{1, 2, 3, 5, 7} {
			if s := scanInChunks(e, []byte(tc.text), n); !reflect.DeepEqual(s, got) {
				t.Errorf("%s in chunks of %d: %+v, want %+v", tc.name, n, s, got)
			}
		}
	}
	// Text without lookalikes, and non-ASCII text that folds to nothing,
	// is scanned as it is.
	for _, text := range []string{"plain ascii 4111 1111 1111 1111", "日本語のテキスト 4111 1111 1111 1111 と"} {
		if firstFold([]byte(text), 0, len(text)) >= 0 {
			t.Errorf("%q: folded", text)
		}
	}
}

// FuzzFoldChunking checks, on text mixed with lookalike characters cut
// at random places, that a Scanner agrees with Scan and that every
// finding's offsets fall on character boundaries of the original.
func FuzzFoldChunking(f *testing.F) {
	f.Add("card ４１１１ １１１１ １１１１ １１１１ and bob＠example.com", uint64(1))
	f.Add("4111\u200b1111\u200b1111\u200b1111 ssn ١٢٣-٤٥-٦٧٨٩", uint64(2))
	e, err := New(Config{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string, seed uint64) {
		whole := e.Scan(nil, []byte(text), Filter{})
		r := rand.New(rand.NewPCG(seed, seed))
		var got []Finding
		sc := e.NewScanner(Filter{})
		emit := func(fd Finding) { got = append(got, fd) }
		for b := []byte(text); len(b) > 0; {
			n := 1 + r.IntN(len(b))
			sc.Write(b[:n], emit)
			b = b[n:]
		}
		sc.Close(emit)
		if !reflect.DeepEqual(got, whole) {
			t.Fatalf("streamed %+v, whole %+v", got, whole)
		}
		starts := map[int64]bool{int64(len(text)): true}
		for i := 0; i < len(text); {
			starts[int64(i)] = true
			_, n := utf8.DecodeRuneInString(text[i:])
			i += n
		}
		for _, fd := range whole {
			if !starts[fd.Start] || !starts[fd.End] {
				t.Fatalf("finding %+v cuts a character", fd)
			}
		}
	})
}

// scanInChunks runs a Scanner over text in chunks of n bytes.
func scanInChunks(e *Engine, text []byte, n int) []Finding {
	var out []Finding
	sc := e.NewScanner(Filter{})
	emit := func(f Finding) { out = append(out, f) }
	for len(text) > 0 {
		k := min(n, len(text))
		sc.Write(text[:k], emit)
		text = text[k:]
	}
	sc.Close(emit)
	return out
}

// TestFoldLeads checks that the scan's fold triggers cover the first
// byte of every character that folds, over the whole of Unicode.
func TestFoldLeads(t *testing.T) {
	var buf [utf8.UTFMax]byte
	for r := rune(utf8.RuneSelf); r <= unicode.MaxRune; r++ {
		if _, _, ok := foldRune(r); ok {
			utf8.EncodeRune(buf[:], r)
			if !foldLeads[buf[0]] {
				t.Fatalf("%U folds but its first byte %#x is no fold trigger", r, buf[0])
			}
		}
	}
}
