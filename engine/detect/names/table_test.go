package names

import (
	"math/rand/v2"
	"os"
	"sort"
	"strings"
	"testing"
)

// TestLookupFindsEveryWord rebuilds the word map the image is made from
// and looks every word up in the embedded table, in lower case, upper
// case and Title case: each must be found with exactly its info bits,
// and lookupTrigger must find it exactly when triggerInfo holds. Words
// one byte off from a table word, and the empty and over-long word, must
// not be found.
func TestLookupFindsEveryWord(t *testing.T) {
	b := &builder{words: map[string]uint32{}, pats: map[string]bool{}}
	if err := b.sources(os.DirFS("data")); err != nil {
		t.Fatal(err)
	}
	b.lexicon()
	tb, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if n := tb.Words(); n != len(b.words) {
		t.Fatalf("table holds %d words, the lists %d", n, len(b.words))
	}
	r := rand.New(rand.NewPCG(1, 2))
	misses := 0
	keys := make([]string, 0, len(b.words))
	for k := range b.words {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		info := b.words[k]
		title := k
		if k[0] >= 'a' && k[0] <= 'z' {
			title = string(k[0]-'a'+'A') + k[1:]
		}
		for _, w := range []string{k, asciiUpper(k), title} {
			got, ok := tb.lookup([]byte(w))
			if !ok || got != info {
				t.Fatalf("lookup(%q) = %#x, %v; want %#x", w, got, ok, info)
			}
			got, ok = tb.lookupTrigger([]byte(w))
			if ok != triggerInfo(info) || ok && got != info {
				t.Fatalf("lookupTrigger(%q) = %#x, %v; want %#x, %v", w, got, ok, info, triggerInfo(info))
			}
		}
		// One byte changed, added or dropped: found only when the lists
		// hold that word too.
		m := []byte(k)
		switch i := r.IntN(len(m)); r.IntN(3) {
		case 0:
			m[i] = "abcdefghijklmnopqrstuvwxyz'"[r.IntN(27)]
		case 1:
			m = append(m[:i], append([]byte{'q'}, m[i:]...)...)
		default:
			m = append(m[:i], m[i+1:]...)
		}
		want, in := b.words[string(m)]
		if got, ok := tb.lookup(m); ok != in || got != want {
			t.Fatalf("lookup(%q) = %#x, %v; want %#x, %v", m, got, ok, want, in)
		}
		if !in {
			misses++
		}
	}
	if misses < len(b.words)/2 {
		t.Fatalf("only %d of %d altered words were missing from the lists", misses, len(b.words))
	}
	for _, w := range []string{"", strings.Repeat("a", 256), "zzzzqqqq", "Xq"} {
		if _, ok := tb.lookup([]byte(w)); ok {
			t.Errorf("lookup(%q) found", w)
		}
	}
}

// asciiUpper upper-cases the ASCII letters of s.
func asciiUpper(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'a' && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
	}
	return string(b)
}

// TestFoldEqual checks the word-at-a-time comparison against a byte loop
// for every length up to 40 and bytes around the ASCII capitals and the
// high half.
func TestFoldEqual(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	alphabet := []byte("@AZ[`az{'\x80\xc3\xdf\xff09 ")
	for n := 1; n <= 40; n++ {
		for k := 0; k < 2000; k++ {
			w := make([]byte, n)
			for i := range w {
				w[i] = alphabet[r.IntN(len(alphabet))]
			}
			low := []byte(foldASCII(string(w)))
			if r.IntN(2) == 0 {
				low[r.IntN(n)] ^= byte(1 << r.IntN(8))
			}
			want := foldASCII(string(w)) == string(low)
			if got := foldEqual(low, w); got != want {
				t.Fatalf("foldEqual(%q, %q) = %v, want %v", low, w, got, want)
			}
			if want && wordHash(w) != wordHash(low) {
				t.Fatalf("wordHash(%q) != wordHash(%q)", w, low)
			}
		}
	}
}
