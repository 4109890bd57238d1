package engine

import (
	"bytes"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// scanAllFolded is Scan by its definition: fold the whole text (every
// lookalike the rule folds), detect over it once, map the offsets back.
// Scan gets there in segments (foldscan.go); the tests compare the two.
func scanAllFolded(e *Engine, text []byte) []Finding {
	st := &scanState{}
	st.reset(e, 0)
	var m *foldMap
	t := text
	if firstFold(text, 0, len(text)) >= 0 {
		m = &st.fmap
		m.reset(0, 0)
		t = foldAppend(nil, text, 0, len(text), 0, 0, m)
	}
	st.detect(t, 0, 0, len(t))
	return st.emit(nil, &Filter{}, m)
}

// foldSegments counts the folded segments Scan makes of text.
func foldSegments(text []byte) int {
	n := 0
	for p := firstFold(text, 0, len(text)); p >= 0; n++ {
		s, _ := foldSegment(text, p)
		p = firstFold(text, s, len(text))
	}
	return n
}

// segmentText writes values with and without lookalikes among prose,
// random bytes with lone lookalikes, long PEM blocks and digit runs, and
// dictionary terms, with stretches long enough between the lookalikes
// that fold for Scan to go back to the text as it is, and short enough
// elsewhere for segments to merge.
func segmentText(seed uint64, size int) []byte {
	r := rand.New(rand.NewPCG(seed, 11))
	var b bytes.Buffer
	pieces := append(validSamples(), hardNegatives()...)
	zeros := []rune{0x0660, 0x06F0, 0x0966, 0x09E6, 0x0E50, 0xFF10, 0x1D7CE}
	lookalike := func(s string) string {
		switch r.IntN(4) {
		case 0:
			return inScript(s, zeros[r.IntN(len(zeros))])
		case 1: // one digit only
			if i := strings.IndexAny(s, "0123456789"); i >= 0 {
				return s[:i] + string(zeros[r.IntN(len(zeros))]+rune(s[i]-'0')) + s[i+1:]
			}
		case 2: // a zero-width or formatting character inside
			if len(s) > 2 {
				k := 1 + r.IntN(len(s)-1)
				return s[:k] + []string{"\u200b", "\u00ad", "\u2060", "\ufeff", "\u202e"}[r.IntN(5)] + s[k:]
			}
		}
		var w strings.Builder // fullwidth
		for _, c := range s {
			if c > ' ' && c < 0x7F && r.IntN(2) == 0 {
				c += 0xFEE0
			}
			w.WriteRune(c)
		}
		return w.String()
	}
	for b.Len() < size {
		switch r.IntN(11) {
		case 0, 1, 2:
			b.WriteString(pieces[r.IntN(len(pieces))].text)
		case 3:
			b.WriteString(lookalike(pieces[r.IntN(len(pieces))].text))
		case 4: // quiet prose, long enough to end a segment
			for k := r.IntN(1200); k > 0; k-- {
				b.WriteString(proseWords[r.IntN(len(proseWords))])
				b.WriteByte(' ')
			}
		case 5: // random bytes with lone lookalikes
			for k := r.IntN(3000); k > 0; k-- {
				if r.IntN(40) == 0 {
					b.WriteRune(zeros[r.IntN(len(zeros))] + rune(r.IntN(10)))
				} else {
					b.WriteByte(byte(r.Uint32()))
				}
			}
		case 6: // a PEM block, sometimes longer than Reach, sometimes with a lookalike
			b.WriteString("-----BEGIN EC PRIVATE KEY-----\n")
			body := strings.Repeat("QUJDRA==\n", 1+r.IntN(1200))
			if r.IntN(2) == 0 {
				k := r.IntN(len(body))
				body = body[:k] + lookalike("Q9") + body[k:]
			}
			b.WriteString(body)
			b.WriteString("-----END EC PRIVATE KEY-----")
		case 7: // a long digit run that a lookalike digit continues
			b.WriteString(strings.Repeat("9", r.IntN(6000)))
			b.WriteString(lookalike("42"))
		case 8:
			b.WriteString(lookalike("Blue Falcon"))
		case 9:
			b.WriteString("Blue Falcon")
		case 10: // a context word in lookalikes before a value
			b.WriteString(lookalike([]string{"SSN", "SIN", "routing", "NHS", "IBAN", "phone"}[r.IntN(6)]))
			b.WriteString([]string{": ", " number: ", " on our file is "}[r.IntN(3)])
			b.WriteString([]string{"123456789", "046 454 286", "021000021", "943 476 5919", "4111111111111111"}[r.IntN(5)])
		}
		b.WriteByte(" \n,.:-"[r.IntN(6)])
	}
	return b.Bytes()
}

// TestFoldScanSegments checks that Scan, which folds only the segments
// around the lookalikes that fold, finds exactly what a scan of the whole
// folded text finds, and the Scanner too, on texts where the segments
// begin, end, merge and hold long PEM blocks and digit runs.
func TestFoldScanSegments(t *testing.T) {
	e := mustEngine(t, Config{Dictionaries: []Dictionary{{EntityType: "codename", Terms: []string{"Blue Falcon", "falcon"}, CaseInsensitive: true, WholeWord: true}}})
	r := rand.New(rand.NewPCG(5, 6))
	for seed := uint64(1); seed <= 6; seed++ {
		text := segmentText(seed, 300<<10)
		if n := foldSegments(text); n < 5 {
			t.Fatalf("seed %d: only %d folded segments", seed, n)
		}
		want := scanAllFolded(e, text)
		if len(want) < 100 {
			t.Fatalf("seed %d: only %d findings", seed, len(want))
		}
		if got := e.Scan(nil, text, Filter{}); !reflect.DeepEqual(got, want) {
			t.Fatalf("seed %d: Scan %d findings, the whole folded text %d; first difference %s", seed, len(got), len(want), firstDiff(got, want))
		}
		sizes := []int{1 + r.IntN(7), 1 + r.IntN(5000), 1 + r.IntN(100<<10)}
		if got := streamAll(t, e, text, sizes); !reflect.DeepEqual(got, want) {
			t.Fatalf("seed %d, chunks %v: Scanner %d findings, want %d; first difference %s", seed, sizes, len(got), len(want), firstDiff(got, want))
		}
	}
}

// TestFoldScanBoundaries checks, with exact findings, the places where
// Scan's folded segments begin and end: a value read after a context
// word written in lookalikes (the pass as it is that follows a segment
// must not read the lookalike), a PEM block longer than Reach whose END
// line is written in fullwidth dashes (the rewind goes back to its BEGIN
// line), and one that begins in a segment and runs past its buffer.
func TestFoldScanBoundaries(t *testing.T) {
	e := mustEngine(t, Config{})
	filler := strings.Repeat("quiet words here ", 500)
	body := strings.Repeat("QUJDRA==\n", 600)
	pem := "-----BEGIN EC PRIVATE KEY-----\n" + body + "-----END EC PRIVATE KEY-----"
	for _, tc := range []struct {
		name, text, value string
		typ               EntityType
	}{
		{"context word", filler + "ＳＳＮ on our file is 123456789 ok " + filler, "123456789", SSN},
		{"context word with a zero-width space", filler + "S\u200bSN on our file is 123456789 ok", "123456789", SSN},
		{"END line in fullwidth dashes", filler + "-----BEGIN EC PRIVATE KEY-----\n" + body + "－－－－－END EC PRIVATE KEY-----" + filler,
			"-----BEGIN EC PRIVATE KEY-----\n" + body + "－－－－－END EC PRIVATE KEY-----", PrivateKey},
		{"PEM block after a lookalike", filler + "ｋｅｙ: " + pem + " " + filler, pem, PrivateKey},
	} {
		text := []byte(tc.text)
		start := int64(strings.Index(tc.text, tc.value))
		want := []Finding{{Type: tc.typ, Start: start, End: start + int64(len(tc.value))}}
		got := e.Scan(nil, text, Filter{})
		if len(got) != 1 || got[0].Type != tc.typ || got[0].Start != want[0].Start || got[0].End != want[0].End {
			t.Errorf("%s: %+v, want %s over bytes %d-%d", tc.name, got, tc.typ, want[0].Start, want[0].End)
			continue
		}
		if ref := scanAllFolded(e, text); !reflect.DeepEqual(got, ref) {
			t.Errorf("%s: Scan %+v, the whole folded text %+v", tc.name, got, ref)
		}
		for _, sizes := range [][]int{{1}, {4096}, {MaxHoldback}} {
			if s := streamAll(t, e, text, sizes); !reflect.DeepEqual(s, got) {
				t.Errorf("%s in chunks of %v: %+v, want %+v", tc.name, sizes, s, got)
			}
		}
	}
}

// TestFoldScanRefolds checks text where dropping formatting characters
// joins the bytes around them into a lookalike ("\xef" and "\xbc\x90",
// the fullwidth zero): the folded text is scanned to its end. Before,
// the scan of the folded text stopped at the new lookalike and lost
// the card after it.
func TestFoldScanRefolds(t *testing.T) {
	e := mustEngine(t, Config{})
	text := []byte("x \xef\u200b\u200b\xbc\x90 card 4111 1111 1111 1111 ok")
	start := int64(bytes.Index(text, []byte("4111")))
	want := []Finding{{Type: CreditCard, Start: start, End: start + 19, Confidence: 0.99, Validated: true}}
	if got := e.Scan(nil, text, Filter{}); !reflect.DeepEqual(got, want) {
		t.Errorf("Scan: %+v, want %+v", got, want)
	}
	for _, n := range []int{1, 4, len(text)} {
		if got := scanInChunks(e, text, n); !reflect.DeepEqual(got, want) {
			t.Errorf("Scanner in chunks of %d: %+v, want %+v", n, got, want)
		}
	}
}

// FuzzFoldScan checks, on text with lookalikes, that Scan equals a scan
// of the whole folded text.
func FuzzFoldScan(f *testing.F) {
	f.Add([]byte("card ４１１１ １１１１ １１１１ １１１１ and bob＠example.com"), uint16(0))
	f.Add([]byte("ssn ١٢٣-٤٥-٦٧٨٩ then "+strings.Repeat("quiet words ", 600)+"4111\u200b1111\u200b1111\u200b1111"), uint16(4000))
	f.Add(segmentText(9, 20<<10), uint16(300))
	e, err := New(Config{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text []byte, pad uint16) {
		// Padding moves the lookalikes past Reach from the start.
		text = append(bytes.Repeat([]byte("x "), int(pad)), text...)
		if got, want := e.Scan(nil, text, Filter{}), scanAllFolded(e, text); !reflect.DeepEqual(got, want) {
			t.Fatalf("Scan %d findings, the whole folded text %d; first difference %s", len(got), len(want), firstDiff(got, want))
		}
	})
}
