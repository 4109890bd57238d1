package engine

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"math"
	"sort"
	"strings"

	"github.com/datafog/datafog-api/engine/automaton"
)

// Compiled form (all integers unsigned varints unless noted):
//
//	magic   "DFENG\x00\x02\x00" (format version 2)
//	detectors: count, then per entry: type (len+bytes), disabled (1 byte),
//	           min confidence (8 bytes, IEEE 754 little endian)
//	dictionaries: count, then per entry: type, flags (1 byte: bit 0 case-
//	           insensitive, bit 1 whole-word), confidence (8 bytes), terms
//	rules:   custom rules (custom.go, appendRules)
//	groups:  count, then per group: options (1 byte), automaton (len+bytes),
//	           pattern count P, P+1 owner offsets, owner count, owners
//	crc32    Castagnoli over everything before it (4 bytes, little endian)
//
// The built-in automata (context and key words) are rebuilt on Load.
// Version 2 added the custom rules; a version 1 blob is refused (compile
// the policy again).

const engineMagic = "DFENG\x00\x02\x00"

var crcTable = crc32.MakeTable(crc32.Castagnoli)

// MarshalBinary returns the engine's compiled form, dictionary automata
// included, for Load.
func (e *Engine) MarshalBinary() ([]byte, error) {
	b := []byte(engineMagic)
	names := make([]string, 0, len(e.detectors))
	for t := range e.detectors {
		names = append(names, string(t))
	}
	sort.Strings(names)
	b = appendCount(b, len(names))
	for _, n := range names {
		dc := e.detectors[EntityType(n)]
		b = appendString(b, n)
		b = append(b, boolByte(dc.Disabled))
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(dc.MinConfidence))
	}
	b = appendCount(b, len(e.dicts))
	for _, d := range e.dicts {
		b = appendString(b, string(d.typ))
		b = append(b, boolByte(d.ci)|boolByte(d.ww)<<1)
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(d.conf))
		b = appendCount(b, d.terms)
	}
	b = appendRules(b, e.rules)
	b = appendCount(b, len(e.dictGroups))
	for _, g := range e.dictGroups {
		ab, err := g.aut.MarshalBinary()
		if err != nil {
			return nil, fmt.Errorf("engine: marshal: %w", err)
		}
		b = append(b, g.opts)
		b = appendCount(b, len(ab))
		b = append(b, ab...)
		b = appendCount(b, len(g.patStart)-1)
		for _, v := range g.patStart {
			b = appendCount(b, int(v))
		}
		b = appendCount(b, len(g.pats))
		for _, v := range g.pats {
			b = appendCount(b, int(v))
		}
	}
	return binary.LittleEndian.AppendUint32(b, crc32.Checksum(b, crcTable)), nil
}

func boolByte(v bool) byte {
	if v {
		return 1
	}
	return 0
}

func appendString(b []byte, s string) []byte {
	b = appendCount(b, len(s))
	return append(b, s...)
}

// appendCount appends n, a length, count or offset, as a uvarint. The
// engine's counts and offsets are never negative; a negative n is a bug in
// the engine, and appendCount panics rather than write a wrong file.
func appendCount(b []byte, n int) []byte {
	if n < 0 {
		panic("engine: marshal: negative count")
	}
	return binary.AppendUvarint(b, uint64(n))
}

// decoder reads the compiled form and remembers the first error with its
// offset.
type decoder struct {
	b   []byte
	off int
	err error
}

func (d *decoder) fail(what string) {
	if d.err == nil {
		d.err = fmt.Errorf("engine: load: bad %s at offset %d", what, d.off)
	}
}

func (d *decoder) uvarint(what string, max uint64) uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b[d.off:])
	if n <= 0 || v > max {
		d.fail(what)
		return 0
	}
	d.off += n
	return v
}

// count reads a uvarint of at most max (which fits in an int32) as an int.
func (d *decoder) count(what string, max uint32) int {
	v := d.uvarint(what, uint64(max))
	if v > math.MaxInt32 {
		d.fail(what)
		return 0
	}
	return int(v)
}

// count32 is count for values stored as int32.
func (d *decoder) count32(what string, max uint32) int32 {
	v := d.uvarint(what, uint64(max))
	if v > math.MaxInt32 {
		d.fail(what)
		return 0
	}
	return int32(v)
}

func (d *decoder) bytes(what string, n int) []byte {
	if d.err != nil {
		return nil
	}
	if n < 0 || len(d.b)-d.off < n {
		d.fail(what)
		return nil
	}
	v := d.b[d.off : d.off+n]
	d.off += n
	return v
}

func (d *decoder) float(what string) float64 {
	v := d.bytes(what, 8)
	if v == nil {
		return 0
	}
	f := math.Float64frombits(binary.LittleEndian.Uint64(v))
	if !(f >= 0 && f <= 1) {
		d.fail(what)
		return 0
	}
	return f
}

// Load rebuilds an engine from MarshalBinary output. Corrupt or truncated
// data returns an error naming the offset; it never panics.
func Load(data []byte) (*Engine, error) {
	if len(data) < len(engineMagic)+4 || string(data[:len(engineMagic)]) != engineMagic {
		return nil, errors.New("engine: load: not a compiled engine (bad magic or version)")
	}
	body := data[:len(data)-4]
	if crc32.Checksum(body, crcTable) != binary.LittleEndian.Uint32(data[len(data)-4:]) {
		return nil, fmt.Errorf("engine: load: checksum mismatch at offset %d", len(body))
	}
	d := &decoder{b: body, off: len(engineMagic)}
	nd := d.uvarint("detector count", uint64(len(BuiltinTypes)))
	detectors := make(map[EntityType]DetectorConfig, nd)
	for i := uint64(0); i < nd && d.err == nil; i++ {
		name := string(d.bytes("detector name", d.count("detector name length", 64)))
		if d.err == nil && builtinRank(EntityType(name)) < 0 {
			d.fail("detector name")
		}
		flag := d.bytes("detector flags", 1)
		conf := d.float("detector confidence")
		if flag != nil {
			detectors[EntityType(name)] = DetectorConfig{Disabled: flag[0] != 0, MinConfidence: conf}
		}
	}
	nm := d.uvarint("dictionary count", maxDicts)
	metas := make([]dictMeta, 0, min(nm, 1024))
	for i := uint64(0); i < nm && d.err == nil; i++ {
		name := string(d.bytes("dictionary type", d.count("dictionary type length", 64)))
		if d.err == nil && !validTypeName(name) {
			d.fail("dictionary type")
		}
		flags := d.bytes("dictionary flags", 1)
		conf := d.float("dictionary confidence")
		terms := d.count("dictionary term count", MaxTerms)
		if flags != nil {
			metas = append(metas, dictMeta{typ: EntityType(name), ci: flags[0]&1 != 0, ww: flags[0]&2 != 0, conf: conf, terms: terms})
		}
	}
	rules := d.rules()
	ng := d.uvarint("group count", 4)
	var groups []dictGroup
	for i := uint64(0); i < ng && d.err == nil; i++ {
		opts := d.bytes("group options", 1)
		raw := d.bytes("group automaton", d.count("group automaton length", math.MaxInt32))
		if d.err != nil {
			break
		}
		aut, err := automaton.Load(raw)
		if err != nil {
			return nil, fmt.Errorf("engine: load: group %d at offset %d: %w", i, d.off, err)
		}
		np := d.count("group pattern count", MaxTerms)
		if d.err == nil && np != aut.PatternCount() {
			d.fail("group pattern count")
		}
		g := dictGroup{opts: opts[0], aut: aut}
		// Every varint takes at least one byte, so the remaining length
		// bounds the counts and the preallocation (corrupt counts cannot
		// make Load allocate more than the input's size).
		g.patStart = make([]int32, 0, min(np+1, len(body)-d.off))
		for k := 0; k <= np && d.err == nil; k++ {
			g.patStart = append(g.patStart, d.count32("group owner offset", MaxTerms*maxKinds))
		}
		no := d.count("group owner count", MaxTerms*maxKinds)
		if d.err == nil {
			g.pats = make([]int32, 0, min(no, len(body)-d.off))
		}
		for k := 0; k < no && d.err == nil; k++ {
			v := d.count32("group owner", maxDicts)
			if d.err == nil && int(v) >= len(metas) {
				d.fail("group owner")
			}
			g.pats = append(g.pats, v)
		}
		if d.err == nil {
			for k := 0; k+1 < len(g.patStart); k++ {
				if g.patStart[k] > g.patStart[k+1] {
					d.fail("group owner offsets")
				}
			}
			if len(g.patStart) > 0 && (g.patStart[0] != 0 || int(g.patStart[len(g.patStart)-1]) != len(g.pats)) {
				d.fail("group owner offsets")
			}
		}
		groups = append(groups, g)
	}
	if d.err == nil && d.off != len(body) {
		d.fail("trailing data")
	}
	if d.err != nil {
		return nil, d.err
	}
	if d.err == nil {
		if problems := checkRules(rules, nil); len(problems) > 0 {
			return nil, fmt.Errorf("engine: load: %s", strings.Join(problems, "; "))
		}
	}
	e := &Engine{}
	if err := e.setup(detectors, metas, rules); err != nil {
		return nil, fmt.Errorf("engine: load: %w", err)
	}
	e.dictGroups = groups
	return e, nil
}
