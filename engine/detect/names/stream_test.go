package names_test

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/datafog/datafog-api/engine"
)

// streamText mixes the name corpus, hard negatives, addresses and long
// runs of capitalised words, so that chains and addresses straddle chunk
// boundaries.
func streamText(seed uint64, size int) []byte {
	r := rand.New(rand.NewPCG(seed, 17))
	recs := nameCorpus(seed, 400)
	addrs := []string{"1600 Pennsylvania Avenue NW, Washington, DC 20500", "Hauptstraße 12, 10115 Berlin",
		"12 rue de la Paix, 75002 Paris", "Calle de Alcalá 42, 28014 Madrid", "Kalverstraat 92, 1012 PH Amsterdam",
		"10 Downing Street, London SW1A 2AA", "Via del Corso 12, 00186 Roma", "24 Sussex Drive, Ottawa, ON K1M 1M4"}
	var b strings.Builder
	for b.Len() < size {
		switch r.IntN(5) {
		case 0:
			b.WriteString(hardNegatives[r.IntN(len(hardNegatives))])
		case 1:
			b.WriteString("Ship to " + addrs[r.IntN(len(addrs))])
		case 2:
			for k := r.IntN(12); k > 0; k-- {
				b.WriteString("Anna Maria Smith Jones ")
			}
		default:
			b.WriteString(recs[r.IntN(len(recs))].text)
		}
		b.WriteByte(" \n,.:-"[r.IntN(6)])
	}
	return []byte(b.String())
}

// TestScannerMatchesScanNames streams names and addresses in chunks of
// many sizes: the Scanner must report exactly what Scan reports.
func TestScannerMatchesScanNames(t *testing.T) {
	e := mustEngine(t)
	text := streamText(3, 256<<10)
	want := e.Scan(nil, text, engine.Filter{})
	n := 0
	for _, f := range want {
		if f.Type == "person" || f.Type == "street_address" {
			n++
		}
	}
	if n < 500 {
		t.Fatalf("only %d person and address findings in the test text", n)
	}
	r := rand.New(rand.NewPCG(5, 6))
	chunkings := [][]int{{1}, {3}, {64}, {4093}, {1 << 16}}
	for i := 0; i < 4; i++ {
		sizes := make([]int, 40)
		for k := range sizes {
			sizes[k] = 1 + r.IntN(1<<uint(r.IntN(14)))
		}
		chunkings = append(chunkings, sizes)
	}
	for _, sizes := range chunkings {
		sc := e.NewScanner(engine.Filter{})
		var got []engine.Finding
		emit := func(f engine.Finding) { got = append(got, f) }
		for i, k := 0, 0; i < len(text); k++ {
			m := min(sizes[k%len(sizes)], len(text)-i)
			sc.Write(text[i:i+m], emit)
			i += m
		}
		sc.Close(emit)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("chunks %v: %d findings, want %d", sizes[:min(3, len(sizes))], len(got), len(want))
		}
	}
}
