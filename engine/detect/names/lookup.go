package names

import (
	"encoding/binary"
	"math/bits"
)

// Word lookup in the table (layout in table.go). A word is read eight
// bytes at a time: words of up to 16 bytes, the most, take two loads
// (overlapping when shorter), and a word of up to 7 bytes one or two
// 4-byte loads. Hashing folds ASCII case by setting bit 5 of every byte
// (so "MARIA", "Maria" and "maria" hash alike, and other bytes fold to
// something, only the hash sees it); comparing lower-cases the ASCII
// capitals exactly.

// Slot fields: info bits (24), word length (8), pool offset (22), tag
// (10).
const (
	infoBits   = 24
	lenShift   = 24
	offShift   = 32
	tagShift   = 54
	maxPool    = 1 << (tagShift - offShift)
	infoMask   = 1<<infoBits - 1
	tagLenMask = (1<<(64-tagShift)-1)<<tagShift | 0xff<<lenShift
)

// slot returns slot i of the table.
func (t *Table) slot(i int) uint64 { return binary.LittleEndian.Uint64(t.slots[8*i:]) }

// slotLen returns the length of the word in slot v.
func slotLen(v uint64) int { return int(v >> lenShift & 0xff) }

// slotOffset returns the pool offset of the word in slot v.
func slotOffset(v uint64) int { return int(v >> offShift & (maxPool - 1)) }

// makeSlot packs a slot (the builder's side of slot, slotLen,
// slotOffset).
func makeSlot(h uint64, off, n int, info uint32) uint64 {
	return h<<tagShift | uint64(off)<<offShift | uint64(n)<<lenShift | uint64(info) // #nosec G115 -- off < maxPool and 0 < n < 256, checked by the builder
}

// home returns the home slot of hash h among nhome.
func home(h, nhome uint64) int {
	return int(h >> 32 * nhome >> 32) // #nosec G115 -- below nhome < 2^24
}

// Hash constants (the 64-bit golden ratio and two odd constants of the
// wyhash family).
const (
	hashK0 = 0x9e3779b97f4a7c15
	hashK1 = 0xa0761d6478bd642f
	hashK2 = 0xe7037ed1a0b428db
	fold8  = 0x2020202020202020
)

// mum is the folded 128-bit product of a and b.
func mum(a, b uint64) uint64 {
	hi, lo := bits.Mul64(a, b)
	return hi ^ lo
}

func le64(b []byte) uint64 { return binary.LittleEndian.Uint64(b) }
func le32(b []byte) uint64 { return uint64(binary.LittleEndian.Uint32(b)) }

// wordHash hashes w, folding ASCII case (see above). The builder places
// each word with it; the tag is its low bits. A word of up to 16 bytes
// is hashed as two words of its bytes, zero-padded (asciiWord computes
// the same from its loads); a longer one 16 bytes at a time and then its
// last 16.
func wordHash(w []byte) uint64 {
	n := len(w)
	h := uint64(n) * hashK0 // #nosec G115 -- a length
	var a, b uint64
	switch {
	case n > 16:
		for p := w; len(p) > 16; p = p[16:] {
			h = mum(le64(p)|fold8^h, le64(p[8:])|fold8^hashK1)
		}
		a, b = le64(w[n-16:]), le64(w[n-8:])
	case n > 8:
		a, b = le64(w), le64(w[n-8:])>>(8*(16-n)&63)
	case n == 8:
		a = le64(w)
	case n >= 4:
		a = le32(w) | le32(w[n-4:])<<(8*(n-4)&63)
	default:
		for k, c := range w {
			a |= uint64(c) << (8 * k & 63)
		}
	}
	return finishHash(a, b, h)
}

// finishHash ends wordHash: a and b are the word's bytes as wordHash
// loads them, h the length term (or the long word's state).
func finishHash(a, b, h uint64) uint64 { return mum(a|fold8^hashK2, b|fold8^h) }

// lower8 lower-cases the ASCII capitals among the eight bytes of x.
func lower8(x uint64) uint64 {
	const hi = 0x8080808080808080
	low7 := x &^ hi
	atLeastA := low7 + 0x3f3f3f3f3f3f3f3f // bit 7 set from 'A' (0x41) up
	pastZ := low7 + 0x2525252525252525    // bit 7 set from '[' (0x5b) up
	return x | (atLeastA&^pastZ&^x&hi)>>2
}

// foldEqual reports whether w lower-cased in ASCII is k (as long as w).
func foldEqual(k, w []byte) bool {
	n := len(w)
	switch {
	case n >= 8:
		for i := 0; i < n-8; i += 8 {
			if lower8(le64(w[i:])) != le64(k[i:]) {
				return false
			}
		}
		return lower8(le64(w[n-8:])) == le64(k[n-8:])
	case n >= 4:
		return lower8(le32(w)|le32(w[n-4:])<<32) == le32(k)|le32(k[n-4:])<<32
	}
	for i, c := range w {
		if lowerASCII(c) != k[i] {
			return false
		}
	}
	return true
}

// lookup returns the info bits of word w (matched in any ASCII case) and
// whether the table has it.
func (t *Table) lookup(w []byte) (uint32, bool) {
	return t.find(w, false)
}

// lookupTrigger is lookup for findTerm: it reports only the words that
// findTerm acts on (triggerInfo), and skips the others without reading
// the pool.
func (t *Table) lookupTrigger(w []byte) (uint32, bool) {
	return t.find(w, true)
}

// triggerInfo reports whether findTerm acts on a word with info: a
// title or a greeting, or a name that is not only a common word and a
// surname ("During", "Garden" need another name or a title, which
// trigger the same chain themselves).
func triggerInfo(info uint32) bool {
	return info&(bitTitle|bitGreeting) != 0 || isName(info) && (info&bitCommon == 0 || given(info) != 0 || info&cueBits != 0)
}

// filterBits returns the trigger filter's word index (under mask) and
// its two bits for hash h: bits of h that neither home nor the tag use.
func filterBits(h, mask uint64) (int, uint64) {
	return int(h >> 10 & mask), 1<<(h>>40&63) | 1<<(h>>46&63) // #nosec G115 -- under mask < 2^20
}

// mayTrigger reports whether the word of hash h may be one findTerm
// acts on: false means it is not (the filter has no false negatives).
func (t *Table) mayTrigger(h uint64) bool {
	i, b := filterBits(h, t.filterMask)
	return binary.LittleEndian.Uint64(t.filter[8*i:])&b == b
}

// find probes for w; with trigger, it passes over the slots whose info
// fails triggerInfo.
func (t *Table) find(w []byte, trigger bool) (uint32, bool) {
	if n := len(w); n == 0 || n > 255 {
		return 0, false
	}
	return t.findHashed(w, wordHash(w), trigger)
}

// findHashed is find for a word of 1 to 255 bytes whose wordHash is h.
func (t *Table) findHashed(w []byte, h uint64, trigger bool) (uint32, bool) {
	if trigger && !t.mayTrigger(h) {
		return 0, false
	}
	n := len(w)
	want := h<<tagShift | uint64(n)<<lenShift // #nosec G115 -- a length
	for i := home(h, t.nhome); ; i++ {
		v := t.slot(i)
		if v == 0 {
			return 0, false
		}
		if v&tagLenMask != want || trigger && !triggerInfo(uint32(v&infoMask)) {
			continue
		}
		if off := slotOffset(v); foldEqual(t.pool[off:off+n], w) {
			return uint32(v & infoMask), true
		}
	}
}

// lookupJoin looks up the key a+sep+b: a two-word key "a b" (sep ' '),
// or a and b run together (sep 0).
func (t *Table) lookupJoin(a []byte, sep byte, b []byte) (uint32, bool) {
	var buf [256]byte
	n := copy(buf[:], a)
	if sep != 0 && n < len(buf) {
		buf[n] = sep
		n++
	}
	if n+len(b) > 255 {
		return 0, false
	}
	n += copy(buf[n:], b)
	return t.lookup(buf[:n])
}
