package engine

import (
	"fmt"
	"math"
	"math/bits"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	benchcorpus "github.com/datafog/datafog-api/bench/corpus"
	"github.com/datafog/datafog-api/engine/detect"
)

// deadFragments are bits of text that start something at a trigger byte
// when their neighbours allow it. TestDeadStopsExact drops them into
// random bytes, where one neighbour or both are binary.
var deadFragments = []string{
	"=", ":", "(", ">", "@", "-", "_", "A", "J", "X", "5", "1", "3", "0x", "+1", "(5",
	"api_key=Zx81kLq0PvR7tY3mW9sBn2Qe", `"token": "Zx81kLq0PvR7tY3mW9sBn2Qe"`, "secret => 'Zx81kLq0PvR7tY3mW9sBn2Qe'",
	"<apiKey>Zx81kLq0PvR7tY3mW9sBn2Qe</apiKey>", `getenv("api_token", "Zx81kLq0PvR7tY3mW9sBn2Qe")`,
	"AKIAZ3MQLE2JTYXD4Q7B", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlLXZhbHVl", "ghp_",
	"bob@example.com", "10.0.0.1", "fe80::1", "00:1a:2b:3c:4d:5e", "0012.3456.abcd",
	"123-45-6789", "4111 1111 1111 1111", "+44 20 7946 0958", "(555) 123-4567", "5 May 2021", "5-May-2021",
	"2024-02-29T10:00:00Z", "GB82WEST12345698765432", "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2",
	"0x52908400098527886e0f7030069857d2e4169ee7", "037833100", "5493001KJTIIGC8Y1R12", "1M8GDM9AXKP042788",
	"1EG4-TE5-MK73", "AB12 CDE", "A123 BCD", "\u0661\u0662\u0663\u0664", "12\u200b34", "\uff11\uff12\uff13",
	"-----BEGIN PRIVATE KEY-----", "SGVsbG8gd29ybGQgdGhpcyBpcyBiYXNlNjQgdGV4dA==",
}

// TestDeadStopsExact checks that dropping dead stops (dead.go) changes
// no finding: random bytes with the fragments above dropped in, scanned
// by the fast path and the exhaustive one (which never drops a stop),
// under the default engine, the contract's 24 types and every type but
// names.
func TestDeadStopsExact(t *testing.T) {
	configs := map[string]Config{"default": {}, "contract24": {Detectors: map[EntityType]DetectorConfig{}}, "no-names": {Detectors: map[EntityType]DetectorConfig{
		"person": {Disabled: true}, "street_address": {Disabled: true},
	}}}
	for _, bt := range BuiltinTypes[24:] {
		configs["contract24"].Detectors[bt] = DetectorConfig{Disabled: true}
	}
	r := rand.New(rand.NewPCG(11, 12)) // #nosec G404 -- test data
	for name, cfg := range configs {
		e := mustEngine(t, cfg)
		for round := range 150 {
			text := make([]byte, 0, 4096)
			for len(text) < 4000 {
				switch r.IntN(4) {
				case 0:
					text = append(text, deadFragments[r.IntN(len(deadFragments))]...)
				case 1: // a text byte
					text = append(text, byte(0x20+r.IntN(0x5f)))
				default:
					text = append(text, byte(r.Uint32()))
				}
			}
			fast := e.Scan(nil, text, Filter{})
			ref := scanExhaustive(e, text)
			if !reflect.DeepEqual(fast, ref) {
				t.Fatalf("%s, round %d: fast path %d findings, exhaustive %d; first difference: %s", name, round, len(fast), len(ref), pathDiff(text, fast, ref))
			}
		}
	}
}

// TestDeadStopsDropped checks that dropDead does drop: on random bytes,
// most stops are dead (a colon with no key name or hex digit beside it,
// a lone digit, a lookalike lead byte with the wrong second byte). The
// engine has every type but names: person names start at every capital
// and street addresses take one-digit house numbers, so with them most
// stops stay live. It counts the stops of every full block before and
// after, and checks that a block of ASCII text is left alone.
func TestDeadStopsDropped(t *testing.T) {
	if !useVector {
		t.Skip("only the vector kernel finds the non-ASCII bytes")
	}
	e := mustEngine(t, Config{Detectors: map[EntityType]DetectorConfig{"person": {Disabled: true}, "street_address": {Disabled: true}}})
	d := e.dispatch
	text, _ := benchcorpus.Generate(benchcorpus.Binary, 1<<16, 1)
	before, after := 0, 0
	for blk := 64; blk+128 <= len(text); blk += 64 {
		m, high := d.triggerMask(text[blk : blk+64])
		if high == 0 {
			continue
		}
		before += bits.OnesCount64(m)
		after += bits.OnesCount64(d.dropDead(text, blk, m))
	}
	if before == 0 || float64(after) > 0.4*float64(before) {
		t.Errorf("binary corpus: %d stops, %d after dropDead; want at most 40%% left", before, after)
	}
	prose := []byte(strings.Repeat("Contact bob@example.com or call 555-0100 at 10:30; key=value. ", 4))
	if _, high := d.triggerMask(prose[:64]); high != 0 {
		t.Errorf("a block of ASCII prose has non-ASCII bytes %064b", high)
	}
}

// TestCallLead checks the Lead conditions that callLead applies before a
// call: the run's length, the byte after it, the byte before it
// (LeadPrev; none at the start of the text) and the row of capitals and
// digits from the run's first digit (LeadTok).
func TestCallLead(t *testing.T) {
	var n numeric
	var got []string
	rec := func(name string) func(*detect.Scan, int, int) {
		return func(s *detect.Scan, i, j int) { got = append(got, fmt.Sprintf("%s %d:%d", name, i, j)) }
	}
	b := &detect.Binding{}
	for _, o := range []*detect.OnDigits{
		{Lead: "5", LeadLen: 1 << 1, LeadNext: detect.Capitals, LeadTok: 4, OnLead: rec("tok4")},
		{Lead: "5", LeadPrev: " ", OnLead: rec("space")},
		{Lead: "56", LeadLen: 1 << 2, OnLead: rec("two")},
		{Lead: "5", OnLead: rec("any")},
	} {
		if err := n.add(o, b); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct {
		text string
		i, j int
		want []string
	}{
		{"5ABC!", 0, 1, []string{"tok4 0:1", "any 0:1"}},
		{"5AB!", 0, 1, []string{"any 0:1"}},
		{"x5A9Z", 1, 2, []string{"tok4 1:2", "any 1:2"}},
		{" 5x", 1, 2, []string{"space 1:2", "any 1:2"}},
		{" 5ABCD", 1, 2, []string{"tok4 1:2", "space 1:2", "any 1:2"}},
		{" 55AB", 1, 3, []string{"space 1:3", "two 1:3", "any 1:3"}},
	} {
		got = got[:0]
		st := &scanState{}
		st.s.T = []byte(c.text)
		st.callLead(&n.lead[c.text[c.i]-'0'], c.i, c.j)
		if !slices.Equal(got, c.want) {
			t.Errorf("%q run %d:%d: calls %q, want %q", c.text, c.i, c.j, got, c.want)
		}
	}
	if err := n.add(&detect.OnDigits{Lead: "7", LeadTok: detect.MaxLeadTok + 1, OnLead: rec("x")}, b); err == nil {
		t.Error("a LeadTok above MaxLeadTok was accepted")
	}
	for k := range maxLeads {
		if err := n.add(&detect.OnDigits{Lead: "8", OnLead: rec("x")}, b); err != nil {
			t.Fatalf("lead detector %d: %v", k, err)
		}
	}
	if err := n.add(&detect.OnDigits{Lead: "8", OnLead: rec("x")}, b); err == nil {
		t.Errorf("Lead detector %d on one digit was accepted", maxLeads+1)
	}
}

// TestAmidHigh checks deadTables.amidHigh against every pair of
// non-ASCII neighbours: on with every type but names, off by default
// (names start at capitals), and exact either way; and that the main
// loop drops dead stops only where they are common (dispatch.dropsDead),
// the share counted pair by pair.
func TestAmidHigh(t *testing.T) {
	for name, c := range map[string]struct {
		cfg  Config
		want bool
	}{
		"default":  {Config{}, false},
		"no-names": {Config{Detectors: map[EntityType]DetectorConfig{"person": {Disabled: true}, "street_address": {Disabled: true}}}, true},
	} {
		d := mustEngine(t, c.cfg).dispatch
		q := d.dead
		live := false
		for v := range 128 {
			for a := 0x80; a < 256; a++ {
				for b := 0x80; b < 256; b++ {
					B, A := q.before[v<<8|a], q.after[v<<8|b]
					live = live || (B|A)&1|B&A&^1 != 0
				}
			}
		}
		if got := q.amidHigh != 0; got != !live || got != c.want {
			t.Errorf("%s: amidHigh %v, some ASCII byte live between non-ASCII bytes %v, want amidHigh %v", name, got, live, c.want)
		}
		trig, share := 0, 0.0
		for v := range 256 {
			if d.class[v] == clsNone {
				continue
			}
			trig++
			dead := 0
			for a := range 256 {
				for b := range 256 {
					B, A := q.before[v<<8|a], q.after[v<<8|b]
					if (B|A)&1|B&A&^1 == 0 {
						dead++
					}
				}
			}
			share += float64(dead) / 65536
		}
		share /= float64(trig)
		if got := d.dead.deadShare(&d.class); math.Abs(got-share) > 1e-9 || d.dropsDead != c.want || d.dropsDead != (share >= minDeadShare) {
			t.Errorf("%s: deadShare %v, counted %v; dropsDead %v, want %v", name, got, share, d.dropsDead, c.want)
		}
	}
}

// TestSepTwo holds the tables of numSepTwo equal to runLive at a
// separator between digits, for every class that has them, every pair of
// bytes before the run and every position (i = 1, 2, 3), under the
// default engine, the contract's 24 types and every type but names. At
// least one class must have them ('-' and ':' of MAC addresses).
func TestSepTwo(t *testing.T) {
	for name, cfg := range map[string]Config{"default": {}, "24": disabling("later"), "no-names": disabling("person,street_address")} {
		d := mustEngine(t, cfg).dispatch
		st := &scanState{}
		tables := 0
		for c := range d.cls {
			q := d.numSepTwo[c]
			if q == nil {
				continue
			}
			tables++
			ci := &d.cls[c]
			for a := range 256 {
				for b := range 256 {
					text := []byte{byte(a), byte(b), '7', ':', '1'} // ':' stands for the class's byte; only the bytes before it count
					for _, i := range []int{1, 2, 3} {
						st.s.T = text[3-i:]
						if got, want := q.live(st.s.T, i), st.runLive(ci, d.numSepRun[c], i); got != want {
							t.Fatalf("%s: class %d, %q at %d: tables %v, runLive %v", name, c, st.s.T, i, got, want)
						}
					}
				}
			}
		}
		if tables == 0 {
			t.Fatalf("%s: no class has sepTwo tables", name)
		}
	}
}
