package automaton

import (
	"encoding/binary"
	"fmt"
	"hash/crc32"
)

// Serialized form (all integers little-endian):
//
//	magic      [4]byte "DFAC"
//	version    uint32  (formatVersion)
//	flags      uint32  bit 0 case-insensitive, bit 1 whole-word, bit 2 dense DFA
//	kind       uint32
//	n          uint32  number of states
//	rootIdx    uint32
//	matchStart uint32
//	maxLen     uint32
//	nclass     uint32  (DFA) number of byte classes, the row stride
//	prefilter  kind uint32, maxOff uint32, set [256]byte (0 or 1)
//	arrays     each as count uint32 then elements:
//	           patLen, depth, outOff, out, dict (int32/uint32),
//	           DFA: classes [256]byte, trans
//	           NFA: classes [256]byte, rowOf, rows, fail, edgeOff, edgeByte (bytes), edgeNext
//	crc        uint32  CRC-32C (Castagnoli) of every preceding byte
//
// Everything derived (llPat, fold tables, the prefilter byte list) is
// recomputed by Load, and every index is validated before use.

const formatVersion = 1

var (
	magic    = [4]byte{'D', 'F', 'A', 'C'}
	crcTable = crc32.MakeTable(crc32.Castagnoli)
)

const (
	flagFold  = 1 << 0
	flagWord  = 1 << 1
	flagDense = 1 << 2
)

// MarshalBinary returns the serialized automaton, which Load restores.
func (a *Automaton) MarshalBinary() ([]byte, error) {
	size := 128 + 256 + 4*(len(a.patLen)+len(a.depth)+len(a.outOff)+len(a.out)+len(a.dict)+
		len(a.trans)+256+len(a.fail)+len(a.edgeOff)+len(a.edgeNext)) + len(a.edgeByte) + 64
	w := make([]byte, 0, size)
	w = append(w, magic[:]...)
	flags := uint32(0)
	if a.fold {
		flags |= flagFold
	}
	if a.wholeWord {
		flags |= flagWord
	}
	if a.dense {
		flags |= flagDense
	}
	for _, v := range []uint32{formatVersion, flags, uint32(a.kind), uint32(a.n), uint32(a.rootIdx),
		uint32(a.matchStart), uint32(a.maxLen), uint32(a.nclass), uint32(a.pre.kind), uint32(a.pre.maxOff)} {
		w = binary.LittleEndian.AppendUint32(w, v)
	}
	for _, in := range a.pre.set {
		w = append(w, b2u(in))
	}
	w = appendI32s(w, a.patLen)
	w = appendI32s(w, a.depth)
	w = appendU32s(w, a.outOff)
	w = appendI32s(w, a.out)
	w = appendI32s(w, a.dict)
	if a.dense {
		w = append(w, a.classes[:]...)
		w = appendI32s(w, a.trans)
	} else {
		w = append(w, a.classes[:]...)
		w = appendI32s(w, a.rowOf)
		w = appendI32s(w, a.rows)
		w = appendI32s(w, a.fail)
		w = appendU32s(w, a.edgeOff)
		w = binary.LittleEndian.AppendUint32(w, uint32(len(a.edgeByte)))
		w = append(w, a.edgeByte...)
		w = appendI32s(w, a.edgeNext)
	}
	return binary.LittleEndian.AppendUint32(w, crc32.Checksum(w, crcTable)), nil
}

func b2u(b bool) byte {
	if b {
		return 1
	}
	return 0
}

func appendI32s(w []byte, s []int32) []byte {
	w = binary.LittleEndian.AppendUint32(w, uint32(len(s)))
	for _, v := range s {
		w = binary.LittleEndian.AppendUint32(w, uint32(v))
	}
	return w
}

func appendU32s(w []byte, s []uint32) []byte {
	w = binary.LittleEndian.AppendUint32(w, uint32(len(s)))
	for _, v := range s {
		w = binary.LittleEndian.AppendUint32(w, v)
	}
	return w
}

// reader decodes the serialized form, remembering the first error.
type reader struct {
	data []byte
	off  int
	err  error
}

func (r *reader) fail(format string, args ...any) {
	if r.err == nil {
		r.err = fmt.Errorf("automaton: load: "+format+" at offset %d", append(args, r.off)...)
	}
}

func (r *reader) u32() uint32 {
	if r.err != nil {
		return 0
	}
	if len(r.data)-r.off < 4 {
		r.fail("truncated")
		return 0
	}
	v := binary.LittleEndian.Uint32(r.data[r.off:])
	r.off += 4
	return v
}

func (r *reader) bytes(n int) []byte {
	if r.err != nil {
		return nil
	}
	if n < 0 || len(r.data)-r.off < n {
		r.fail("truncated")
		return nil
	}
	b := r.data[r.off : r.off+n]
	r.off += n
	return b
}

// i32s reads a counted int32 array and checks its count is want.
func (r *reader) i32s(name string, want int) []int32 {
	n := r.u32()
	if r.err != nil {
		return nil
	}
	if int64(n) != int64(want) {
		r.fail("%s has %d entries, want %d", name, n, want)
		return nil
	}
	raw := r.bytes(4 * want)
	if r.err != nil {
		return nil
	}
	s := make([]int32, want)
	for i := range s {
		s[i] = int32(binary.LittleEndian.Uint32(raw[4*i:]))
	}
	return s
}

func (r *reader) u32s(name string, want int) []uint32 {
	n := r.u32()
	if r.err != nil {
		return nil
	}
	if int64(n) != int64(want) {
		r.fail("%s has %d entries, want %d", name, n, want)
		return nil
	}
	raw := r.bytes(4 * want)
	if r.err != nil {
		return nil
	}
	s := make([]uint32, want)
	for i := range s {
		s[i] = binary.LittleEndian.Uint32(raw[4*i:])
	}
	return s
}

// maxLoadStates bounds the state count Load accepts (and with it the
// allocation a blob can request before its arrays are checked).
const maxLoadStates = 1 << 28

// Load restores an automaton serialized by MarshalBinary. It rejects, with an
// error naming the problem and its offset, any blob that is truncated, has a
// wrong magic, version or checksum, or whose tables are inconsistent; it
// never panics.
func Load(data []byte) (*Automaton, error) {
	if len(data) < 8 {
		return nil, fmt.Errorf("automaton: load: %d bytes is too short", len(data))
	}
	body := data[:len(data)-4]
	if got, want := crc32.Checksum(body, crcTable), binary.LittleEndian.Uint32(data[len(data)-4:]); got != want {
		return nil, fmt.Errorf("automaton: load: bad checksum at offset %d", len(body))
	}
	r := &reader{data: body}
	if m := r.bytes(4); string(m) != string(magic[:]) {
		return nil, fmt.Errorf("automaton: load: bad magic at offset 0")
	}
	if v := r.u32(); v != formatVersion {
		return nil, fmt.Errorf("automaton: load: unsupported version %d at offset 4", v)
	}
	a := &Automaton{}
	flags := r.u32()
	kind := r.u32()
	n := r.u32()
	rootIdx, matchStart, maxLen := r.u32(), r.u32(), r.u32()
	nclass := r.u32()
	preKind, preOff := r.u32(), r.u32()
	switch {
	case r.err != nil:
	case flags&^(flagFold|flagWord|flagDense) != 0:
		r.fail("unknown flags %#x", flags)
	case kind > uint32(LeftmostLongest):
		r.fail("unknown match kind %d", kind)
	case n == 0 || n > maxLoadStates:
		r.fail("state count %d out of range", n)
	case matchStart == 0 || matchStart > n || rootIdx != matchStart-1:
		r.fail("root %d / first match state %d inconsistent with %d states", rootIdx, matchStart, n)
	case maxLen > 1<<30:
		r.fail("max pattern length %d out of range", maxLen)
	case nclass == 0 || nclass > 256:
		r.fail("bad class count %d", nclass)
	case preKind > preTable || preOff >= maxPrefilterOffset:
		r.fail("bad prefilter (kind %d, offset %d)", preKind, preOff)
	}
	a.fold, a.wholeWord, a.dense = flags&flagFold != 0, flags&flagWord != 0, flags&flagDense != 0
	a.kind = MatchKind(kind)
	a.n, a.rootIdx, a.matchStart, a.maxLen = int32(n), int32(rootIdx), int32(matchStart), int32(maxLen)
	a.nclass = int32(nclass)
	if nclass >= 1 && nclass <= 256 {
		a.idxMagic = divMagic(a.nclass)
	}
	a.pre.kind, a.pre.maxOff = uint8(preKind), int32(preOff)
	if set := r.bytes(256); set != nil {
		for b, v := range set {
			if v > 1 {
				r.fail("bad prefilter set entry")
			}
			a.pre.set[b] = v == 1
		}
	}
	if r.err != nil {
		return nil, r.err
	}
	npat := r.u32()
	r.off -= 4
	if r.err == nil && int64(npat)*4 > int64(len(body)) {
		r.fail("pattern count %d exceeds the blob", npat)
	}
	a.patLen = r.i32s("pattern lengths", int(npat))
	a.depth = r.i32s("depths", int(n))
	a.outOff = r.u32s("output offsets", int(n)+1)
	nout := r.u32()
	r.off -= 4
	if r.err == nil && int64(nout)*4 > int64(len(body)) {
		r.fail("output count %d exceeds the blob", nout)
	}
	a.out = r.i32s("outputs", int(nout))
	a.dict = r.i32s("dictionary links", int(n))
	if a.dense {
		if r.err == nil && int64(n)*int64(nclass) > maxLoadStates {
			r.fail("%d classes for %d states is too large", nclass, n)
		}
		if c := r.bytes(256); c != nil {
			copy(a.classes[:], c)
		}
		if r.err == nil {
			a.trans = r.i32s("transitions", int(n)*int(nclass))
		}
	} else {
		if c := r.bytes(256); c != nil {
			copy(a.classes[:], c)
		}
		a.rowOf = r.i32s("row offsets", int(n))
		nrows := r.u32()
		r.off -= 4
		if r.err == nil && int64(nrows)*4 > int64(len(body)) {
			r.fail("row table size %d exceeds the blob", nrows)
		}
		a.rows = r.i32s("rows", int(nrows))
		a.fail = r.i32s("failure links", int(n))
		a.edgeOff = r.u32s("edge offsets", int(n)+1)
		ne := r.u32()
		if r.err == nil && int64(ne) > int64(len(body)) {
			r.fail("edge count %d exceeds the blob", ne)
		}
		a.edgeByte = r.bytes(int(ne))
		if a.edgeByte != nil {
			a.edgeByte = append([]byte(nil), a.edgeByte...)
		}
		a.edgeNext = r.i32s("edge targets", int(ne))
	}
	if r.err == nil && r.off != len(body) {
		r.fail("%d trailing bytes", len(body)-r.off)
	}
	if r.err != nil {
		return nil, r.err
	}
	if err := a.validate(); err != nil {
		return nil, err
	}
	a.deriveLL()
	for b := 0; b < 256; b++ {
		a.foldTab[b] = byte(b)
		if a.fold {
			a.foldTab[b] = lower(byte(b))
		}
	}
	if a.pre.kind == preBytes {
		for b := 0; b < 256; b++ {
			if a.pre.set[b] {
				if a.pre.nbytes == maxLanes {
					return nil, fmt.Errorf("automaton: load: prefilter has more than %d bytes", maxLanes)
				}
				a.pre.bytes[a.pre.nbytes] = byte(b)
				a.pre.nbytes++
			}
		}
	}
	return a, nil
}

// validate checks every index and the invariants the search relies on:
// depth 0 only at the root, transitions deepen by at most one, failure and
// dictionary links strictly shorten, each state's own patterns have its
// depth, and states are grouped as non-match, root, match.
func (a *Automaton) validate() error {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("automaton: load: "+format, args...)
	}
	n := a.n
	for p, l := range a.patLen {
		if l <= 0 || l > a.maxLen {
			return bad("pattern %d has length %d (max %d)", p, l, a.maxLen)
		}
	}
	if a.depth[a.rootIdx] != 0 {
		return bad("root depth %d", a.depth[a.rootIdx])
	}
	if a.outOff[0] != 0 || a.outOff[n] != uint32(len(a.out)) {
		return bad("output offsets do not span the outputs")
	}
	for s := int32(0); s < n; s++ {
		d := a.depth[s]
		if (d <= 0 && s != a.rootIdx) || d > a.maxLen {
			return bad("state %d has depth %d", s, d)
		}
		lo, hi := a.outOff[s], a.outOff[s+1]
		if lo > hi || hi > uint32(len(a.out)) {
			return bad("state %d has output range %d..%d", s, lo, hi)
		}
		for k := lo; k < hi; k++ {
			p := a.out[k]
			if p < 0 || int(p) >= len(a.patLen) || a.patLen[p] != d || (k > lo && a.out[k-1] >= p) {
				return bad("state %d output %d is invalid", s, k-lo)
			}
		}
		if dl := a.dict[s]; dl != -1 && (dl < 0 || dl >= n || a.depth[dl] >= d || a.outOff[dl] == a.outOff[dl+1]) {
			return bad("state %d has dictionary link %d", s, dl)
		}
		match := hi > lo || a.dict[s] >= 0
		if match != (s >= a.matchStart) {
			return bad("state %d is out of order", s)
		}
	}
	if a.dense {
		for b, c := range a.classes {
			if int32(c) >= a.nclass {
				return bad("byte %d has class %d of %d", b, c, a.nclass)
			}
		}
		stride := a.nclass
		magic := divMagic(stride) // t/stride without a divide
		limit := uint32(n * stride)
		for s := int32(0); s < n; s++ {
			dmax := a.depth[s] + 1
			for i, t := range a.trans[s*stride : (s+1)*stride] {
				q := uint32(uint64(uint32(t)) * magic >> 40)
				if uint32(t) >= limit || q*uint32(stride) != uint32(t) || a.depth[q] > dmax {
					return bad("state %d transition %d has target %d", s, i, t)
				}
			}
		}
		return nil
	}
	for b, c := range a.classes {
		if int32(c) >= a.nclass {
			return bad("byte %d has class %d of %d", b, c, a.nclass)
		}
	}
	if a.rowOf[a.rootIdx] < 0 {
		return bad("the root has no dense row")
	}
	for s, r := range a.rowOf {
		if r == -1 {
			continue
		}
		if r < 0 || int64(r)+int64(a.nclass) > int64(len(a.rows)) {
			return bad("state %d has row offset %d", s, r)
		}
		for _, t := range a.rows[r : r+a.nclass] {
			if t < 0 || t >= n || a.depth[t] > a.depth[s]+1 {
				return bad("state %d row has target %d", s, t)
			}
		}
	}
	if a.edgeOff[0] != 0 || a.edgeOff[n] != uint32(len(a.edgeByte)) {
		return bad("edge offsets do not span the edges")
	}
	for s := int32(0); s < n; s++ {
		if f := a.fail[s]; f < 0 || f >= n || (s != a.rootIdx && a.depth[f] >= a.depth[s]) {
			return bad("state %d has failure link %d", s, f)
		}
		lo, hi := a.edgeOff[s], a.edgeOff[s+1]
		if lo > hi || hi > uint32(len(a.edgeByte)) || (s == a.rootIdx && lo != hi) {
			return bad("state %d has edge range %d..%d", s, lo, hi)
		}
		for k := lo; k < hi; k++ {
			if t := a.edgeNext[k]; t < 0 || t >= n || a.depth[t] > a.depth[s]+1 {
				return bad("state %d edge %d has target %d", s, k-lo, t)
			}
		}
	}
	return nil
}
