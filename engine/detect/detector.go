package detect

import "github.com/datafog/datafog-api/engine/automaton"

// Family groups entity types for listings (datafog entities, GET
// /v1/entities).
type Family string

// The families.
const (
	Contact    Family = "contact"     // email, phone, url
	Personal   Family = "personal"    // dates, person names
	Location   Family = "location"    // postcodes, street addresses
	Network    Family = "network"     // IP and MAC addresses
	Financial  Family = "financial"   // cards, bank accounts, securities ids
	Crypto     Family = "crypto"      // cryptocurrency addresses
	Secret     Family = "secret"      // credentials, keys and tokens
	NationalID Family = "national_id" // national, tax, health and licence numbers
	Vehicle    Family = "vehicle"     // vehicle registrations and VINs
	Device     Family = "device"      // device identifiers
)

// Type describes one entity type a detector reports.
type Type struct {
	// Name is the contract's lowercase snake_case entity type.
	Name string
	// Family groups the type in listings.
	Family Family
	// Confirm says, in one line, how a candidate is confirmed: the
	// checksum or the rule.
	Confirm string
	// Confidence is the confidence of a confirmed finding with no context
	// word; Context words may raise it (Detector.Context).
	Confidence float64
	// NeedsContext is true when a candidate is reported only with a
	// context word (or scores below the default minimum without one).
	NeedsContext bool
	// Generic marks a type judged from where a value stands rather than
	// from what it is (api_key: the value of a secret-like key). A
	// candidate of a specific type that covers a generic one outranks
	// it whatever their confidences: a Stripe publishable key, a Twilio
	// account id or a Telegram bot token under "api_key=" is that, even
	// when its own confidence is lower.
	Generic bool
}

// Word is a context word and the confidence a candidate of its detector
// may reach when the word stands within the context window before it.
type Word struct {
	Text string
	Conf float64
}

// Example is one text a detector must get right. A valid example must
// yield exactly one finding of Type (the detector's first type when empty)
// whose span is Span; an invalid example must yield no finding of any of
// the detector's types, nor of Type when it is set (a veto). A registry test runs every example of every
// detector through the whole engine.
type Example struct {
	Text  string
	Span  string // valid examples only: the exact text of the finding
	Type  string
	Valid bool
}

// Detector is one self-contained detector: what it reports, what triggers
// it, how it confirms a candidate, the context words it uses, what it
// takes for a placeholder, and its own examples. A detector lives in its
// own file under engine/detect/<family>/ and is listed once in the
// engine's registry (engine/registry.go); the engine compiles every
// enabled detector's triggers into one dispatch table and its words into
// one automaton, so a scan stays a single pass whatever the number of
// detectors.
//
// A detector declares one or more triggers. Each trigger names the
// function the engine calls; that function reads the text around the
// trigger through the Scan and reports candidates with Scan.Add. It must
// read only Scan.T[anchor-LookBack : anchor+Reach+2] and report candidates
// that start within AnchorSpan of the anchor (see Scan), which is what
// makes streaming exact.
type Detector struct {
	// Name identifies the detector in errors and listings. It is unique
	// in the registry, and usually the name of its first type.
	Name string
	// Types are the entity types the detector reports; Scan.Add takes an
	// index into this list.
	Types []Type
	// Source cites the published definition the detector follows.
	Source string
	// Context are the detector's context words, matched in any ASCII case
	// within ContextWindow bytes before a candidate (Scan.Context).
	Context []Word
	// Placeholder, when set, drops every candidate whose text it reports
	// as a documentation example or a placeholder (Scan.Add applies it).
	Placeholder func(v []byte) bool

	// Triggers.
	Bytes    []OnByte
	Prefixes *OnPrefix
	Digits   *OnDigits
	Tokens   *OnToken
	Keys     *OnKey
	Terms    *OnTerms

	// Examples are the detector's own valid and invalid examples.
	Examples []Example
}

// OnByte calls Find(s, p) at every byte Byte of the text whose
// neighbours qualify: the BeforeRun bytes before it (one when BeforeRun
// is 0) are in Before, or the byte after it (t[p+1]) is in After; with
// Both set, both must hold. Before and After both zero means at every
// such byte. The engine checks the neighbours before the call, so a
// detector that needs, say, two hex digits before a '-' and one after it
// costs nothing elsewhere.
type OnByte struct {
	Byte          byte
	Before, After Class
	BeforeRun     int
	// Edge, with a BeforeRun of two or more, says that the byte before
	// the BeforeRun bytes, if there is one, must not be of class Edge:
	// the run starts a word ("ab-cd-…" of a MAC address, not "1234-56").
	Edge Class
	Both bool
	Find func(s *Scan, p int)
}

// OnPrefix calls Find(s, start, end) wherever one of Literals occurs:
// t[start:end] is the literal (case-sensitive). Each literal must contain
// a byte that is not an ASCII lower-case letter or a digit (a trigger byte
// of the dispatch table: punctuation or an upper-case letter); the engine
// finds literals at those bytes, never by a pass of its own.
type OnPrefix struct {
	Literals []string
	Find     func(s *Scan, start, end int)
}

// OnDigits asks for digit runs. A run t[i:j] starts at a digit whose
// predecessor is not a digit. The numeric trigger sorts each run into the
// forms below and calls the detectors that asked for that form; the
// lengths are bit sets (bit n for n digits).
//
// The forms, in the order they are tried:
//   - a run glued to a letter before it goes to OnToken detectors only;
//   - a run longer than MaxRun goes nowhere;
//   - a run that may not start a number (NumLeft fails) goes nowhere;
//   - Lead: the run starts with a byte of Lead and a letter follows it;
//   - After: the byte before the run is in After ('+' for E.164, '(' for
//     a bracketed area code); a run after '+' goes to After detectors
//     only;
//   - a decimal number ("23638.69": one '.', then the end of the number)
//     goes nowhere further;
//   - a dotted quad (four groups of 1-3 digits joined by '.', nothing
//     after) goes to Dotted detectors only;
//   - Compact: the run is a whole number (NumRight holds) of a length in
//     Compact;
//   - Grouped: a separator and a digit follow, and the first group's
//     length is in GroupFirst: the detector gets the parsed groups;
//   - Colon: a ':' and a digit follow, and the run's length is in Colon
//     (numbers grouped by colons, which are not group separators
//     elsewhere because of clock times);
//   - Short: the run's length is in Short, whatever follows.
//
// GroupSecond narrows Grouped to numbers whose second group has a length
// in it (a bit set; zero: any).
//
// LeadLen and LeadNext narrow Lead, ShortNext narrows Short, to what the
// detector can take: the run's length (a bit set; zero: any) and the byte
// right after the run (the bytes listed; empty: any, and a Short run at
// the end of the text is offered only then). The engine checks them
// before the call, and a run that no Short or Compact detector can take
// is dismissed in the main loop, so a detector that needs, say, a capital
// after six digits costs nothing at other six-digit runs. LeadPrev and
// LeadTok narrow Lead further: the byte right before the run (the bytes
// listed; empty: any, the start of the text included), and the fewest
// upper-case letters and digits that the candidate holds in a row from
// the run's first digit on (zero: no such bound; at most MaxLeadTok), as
// a code of seventeen capitals and digits needs seventeen.
//
// ISO timestamps "YYYY-MM-DDTHH:MM[:SS[.f]]" are one more form: the year
// run goes to ISO detectors only, and the trigger skips the anchors up to
// the end of the time.
type OnDigits struct {
	Lead        string
	LeadLen     uint64
	LeadNext    string
	LeadPrev    string
	LeadTok     int
	OnLead      func(s *Scan, i, j int)
	After       string
	OnAfter     func(s *Scan, i, j int)
	Dotted      func(s *Scan, i, e int)
	Compact     uint64
	OnCompact   func(s *Scan, i, j int)
	GroupFirst  uint64
	GroupSecond uint64
	OnGrouped   func(s *Scan, g *Groups)
	Colon       uint64
	OnColon     func(s *Scan, i, j int)
	Short       uint64
	ShortNext   string
	OnShort     func(s *Scan, i, j int)
	ISO         func(s *Scan, i, j int)
}

// OnToken asks for alphanumeric tokens that hold letters and digits: a
// maximal run t[ts:te] of ASCII letters and digits, bounded by non-word
// bytes, of MinLen to MaxLen bytes. The engine calls Find once per token,
// at its first digit run, when MinLead to MaxLead letters precede that
// run, or when DigitFirst is set and the token starts with digits followed
// by an upper-case letter. Tokens with a lower-case letter go only to
// detectors whose Lower holds the first byte of that first digit run.
type OnToken struct {
	MinLen, MaxLen   int
	MinLead, MaxLead int
	DigitFirst       bool
	Lower            string
	Find             func(s *Scan, ts, te int)
}

// OnKey asks for assignments: a key name followed by an operator and a
// value (key=value, key: value, "key": "value", key := value, key =>
// value, <key>value</key>, f("key", "value")). The engine finds the key
// name once and calls Find for the detectors one of whose Words starts a
// word of the key name (at its start, after '_', '-', '.' or a digit, or
// at a lower-to-upper case change), in any ASCII case.
type OnKey struct {
	Words []string
	// MinValue is the least number of value bytes (class Value) the
	// detector needs right after the operator and any quote; the engine
	// skips assignments with fewer before it walks back over the key.
	MinValue int
	Find     func(s *Scan, a *Assignment)
}

// OnTerms asks for the occurrences of the terms of a word list (a
// gazetteer of given names, surnames or street-type words). Find is called
// for each match with the match's offsets in T, anchored at its start.
//
// Without WordStart the engine runs the list's automaton once over the
// text, as it runs policy dictionaries: a pass of its own, calling Find
// for every match in ascending order of end. With WordStart the terms
// only count where a word starts: the engine asks the automaton, anchored
// (automaton.StartsAt), at each byte that starts some term and follows
// neither an ASCII letter, digit or '_' nor nothing but the text's start,
// as its main pass reaches it; Find sees the matches that start there,
// shortest first. A term list whose terms start with a capital letter
// then costs little more than the capitals of the text.
type OnTerms struct {
	// Automaton returns the compiled word list. The engine calls it once
	// per engine it builds; it should build or load the automaton once
	// per process (sync.OnceValues) and return the same one.
	Automaton func() (*automaton.Automaton, error)
	Find      func(s *Scan, m automaton.Match)
	// WordStart says that Find wants only matches at the start of a
	// word (see above); no term may start with a digit.
	WordStart bool
}

// Assignment is a key name and the start of its value.
type Assignment struct {
	// Key is t[KeyStart:KeyEnd].
	KeyStart, KeyEnd int
	// Op is the index of the operator's trigger byte ('=', ':', '>' or
	// the comma between call arguments); it is the anchor.
	Op int
	// Value is the index of the value's first byte, after any opening
	// quote.
	Value int
	// Quote is the opening quote ('"', '\'' or '`'), 0 when unquoted, or
	// '<' for an XML element whose value ends at "</".
	Quote byte
}
