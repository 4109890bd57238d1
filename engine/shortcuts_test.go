package engine

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
	"testing"

	benchcorpus "github.com/datafog/datafog-api/bench/corpus"
)

// The scan loop's shortcuts (the trigger mask, inert digit runs, ISO
// timestamps, decimals and dotted quads, the JSON key cache, the TLD
// cache) each claim to change nothing about what is found. The
// exhaustive path turns all of them off; these tests compare the two on
// every golden corpus and under fuzzing, so a shortcut that stops being
// exact fails here.

// scanExhaustive is Scan on the exhaustive reference path.
func scanExhaustive(e *Engine, text []byte) []Finding {
	st := &scanState{exhaustive: true}
	st.reset(e, 0)
	st.s.NoCache = true
	var m *foldMap
	if firstFold(text, 0, len(text)) >= 0 {
		m = &st.fmap
		m.reset(0, 0)
		st.folded = foldAppend(st.folded[:0], text, 0, len(text), 0, 0, m)
		text = st.folded
	}
	st.detect(text, 0, 0, len(text))
	return st.emit(nil, &Filter{}, m)
}

func TestShortcutsExact(t *testing.T) {
	e := mustEngine(t, Config{})
	corpora := goldenCorpora()
	names := make([]string, 0, len(corpora))
	for n := range corpora {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fast := e.Scan(nil, corpora[n], Filter{})
		ref := scanExhaustive(e, corpora[n])
		if !reflect.DeepEqual(fast, ref) {
			t.Errorf("%s: fast path %d findings, exhaustive path %d; first difference: %s", n, len(fast), len(ref), pathDiff(corpora[n], fast, ref))
		}
	}
}

// pathDiff describes the first finding where a and b differ.
func pathDiff(text []byte, a, b []Finding) string {
	for i := 0; i < len(a) || i < len(b); i++ {
		switch {
		case i >= len(a):
			return fmt.Sprintf("only exhaustive: %+v %q", b[i], text[b[i].Start:b[i].End])
		case i >= len(b):
			return fmt.Sprintf("only fast: %+v %q", a[i], text[a[i].Start:a[i].End])
		case a[i] != b[i]:
			return fmt.Sprintf("fast %+v %q, exhaustive %+v %q", a[i], text[a[i].Start:a[i].End], b[i], text[b[i].Start:b[i].End])
		}
	}
	return "none"
}

// FuzzShortcuts holds the fast path equal to the exhaustive one, which
// takes none of the main loop's shortcuts and uses none of the caches.
func FuzzShortcuts(f *testing.F) {
	for _, k := range benchcorpus.Kinds {
		data, _ := benchcorpus.Generate(k, 4096, 3)
		f.Add(data)
	}
	for _, s := range []string{
		`{"ts":"2024-02-29T10:00:00Z","api_key":"Zx81kLq0PvR7tY3mW9sBn2Qe","ip":"10.0.0.1"}`,
		"at 1.2.3.4.5 and 23638.69 and 2024-02-29T10:00:00.123Z+01:00",
		"mail bob@example.com, zip 94105, ssn 123-45-6789, +44 20 7946 0958",
		"GB82WEST12345698765432 bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq 0x52908400098527886e0f7030069857d2e4169ee7",
	} {
		f.Add([]byte(s))
	}
	// The default engine, and one without names, where the main loop also
	// drops dead stops in blocks with non-ASCII bytes (dead.go).
	var engines []*Engine
	for _, cfg := range []Config{{}, disabling("person,street_address")} {
		e, err := New(cfg)
		if err != nil {
			f.Fatal(err)
		}
		engines = append(engines, e)
	}
	if engines[0].dispatch.dropsDead || !engines[1].dispatch.dropsDead {
		f.Fatal("the engine without names no longer drops dead stops, or the default one does: change the second engine")
	}
	f.Fuzz(func(t *testing.T, text []byte) {
		for k, e := range engines {
			fast := e.Scan(nil, text, Filter{})
			ref := scanExhaustive(e, text)
			if !reflect.DeepEqual(fast, ref) {
				t.Fatalf("engine %d: fast path differs from the exhaustive path: %s", k, pathDiff(text, fast, ref))
			}
		}
	})
}

// TestLongTokens scans tokens of every length around the longest any
// token detector takes (maxToken), with leads of every length, at the
// end of the text and before a space: none may read past a table (a
// token of maxToken+1 bytes at the end of the text once did), and the
// fast path agrees with the exhaustive one.
func TestLongTokens(t *testing.T) {
	e := mustEngine(t, Config{})
	for lead := 0; lead <= 8; lead++ {
		for n := maxToken - 4; n <= maxToken+4; n++ {
			if n <= lead {
				continue
			}
			tok := strings.Repeat("A", lead) + strings.Repeat("0", n-lead)
			for _, text := range []string{tok, tok + " ", "x " + tok + "\n", tok + "_"} {
				fast := e.Scan(nil, []byte(text), Filter{})
				if ref := scanExhaustive(e, []byte(text)); !reflect.DeepEqual(fast, ref) {
					t.Errorf("lead %d, %d bytes: %s", lead, n, pathDiff([]byte(text), fast, ref))
				}
			}
		}
	}
}

// TestSeparatorsInsideNumbers: a separator with a digit on each side is
// skipped without a stop unless a byte detector's run could start there
// (dispatch.numSep, OnByte.Edge). A MAC address whose pairs start with
// digits must still be found wherever its first separator stands, and
// the tail of a longer number or address must not be taken for one; the
// fast path must agree with the exhaustive one on each text.
func TestSeparatorsInsideNumbers(t *testing.T) {
	e := mustEngine(t, Config{})
	for _, c := range []struct{ text, mac string }{
		{"mac 12-34-56-78-9a-bc here", "12-34-56-78-9a-bc"},
		{"a1-22-33-44-55-66", "a1-22-33-44-55-66"},
		{"port 12 34-56-78-9a-bc-de up", "34-56-78-9a-bc-de"},
		{"(12:34:56:78:9a:bc)", "12:34:56:78:9a:bc"},
		{"id 1234-56-78-9a-bc-de-f0", ""},
		{"ssn 453-37-0120 and 12-34-56-78-90-12-34", ""},
		{"born 1988-06-07, card 4677-0983-2998-5707", ""},
		{"v 1.12-34-56-78-9a-bc", ""},
		// Cisco's notation with a third group that starts with a letter
		// is no decimal (FuzzShortcuts seed b3bd3e89aa9e6137).
		{"router 0012.3456.abcd up", "0012.3456.abcd"},
		{"0000.0000.A001", "0000.0000.A001"},
	} {
		fs := e.Scan(nil, []byte(c.text), Filter{})
		var macs []string
		for _, f := range fs {
			if f.Type == MACAddress {
				macs = append(macs, c.text[f.Start:f.End])
			}
		}
		if want := []string{c.mac}; c.mac == "" && len(macs) != 0 || c.mac != "" && !reflect.DeepEqual(macs, want) {
			t.Errorf("%q: MAC findings %q, want %q", c.text, macs, c.mac)
		}
		if ref := scanExhaustive(e, []byte(c.text)); !reflect.DeepEqual(fs, ref) {
			t.Errorf("%q: fast path and exhaustive path differ: %s", c.text, pathDiff([]byte(c.text), fs, ref))
		}
	}
}
