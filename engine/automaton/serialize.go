package automaton

import (
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"math"
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

// MarshalBinary returns the serialized automaton, which Load restores. It
// fails only if a count or header field does not fit the format's 32 bits,
// which Compile and Load never produce.
func (a *Automaton) MarshalBinary() ([]byte, error) {
	size := 128 + 256 + 4*(len(a.patLen)+len(a.depth)+len(a.outOff)+len(a.out)+len(a.dict)+
		len(a.trans)+256+len(a.fail)+len(a.edgeOff)+len(a.edgeNext)) + len(a.edgeByte) + 64
	w := &writer{buf: make([]byte, 0, size)}
	w.buf = append(w.buf, magic[:]...)
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
	w.u32("version", formatVersion)
	w.u32("flags", int64(flags))
	w.u32("match kind", int64(a.kind))
	w.u32("state count", int64(a.n))
	w.u32("root", int64(a.rootIdx))
	w.u32("first match state", int64(a.matchStart))
	w.u32("max pattern length", int64(a.maxLen))
	w.u32("class count", int64(a.nclass))
	w.u32("prefilter kind", int64(a.pre.kind))
	w.u32("prefilter offset", int64(a.pre.maxOff))
	for _, in := range a.pre.set {
		w.buf = append(w.buf, b2u(in))
	}
	w.i32s("pattern lengths", a.patLen)
	w.i32s("depths", a.depth)
	w.u32s("output offsets", a.outOff)
	w.i32s("outputs", a.out)
	w.i32s("dictionary links", a.dict)
	w.buf = append(w.buf, a.classes[:]...)
	if a.dense {
		w.i32s("transitions", a.trans)
	} else {
		w.i32s("row offsets", a.rowOf)
		w.i32s("rows", a.rows)
		w.i32s("failure links", a.fail)
		w.u32s("edge offsets", a.edgeOff)
		w.u32("edge count", int64(len(a.edgeByte)))
		w.buf = append(w.buf, a.edgeByte...)
		w.i32s("edge targets", a.edgeNext)
	}
	if w.err != nil {
		return nil, w.err
	}
	return binary.LittleEndian.AppendUint32(w.buf, crc32.Checksum(w.buf, crcTable)), nil
}

func b2u(b bool) byte {
	if b {
		return 1
	}
	return 0
}

// writer appends the serialized form, remembering the first value that does
// not fit its field.
type writer struct {
	buf []byte
	err error
}

// u32 appends v, a count or a non-negative header field, as a uint32. A
// value outside [0, 2^32) is not written; it records an error naming the
// field and its offset instead, so it can never wrap around silently.
func (w *writer) u32(name string, v int64) {
	if v < 0 || v > math.MaxUint32 {
		if w.err == nil {
			w.err = fmt.Errorf("automaton: marshal: %s %d does not fit in 32 bits at offset %d", name, v, len(w.buf))
		}
		return
	}
	w.buf = binary.LittleEndian.AppendUint32(w.buf, uint32(v))
}

// i32s appends the count of s, then each element as its 32-bit two's
// complement pattern (negative values such as the -1 "none" links included;
// reader.i32s reverses it).
func (w *writer) i32s(name string, s []int32) {
	w.u32(name+" count", int64(len(s)))
	for _, v := range s {
		w.buf = binary.LittleEndian.AppendUint32(w.buf, uint32(v)) // #nosec G115 -- deliberate bit-pattern encoding of a signed value, not a numeric conversion; reader.i32s restores it exactly
	}
}

// u32s appends the count of s, then its elements.
func (w *writer) u32s(name string, s []uint32) {
	w.u32(name+" count", int64(len(s)))
	for _, v := range s {
		w.buf = binary.LittleEndian.AppendUint32(w.buf, v)
	}
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
		s[i] = int32(binary.LittleEndian.Uint32(raw[4*i:])) // #nosec G115 -- deliberate two's-complement decoding of writer.i32s's bit pattern, not a numeric conversion; validate range-checks every value before use
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
	flags := r.u32()
	kind := r.u32()
	n := r.u32()
	rootIdx, matchStart, maxLen := r.u32(), r.u32(), r.u32()
	nclass := r.u32()
	preKind, preOff := r.u32(), r.u32()
	// Each check returns at once, so every conversion below follows the
	// checks that bound its value.
	// Header fields are 4 bytes each from offset 8 (flags); an error names
	// the offset of the field at fault.
	hdrErr := func(off int, format string, args ...any) error {
		return fmt.Errorf("automaton: load: "+format+" at offset %d", append(args, off)...)
	}
	switch {
	case r.err != nil:
		return nil, r.err
	case flags&^(flagFold|flagWord|flagDense) != 0:
		return nil, hdrErr(8, "unknown flags %#x", flags)
	case kind > uint32(LeftmostLongest):
		return nil, hdrErr(12, "unknown match kind %d", kind)
	case n == 0 || n > maxLoadStates:
		return nil, hdrErr(16, "state count %d out of range", n)
	case matchStart == 0 || matchStart > n || rootIdx != matchStart-1:
		return nil, hdrErr(20, "root %d / first match state %d inconsistent with %d states", rootIdx, matchStart, n)
	case maxLen > 1<<30:
		return nil, hdrErr(28, "max pattern length %d out of range", maxLen)
	case nclass == 0 || nclass > 256:
		return nil, hdrErr(32, "bad class count %d", nclass)
	case flags&flagDense != 0 && uint64(n)*uint64(nclass) > maxDFAEntries:
		return nil, hdrErr(16, "%d classes for %d states is too large for a DFA", nclass, n)
	case preKind > preTable || preOff >= maxPrefilterOffset:
		return nil, hdrErr(36, "bad prefilter (kind %d, offset %d)", preKind, preOff)
	}
	a := &Automaton{}
	a.fold, a.wholeWord, a.dense = flags&flagFold != 0, flags&flagWord != 0, flags&flagDense != 0
	a.kind = MatchKind(kind)
	a.n, a.maxLen, a.nclass = int32(n), int32(maxLen), int32(nclass)
	a.matchStart = int32(matchStart) // #nosec G115 -- 1 <= matchStart <= n <= maxLoadStates (1<<28), checked above
	a.rootIdx = a.matchStart - 1     // equal to the stored root, checked above
	a.idxMagic = divMagic(a.nclass)
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
	longest := int32(0)
	for p, l := range a.patLen {
		if l <= 0 || l > a.maxLen {
			return bad("pattern %d has length %d (max %d)", p, l, a.maxLen)
		}
		longest = max(longest, l)
	}
	if longest != a.maxLen {
		return bad("max pattern length %d, but the longest pattern has %d", a.maxLen, longest)
	}
	if a.depth[a.rootIdx] != 0 {
		return bad("root depth %d", a.depth[a.rootIdx])
	}
	if a.outOff[0] != 0 || int64(a.outOff[n]) != int64(len(a.out)) {
		return bad("output offsets do not span the outputs")
	}
	for s := int32(0); s < n; s++ {
		d := a.depth[s]
		if (d <= 0 && s != a.rootIdx) || d > a.maxLen {
			return bad("state %d has depth %d", s, d)
		}
		lo, hi := a.outOff[s], a.outOff[s+1]
		if lo > hi || int64(hi) > int64(len(a.out)) {
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
		limit := n * stride // at most maxDFAEntries, checked by Load
		for s := int32(0); s < n; s++ {
			dmax := a.depth[s] + 1
			for i, t := range a.trans[s*stride : (s+1)*stride] {
				if t < 0 || t >= limit {
					return bad("state %d transition %d has target %d", s, i, t)
				}
				q := divByMagic(t, a.idxMagic) // t/stride without a divide
				if q*stride != t || a.depth[q] > dmax {
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
	if a.edgeOff[0] != 0 || int64(a.edgeOff[n]) != int64(len(a.edgeByte)) {
		return bad("edge offsets do not span the edges")
	}
	for s := int32(0); s < n; s++ {
		if f := a.fail[s]; f < 0 || f >= n || (s != a.rootIdx && a.depth[f] >= a.depth[s]) {
			return bad("state %d has failure link %d", s, f)
		}
		lo, hi := a.edgeOff[s], a.edgeOff[s+1]
		if lo > hi || int64(hi) > int64(len(a.edgeByte)) || (s == a.rootIdx && lo != hi) {
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
