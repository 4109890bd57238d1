package names

import (
	"math/rand/v2"
	"testing"
)

// randomText returns n bytes drawn mostly from letters of both cases,
// with spaces, punctuation, apostrophes and UTF-8 letters among them.
func randomText(r *rand.Rand, n int) []byte {
	pieces := []string{"a", "e", "r", "x", "A", "M", "Z", "c", "D", " ", ".", ",", "'", "-", "_", "1", "@", "é", "É", "’", "ß", "\xff",
		"\x80", "\xbf", "\xc2\xa0", "\xc3", "\xe2\x80\x94", "\xef\xbc\xa1", "\xf0\x9f\x98\x80", "Ω", "ж"}
	var b []byte
	for len(b) < n {
		if r.IntN(4) == 0 {
			b = append(b, "Mc"[r.IntN(2)])
		}
		b = append(b, pieces[r.IntN(len(pieces))]...)
	}
	return b
}

// TestASCIIWordMatchesScanWord holds asciiWord to scanWord at every
// position of random text: where it takes a word it reads the same word
// and shape, and its hash (of a word of two letters or more) is
// wordHash's.
func TestASCIIWordMatchesScanWord(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	taken, hashed := 0, 0
	for k := 0; k < 3000; k++ {
		text := randomText(r, 40)
		// Words of every length, in one case or Title case.
		text = append(text, []byte(" Abcdefghijklmnopq ABCDEFGHIJKLMNOPQ Ab AB A Abcdefg ABCDEFGH Abcdefghi ")...)
		for i := range text {
			w, h, ok := asciiWord(text, i)
			if !ok {
				continue
			}
			taken++
			if want := scanWord(text, i); w != want {
				t.Fatalf("asciiWord(%q, %d) = %+v, scanWord %+v", text, i, w, want)
			}
			if w.e-w.s >= 2 {
				hashed++
				if want := wordHash(text[w.s:w.e]); h != want {
					t.Fatalf("asciiWord(%q, %d) hash %#x, wordHash %#x", text, i, h, want)
				}
			}
		}
	}
	if taken < 10000 || hashed < 5000 {
		t.Fatalf("asciiWord took %d words and hashed %d: too few to compare", taken, hashed)
	}
}

// freeBeforeRef is freeBefore as first written: a letter before, or one
// of the marks of identifiers, paths and emails.
func freeBeforeRef(t []byte, i int) bool {
	if letterBefore(t, i) {
		return false
	}
	if i == 0 {
		return true
	}
	switch t[i-1] {
	case '@', '/', '\\', '#', '$', '%', '.', '&', '*', '~', '^', '`', '|', '+':
		return false
	}
	return true
}

// TestFreeBefore holds freeBefore to freeBeforeRef for every byte
// before an 'A', and for UTF-8 letters and marks.
func TestFreeBefore(t *testing.T) {
	for c := 0; c < 256; c++ {
		text := []byte{'x', byte(c), 'A'}
		if got, want := freeBefore(text, 2), freeBeforeRef(text, 2); got != want {
			t.Errorf("freeBefore after %#x = %v, want %v", c, got, want)
		}
	}
	for _, s := range []string{"éA", "’A", "—A", "中A", "\xc3A", "A", "x\xc3A", "\xc3\xa9\xc3A", "\xe4\xb8A", "\x80A", "Ω\xbfA"} {
		i := len(s) - 1
		if got, want := freeBefore([]byte(s), i), freeBeforeRef([]byte(s), i); got != want {
			t.Errorf("freeBefore(%q) = %v, want %v", s, got, want)
		}
	}
}
