// Package names holds the person detector: given-name and surname
// gazetteers matched by one automaton and confirmed by evidence.
//
// # Data
//
// data/ holds the source lists (DATA.md: sources, licences, versions);
// Build (run by gen) compiles them with lexicon.go into names.bin, which
// the package embeds: a hash table of every word with its info bits
// (given-name and surname tiers by rank, common English word, title,
// particle, greeting, company or place word, ...) and a Bloom filter of
// the words a trigger acts on, read in place (table.go, lookup.go), and
// the trigger automaton, decoded once per process (Load). The image
// loads in about 3 ms and holds 2.9 MB on the heap (the automaton) plus
// 4.1 MB read in place from the binary (BenchmarkNames/op=load).
//
// # Trigger
//
// The engine runs the trigger automaton (detect.OnTerms) over the text. It
// is case-sensitive and holds, for every name, title and greeting, the
// first K bytes of its Title-case form and the first KUpper of its
// upper-case form — more while a frequent
// sentence-initial word shares them ("Theo", not "The"), less at the
// first non-ASCII byte, and a short name with the byte after it ("Li ") —
// so a scan stops only at capitalised words that may be names. findTerm
// reads the whole word, eight bytes at a time for an ASCII word, hashes
// it in the same pass and tests two bits of the trigger filter: most
// capitalised words of prose and logs that are no name, title or
// greeting are turned away there, without a lookup in the table.
//
// # Chains and evidence
//
// A name is a chain of words (chain.go, walk.go): Title-case or
// upper-case name words, hyphenated parts, initials, lower-case particles
// ("del", "van", "bin") and a generational suffix ("Jr."). Every trigger
// inside a chain walks back to the same first word and builds the same
// chain, so the finding does not depend on which word triggered. score
// (evidence.go) weighs the chain: a given name and a surname, an initial
// before a surname, a title, a greeting, sign-off or header before it;
// against it stand words that are mostly something else (common English
// words of low name rank, places, months, log and protocol words, brands,
// a company word after the name, a place word before it). A lone list
// word scores 0.3 and is not reported (reportFloor); see the Person
// declaration for the scale. Name keys (key.go, detect.OnKey) confirm a
// value as a name: a key that names a person by definition
// ("first_name", "customer_name", "nachname") vouches for any name-shaped
// value, a looser one ("name", "from") needs a known name.
//
// # Locality
//
// A chain starts at most maxBack (72) bytes before its trigger and is at
// most maxTokens words long; the evidence before it is read within the
// two words before its start. Every read stays within detect.LookBack
// before the anchor, so the streaming Scanner finds exactly what Scan
// finds (TestScannerMatchesScanNames).
//
// # Redaction
//
// Anonymize gives one label per distinct value, as for every type ("Alice
// Smith" is <PERSON_1> wherever it recurs). It does not link "Ms Smith" to
// "Alice Smith": a surname alone does not identify one person (two Smiths
// would share a label), so the transform is left as it is.
package names
