package names

import (
	_ "embed" // the compiled word table
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"sync"
	"sync/atomic"

	"github.com/datafog/datafog-api/engine/automaton"
)

// The compiled gazetteer, names.bin, is what the generator writes
// (Build; go run ./engine/detect/names/gen) and the package embeds. All
// integers are little-endian:
//
//	"DFNAMES" 0x02        magic and format version
//	u32 nhome             slots a word may hash to (its home slot)
//	u32 nslots            slots in all (the overflow of the last homes
//	                      after them; the last slot is empty)
//	u32 nfilter           64-bit words of the trigger filter (a power of two)
//	u32 poolLen           bytes of word text
//	u32 autLen            bytes of the trigger automaton
//	u64 × nfilter         trigger filter: two bits per word findTerm acts on
//	u64 × nslots          slot: 0 empty, else tag << 54 | pool offset << 32
//	                      | length << 24 | info bits
//	pool                  the words, lower-cased in ASCII, concatenated
//	automaton             automaton.MarshalBinary of the trigger prefixes
//	u32                   CRC-32C of everything before it
//
// A word's home slot, tag and filter bits come from one hash of its
// bytes (wordHash, lookup.go). A lookup probes from the home slot to the
// next empty slot, compares the tag and the length held in the slot and
// reads the pool only when both agree, so a word that is not in the
// table costs no read beyond the slots. findTerm's lookup first tests
// the word's two bits in the trigger filter, a blocked Bloom filter of
// the names, titles and greetings it acts on (triggerInfo): the capital
// words of prose that are none of them are mostly turned away there,
// with one read. The table is read in place from the embedded bytes;
// only the automaton is decoded onto the heap.

//go:embed names.bin
var blob []byte

const magic = "DFNAMES\x02"

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
	filter     []byte // nfilter little-endian u64 (see mayTrigger)
	slots      []byte // nslots little-endian u64 (see slot)
	pool       []byte
	nhome      uint64
	filterMask uint64 // nfilter - 1
	aut        *automaton.Automaton
}

// load decodes data, a names.bin image. An untrusted image is checked
// whole (its checksum, every slot and entry); the embedded one is part of
// the binary, checked by the tests against the lists it is built from
// (TestBlobMatchesSources), and only its header is read here, so that its
// table's pages are read from the binary as lookups need them rather
// than all at start-up (they count in the process's resident set).
func load(data []byte, trusted bool) (*Table, error) {
	fail := func(msg string) (*Table, error) { return nil, errors.New("names: load names.bin: " + msg) }
	const head = len(magic) + 20
	if len(data) < head+4 || string(data[:len(magic)]) != magic {
		return fail("bad magic or truncated header")
	}
	body := data[:len(data)-4]
	if !trusted && crc32.Checksum(body, crc32.MakeTable(crc32.Castagnoli)) != binary.LittleEndian.Uint32(data[len(body):]) {
		return fail("checksum mismatch")
	}
	u := func(i int) int { return int(binary.LittleEndian.Uint32(data[len(magic)+4*i:])) }
	nhome, nslots, nfilter, npool, naut := u(0), u(1), u(2), u(3), u(4)
	if nhome == 0 || nslots <= nhome || nslots > 1<<24 || nfilter == 0 || nfilter&(nfilter-1) != 0 || nfilter > 1<<20 || npool > maxPool {
		return fail(fmt.Sprintf("bad sizes: %d home slots, %d slots, %d filter words, %d pool bytes", nhome, nslots, nfilter, npool))
	}
	off := head
	t := &Table{nhome: uint64(nhome), filterMask: uint64(nfilter - 1)} // #nosec G115 -- 0 < nhome < 2^24, 0 < nfilter <= 2^20
	for _, part := range []struct {
		dst *[]byte
		n   int
	}{{&t.filter, 8 * nfilter}, {&t.slots, 8 * nslots}, {&t.pool, npool}} {
		if len(body)-off < part.n {
			return fail("truncated tables")
		}
		*part.dst = body[off : off+part.n]
		off += part.n
	}
	if len(body)-off != naut {
		return fail(fmt.Sprintf("automaton is %d bytes, header says %d", len(body)-off, naut))
	}
	if t.slot(nslots-1) != 0 {
		return fail("the last slot is not empty")
	}
	for i := 0; i < nslots && !trusted; i++ {
		if v := t.slot(i); v != 0 && (slotLen(v) == 0 || slotOffset(v)+slotLen(v) > npool) {
			return fail(fmt.Sprintf("slot %d outside the pool", i))
		}
	}
	var err error
	if t.aut, err = automaton.Load(body[off:]); err != nil {
		return nil, fmt.Errorf("names: load names.bin: %w", err)
	}
	return t, nil
}

// Load returns the embedded gazetteer, decoded once per process.
var Load = sync.OnceValues(func() (*Table, error) {
	t, err := load(blob, true)
	if err == nil {
		loaded.Store(t)
	}
	return t, err
})

// loaded is the table Load decoded, for the detectors' hot paths: an
// atomic load instead of a call through sync.OnceValues per match.
var loaded atomic.Pointer[Table]

// table returns the embedded gazetteer, or nil if it does not load.
func table() *Table {
	if t := loaded.Load(); t != nil {
		return t
	}
	t, _ := Load()
	return t
}

// Automaton returns the trigger automaton.
func (t *Table) Automaton() *automaton.Automaton { return t.aut }

// Words returns the number of words in the table.
func (t *Table) Words() int {
	n := 0
	for i := 0; i < len(t.slots)/8; i++ {
		if t.slot(i) != 0 {
			n++
		}
	}
	return n
}

// MemoryUsage returns the heap bytes the table holds (the automaton) and
// the bytes it reads in place from the binary's embedded data.
func (t *Table) MemoryUsage() (heap, embedded int) {
	return t.aut.MemoryUsage(), len(t.filter) + len(t.slots) + len(t.pool)
}

// lowerASCII folds an ASCII upper-case letter.
func lowerASCII(c byte) byte {
	if c-'A' < 26 {
		return c + 'a' - 'A'
	}
	return c
}

// Decode decodes a names.bin image (Build's output); Load decodes the
// embedded one.
// Decode checks the whole image.
func Decode(img []byte) (*Table, error) { return load(img, false) }
