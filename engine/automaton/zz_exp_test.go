package automaton

import (
	"fmt"
	"sort"
	"testing"
	"unsafe"
)

func TestZZVisitDist(t *testing.T) {
	text := genText(4<<20, 1)
	a, _ := Compile(genDictionary(10_000, 2), Options{})
	cnt := make([]int, a.n)
	s := a.rootID()
	rootHits := 0
	for _, b := range text {
		s = a.trans[s+int32(a.classes[b])]
		cnt[a.index(s)]++
		if s == a.rootID() {
			rootHits++
		}
	}
	nm := len(a.FindAll(nil, text))
	c := append([]int(nil), cnt...)
	sort.Sort(sort.Reverse(sort.IntSlice(c)))
	tot := 0
	for i, v := range c {
		tot += v
		if i == 0 || i == 9 || i == 99 || i == 499 || i == 999 || i == 1999 || i == 4999 || i == 9999 {
			t.Logf("top %d states: %.4f of visits", i+1, float64(tot)/float64(len(text)))
		}
	}
	nz := 0
	for _, v := range cnt {
		if v > 0 {
			nz++
		}
	}
	t.Logf("n=%d C=%d visited=%d root=%.3f matches=%d", a.n, a.nclass, nz, float64(rootHits)/float64(len(text)), nm)
}

//go:noinline
func walk2u(trans []int32, classes *[256]uint8, h0, h1 []byte, s0, s1, special uint32) (int, uint32, uint32) {
	h1 = h1[:len(h0)]
	tp := unsafe.Pointer(unsafe.SliceData(trans))
	for k := 0; k < len(h0); k++ {
		s0 = *(*uint32)(unsafe.Add(tp, uintptr(s0+uint32(classes[h0[k]]))*4))
		s1 = *(*uint32)(unsafe.Add(tp, uintptr(s1+uint32(classes[h1[k]]))*4))
		if s0 >= special || s1 >= special {
			return k, s0, s1
		}
	}
	return len(h0), s0, s1
}

//go:noinline
func walk2v(trans []int32, classes *[256]uint8, h0, h1 []byte, s0, s1, special uint32) (int, uint32, uint32) {
	h1 = h1[:len(h0)]
	for k := 0; k < len(h0); k++ {
		s0 = uint32(trans[s0+uint32(classes[h0[k]])])
		s1 = uint32(trans[s1+uint32(classes[h1[k]])])
		if s0 >= special || s1 >= special {
			return k, s0, s1
		}
	}
	return len(h0), s0, s1
}

func BenchmarkZZWalkU(b *testing.B) {
	text := genText(4<<20, 1)
	a, _ := Compile(genDictionary(10_000, 2), Options{})
	const sp = 1 << 30
	b.Run("w2u", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		for b.Loop() {
			for i := 0; i+2*laneBlock <= len(text); i += 2 * laneBlock {
				walk2u(a.trans, &a.classes, text[i:i+laneBlock], text[i+laneBlock:i+2*laneBlock], uint32(a.rootID()), uint32(a.rootID()), sp)
			}
		}
	})
	b.Run("w2v", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		for b.Loop() {
			for i := 0; i+2*laneBlock <= len(text); i += 2 * laneBlock {
				walk2v(a.trans, &a.classes, text[i:i+laneBlock], text[i+laneBlock:i+2*laneBlock], uint32(a.rootID()), uint32(a.rootID()), sp)
			}
		}
	})
}

//go:noinline
func walk4v(trans []int32, classes *[256]uint8, h []byte, n int, s0, s1, s2, s3, special uint32) (int, uint32, uint32, uint32, uint32) {
	h = h[:n+3*laneBlock]
	for k := 0; k < n; k++ {
		s0 = uint32(trans[s0+uint32(classes[h[k]])])
		s1 = uint32(trans[s1+uint32(classes[h[k+laneBlock]])])
		s2 = uint32(trans[s2+uint32(classes[h[k+2*laneBlock]])])
		s3 = uint32(trans[s3+uint32(classes[h[k+3*laneBlock]])])
		if s0 >= special || s1 >= special || s2 >= special || s3 >= special {
			return k, s0, s1, s2, s3
		}
	}
	return n, s0, s1, s2, s3
}

func BenchmarkZZWalkV(b *testing.B) {
	text := genText(4<<20, 1)
	a, _ := Compile(genDictionary(10_000, 2), Options{})
	const sp = 1 << 30
	blk := 4 * laneBlock
	r := uint32(a.rootID())
	b.Run("w4v", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		for b.Loop() {
			for i := 0; i+blk <= len(text); i += 4 * laneBlock {
				walk4v(a.trans, &a.classes, text[i:i+blk], laneBlock, r, r, r, r, sp)
			}
		}
	})
}

//go:noinline
func walk4x(trans []int32, classes *[256]uint8, h []byte, n int, s0, s1, s2, s3, special uint32) (int, uint32, uint32, uint32, uint32) {
	h = h[:n+3*laneBlock]
	cl := classes[:]
	for k := 0; k < n; k++ {
		s0 = uint32(trans[s0+uint32(cl[h[k]])])
		s1 = uint32(trans[s1+uint32(cl[h[k+laneBlock]])])
		s2 = uint32(trans[s2+uint32(cl[h[k+2*laneBlock]])])
		s3 = uint32(trans[s3+uint32(cl[h[k+3*laneBlock]])])
		if s0 >= special || s1 >= special || s2 >= special || s3 >= special {
			return k, s0, s1, s2, s3
		}
	}
	return n, s0, s1, s2, s3
}

//go:noinline
func walk2x(trans []int32, classes *[256]uint8, h0, h1 []byte, s0, s1, special uint32) (int, uint32, uint32) {
	h1 = h1[:len(h0)]
	cl := classes[:]
	for k := 0; k < len(h0); k++ {
		s0 = uint32(trans[s0+uint32(cl[h0[k]])])
		s1 = uint32(trans[s1+uint32(cl[h1[k]])])
		if s0 >= special || s1 >= special {
			return k, s0, s1
		}
	}
	return len(h0), s0, s1
}

func BenchmarkZZWalkX(b *testing.B) {
	text := genText(4<<20, 1)
	a, _ := Compile(genDictionary(10_000, 2), Options{})
	const sp = 1 << 30
	blk := 4 * laneBlock
	r := uint32(a.rootID())
	b.Run("w4x", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		for b.Loop() {
			for i := 0; i+blk <= len(text); i += 4 * laneBlock {
				walk4x(a.trans, &a.classes, text[i:i+blk], laneBlock, r, r, r, r, sp)
			}
		}
	})
	b.Run("w2x", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		for b.Loop() {
			for i := 0; i+2*laneBlock <= len(text); i += 2 * laneBlock {
				walk2x(a.trans, &a.classes, text[i:i+laneBlock], text[i+laneBlock:i+2*laneBlock], r, r, sp)
			}
		}
	})
}

func BenchmarkZZSpecial(b *testing.B) {
	text := benchText()
	a, _ := Compile(genDictionary(10_000, 2), Options{})
	blk := 4 * laneBlock
	r := uint32(a.rootID())
	for _, sp := range []uint32{1 << 30, uint32(a.specialID())} {
		b.Run(fmt.Sprint("sp=", sp), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			exits := 0
			for b.Loop() {
				exits = 0
				for i := 0; i+blk <= len(text); i += 4 * laneBlock {
					k := 0
					for k < laneBlock {
						n, _, _, _, _ := walk4(a.trans, &a.classes, text[i+k:i+blk], laneBlock-k, r, r, r, r, sp)
						k += n + 1
						exits++
					}
				}
			}
			b.ReportMetric(float64(exits), "exits")
		})
	}
	b.Run("findall", func(b *testing.B) { benchFindAll(b, a, text) })
}
