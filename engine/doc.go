// Package engine finds PII and secrets in text: every built-in entity type
// (each a detector in the registry, confirmed by its checksum or rule) and
// policy dictionaries of literal terms.
//
// # Detectors and the registry
//
// A detector is a unit (package detect): it declares its entity types,
// its triggers, its context words, its placeholder rule and its own
// examples, and lives in one file under detect/<family>/. The registry
// (registry.go) lists them; BuiltinTypes, Catalog and the entity listings
// are generated from it. New compiles the enabled detectors into one
// dispatch table (dispatch.go) and their context and key words into one
// automaton, so a scan is one pass over the text whatever the number of
// detectors. DESIGN.md explains the shape; detect's package documentation
// says how to write a detector.
//
// # One pass
//
// Scan takes the input in 64-byte blocks, builds a mask with one bit per
// trigger byte (nibble lookups in vector registers where the CPU has
// AVX2, table lookups elsewhere; no branches) and
// visits the set bits in order. A trigger byte is a digit, or a byte some
// detector asked for: its own byte trigger (an '@', a ':' between hex
// digits), the anchor of a literal prefix ("ghp_" is found at its '_'),
// or an assignment operator. At each stop the dispatch table says what to
// run: for a digit run, the numeric forms (numeric.go: compact lengths,
// grouped numbers, tokens that mix letters and digits, ...); for another
// byte, the byte detectors whose neighbour conditions hold, the literal
// prefixes whose two-byte key matches, and the assignment parser
// (assign.go). A word list whose terms start words (person names,
// OnTerms.WordStart) is asked, anchored, at the bytes its terms start
// with when no word byte precedes them: capitals are stops too. Other
// word lists and policy dictionaries need a pass of their own, which runs
// only when they are enabled.
//
// Dense text is dominated by the stops, so the common ones are made
// cheap without changing what they find: digit runs that continue a
// number or a word are dismissed in the main loop, as are runs no form
// can take (an inert length and no neighbour that a form needs); the
// year of an ISO timestamp goes to the date detector directly and the
// timestamp's inner anchors are skipped; decimals and dotted quads skip
// the forms that cannot take them; a separator between two digits where
// only run-conditioned byte detectors could start, a byte where only an
// assignment can start and one where only literals are anchored are
// checked in the main loop, not by the general stop; a JSON key's verdict ("does any key
// detector take this key?") is cached by its bytes. In a block that holds
// binary bytes (random data, compressed or encrypted payloads), every stop
// is first judged by its byte and its two neighbours, without a branch,
// and the dead ones (nothing would be called) are dropped before the main
// loop sees them, where such stops are common enough to pay (dead.go).
// Each shortcut is
// exact: the exhaustive path turns them all off, and TestShortcutsExact
// and FuzzShortcuts compare the two on every benchmark corpus and under
// fuzzing. TestGoldenFindings pins the findings on those corpora.
//
// # Lookalikes
//
// Text with fullwidth forms, other scripts' decimal digits or zero-width
// characters is scanned in its folded form, and findings are reported at
// the original bytes (fold.go). A lookalike folds where it can hide a
// value: next to another lookalike, in a number or a token, or a digit
// beside a word (foldrule.go); a lone one among random bytes is left as it
// is. Scan folds only the segments around the lookalikes that fold
// (foldscan.go). All-ASCII text costs Scan nothing beyond the main pass,
// and a Scanner one test of the high bits, 32 bytes at a time.
//
// A policy's custom rules (Config.Rules, custom.go: a literal prefix, a
// charset, a length range and an optional entropy floor) become detectors
// with an OnPrefix trigger each, compiled into the same dispatch table as
// the built-in prefixes: they cost one table lookup at their anchor byte
// and no pass of their own. Their types come after the dictionaries' in
// the tie-break order, and the compiled form (MarshalBinary) carries them.
//
// # Boundaries
//
// A candidate must not be glued to its neighbours: the bytes just before
// and just after it must not be ASCII word bytes [A-Za-z0-9_]. A numeric
// candidate must also not continue a longer number through '.', ',', '-',
// '/' or ':' (so "1.2.3.4.5" holds no IPv4 address and "3.14159..." no
// card). Exceptions: an ISO date may be followed by "T" and a time, and an
// IPv4 address by ":port" or "/prefix". Digit runs longer than 24 digits
// hold no number (tokens that mix letters and digits, such as IBANs, may
// be longer).
//
// # Context words
//
// A context word counts when it lies wholly within the 64 bytes before
// the candidate, in any ASCII case (other bytes match exactly), and
// stands alone: the byte before it is not a letter or digit, and the byte
// after it is not a digit nor a letter of the same case as the word's
// last letter. Each detector declares its words and the confidence each
// gives.
//
// # Confidence and overlaps
//
// Every candidate carries a confidence on one scale (detect's package
// documentation): a checksum with a context word scores highest, a shape
// without one lowest. Candidates under the minimum confidence (a Filter's,
// DefaultMinConfidence for the CLI, the service and the pipeline unless
// configured) are dropped before overlaps are resolved, so they neither
// report nor suppress anything.
//
// Candidates may overlap. A candidate is reported when it outranks every
// candidate it overlaps: higher confidence, then validated over
// unvalidated, then longer, then BuiltinTypes order (dictionaries after
// the built-ins, in dictionary order), then the earlier start. The rule is
// local, which is what lets the streaming Scanner decide exactly as Scan
// does; the price is that in a chain A > B > C where only A-B and B-C
// overlap, C is dropped too. A context word that names a type whose check
// a number fails vetoes it (detect.Scan.Veto): a hidden candidate that
// outranks the weaker types the number would otherwise fall through to.
//
// DetectorConfig applies before overlaps are resolved (a disabled or
// below-threshold detector suppresses nothing); a Filter's type selection
// applies after, so a filtered scan reports exactly the selected types of
// the full scan.
//
// # Limits
//
// A JWT is at most 4096 bytes; a PEM private-key block at most
// secrets.PEMMax (61,280) bytes from BEGIN line to END line. Longer ones
// are not reported, by Scan or by a Scanner, so that both agree.
//
// Scan allocates nothing when dst has room for the findings, also after a
// garbage collection (TestScanAllocs, TestScanAllocsAfterGC). Benchmark
// figures are in bench/README.md; their history, in bench/results.
package engine
