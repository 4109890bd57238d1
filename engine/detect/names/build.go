package names

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/datafog/datafog-api/engine/automaton"
)

// K is the length in bytes of the trigger prefixes: the automaton holds
// the first K bytes of the Title-case and the upper-case form of every
// name and title (the whole form when it is shorter), and Find looks the
// whole word up in the table. Three bytes keep the automaton a dense DFA
// (DESIGN.md of engine/automaton: 16 MiB budget); four do not.
const K = 3

// KUpper is the prefix length of upper-case forms: shorter, since
// capitals are rarer than Title-case words (and the frequent words in
// capitals, "ERROR", "INFO", "GET", lengthen it), and it keeps the
// automaton about 20% smaller.
const KUpper = 2

// Build compiles the source lists in data (the files in
// engine/detect/names/data) and the lexicon into a names.bin image. The
// same lists always give the same bytes.
func Build(data fs.FS) ([]byte, error) {
	b := &builder{words: map[string]uint32{}, pats: map[string]bool{}}
	if err := b.sources(data); err != nil {
		return nil, err
	}
	b.lexicon()
	return b.image()
}

// builder gathers the words, their info bits and the trigger patterns.
type builder struct {
	words map[string]uint32 // ASCII-lower-cased word -> info
	pats  map[string]bool
	freq  map[string]bool // prefixes of frequent words (see frequent)
}

// sources reads the gazetteers and the common-word list.
func (b *builder) sources(data fs.FS) error {
	err := eachLine(data, "ssa_given.tsv", func(k int, f []string) { b.name(f[0], givenShift, k) })
	if err == nil {
		err = eachLine(data, "census1990_surnames.txt", func(k int, f []string) {
			if n := f[0]; len(n) > 2 || k <= 5000 {
				b.name(n, surnameShift, k)
			}
		})
	}
	if err == nil {
		err = eachLine(data, "faker.tsv", func(_ int, f []string) { b.name(f[2], kindShift(f[1]), 0) })
	}
	if err == nil {
		err = eachLine(data, "pinyin_zh.tsv", func(_ int, f []string) { b.name(f[1], kindShift(f[0]), 0) })
	}
	if err == nil {
		err = eachLine(data, "common_en.txt", func(_ int, f []string) { b.words[f[0]] |= bitCommon })
	}
	return err
}

// kindShift returns the tier shift for a list's kind column.
func kindShift(kind string) uint {
	if kind == "surname" {
		return surnameShift
	}
	return givenShift
}

// eachLine calls fn with the 1-based number and tab-separated fields of
// every line of the named file but comments.
func eachLine(data fs.FS, name string, fn func(k int, f []string)) error {
	raw, err := fs.ReadFile(data, name)
	if err != nil {
		return fmt.Errorf("names: build: %w", err)
	}
	sc := bufio.NewScanner(bytes.NewReader(raw))
	k := 0
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		k++
		fn(k, strings.Split(line, "\t"))
	}
	return nil
}

// name adds every word of name (split at spaces and hyphens) as a given
// name (shift givenShift) or surname of the given rank (0: unranked).
func (b *builder) name(name string, shift uint, rank int) {
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return r == ' ' || r == '-' }) {
		if utf8.RuneCountInString(w) < 2 || !nameWord(w) || !vowel(w) {
			continue
		}
		t := tier(rank)
		for _, f := range forms(w) {
			k := foldASCII(f)
			info := b.words[k]
			if old := info >> shift & tierMask; old == 0 || t < old {
				info = info&^(tierMask<<shift) | t<<shift
			}
			b.words[k] = info
			b.pattern(f)
		}
	}
}

// nameWord reports whether w is letters and inner apostrophes.
func nameWord(w string) bool {
	for i, r := range w {
		if !unicode.IsLetter(r) && !(r == '\'' && i > 0) {
			return false
		}
	}
	return true
}

// vowel reports whether w has a vowel (the 1990 list's tail holds
// abbreviations such as "Rm"); "Ng" is the exception.
func vowel(w string) bool {
	return strings.ContainsAny(strings.ToLower(w), "aeiouyàáâãäåèéêëìíîïòóôõöøùúûüýÿāăąēėęěīįıōőœūůűų") || strings.EqualFold(w, "ng")
}

// forms returns the spellings of a name word a text may hold: Title case
// and upper case, and both again without diacritics when it has any.
func forms(w string) []string {
	r, n := utf8.DecodeRuneInString(w)
	title := string(unicode.ToUpper(r)) + strings.ToLower(w[n:])
	out := []string{title, strings.ToUpper(w)}
	if plain := stripMarks(title); plain != title {
		out = append(out, plain, strings.ToUpper(plain))
	}
	return out[:keepUpperFirst(out)]
}

// keepUpperFirst moves the forms that start with a capital letter to
// the front of out and returns how many there are (a trigger stops only
// at capitals).
func keepUpperFirst(out []string) int {
	n := 0
	for _, f := range out {
		if r, _ := utf8.DecodeRuneInString(f); unicode.IsUpper(r) {
			out[n] = f
			n++
		}
	}
	return n
}

// pattern adds the trigger prefix of form f: its first K bytes, or
// more while a frequent word (in the same case) starts with them, cut
// after the first byte that starts a non-ASCII letter ("García" → "Gar",
// "Gémez" → "G\xc3", "Émile" → "\xc3"). Keeping only lead bytes keeps the
// automaton's byte classes to the ASCII letters and a few UTF-8 lead
// bytes, and so its table small; findTerm reads the rest of the word.
func (b *builder) pattern(f string) {
	n := min(prefixLen(f), len(f))
	for n < len(f) && b.frequent(f[:n]) {
		n++
	}
	f = f[:n]
	for i := 0; i < len(f); i++ {
		if f[i] >= 0x80 {
			b.pats[f[:i+1]] = true
			return
		}
	}
	if len(f) >= prefixLen(f) {
		b.pats[f] = true
		return
	}
	// A name shorter than K ("Li", "Al") would stop the scan at every
	// word it starts ("Linux", "Also"): it is matched with the byte after
	// it.
	for _, c := range []byte(shortNameEnds) {
		b.pats[f+string(c)] = true
	}
}

// prefixLen is K for a Title-case form and KUpper for an upper-case one
// (its second byte a capital).
func prefixLen(f string) int {
	if len(f) > 1 && f[1]-'A' < 26 {
		return KUpper
	}
	return K
}

// shortNameEnds are the bytes that may follow a name shorter than K (a
// short name before a full stop is found through its neighbours).
const shortNameEnds = " ,"

// frequent reports whether a frequent word, in Title case or upper
// case, starts with p.
func (b *builder) frequent(p string) bool {
	if b.freq == nil {
		b.freq = map[string]bool{}
		for _, w := range frequentWords {
			for _, f := range forms(w) {
				for i := K; i <= len(f); i++ {
					b.freq[f[:i]] = true
				}
			}
		}
	}
	return b.freq[p]
}

// lexicon adds the hand-written lists with their bits, the titles'
// trigger patterns, and the prefixes of names written in two cases
// ("McDonald", "DeShawn", "O'Brien").
func (b *builder) lexicon() {
	for _, l := range []struct {
		words []string
		bit   uint32
	}{
		{titles, bitTitle}, {strongTitles, bitTitle | bitStrongTitle}, {particles, bitParticle},
		{greetings, bitGreeting}, {signoffs, bitSignoff}, {headers, bitHeader}, {orgWords, bitOrg},
		{places, bitPlace}, {months, bitMonth}, {nonNames, bitNonName}, {ambiguous, bitAmbiguous},
		{suffixes, bitSuffix}, {brands, bitBrand}, {placePrefixes, bitPlacePrefix},
	} {
		for _, w := range l.words {
			k := foldASCII(w)
			b.words[k] |= l.bit
			if l.bit&(bitTitle|bitGreeting) != 0 {
				for _, f := range forms(w) {
					b.pattern(f)
				}
			}
		}
	}
	for c := 'A'; c <= 'Z'; c++ {
		for _, p := range []string{"Mc", "De", "Di", "Da", "Du", "La", "Le", "O'", "D'", "N'", "L'"} {
			b.pattern(p + string(c))
		}
	}
	for _, p := range "ODNL" {
		b.pattern(string(p) + "’")
	}
}

// image lays out the table and the automaton (see table.go).
func (b *builder) image() ([]byte, error) {
	keys := make([]string, 0, len(b.words))
	for k := range b.words {
		if len(k) <= 255 {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	nhome := 2 * len(keys)
	slots := make([]uint64, nhome+1)
	// The trigger filter: 8 to 16 bits per word findTerm acts on, so
	// that two bits of a 64-bit word turn away all but about 2% of the
	// others.
	ntrigger := 0
	for _, info := range b.words {
		if triggerInfo(info) {
			ntrigger++
		}
	}
	nfilter := 1
	for nfilter*64 < 8*ntrigger {
		nfilter *= 2
	}
	filter := make([]uint64, nfilter)
	var pool []byte
	for _, k := range keys {
		info := b.words[k]
		if info >= 1<<infoBits || len(pool)+len(k) > maxPool {
			return nil, fmt.Errorf("names: build: word %q does not fit the table (info %#x, pool %d bytes)", k, info, len(pool))
		}
		h := wordHash([]byte(k))
		i := home(h, uint64(nhome)) // #nosec G115 -- a count
		for slots[i] != 0 {
			i++
		}
		slots[i] = makeSlot(h, len(pool), len(k), info)
		if triggerInfo(info) {
			fi, fb := filterBits(h, uint64(nfilter-1)) // #nosec G115 -- a power of two
			filter[fi] |= fb
		}
		pool = append(pool, k...)
		if i == len(slots)-1 {
			slots = append(slots, 0) // the last slot stays empty: every probe ends
		}
	}
	pats := make([]string, 0, len(b.pats))
	for p := range b.pats {
		pats = append(pats, p)
	}
	sort.Strings(pats)
	aut, err := automaton.Compile(pats, automaton.Options{Kind: automaton.Overlapping})
	if err != nil {
		return nil, fmt.Errorf("names: build: %w", err)
	}
	ab, err := aut.MarshalBinary()
	if err != nil {
		return nil, fmt.Errorf("names: build: %w", err)
	}
	out := []byte(magic)
	for _, v := range []int{nhome, len(slots), nfilter, len(pool), len(ab)} {
		out = binary.LittleEndian.AppendUint32(out, uint32(v)) // #nosec G115 -- all far below 2^32
	}
	for _, f := range filter {
		out = binary.LittleEndian.AppendUint64(out, f)
	}
	for _, s := range slots {
		out = binary.LittleEndian.AppendUint64(out, s)
	}
	out = append(append(out, pool...), ab...)
	return binary.LittleEndian.AppendUint32(out, crc32.Checksum(out, crc32.MakeTable(crc32.Castagnoli))), nil
}

// foldASCII lower-cases the ASCII letters of s.
func foldASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		b[i] = lowerASCII(c)
	}
	return string(b)
}

// Stats describes a compiled image, for the generator's log line.
func Stats(img []byte) (string, error) {
	t, err := load(img, false)
	if err != nil {
		return "", err
	}
	heap, emb := t.MemoryUsage()
	return "words " + strconv.Itoa(t.Words()) + ", trigger prefixes " + strconv.Itoa(t.aut.PatternCount()) +
		", automaton " + strconv.Itoa(heap) + " bytes (DFA " + strconv.FormatBool(t.aut.IsDFA()) + "), table " +
		strconv.Itoa(emb) + " bytes", nil
}
