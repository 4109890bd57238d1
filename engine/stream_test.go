package engine

import (
	"bytes"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/datafog/datafog-api/engine/detect/secrets"
)

// streamAll feeds text to a fresh Scanner in the given chunk sizes (cycled)
// and returns the emitted findings. It checks the Committed invariants on
// the way.
func streamAll(t testing.TB, e *Engine, text []byte, sizes []int) []Finding {
	t.Helper()
	sc := e.NewScanner(Filter{})
	var out []Finding
	emit := func(f Finding) {
		if f.Start < sc.Committed() {
			t.Fatalf("finding %v starts before Committed %d", f, sc.Committed())
		}
		out = append(out, f)
	}
	for i, k := 0, 0; i < len(text); k++ {
		n := min(sizes[k%len(sizes)], len(text)-i)
		sc.Write(text[i:i+n], emit)
		i += n
		if h := sc.Offset() - sc.Committed(); h < 0 || h >= MaxHoldback {
			t.Fatalf("holdback %d after %d bytes", h, sc.Offset())
		}
	}
	sc.Close(emit)
	if sc.Committed() != int64(len(text)) || sc.Offset() != int64(len(text)) {
		t.Fatalf("after Close: Committed %d Offset %d, want %d", sc.Committed(), sc.Offset(), len(text))
	}
	return out
}

// streamText is a mix of every type, near-misses, and long blocks.
func streamText(seed uint64, size int) []byte {
	r := rand.New(rand.NewPCG(seed, 7))
	var b bytes.Buffer
	pieces := append(validSamples(), hardNegatives()...)
	for b.Len() < size {
		switch r.IntN(6) {
		case 0:
			b.WriteString(pieces[r.IntN(len(pieces))].text)
		case 1:
			b.WriteString(strings.Repeat("9", r.IntN(40)))
		case 2:
			if r.IntN(4) != 0 {
				break
			}
			b.WriteString("-----BEGIN EC PRIVATE KEY-----\n")
			lines := r.IntN(40)
			if r.IntN(10) == 0 {
				lines = r.IntN(8000) // up to 72 KB: some exceed secrets.PEMMax
			}
			b.WriteString(strings.Repeat("QUJDRA==\n", lines))
			if r.IntN(3) > 0 {
				b.WriteString("-----END EC PRIVATE KEY-----")
			}
		default:
			b.WriteString(proseWords[r.IntN(len(proseWords))])
		}
		b.WriteByte(" \n,.:-"[r.IntN(6)])
	}
	return b.Bytes()
}

func TestScannerMatchesScan(t *testing.T) {
	e := mustEngine(t, Config{Dictionaries: []Dictionary{{EntityType: "codename", Terms: []string{"Blue Falcon", "falcon"}, CaseInsensitive: true, WholeWord: true}}})
	text := streamText(1, 400<<10)
	want := e.Scan(nil, text, Filter{})
	if len(want) < 100 {
		t.Fatalf("only %d findings in the test text", len(want))
	}
	r := rand.New(rand.NewPCG(2, 3))
	chunkings := [][]int{{1}, {7}, {4096}, {64 << 10}, {1 << 20}, {MaxHoldback - 1, 3}}
	for i := 0; i < 6; i++ {
		sizes := make([]int, 50)
		for k := range sizes {
			sizes[k] = 1 + r.IntN(1<<uint(r.IntN(18)))
		}
		chunkings = append(chunkings, sizes)
	}
	for _, sizes := range chunkings {
		got := streamAll(t, e, text, sizes)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("chunks %v: %d findings, want %d; first difference %s", sizes[:min(3, len(sizes))], len(got), len(want), firstDiff(got, want))
		}
	}
}

func TestScannerPEMLimit(t *testing.T) {
	e := mustEngine(t, Config{})
	body := func(n int) string {
		return "-----BEGIN PRIVATE KEY-----\n" + strings.Repeat("A", n) + "\n-----END PRIVATE KEY-----"
	}
	overhead := len(body(0))
	for _, tc := range []struct {
		n    int
		want int
	}{{secrets.PEMMax - overhead, 1}, {secrets.PEMMax - overhead + 1, 0}, {100, 1}} {
		text := []byte("x " + body(tc.n) + " 4111111111111111 y")
		want := e.Scan(nil, text, Filter{})
		pems := 0
		for _, f := range want {
			if f.Type == PrivateKey {
				pems++
			}
		}
		if pems != tc.want || want[len(want)-1].Type != CreditCard {
			t.Fatalf("body %d: %d PEM findings (want %d), findings %v", tc.n, pems, tc.want, want)
		}
		for _, sizes := range [][]int{{1000}, {1}, {MaxHoldback}} {
			if got := streamAll(t, e, text, sizes); !reflect.DeepEqual(got, want) {
				t.Fatalf("body %d chunks %v: got %v, want %v", tc.n, sizes, got, want)
			}
		}
	}
}

func TestScannerReset(t *testing.T) {
	e := mustEngine(t, Config{})
	text := []byte("mail bob@example.com now")
	sc := e.NewScanner(Filter{})
	sc.Write([]byte("junk 4111111111111111 and more"), func(Finding) {})
	sc.Reset()
	var got []Finding
	sc.Write(text, func(f Finding) { got = append(got, f) })
	sc.Close(func(f Finding) { got = append(got, f) })
	want := []Finding{{Type: Email, Start: 5, End: 20, Confidence: 0.95, Validated: true}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %v, want %v", got, want)
	}
}

func firstDiff(a, b []Finding) string {
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] != b[i] {
			return "at " + itoa(i) + ": got " + fmtFinding(a[i]) + " want " + fmtFinding(b[i])
		}
	}
	return "in length"
}

func fmtFinding(f Finding) string {
	return string(f.Type) + "[" + itoa(int(f.Start)) + ":" + itoa(int(f.End)) + "]"
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	neg := n < 0
	if neg {
		n = -n
	}
	for n > 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	if neg {
		return "-" + string(b)
	}
	return string(b)
}

// FuzzScanChunking checks that streaming in chunks of the given size (and
// of varying sizes derived from it) gives exactly Scan's findings.
func FuzzScanChunking(f *testing.F) {
	e := mustEngine(f, Config{Dictionaries: []Dictionary{{EntityType: "codename", Terms: []string{"falcon"}, CaseInsensitive: true}}})
	f.Add([]byte("card 4111 1111 1111 1111 ssn 123-45-6789 bob@example.com"), 1)
	f.Add([]byte("-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY----- 10.0.0.1:80"), 5)
	f.Fuzz(func(t *testing.T, text []byte, chunk int) {
		if chunk <= 0 || chunk > 1<<20 {
			chunk = 1 + (chunk&0xffff)%4096
			if chunk <= 0 {
				chunk = 1
			}
		}
		want := e.Scan(nil, text, Filter{})
		for i := 1; i < len(want); i++ {
			if want[i].Start < want[i-1].End {
				t.Fatalf("overlapping findings %v %v", want[i-1], want[i])
			}
		}
		for _, sizes := range [][]int{{chunk}, {chunk, 1, 3*chunk + 1}} {
			got := streamAll(t, e, text, sizes)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("chunks %v: got %v, want %v", sizes, got, want)
			}
		}
	})
}
