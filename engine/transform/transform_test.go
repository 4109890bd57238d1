package transform

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/datafog/datafog-api/engine"
)

var testKey = []byte("0123456789abcdef0123456789abcdef")

// sampleText holds an email, a card, an ssn, the same email again and an
// api key; sampleFindings are its findings.
const sampleText = "mail a@b.co card 4111 1111 1111 1111 ssn 123-45-6789 again a@b.co key sk_live_x9"

var sampleFindings = []engine.Finding{
	{Type: engine.Email, Start: 5, End: 11},
	{Type: engine.CreditCard, Start: 17, End: 36},
	{Type: engine.SSN, Start: 41, End: 52},
	{Type: engine.Email, Start: 59, End: 65},
	{Type: engine.APIKey, Start: 70, End: 80},
}

// refHMAC computes HMAC-SHA256 independently of the package.
func refHMAC(parts ...string) []byte {
	m := hmac.New(sha256.New, testKey)
	for _, p := range parts {
		m.Write([]byte(p))
	}
	return m.Sum(nil)
}

func refToken(typ, value string) string {
	return "tok_" + hex.EncodeToString(refHMAC(typ, "\x00", value))[:16]
}

func refHash(value string) string { return hex.EncodeToString(refHMAC(value)) }

func TestSampleFindingsSliceValues(t *testing.T) {
	want := []string{"a@b.co", "4111 1111 1111 1111", "123-45-6789", "a@b.co", "sk_live_x9"}
	for i, f := range sampleFindings {
		if got := sampleText[f.Start:f.End]; got != want[i] {
			t.Fatalf("finding %d slices %q, want %q", i, got, want[i])
		}
	}
}

func TestApplyEachMode(t *testing.T) {
	tests := []struct {
		mode Mode
		want string
	}{
		{Mask, "mail *@*.** card **** **** **** 1111 ssn ***-**-**** again *@*.** key **_****_**"},
		{Redact, "mail [REDACTED] card [REDACTED] ssn [REDACTED] again [REDACTED] key [REDACTED]"},
		{Tokenize, "mail " + refToken("email", "a@b.co") + " card " + refToken("credit_card", "4111 1111 1111 1111") +
			" ssn " + refToken("ssn", "123-45-6789") + " again " + refToken("email", "a@b.co") + " key " + refToken("api_key", "sk_live_x9")},
		{Hash, "mail " + refHash("a@b.co") + " card " + refHash("4111 1111 1111 1111") + " ssn " + refHash("123-45-6789") +
			" again " + refHash("a@b.co") + " key " + refHash("sk_live_x9")},
		{Anonymize, "mail <EMAIL_1> card <CREDIT_CARD_1> ssn <SSN_1> again <EMAIL_1> key <API_KEY_1>"},
	}
	for _, tc := range tests {
		t.Run(string(tc.mode), func(t *testing.T) {
			tr, err := New(Options{Default: tc.mode, Key: testKey})
			if err != nil {
				t.Fatal(err)
			}
			prefix := []byte("pre:")
			got, stats := tr.Apply(prefix, []byte(sampleText), sampleFindings)
			if string(got) != "pre:"+tc.want {
				t.Fatalf("Apply:\n got %q\nwant %q", got, "pre:"+tc.want)
			}
			want := Stats{Transformed: 5, ByType: map[engine.EntityType]int{engine.Email: 2, engine.CreditCard: 1, engine.SSN: 1, engine.APIKey: 1}, Modes: []Mode{tc.mode}}
			if !reflect.DeepEqual(stats, want) {
				t.Fatalf("stats: got %+v, want %+v", stats, want)
			}
		})
	}
}

func TestTokenAndHashFormat(t *testing.T) {
	tr, err := New(Options{Default: Tokenize, PerEntity: map[engine.EntityType]Mode{engine.SSN: Hash}, Key: testKey})
	if err != nil {
		t.Fatal(err)
	}
	text := []byte("a@b.co a@b.co")
	got, _ := tr.Apply(nil, text, []engine.Finding{{Type: engine.Email, Start: 0, End: 6}, {Type: engine.Phone, Start: 7, End: 13}})
	parts := strings.Split(string(got), " ")
	if len(parts) != 2 || len(parts[0]) != 20 || !strings.HasPrefix(parts[0], "tok_") {
		t.Fatalf("token format: %q", got)
	}
	if parts[0] == parts[1] {
		t.Fatalf("same value of different types must give different tokens: %q", got)
	}
	other, err := New(Options{Default: Tokenize, Key: []byte("another key")})
	if err != nil {
		t.Fatal(err)
	}
	got2, _ := other.Apply(nil, text[:6], []engine.Finding{{Type: engine.Email, Start: 0, End: 6}})
	if string(got2) == parts[0] {
		t.Fatalf("different keys gave the same token %q", got2)
	}
	h, _ := tr.Apply(nil, []byte("123-45-6789"), []engine.Finding{{Type: engine.SSN, Start: 0, End: 11}})
	if string(h) != refHash("123-45-6789") || len(h) != 64 {
		t.Fatalf("hash: got %q", h)
	}
}

func TestApplyPerEntity(t *testing.T) {
	tr, err := New(Options{
		Default: Mask,
		PerEntity: map[engine.EntityType]Mode{
			engine.Email: Anonymize, engine.SSN: Redact, engine.APIKey: Hash,
		},
		Key: testKey,
	})
	if err != nil {
		t.Fatal(err)
	}
	got, stats := tr.Apply(nil, []byte(sampleText), sampleFindings)
	want := "mail <EMAIL_1> card **** **** **** 1111 ssn [REDACTED] again <EMAIL_1> key " + refHash("sk_live_x9")
	if string(got) != want {
		t.Fatalf("got  %q\nwant %q", got, want)
	}
	if !reflect.DeepEqual(stats.Modes, []Mode{Anonymize, Hash, Mask, Redact}) || stats.Transformed != 5 {
		t.Fatalf("stats: %+v", stats)
	}
	if tr.ModeFor(engine.CreditCard) != Mask || tr.ModeFor(engine.Email) != Anonymize {
		t.Fatalf("ModeFor: card %s email %s", tr.ModeFor(engine.CreditCard), tr.ModeFor(engine.Email))
	}
}

func TestAnonymizeNumbersPerTypeAndValue(t *testing.T) {
	tr, err := New(Options{Default: Anonymize})
	if err != nil {
		t.Fatal(err)
	}
	text := []byte("x@a.io y@a.io x@a.io 4111111111111111 x@a.io")
	fs := []engine.Finding{
		{Type: engine.Email, Start: 0, End: 6}, {Type: engine.Email, Start: 7, End: 13},
		{Type: engine.Email, Start: 14, End: 20}, {Type: engine.CreditCard, Start: 21, End: 37},
		{Type: engine.Email, Start: 38, End: 44},
	}
	want := "<EMAIL_1> <EMAIL_2> <EMAIL_1> <CREDIT_CARD_1> <EMAIL_1>"
	for range 2 { // numbering restarts for every call
		got, _ := tr.Apply(nil, text, fs)
		if string(got) != want {
			t.Fatalf("got %q, want %q", got, want)
		}
	}
	got, _ := tr.Apply(nil, []byte("v"), []engine.Finding{{Type: "acme-id.x", Start: 0, End: 1}})
	if string(got) != "<ACME_ID_X_1>" {
		t.Fatalf("custom type placeholder: got %q", got)
	}
}

func TestMask(t *testing.T) {
	tests := []struct {
		typ        engine.EntityType
		value, out string
	}{
		{engine.CreditCard, "4111-1111-1111-1111", "****-****-****-1111"},
		{engine.CreditCard, "378282246310005", "***********0005"},
		{engine.Phone, "(415) 555-2671", "(***) ***-****"},
		{engine.Email, "jöe@x.de", "***@*.**"},
		{engine.CreditCard, "1234567", "*******"}, // fewer than 8 digits: nothing kept
		{engine.Date, "2024-01-31", "****-**-**"},
	}
	tr, _ := New(Options{Default: Mask})
	for _, tc := range tests {
		got, _ := tr.Apply(nil, []byte(tc.value), []engine.Finding{{Type: tc.typ, Start: 0, End: int64(len(tc.value))}})
		if string(got) != tc.out {
			t.Errorf("mask %s %q: got %q, want %q", tc.typ, tc.value, got, tc.out)
		}
	}
}

func TestApplySkipsBadFindings(t *testing.T) {
	tr, _ := New(Options{})
	text := []byte("abcdefghij")
	fs := []engine.Finding{
		{Type: engine.Email, Start: 1, End: 3},
		{Type: engine.Email, Start: 2, End: 4},  // overlaps the previous one
		{Type: engine.Email, Start: 5, End: 5},  // empty
		{Type: engine.Email, Start: 6, End: 7},  // fine
		{Type: engine.Email, Start: 8, End: 11}, // past the end
	}
	got, stats := tr.Apply(nil, text, fs)
	if string(got) != "a[REDACTED]def[REDACTED]hij" || stats.Transformed != 2 {
		t.Fatalf("got %q stats %+v", got, stats)
	}
	got, stats = tr.Apply(nil, text, nil)
	if string(got) != "abcdefghij" || !reflect.DeepEqual(stats, Stats{}) {
		t.Fatalf("no findings: got %q %+v", got, stats)
	}
}

func TestNewRejectsBadOptions(t *testing.T) {
	_, err := New(Options{Default: "blur", PerEntity: map[engine.EntityType]Mode{engine.SSN: "zap", engine.Email: Hash, "": Mask}})
	want := `transform: unknown default mode "blur"; per-entity mode for an empty entity type; entity "ssn": unknown mode "zap"; tokenize and hash modes need a key`
	if err == nil || err.Error() != want {
		t.Fatalf("got error %v\nwant %s", err, want)
	}
	if _, err := New(Options{Default: Tokenize}); err == nil || err.Error() != "transform: tokenize and hash modes need a key" {
		t.Fatalf("missing key: %v", err)
	}
	tr, err := New(Options{})
	if err != nil || tr.ModeFor(engine.Email) != Redact {
		t.Fatalf("zero options: %v, default %s", err, tr.ModeFor(engine.Email))
	}
}

func TestParseMode(t *testing.T) {
	for _, s := range []string{"mask", " Redact ", "TOKENIZE", "hash", "anonymize"} {
		m, err := ParseMode(s)
		if err != nil || string(m) != strings.ToLower(strings.TrimSpace(s)) {
			t.Errorf("ParseMode(%q) = %q, %v", s, m, err)
		}
	}
	if _, err := ParseMode("shred"); err == nil || err.Error() != `transform: unknown mode "shred" (want mask, redact, tokenize, hash or anonymize)` {
		t.Errorf("ParseMode(shred): %v", err)
	}
	if !reflect.DeepEqual(Modes(), []Mode{Anonymize, Hash, Mask, Redact, Tokenize}) {
		t.Errorf("Modes() = %v", Modes())
	}
}

// streamFake transforms text through a Writer over fakeScanner, writing it
// in the given chunk sizes (cycled).
func streamFake(t *testing.T, tr *Transformer, text []byte, sizes []int) ([]byte, Stats) {
	t.Helper()
	var out bytes.Buffer
	w := tr.newWriter(&out, &fakeScanner{})
	for i := 0; len(text) > 0; i++ {
		n := min(sizes[i%len(sizes)], len(text))
		if k, err := w.Write(text[:n]); err != nil || k != n {
			t.Fatalf("Write: %d, %v", k, err)
		}
		text = text[n:]
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes(), w.Stats()
}

// randomText builds text from fake-detectable tokens and filler words.
func randomText(r *rand.Rand, words int) []byte {
	vocab := []string{"a@b.co", "x@y.org", "4111-1111-1111-1111", "123456789", "sk_live_abc", "hello", "12", "world\n", "-", "ünï"}
	var b []byte
	for range words {
		b = append(b, vocab[r.IntN(len(vocab))]...)
		if r.IntN(4) == 0 {
			b = append(b, ' ')
		}
		b = append(b, ' ')
	}
	return b
}

func TestWriterMatchesApplyRandomChunks(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, mode := range Modes() {
		tr, err := New(Options{Default: mode, Key: testKey})
		if err != nil {
			t.Fatal(err)
		}
		for trial := range 40 {
			text := randomText(r, r.IntN(200))
			want, wantStats := tr.Apply(nil, text, fakeScan(text))
			sizes := []int{1}
			if trial > 0 {
				sizes = []int{1 + r.IntN(7), 1 + r.IntN(64), 1 + r.IntN(4096)}
			}
			got, gotStats := streamFake(t, tr, text, sizes)
			if !bytes.Equal(got, want) {
				t.Fatalf("mode %s trial %d sizes %v:\nstream %q\napply  %q", mode, trial, sizes, got, want)
			}
			if !reflect.DeepEqual(gotStats, wantStats) {
				t.Fatalf("mode %s trial %d: stats %+v, want %+v", mode, trial, gotStats, wantStats)
			}
		}
	}
}

func TestWriterLargeWrite(t *testing.T) {
	// One Write much larger than writeSlice, with a token straddling the
	// slice boundary.
	text := bytes.Repeat([]byte("a "), writeSlice/2-2)
	text = append(text, "zz x@y.org 123456789 tail"...)
	text = append(text, bytes.Repeat([]byte("b "), writeSlice)...)
	tr, _ := New(Options{Default: Anonymize})
	want, _ := tr.Apply(nil, text, fakeScan(text))
	got, stats := streamFake(t, tr, text, []int{len(text)})
	if !bytes.Equal(got, want) || stats.Transformed != 2 {
		t.Fatalf("large write differs (stats %+v)", stats)
	}
}

type failWriter struct{ n int }

func (f *failWriter) Write(p []byte) (int, error) {
	if f.n == 0 {
		return 0, errors.New("disk full")
	}
	f.n--
	return len(p), nil
}

func TestWriterErrors(t *testing.T) {
	tr, _ := New(Options{})
	w := tr.newWriter(&failWriter{}, &fakeScanner{})
	if _, err := w.Write([]byte("abc def ")); err == nil || err.Error() != "transform: write output: disk full" {
		t.Fatalf("Write: %v", err)
	}
	if _, err := w.Write([]byte("x")); err == nil {
		t.Fatal("Write after error succeeded")
	}
	if err := w.Close(); err == nil || err.Error() != "transform: write output: disk full" {
		t.Fatalf("Close: %v", err)
	}

	var out bytes.Buffer
	w.Reset(&out)
	if _, err := w.Write([]byte("a@b.co tail")); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil || out.String() != "[REDACTED] tail" || w.Findings() != 1 {
		t.Fatalf("after Reset: %q, %v, %d findings", out.String(), err, w.Findings())
	}
	if _, err := w.Write([]byte("x")); !errors.Is(err, ErrClosed) {
		t.Fatalf("Write after Close: %v", err)
	}
}

// badScanner emits a finding behind the committed offset.
type badScanner struct{ fakeScanner }

func (b *badScanner) Write(chunk []byte, emit func(engine.Finding)) {
	b.fakeScanner.Write(chunk, emit)
	emit(engine.Finding{Type: engine.Email, Start: 0, End: 1})
}

func TestWriterRejectsOutOfOrderFindings(t *testing.T) {
	tr, _ := New(Options{})
	var out bytes.Buffer
	w := tr.newWriter(&out, &badScanner{})
	if _, err := w.Write([]byte("abc def ")); err != nil {
		t.Fatal(err) // the first [0,1) is in order
	}
	_, err := w.Write([]byte("x"))
	if err == nil || err.Error() != "transform: scanner emitted finding [0,1) out of order (stream position 8)" {
		t.Fatalf("got %v", err)
	}
}

func TestApplyConcurrent(t *testing.T) {
	tr, err := New(Options{Default: Tokenize, PerEntity: map[engine.EntityType]Mode{engine.Email: Anonymize, engine.SSN: Hash}, Key: testKey})
	if err != nil {
		t.Fatal(err)
	}
	want, _ := tr.Apply(nil, []byte(sampleText), sampleFindings)
	done := make(chan string, 8)
	for range 8 {
		go func() {
			for range 200 {
				got, _ := tr.Apply(nil, []byte(sampleText), sampleFindings)
				if !bytes.Equal(got, want) {
					done <- string(got)
					return
				}
			}
			done <- ""
		}()
	}
	for range 8 {
		if got := <-done; got != "" {
			t.Fatalf("concurrent Apply gave %q, want %q", got, want)
		}
	}
}
