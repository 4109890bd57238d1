package engine

// The trigger mask of a 64-byte block: bit k set when byte k is a trigger
// byte (dispatch.class is not clsNone). Every scan computes one per block,
// so it is the engine's fixed cost per byte.
//
// The portable way is a table lookup per byte (trigAt, eight tables so
// that each lookup yields its bit in place). On amd64 with AVX2 the block
// is classified 32 bytes at a time by nibble lookups (VPSHUFB), the
// technique of Hyperscan's "shufti": a byte b is a trigger when
// lo[b&15] & hi[b>>4] != 0, where each of eight bits stands for a bucket
// of high nibbles whose trigger bytes have the same set of low nibbles.
// When the trigger bytes need more than eight buckets, buckets are
// merged: the mask then has false positives (never misses), which the
// main loop skips by their class.
//
// The kernel also finds the non-ASCII bytes that begin no character: a
// lead byte (or 0xc0, 0xc1, 0xf5-0xff) with no continuation byte after it.
// In random bytes, a lookalike's lead byte is followed by one in a
// quarter of cases; the other three quarters would be stops that
// lookalikeAt turns away. The main loop drops them from the mask when
// every non-ASCII trigger byte is a lead byte of the lookalike or word
// classes (dispatch.leadsOnly): those need a whole character there.

// nibbleTables is the operand of the vector kernel: the low-nibble table
// and the high-nibble table, each 16 bytes repeated for both 128-bit
// lanes, then 32 bytes each of 0x0f, 0xc0 and 0x80.
type nibbleTables [160]byte

// buildNibbleTables derives the tables from the trigger classes. exact
// reports whether the tables classify every byte as class does.
func buildNibbleTables(class *[256]uint8) (tabs nibbleTables, exact bool) {
	// lows[h] is the set of low nibbles l with h<<4|l a trigger byte.
	var lows [16]uint16
	for b := range 256 {
		if class[b] != clsNone {
			lows[b>>4] |= 1 << (b & 15)
		}
	}
	// One bucket per distinct non-empty set, merged down to eight.
	var buckets []bucket
	for h, l := range lows {
		if l == 0 {
			continue
		}
		k := 0
		for k < len(buckets) && buckets[k].lows != l {
			k++
		}
		if k == len(buckets) {
			buckets = append(buckets, bucket{lows: l})
		}
		buckets[k].his |= 1 << h
	}
	exact = true
	for len(buckets) > 8 {
		exact = false
		buckets = mergeCheapest(buckets, &lows)
	}
	for k, bk := range buckets {
		for h := range 16 {
			if bk.his>>h&1 != 0 {
				tabs[32+h] |= 1 << k
				tabs[48+h] |= 1 << k
			}
		}
		for lo := range 16 {
			if bk.lows>>lo&1 != 0 {
				tabs[lo] |= 1 << k
				tabs[16+lo] |= 1 << k
			}
		}
	}
	for k := 64; k < 96; k++ {
		tabs[k], tabs[k+32], tabs[k+64] = 0x0f, 0xc0, 0x80
	}
	return tabs, exact
}

// bucket is one bit of the nibble tables: the high nibbles his, and the
// low nibbles that make a trigger byte with any of them.
type bucket struct{ lows, his uint16 }

// mergeCheapest merges the two buckets whose union costs the least in
// false positives, weighted by how common the bytes are in text (ASCII
// text bytes 64, other ASCII 8, the rest 1: merging UTF-8 lead bytes is
// almost free, making lower-case letters stops is not), and returns the
// shorter list.
func mergeCheapest(b []bucket, lows *[16]uint16) []bucket {
	bi, bj, best := 0, 1, 1<<30
	for i := range b {
		for j := i + 1; j < len(b); j++ {
			u := bucket{lows: b[i].lows | b[j].lows, his: b[i].his | b[j].his}
			if cost := falsePositives(u, lows); cost < best {
				bi, bj, best = i, j, cost
			}
		}
	}
	b[bi] = bucket{lows: b[bi].lows | b[bj].lows, his: b[bi].his | b[bj].his}
	return append(b[:bj], b[bj+1:]...)
}

// falsePositives weighs the bytes that bucket u would classify as
// triggers though they are not.
func falsePositives(u bucket, lows *[16]uint16) int {
	cost := 0
	for h := range 16 {
		if u.his>>h&1 == 0 {
			continue
		}
		extra := u.lows &^ lows[h]
		for lo := range 16 {
			if extra>>lo&1 == 0 {
				continue
			}
			switch b := h<<4 | lo; {
			case b >= 0x20 && b < 0x7f || b == '\n' || b == '\t':
				cost += 64
			case b < 0x80:
				cost += 8
			default:
				cost++
			}
		}
	}
	return cost
}

// triggerMask returns the trigger bits of w[:64]: bit k is set when w[k] is
// a trigger byte (and, with inexact nibble tables, for a few others). The
// vector kernel also leaves out a non-ASCII trigger byte that no
// continuation byte follows when d.leadsOnly holds (see there); the
// portable one leaves it to the main loop. high has the bits of the bytes
// of w[:64] that are not ASCII, from the vector kernel only (it finds them
// anyway); the portable one returns 0, and the main loop then drops no
// dead stop (dead.go). The main loop writes the vector case out (it is
// too big to inline).
func (d *dispatch) triggerMask(w []byte) (m, high uint64) {
	if useVector {
		_ = w[63]
		m, broken, high := triggerMaskAVX2(&w[0], &d.nib)
		return m &^ (broken & d.leadsOnly), high
	}
	return d.triggerMaskTable(w), 0
}

// triggerMaskTable is the portable trigger mask of w[:64].
func (d *dispatch) triggerMaskTable(w []byte) uint64 {
	_ = w[63]
	return uint64(d.trigger8(w[0:8])) | uint64(d.trigger8(w[8:16]))<<8 |
		uint64(d.trigger8(w[16:24]))<<16 | uint64(d.trigger8(w[24:32]))<<24 |
		uint64(d.trigger8(w[32:40]))<<32 | uint64(d.trigger8(w[40:48]))<<40 |
		uint64(d.trigger8(w[48:56]))<<48 | uint64(d.trigger8(w[56:64]))<<56
}

// trigger8 returns the trigger bits of w[:8].
func (d *dispatch) trigger8(w []byte) uint8 {
	_ = w[7]
	return d.trigAt[0][w[0]] | d.trigAt[1][w[1]] | d.trigAt[2][w[2]] | d.trigAt[3][w[3]] |
		d.trigAt[4][w[4]] | d.trigAt[5][w[5]] | d.trigAt[6][w[6]] | d.trigAt[7][w[7]]
}
