package names_test

import (
	"bytes"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/datafog/datafog-api/engine"
	"github.com/datafog/datafog-api/engine/detect/names"
)

// TestBlobMatchesSources rebuilds names.bin from the committed lists and
// the lexicon and requires the committed file to be identical: run `go
// run ./engine/detect/names/gen` after changing either.
func TestBlobMatchesSources(t *testing.T) {
	img, err := names.Build(os.DirFS("data"))
	if err != nil {
		t.Fatal(err)
	}
	committed, err := os.ReadFile("names.bin")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(img, committed) {
		t.Fatalf("names.bin (%d bytes) is stale: the lists build %d bytes; run go run ./engine/detect/names/gen", len(committed), len(img))
	}
}

// TestLoadBudget measures what the issue bounds: loading the embedded
// table takes under 50 ms, and it holds under 50 MB.
func TestLoadBudget(t *testing.T) {
	committed, err := os.ReadFile("names.bin")
	if err != nil {
		t.Fatal(err)
	}
	best := time.Hour
	for k := 0; k < 5; k++ {
		t0 := time.Now()
		if _, err := names.Decode(committed); err != nil {
			t.Fatal(err)
		}
		best = min(best, time.Since(t0))
	}
	tb, err := names.Load()
	if err != nil {
		t.Fatal(err)
	}
	heap, emb := tb.MemoryUsage()
	t.Logf("load %v (best of 5); %d words; automaton %d bytes on the heap, table %d bytes read in place", best, tb.Words(), heap, emb)
	if best > 50*time.Millisecond {
		t.Errorf("load took %v, want < 50 ms", best)
	}
	if heap+emb > 50<<20 {
		t.Errorf("holds %d bytes, want < 50 MB", heap+emb)
	}
	if !tb.Automaton().IsDFA() {
		t.Error("the trigger automaton is not a dense DFA")
	}
}

// TestDecodeRejectsDamage flips bytes of the image and truncates it: each
// must fail to load with an error, never load a wrong table.
func TestDecodeRejectsDamage(t *testing.T) {
	committed, err := os.ReadFile("names.bin")
	if err != nil {
		t.Fatal(err)
	}
	for _, off := range []int{0, 9, 30, len(committed) / 3, len(committed) - 2} {
		bad := bytes.Clone(committed)
		bad[off] ^= 0x40
		if _, err := names.Decode(bad); err == nil || !strings.HasPrefix(err.Error(), "names: load names.bin:") {
			t.Errorf("byte %d flipped: error %v", off, err)
		}
	}
	if _, err := names.Decode(committed[:len(committed)/2]); err == nil {
		t.Error("half an image loaded")
	}
}

// scanPersons returns the person findings of text at the default minimum
// confidence.
func scanPersons(t *testing.T, e *engine.Engine, text string) []string {
	t.Helper()
	var out []string
	for _, f := range e.Scan(nil, []byte(text), engine.Filter{}.WithMinConfidence(engine.DefaultMinConfidence)) {
		if f.Type == "person" {
			out = append(out, text[f.Start:f.End])
		}
	}
	return out
}

// TestNumbersAndLogLinesAreNotNames is the failure mode Presidio users
// report most: numbers, identifiers and log lines flagged as names.
func TestNumbersAndLogLinesAreNotNames(t *testing.T) {
	e := mustEngine(t)
	for _, text := range []string{
		"2024-05-01T12:00:00.123Z ERROR [main] c.e.OrderService - Failed to process order 88123: timeout after 3000 ms",
		`{"level":"WARN","logger":"PaymentGateway","msg":"Retry 2/5","status":503,"trace_id":"4bf92f3577b34da6"}`,
		"127.0.0.1 - - [10/Oct/2024:13:55:36 +0000] \"GET /api/v2/Users/1234 HTTP/1.1\" 404 512 \"-\" \"Mozilla/5.0\"",
		"Exception in thread \"main\" java.lang.NullPointerException at com.Example.Main.run(Main.java:42)",
		"INFO  Started Application in 4.512 seconds (JVM running for 5.1)",
		"12345 67890 2024 1999.99 +1 555 0100 #4521 v2.3.1 0x7FFF",
		"DEBUG Connection pool HikariPool-1 - Added connection org.postgresql.jdbc.PgConnection@6a4f787b",
		"Total: 1,234.56 USD; Tax: 98.76; Order No. 552211; Qty 12",
		"FATAL ERROR WARN INFO DEBUG TRACE CRITICAL NOTICE ALERT EMERGENCY",
		"kubectl get pods -n Production | grep Running",
	} {
		if got := scanPersons(t, e, text); len(got) != 0 {
			t.Errorf("%q: person findings %q, want none", text, got)
		}
	}
}

// TestAllCapsNamesFound is the other Presidio failure mode: names in
// capitals, as forms and legacy systems write them, are missed.
func TestAllCapsNamesFound(t *testing.T) {
	e := mustEngine(t)
	for text, want := range map[string]string{
		"NAME: JOHN SMITH\nDOB: 01/02/1980":          "JOHN SMITH",
		"PATIENT: MARIA GARCIA LOPEZ, AGE 54":        "MARIA GARCIA LOPEZ",
		"BENEFICIARY MR ROBERT JOHNSON":              "ROBERT JOHNSON",
		"Signed: DUPONT Jean, 12 March":              "DUPONT Jean",
		`{"full_name":"PRIYA SHARMA","plan":"gold"}`: "PRIYA SHARMA",
		"ATTN: DR. WEI CHEN":                         "WEI CHEN",
	} {
		if got := scanPersons(t, e, text); !reflect.DeepEqual(got, []string{want}) {
			t.Errorf("%q: person findings %q, want [%q]", text, got, want)
		}
	}
}

// TestSpansAndEvidence pins spans (the whole name, never the title) and
// the evidence rules named in issue 16.
func TestSpansAndEvidence(t *testing.T) {
	e := mustEngine(t)
	for text, want := range map[string][]string{
		"Dr. Maria del Carmen García-López will see you.":      {"Maria del Carmen García-López"},
		"Prof. Dr. Hans Müller presented.":                     {"Hans Müller"},
		"Please ask J. R. Ewing to sign.":                      {"J. R. Ewing"},
		"John F. Kennedy Jr. spoke.":                           {"John F. Kennedy Jr."},
		"Mr O'Brien and Ms McDonald agreed.":                   {"O'Brien", "McDonald"},
		"Dear Anna,\nthanks.":                                  {"Anna"},
		"Best regards,\nLudwig van Beethoven":                  {"Ludwig van Beethoven"},
		"From: Ahmed Al-Sayed <a@example.com>":                 {"Ahmed Al-Sayed"},
		"The report was signed by Chen Jing yesterday.":        {"Chen Jing"},
		"Will Smith and Bill Gates met.":                       {"Will Smith", "Bill Gates"},
		"customer_name=Zbigniew Xqwerty":                       {"Zbigniew Xqwerty"},
		`{"name": "john smith"}`:                               {"john smith"},
		"Smith approved it.":                                   nil,
		"Will you grant May access?":                           nil,
		"In May Johnson resigned.":                             nil,
		"Calvin Klein Company shipped 40 units.":               nil,
		"Morgan Stanley raised its target.":                    nil,
		"St Mary Church and Victoria Station":                  nil,
		`{"file_name": "John Smith.pdf", "host_name": "Anna"}`: nil,
	} {
		if got := scanPersons(t, e, text); !reflect.DeepEqual(got, want) {
			t.Errorf("%q: person findings %q, want %q", text, got, want)
		}
	}
}

// TestBareWordBelowDefault checks that a capitalised list word alone is
// not reported at all (it scores 0.3, below the reporting floor), and
// that a pair with a common word scores below the default minimum.
func TestBareWordBelowDefault(t *testing.T) {
	e := mustEngine(t)
	for _, text := range []string{"Smith said so.", "Garcia", "The Rose Garden"} {
		for _, f := range e.Scan(nil, []byte(text), engine.Filter{}) {
			if f.Type == "person" && f.Confidence >= engine.DefaultMinConfidence {
				t.Errorf("%q: person %q at %.2f, want below %.2f", text, text[f.Start:f.End], f.Confidence, engine.DefaultMinConfidence)
			}
		}
	}
}

func mustEngine(t testing.TB) *engine.Engine {
	t.Helper()
	e, err := engine.New(engine.Config{})
	if err != nil {
		t.Fatal(err)
	}
	return e
}
