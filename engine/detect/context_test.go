package detect

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
)

// wordStartsPlain is wordStarts transcribed byte by byte from its
// definition.
func wordStartsPlain(t []byte, ws, end int, anyFirst bool) uint64 {
	var m uint64
	for a := ws; a < end; a++ {
		c := t[a]
		if (anyFirst || IsAlpha(c) || c >= 0x80) && (a == 0 || !IsAlnum(t[a-1])) {
			m |= 1 << uint(a-ws)
		}
	}
	return m
}

// TestWordStarts holds the eight-bytes-at-a-time wordStarts equal to the
// plain transcription on random windows of every length and offset,
// over bytes of every kind (letters and digits at the edges of their
// ranges, punctuation, non-ASCII).
func TestWordStarts(t *testing.T) {
	alphabet := []byte("09AZaz/:@[`{\x00\x7f\x80\xc3\xff _-.")
	r := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 20000; n++ {
		text := make([]byte, 1+r.IntN(90))
		for i := range text {
			if r.IntN(4) == 0 {
				text[i] = byte(r.IntN(256))
			} else {
				text[i] = alphabet[r.IntN(len(alphabet))]
			}
		}
		end := r.IntN(len(text) + 1)
		ws := max(0, end-r.IntN(65))
		for _, anyFirst := range []bool{false, true} {
			got, want := wordStarts(text, ws, end, anyFirst), wordStartsPlain(text, ws, end, anyFirst)
			if got != want {
				t.Fatalf("%q [%d:%d] anyFirst=%v: %064b, want %064b", text, ws, end, anyFirst, got, want)
			}
		}
	}
}

// TestByteKinds checks byteKinds on every byte value in every lane.
func TestByteKinds(t *testing.T) {
	for c := 0; c < 256; c++ {
		for lane := 0; lane < 8; lane++ {
			x := uint64(0x2e2e2e2e2e2e2e2e) // '.' elsewhere
			x = x&^(0xff<<(8*lane)) | uint64(c)<<(8*lane)
			d, l, hi := byteKinds(x)
			bit := uint64(0x80) << (8 * lane)
			if (d&bit != 0) != IsDigit(byte(c)) || (l&bit != 0) != IsAlpha(byte(c)) || (hi&bit != 0) != (c >= 0x80) {
				t.Fatalf("byte %#x in lane %d: digit %v letter %v high %v", c, lane, d&bit != 0, l&bit != 0, hi&bit != 0)
			}
			if rest := (d | l | hi) &^ bit; rest != 0 {
				t.Fatalf("byte %#x in lane %d marks other lanes: %#x", c, lane, rest)
			}
		}
	}
}

// testWords is a word list with the shapes the filter treats apart: one,
// two, three and four bytes or more, non-ASCII words in several case
// forms, words that start with a digit or punctuation, key-only words,
// and words that share their first bytes.
var testWords = []WordEntry{
	{Text: "x", Owner: WordOwner{Det: 0, Conf: 0.5}},
	{Text: "hp", Owner: WordOwner{Det: 1, Conf: 0.9}},
	{Text: "tel", Owner: WordOwner{Det: 1, Conf: 0.9}},
	{Text: "phone", Owner: WordOwner{Det: 1, Conf: 0.9}},
	{Text: "ssn", Owner: WordOwner{Det: 2, Conf: 0.95}},
	{Text: "social security", Owner: WordOwner{Det: 2, Conf: 0.95}},
	{Text: "birth", Owner: WordOwner{Det: 3, Conf: 0.95}},
	{Text: "birthday", Owner: WordOwner{Det: 3, Conf: 0.95}},
	{Text: "date of birth", Owner: WordOwner{Det: 3, Conf: 0.95}},
	{Text: "ΑΦΜ", Owner: WordOwner{Det: 4, Conf: 0.9}},
	{Text: "主民登録", Owner: WordOwner{Det: 4, Conf: 0.9}},
	{Text: "전화", Owner: WordOwner{Det: 1, Conf: 0.9}},
	{Text: "api_key", Owner: WordOwner{Det: 5, Key: true}},
	{Text: "token", Owner: WordOwner{Det: 5, Key: true}},
	{Text: "token", Owner: WordOwner{Det: 6, Conf: 0.8}},
	{Text: "no.", Owner: WordOwner{Det: 6, Conf: 0.7}},
}

// testWordsDigit adds a word that starts with a digit, which turns the
// first-byte narrowing off (anyFirst).
var testWordsDigit = append(slices.Clip(testWords), WordEntry{Text: "1099", Owner: WordOwner{Det: 7, Conf: 0.9}}, WordEntry{Text: "#id", Owner: WordOwner{Det: 7, Conf: 0.9}})

// checkContext compares, at every end and window size in text, the
// anchored search with the unanchored walk: the words found (wordsAt),
// and each detector's Context and ContextWithin (whose fast path also
// skips the search for a detector none of whose words may begin there).
func checkContext(t *testing.T, w *Words, text []byte) {
	t.Helper()
	s := &Scan{}
	s.Reset(w, 0)
	s.Window(text, 0)
	bind := make([]Binding, 9)
	for end := 0; end <= len(text); end++ {
		for _, n := range []int{1, 7, 31, ContextWindow} {
			ws := max(0, end-n)
			got := s.wordsAt(nil, wordStarts(text, ws, end, w.heads.anyFirst), ws, end)
			want := s.wordsBeforeWalk(nil, ws, end)
			slices.Sort(got)
			slices.Sort(want)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%q [%d:%d]: anchored %v, walk %v", text, ws, end, got, want)
			}
		}
		for d := range bind {
			bind[d].Index = int32(d) // #nosec G115 -- a few
			s.Enter(&bind[d], end)
			for _, n := range []int{5, ContextWindow} {
				s.NoCache = false
				got, gotIn := s.Context(end), s.ContextWithin(end, n)
				s.NoCache = true
				want, wantIn := s.Context(end), s.ContextWithin(end, n)
				if got != want || gotIn != wantIn {
					t.Fatalf("%q before %d, detector %d: Context %v, ContextWithin(%d) %v; walk %v, %v", text, end, d, got, n, gotIn, want, wantIn)
				}
			}
		}
	}
}

// TestContextExamples checks the anchored search on texts where the
// words stand alone, are glued to letters or digits, straddle the
// window's edges and come in every case.
func TestContextExamples(t *testing.T) {
	for _, words := range [][]WordEntry{testWords, testWordsDigit} {
		w, err := BuildWords(words)
		if err != nil {
			t.Fatal(err)
		}
		for _, text := range []string{
			"My SSN is 123-45-6789 and my Phone: +1 212 555 0100",
			"Date of Birth 1980-01-01, BIRTHDAY 02/03/1990, birthdays 1, xbirth 2, birth3",
			"Αφμ 123456789 αφμ ΑΦΜ主民登録 9 전화 010-1234-5678",
			"api_key=abc token=def TOKEN: ghi no. 5 x 1 hp:2 tel.3 1099 #id 7",
			"telephone tel telx hp1 hphp x_x xx x",
			"social securitynumber social security number socialsecurity",
		} {
			checkContext(t, w, []byte(text))
		}
	}
}

// FuzzContext holds the anchored context search equal to the unanchored
// walk of every byte on arbitrary text.
func FuzzContext(f *testing.F) {
	f.Add([]byte("My SSN is 123-45-6789, tel 212 555 0100, Date of Birth 1980-01-01"), false)
	f.Add([]byte("ΑΦΜ 123 전화 010 api_key=x token:y no.1 #id 1099 xx x"), true)
	ws := map[bool]*Words{}
	for _, digit := range []bool{false, true} {
		entries := testWords
		if digit {
			entries = testWordsDigit
		}
		w, err := BuildWords(entries)
		if err != nil {
			f.Fatal(err)
		}
		ws[digit] = w
	}
	f.Fuzz(func(t *testing.T, text []byte, digit bool) {
		if len(text) > 512 {
			text = text[:512]
		}
		checkContext(t, ws[digit], text)
	})
}
