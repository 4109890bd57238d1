package engine

import (
	"math/rand/v2"
	"testing"
)

// TestTriggerMaskKernel compares the trigger mask of the build's kernel
// (AVX2 on amd64 where the CPU has it) with the table lookup, on the
// default engine's trigger set (whose merged buckets may only add
// non-ASCII bytes) and on random sets that need more than eight nibble
// buckets: the kernel's mask holds every trigger bit, and exactly those
// when the tables are exact.
// brokenLeads is the reference for the kernel's second result: a bit for
// each byte of w[:63] with its top bit set that is no continuation byte,
// and that no continuation byte follows.
func brokenLeads(w []byte) uint64 {
	var m uint64
	for k := 0; k < 63; k++ {
		if w[k] >= 0x80 && w[k]&0xc0 != 0x80 && w[k+1]&0xc0 != 0x80 {
			m |= 1 << k
		}
	}
	return m
}

func TestTriggerMaskKernel(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8)) // #nosec G404 -- test data
	e := mustEngine(t, Config{})
	check := func(d *dispatch, name string) {
		t.Helper()
		var w [64]byte
		for round := 0; round < 2000; round++ {
			for k := range w {
				w[k] = byte(r.Uint32())
			}
			if round < 4 { // every byte value once
				for k := range w {
					w[k] = byte(round*64 + k)
				}
			}
			got, _ := d.triggerMask(w[:])
			want := d.triggerMaskTable(w[:])
			if useVector {
				want &^= brokenLeads(w[:]) & d.leadsOnly
			}
			if got&want != want || d.nibExact && got != want {
				t.Fatalf("%s (exact %v): block %x: kernel %064b, table %064b", name, d.nibExact, w, got, want)
			}
			for k := range w {
				if got>>k&1 != 0 && want>>k&1 == 0 && d.class[w[k]] != clsNone {
					t.Fatalf("%s: byte %#x", name, w[k])
				}
			}
		}
	}
	for b := range 256 {
		d := e.dispatch
		if d.class[b] == clsNone && d.nib[b&15]&d.nib[32+b>>4] != 0 && b < 0x80 {
			t.Errorf("the default nibble tables make the ASCII byte %q a stop", rune(b))
		}
	}
	check(e.dispatch, "default")
	for n := 0; n < 50; n++ {
		d := &dispatch{}
		for b := range 256 {
			if r.IntN(5) == 0 {
				d.class[b] = 4
			}
		}
		d.nib, d.nibExact = buildNibbleTables(&d.class)
		for k := range d.trigAt {
			for c := range d.trigAt[k] {
				if d.class[c] != clsNone {
					d.trigAt[k][c] = 1 << k
				}
			}
		}
		check(d, "random")
	}
	t.Logf("vector kernel in use: %v", useVector)
}

// TestNibbleTablesExact: a trigger set whose high nibbles fall into at
// most eight distinct low-nibble sets is classified exactly; one with
// sixteen distinct sets is not, and is over-approximated.
func TestNibbleTablesExact(t *testing.T) {
	var class [256]uint8
	for _, b := range []byte("0123456789@:_-ABCZ") {
		class[b] = 4
	}
	if _, exact := buildNibbleTables(&class); !exact {
		t.Errorf("a small set is not exact")
	}
	class = [256]uint8{}
	for h := range 16 {
		class[h<<4|h] = 4 // sixteen distinct one-nibble sets
	}
	tabs, exact := buildNibbleTables(&class)
	if exact {
		t.Errorf("sixteen distinct sets classified exactly")
	}
	for b := range 256 {
		if class[b] != clsNone && tabs[b&15]&tabs[32+b>>4] == 0 {
			t.Errorf("trigger byte %#x missed", b)
		}
	}
}

// BenchmarkTriggerMask measures the mask of one 64-byte block, kernel and
// table.
func BenchmarkTriggerMask(b *testing.B) {
	e := mustEngine(b, Config{})
	w := make([]byte, 64)
	for k := range w {
		w[k] = "the quick brown fox, 42 jumps over the lazy dog's @home\n"[k%56]
	}
	var sink uint64
	b.Run("kernel", func(b *testing.B) {
		for range b.N {
			m, _ := e.dispatch.triggerMask(w)
			sink += m
		}
	})
	b.Run("table", func(b *testing.B) {
		for range b.N {
			sink += e.dispatch.triggerMaskTable(w)
		}
	})
	_ = sink
}
