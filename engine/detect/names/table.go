package names

import (
	_ "embed" // the compiled word table
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"sync"

	"github.com/datafog/datafog-api/engine/automaton"
)

// The compiled gazetteer, names.bin, is what the generator writes
// (Build; go run ./engine/detect/names/gen) and the package embeds. All
// integers are little-endian:
//
//	"DFNAMES" 0x01        magic and format version
//	u32 nslots            slots in the hash table (a power of two)
//	u32 nentries          words in the table
//	u32 poolLen           bytes of word text
//	u32 autLen            bytes of the trigger automaton
//	u32 × nslots          slot: 0 empty, else 1 + entry index
//	(u32, u32) × nentries entry: pool offset << 8 | length, info bits
//	pool                  the words, lower-cased in ASCII, concatenated
//	automaton             automaton.MarshalBinary of the trigger prefixes
//	u32                   CRC-32C of everything before it
//
// A word's slot is found by FNV-1a over its ASCII-lower-cased bytes,
// then linear probing. The table is read in place from the embedded
// bytes; only the automaton is decoded onto the heap.

//go:embed names.bin
var blob []byte

const magic = "DFNAMES\x01"

// Info bits of a word. The low six bits hold two tiers: 0 when the word
// is not a given name (a surname), 1-6 by rank in the ranked source (SSA
// births for given names, the 1990 Census for surnames; see tier), and
// 7 when only an unranked list has it.
const (
	givenShift   = 0
	surnameShift = 3
	tierMask     = 7

	bitCommon      = 1 << 6  // a common English word (SCOWL size 35)
	bitAmbiguous   = 1 << 7  // mostly something else (lexicon: ambiguous)
	bitPlace       = 1 << 8  // a country, state or city
	bitMonth       = 1 << 9  // a month or weekday
	bitNonName     = 1 << 10 // a log, protocol or code word: never a name
	bitTitle       = 1 << 11 // a title before a name
	bitStrongTitle = 1 << 12 // a title that vouches for an unknown name
	bitParticle    = 1 << 13 // a lower-case particle inside a name
	bitGreeting    = 1 << 14
	bitSignoff     = 1 << 15
	bitHeader      = 1 << 16
	bitOrg         = 1 << 17 // a company, institution or place word after a name
	bitSuffix      = 1 << 18 // Jr, Sr, III after a name
	bitBrand       = 1 << 19 // the two-word key is a brand named after a person
	bitPlacePrefix = 1 << 20 // starts a place's name: "St", "San", "Lake"
)

// rankTiers are the upper rank bounds of tiers 1-5; tier 6 is any
// lower rank.
var rankTiers = [...]int{100, 500, 2000, 5000, 20000}

// tier returns the tier of a 1-based rank (0 for unranked: tier 7).
func tier(rank int) uint32 {
	if rank <= 0 {
		return 7
	}
	for i, b := range rankTiers {
		if rank <= b {
			return uint32(i + 1) // #nosec G115 -- at most 5
		}
	}
	return 6
}

// Table is the loaded gazetteer: the word table, read in place, and the
// trigger automaton.
type Table struct {
	slots   []byte
	entries []byte
	pool    []byte
	mask    uint32
	aut     *automaton.Automaton
}

// load decodes data, a names.bin image. An untrusted image is checked
// whole (its checksum, every slot and entry); the embedded one is part of
// the binary, checked by the tests against the lists it is built from
// (TestBlobMatchesSources), and only its header is read here, so that its
// table's pages are read from the binary as lookups need them rather
// than all at start-up (they count in the process's resident set).
func load(data []byte, trusted bool) (*Table, error) {
	fail := func(msg string) (*Table, error) { return nil, errors.New("names: load names.bin: " + msg) }
	const head = len(magic) + 16
	if len(data) < head+4 || string(data[:len(magic)]) != magic {
		return fail("bad magic or truncated header")
	}
	body := data[:len(data)-4]
	if !trusted && crc32.Checksum(body, crc32.MakeTable(crc32.Castagnoli)) != binary.LittleEndian.Uint32(data[len(body):]) {
		return fail("checksum mismatch")
	}
	u := func(i int) int { return int(binary.LittleEndian.Uint32(data[len(magic)+4*i:])) }
	nslots, nent, npool, naut := u(0), u(1), u(2), u(3)
	if nslots == 0 || nslots&(nslots-1) != 0 || nslots > 1<<24 || nent >= nslots || npool > 1<<26 {
		return fail(fmt.Sprintf("bad sizes: %d slots, %d entries, %d pool bytes", nslots, nent, npool))
	}
	off := head
	t := &Table{mask: uint32(nslots - 1)} // #nosec G115 -- nslots <= 2^24
	for _, part := range []struct {
		dst *[]byte
		n   int
	}{{&t.slots, 4 * nslots}, {&t.entries, 8 * nent}, {&t.pool, npool}} {
		if len(body)-off < part.n {
			return fail("truncated tables")
		}
		*part.dst = body[off : off+part.n]
		off += part.n
	}
	if len(body)-off != naut {
		return fail(fmt.Sprintf("automaton is %d bytes, header says %d", len(body)-off, naut))
	}
	for e := 0; e < nent && !trusted; e++ {
		po := binary.LittleEndian.Uint32(t.entries[8*e:])
		if int(po>>8)+int(po&0xff) > npool || po&0xff == 0 {
			return fail(fmt.Sprintf("entry %d outside the pool", e))
		}
	}
	for s := 0; s < nslots && !trusted; s++ {
		if v := binary.LittleEndian.Uint32(t.slots[4*s:]); int(v) > nent {
			return fail(fmt.Sprintf("slot %d names entry %d of %d", s, v, nent))
		}
	}
	var err error
	if t.aut, err = automaton.Load(body[off:]); err != nil {
		return nil, fmt.Errorf("names: load names.bin: %w", err)
	}
	return t, nil
}

// Load returns the embedded gazetteer, decoded once per process.
var Load = sync.OnceValues(func() (*Table, error) { return load(blob, true) })

// Automaton returns the trigger automaton.
func (t *Table) Automaton() *automaton.Automaton { return t.aut }

// Words returns the number of words in the table.
func (t *Table) Words() int { return len(t.entries) / 8 }

// MemoryUsage returns the heap bytes the table holds (the automaton) and
// the bytes it reads in place from the binary's embedded data.
func (t *Table) MemoryUsage() (heap, embedded int) {
	return t.aut.MemoryUsage(), len(t.slots) + len(t.entries) + len(t.pool)
}

// lowerASCII folds an ASCII upper-case letter.
func lowerASCII(c byte) byte {
	if c-'A' < 26 {
		return c + 'a' - 'A'
	}
	return c
}

// fnv continues an FNV-1a hash over the ASCII-lower-cased bytes of w.
func fnv(h uint32, w []byte) uint32 {
	for _, c := range w {
		h = (h ^ uint32(lowerASCII(c))) * 16777619
	}
	return h
}

const fnvBasis = 2166136261

// lookup returns the info bits of word w (matched in any ASCII case) and
// whether the table has it.
func (t *Table) lookup(w []byte) (uint32, bool) {
	return t.lookupJoin(w, 0, nil)
}

// lookupJoin looks up the key a+sep+b: a two-word key "a b" (sep ' '),
// or a and b run together (sep 0); b nil looks up a alone.
func (t *Table) lookupJoin(a []byte, sep byte, b []byte) (uint32, bool) {
	n := len(a)
	h := fnv(fnvBasis, a)
	if sep != 0 {
		n++
		h = (h ^ uint32(sep)) * 16777619
	}
	if b != nil {
		n += len(b)
		h = fnv(h, b)
	}
	if n > 255 {
		return 0, false
	}
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		e := binary.LittleEndian.Uint32(t.slots[4*i:])
		if e == 0 {
			return 0, false
		}
		ent := t.entries[8*(e-1):]
		po := binary.LittleEndian.Uint32(ent)
		if int(po&0xff) != n {
			continue
		}
		k := t.pool[po>>8 : po>>8+po&0xff]
		j := len(a)
		if !foldEq(k[:j], a) || sep != 0 && k[j] != sep {
			continue
		}
		if sep != 0 {
			j++
		}
		if foldEq(k[j:], b) {
			return binary.LittleEndian.Uint32(ent[4:]), true
		}
	}
}

// foldEq reports whether lower (already lower-cased) equals w in ASCII
// case-folded form.
func foldEq(lower, w []byte) bool {
	for i, c := range w {
		if lower[i] != lowerASCII(c) {
			return false
		}
	}
	return true
}

// Decode decodes a names.bin image (Build's output); Load decodes the
// embedded one.
// Decode checks the whole image.
func Decode(img []byte) (*Table, error) { return load(img, false) }
