package engine

import (
	"math/bits"

	"github.com/datafog/datafog-api/engine/detect"
)

// Dead stops in binary input. In random bytes (compressed or encrypted
// data, images) a trigger byte stands among bytes that are not text, and
// almost none of its stops can start anything: a colon needs a key name or
// a hex digit next to it, a capital the rest of its literal, a lone digit
// a form that takes a one-digit run. The main loop finds that out with a
// few branches per stop that no predictor can learn, since the classes of
// the stops and of their neighbours are random; random bytes hold a stop
// every eleven bytes.
//
// So in a block that holds a byte that is not ASCII (the vector kernel
// finds them for brokenLeads anyway), dropDead first works out, for every
// stop, from the stop's byte and its two neighbours alone, whether the
// main loop would call anything there, and removes the stops where it
// would not. It does so without a branch per stop, by table lookups: the
// call tables of stop, reduced per byte to one bit for the detectors
// that need either neighbour and one bit per detector that needs both
// (deadTables). ASCII text pays nothing; a block of UTF-8 text pays the
// lookups for its stops, not their branches. An engine where few stops
// in random bytes are dead (names on: a term may start at any capital)
// does not drop them at all (dispatch.dropsDead).

// deadTables say which stops call nothing, by the stop's byte and its
// neighbours. For a byte v with a before it and b after it,
//
//	live = (B|A)&1 | B&A&^1,  B = before[v<<8|a], A = after[v<<8|b]
//
// is zero exactly when the main loop calls nothing there. Bit 0 of B and
// A stands for everything that needs one neighbour (a byte detector
// without Both, a literal, an assignment, a lookalike's second byte), and
// bit 0 of every B of a byte that calls something whatever its
// neighbours; bit k+1 for the class's byte detector k when it needs both
// (Both).
//
// amidHigh is all ones when every ASCII trigger byte with a non-ASCII
// byte on each side is dead, as with every type but names (names start
// at capitals, and street addresses take one-digit house numbers): the
// main loop then drops such stops with a few mask operations, before
// dropDead looks at the rest.
type deadTables struct {
	before, after [1 << 16]uint8
	amidHigh      uint64
}

// buildDead fills d.dead from the finished tables (after num.finish).
//
// A class of byte detectors, literals and assignments takes its bits from
// the call tables (callBefore, callAfter, always, both) and assignNext,
// exactly as stop reads them. A digit is dead when the run it starts is
// one digit long and no form takes it: the byte after it continues no
// number (no digit, letter, group separator, ':', '.' or ',') and no
// Short detector takes a one-digit run followed by it, no Compact
// detector takes one-digit runs, and the byte before it is neither an
// After byte ('+', '(') nor, when a token detector may take it, a letter.
// A lookalike lead byte is dead unless the byte after it is a
// continuation byte that some lookalike has there (foldPairs: foldStop
// finds nothing otherwise), and never when a word-start term may start
// at it. Term classes are never dead: the term reaches past the
// neighbours.
func (d *dispatch) buildDead() {
	d.dead = new(deadTables)
	q := d.dead
	digitBefore, digitAfter := d.deadDigit()
	for v := range 256 {
		c := int(d.class[v])
		row := v << 8
		switch {
		case c == clsNone:
		case c == clsDigit:
			copy(q.before[row:row+256], digitBefore[:])
			copy(q.after[row:row+256], digitAfter[:])
		case c == clsFold && !d.termAt[c]:
			for b := range 256 {
				q.after[row|b] = one(b&0xc0 == 0x80 && foldPairs[v&63]>>(b&63)&1 != 0)
			}
		case c == clsFold || c == clsTerm || d.termAt[c] || d.always[c] != 0:
			for a := range 256 {
				q.before[row|a] = 1
			}
		default:
			both := d.both[c]
			for x := range 256 {
				bf, af := d.callBefore[c<<8|x], d.callAfter[c<<8|x]
				q.before[row|x] = one(bf&^both != 0) | (bf&both)<<1
				q.after[row|x] = one(af&^both != 0 || d.assign[c] && d.assignNext[c<<8|x]) | (af&both)<<1
			}
		}
	}
	d.dropsDead = q.deadShare(&d.class) >= minDeadShare
	// Some pair of non-ASCII neighbours makes an ASCII byte v live when
	// bit 0 is in one of their entries, or a Both bit in one entry on
	// each side (the two sides are independent).
	q.amidHigh = ^uint64(0)
	for v := range 128 {
		var B, A uint8
		for x := 0x80; x < 256; x++ {
			B |= q.before[v<<8|x]
			A |= q.after[v<<8|x]
		}
		if (B|A)&1|B&A&^1 != 0 {
			q.amidHigh = 0
		}
	}
}

// minDeadShare is the least share of dead stops in random bytes for
// which dropDead pays: with every type but names, 82% of the stops in
// random bytes are dead; with names (a term starts at every capital, a
// street address at a one-digit run) 11%, and dropDead would only add
// its lookups.
const minDeadShare = 0.5

// deadShare returns the share of dead stops in uniformly random bytes:
// the mean, over the trigger bytes, of the share of neighbour pairs that
// leave the byte dead. It counts pairs by their table entries, of which
// there are few distinct ones per byte.
func (q *deadTables) deadShare(class *[256]uint8) float64 {
	var sum float64
	trig := 0
	for v := range 256 {
		if class[v] == clsNone {
			continue
		}
		trig++
		var nb, na [256]int
		for x := range 256 {
			nb[q.before[v<<8|x]]++
			na[q.after[v<<8|x]]++
		}
		dead := 0
		for B, cb := range nb {
			if cb == 0 {
				continue
			}
			for A, ca := range na {
				if ca != 0 && (B|A)&1|B&A&^1 == 0 {
					dead += cb * ca
				}
			}
		}
		sum += float64(dead) / (256 * 256)
	}
	if trig == 0 {
		return 0
	}
	return sum / float64(trig)
}

// deadDigit returns the entries of every digit, by neighbour (see
// buildDead): they do not depend on the digit.
func (d *dispatch) deadDigit() (before, after [256]uint8) {
	nm, tk := &d.num, &d.tok
	if len(nm.compact[1]) > 0 {
		for a := range before {
			before[a] = 1
		}
		return before, after
	}
	tokens := tk.minLead > 0 || tk.digitFirst
	for x := range 256 {
		tokens = tokens || tk.lowerFirst[x]
	}
	for x := range 256 {
		b := byte(x)
		before[x] = one(nm.afterSet[x] || tokens && detect.IsAlpha(b))
		after[x] = one(detect.ClassOf(b)&(detect.Alnum|detect.GroupSep) != 0 || b == ':' || b == '.' || b == ',' || nm.shortNext[1][x])
	}
	return before, after
}

// one is 1 for true and 0 for false.
func one(ok bool) uint8 {
	if ok {
		return 1
	}
	return 0
}

// dropDead returns the trigger mask m of the block t[blk:blk+64] without
// the stops that call nothing (deadTables). The block must have a byte on
// either side (0 < blk, blk+64 < len(t)).
func (d *dispatch) dropDead(t []byte, blk int, m uint64) uint64 {
	q := d.dead
	w := t[blk-1 : blk+65 : blk+65] // w[k+1] is t[blk+k]
	var drop uint64
	for c := m; c != 0; c &= c - 1 {
		k := uint(bits.TrailingZeros64(c)) & 63
		v := uint16(w[k+1]) << 8
		b, a := q.before[v|uint16(w[k])], q.after[v|uint16(w[k+2])]
		live := uint64((b|a)&1 | b&a&^1)
		drop |= (live - 1) >> 63 << k
	}
	return m &^ drop
}
