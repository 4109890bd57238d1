// Package corpus generates deterministic benchmark corpora with labels.
//
// Generate returns exactly size bytes of one Kind of input and the list of
// values it inserted. The same (kind, size, seed) always gives the same
// bytes and labels, so benchmark runs on different machines and commits scan
// identical input without committing the corpora themselves.
//
// Every value labelled Valid really is valid by its published definition
// (Luhn with a real IIN range, SSN area rules, mod 97-10 IBANs, NANP phone
// numbers, emails under real TLDs), so the labels can be used to measure
// recall. Values labelled !Valid are deliberate lookalikes (hard negatives).
package corpus

import (
	"fmt"
	"math/rand/v2"
	"sort"
)

// Kind names one corpus shape.
type Kind string

// The corpus kinds.
const (
	// Prose is English-like text with sparse PII (about one value per 1.5 KB).
	Prose Kind = "prose"
	// JSONLogs is dense JSON log lines: ids, IPs, emails, timestamps, amounts.
	JSONLogs Kind = "jsonlogs"
	// CSV is customer records with a header line.
	CSV Kind = "csv"
	// Binary is uniformly random bytes with a few values embedded.
	Binary Kind = "binary"
	// Adversarial is long digit runs, near-miss card numbers, invalid SSNs
	// and many '@' signs, with a few valid values among them.
	Adversarial Kind = "adversarial"
	// Clean is English-like text with no values inserted at all; a scanner
	// should report nothing on it.
	Clean Kind = "clean"
	// Secrets is code, configuration and log text dense with credentials
	// and their hard negatives (secrets.go): the contract's secret types
	// here; GenerateSecrets takes any list of secret types.
	Secrets Kind = "secrets"
)

// Kinds lists the five corpora of the benchmark suite, in report order.
// Clean is left out: it is a control, not a workload; so is Secrets, which
// the suite's comparison with gitleaks uses.
var Kinds = []Kind{Prose, JSONLogs, CSV, Binary, Adversarial}

// ParseKind returns the Kind named s.
func ParseKind(s string) (Kind, error) {
	for _, k := range append(Kinds, Clean, Secrets) {
		if string(k) == s {
			return k, nil
		}
	}
	return "", fmt.Errorf("corpus: unknown kind %q (want prose, jsonlogs, csv, binary, adversarial, clean or secrets)", s)
}

// Label records one inserted value: its entity type (the contract's
// snake_case name), its byte range [Start, End) in the generated data, and
// whether it is a genuinely valid instance (true) or a deliberate lookalike
// that a validating scanner must not report as Type (false).
type Label struct {
	Type       string
	Start, End int
	Valid      bool
	// Negative says, for a hard negative of the secrets corpus, what kind
	// it is (NegPlaceholder or NegLookalike); "" otherwise.
	Negative string
}

// Generate returns exactly size bytes of kind, generated from seed, and the
// labels of every value inserted, in ascending Start order. It panics if
// kind is unknown or size is negative, both of which are programming errors.
func Generate(kind Kind, size int, seed int64) (data []byte, labels []Label) {
	if size < 0 {
		panic("corpus: negative size")
	}
	if kind == Secrets {
		return GenerateSecrets(ContractSecretTypes, size, seed)
	}
	g := &gen{
		// #nosec G404 G115 -- a seeded, reproducible benchmark corpus, not a secret; the seed's bits are reinterpreted as unsigned on purpose
		rng:  rand.New(rand.NewPCG(uint64(seed), 0x9e3779b97f4a7c15^uint64(len(kind)))),
		buf:  make([]byte, 0, size),
		size: size,
	}
	switch kind {
	case Prose:
		g.prose(1500)
	case Clean:
		g.prose(0)
	case JSONLogs:
		g.jsonLogs()
	case CSV:
		g.csv()
	case Binary:
		g.binary()
	case Adversarial:
		g.adversarial()
	default:
		panic(fmt.Sprintf("corpus: unknown kind %q", kind))
	}
	sort.SliceStable(g.labels, func(i, j int) bool { return g.labels[i].Start < g.labels[j].Start })
	return g.buf, g.labels
}

// gen accumulates one corpus. Every generator appends whole segments with
// put; a segment that would not fit ends generation and the tail is padded.
type gen struct {
	rng    *rand.Rand
	buf    []byte
	size   int
	labels []Label
}

// seg is one piece of output being assembled before it is committed.
type seg struct {
	b      []byte
	labels []Label // offsets relative to the segment start
}

func (s *seg) text(t string) { s.b = append(s.b, t...) }

func (s *seg) value(typ string, v []byte, valid bool) {
	s.labels = append(s.labels, Label{Type: typ, Start: len(s.b), End: len(s.b) + len(v), Valid: valid})
	s.b = append(s.b, v...)
}

// put appends s if it fits and reports whether it did.
func (g *gen) put(s *seg) bool {
	if len(g.buf)+len(s.b) > g.size {
		return false
	}
	base := len(g.buf)
	g.buf = append(g.buf, s.b...)
	for _, l := range s.labels {
		l.Start += base
		l.End += base
		g.labels = append(g.labels, l)
	}
	return true
}

// pad fills the rest of the buffer with fill bytes that form no value of
// any entity type (lowercase letters and spaces, or the given byte).
func (g *gen) pad(fill byte) {
	for len(g.buf) < g.size {
		if fill != 0 {
			g.buf = append(g.buf, fill)
			continue
		}
		g.buf = append(g.buf, "lorem "[len(g.buf)%6])
	}
}
