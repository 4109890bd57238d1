package corpus

import (
	"fmt"
	"math/rand/v2"
	"sort"
)

// The type corpus: every detector family registers, in a file of its own
// (types_<family>.go), how to make valid values and lookalikes of each of
// its types, and TypeRecords turns them into labelled records in the
// shapes real inputs have. The engine's TestTypeCorpus holds every
// registered type to precision and recall of at least 0.98 on it, with at
// most 1% of hard negatives flagged. Every record runs through every
// detector, so a lookalike flagged as another registered type counts as
// that type's false positive.

// TypeGen makes values of one entity type.
type TypeGen struct {
	// Type is the entity type.
	Type string
	// Valid returns a valid value (correct check digits, a real prefix);
	// Invalid returns a lookalike of the same shape that fails the type's
	// check. Both must be deterministic given r. Invalid may be nil when
	// the type has no check beyond its shape.
	Valid, Invalid func(r *rand.Rand) string
	// Context are context words, any of which makes a value reportable;
	// the corpus puts one before a value (within the 64-byte window).
	Context []string
	// NeedsContext is true when a value without a context word must not
	// be reported at the default minimum confidence.
	NeedsContext bool
	// Check, when set, reports whether a value is valid (written
	// independently of the detector's validator); the corpus uses it to
	// make sure a scrambled lookalike is not valid by chance.
	Check func(v string) bool
	// Lookalike, when set, replaces the scrambled value as the hard
	// negative next to another label: for a type almost every string of
	// whose shape is valid (a phone number), a lookalike must be
	// something else of a similar look (a date, an amount, an id).
	Lookalike func(r *rand.Rand) string
	// Span, when set, returns the part of a valid value that a finding
	// covers (the password of a connection URI); by default the whole
	// value.
	Span func(v string) (start, end int)
}

// Alphabets the generators draw from by index (no integer-to-byte
// conversions).
const (
	decimalDigits = "0123456789"
	lowerLetters  = "abcdefghijklmnopqrstuvwxyz"
)

var typeGens = map[string]TypeGen{}

// RegisterType adds g to the type corpus. It panics on a second
// registration of the same type, a programming error.
func RegisterType(g TypeGen) {
	if _, dup := typeGens[g.Type]; dup {
		panic("corpus: type " + g.Type + " registered twice")
	}
	if g.Valid == nil || g.NeedsContext && len(g.Context) == 0 {
		panic("corpus: type " + g.Type + " needs Valid, and Context when NeedsContext")
	}
	typeGens[g.Type] = g
}

// TypeGens returns the registered generators, sorted by type.
func TypeGens() []TypeGen {
	out := make([]TypeGen, 0, len(typeGens))
	for _, g := range typeGens {
		out = append(out, g)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Type < out[j].Type })
	return out
}

// TypeRecords returns, for every registered type, perType records of each
// kind: a valid value with a context word (labelled), a valid value
// without one (labelled unless the type needs context), an invalid value
// with a context word (a hard negative), and the value's shape filled
// with random characters next to a different label, as an order number
// (a hard negative). Each record is a sentence, a JSON object or a log
// line, chosen at random. The same seed gives the same records.
func TypeRecords(seed uint64, perType int) []Record {
	var out []Record
	for _, g := range TypeGens() {
		// Each type draws from its own source, so that adding a type does
		// not change another's records.
		r := rand.New(rand.NewPCG(seed, fnv64(g.Type))) // #nosec G404 -- deterministic test corpus, not security
		for i := 0; i < perType; i++ {
			ctx := g.Context
			word := ""
			if len(ctx) > 0 {
				word = ctx[r.IntN(len(ctx))]
			}
			v := g.Valid(r)
			vs, ve := 0, len(v)
			if g.Span != nil {
				vs, ve = g.Span(v)
			}
			out = append(out, typeRecord(r, word, v, g.Type, "", vs, ve))
			lab := g.Type
			if g.NeedsContext {
				lab = ""
			}
			out = append(out, typeRecord(r, "", v, lab, negativeOf(lab, g.Type), vs, ve))
			if g.Invalid != nil {
				out = append(out, typeRecord(r, word, g.Invalid(r), "", g.Type, 0, 0))
			}
			sv := scramble(r, v)
			for k := 0; k < 50 && g.Check != nil && g.Check(sv); k++ {
				sv = scramble(r, v)
			}
			if g.Lookalike != nil {
				sv = g.Lookalike(r)
			}
			out = append(out, typeRecord(r, pickStr(r, "order", "ref", "ticket", "invoice"), sv, "", g.Type, 0, 0))
		}
	}
	return out
}

// negativeOf is the Negative field of a record labelled lab for type typ:
// the type itself when the value must not be reported.
func negativeOf(lab, typ string) string {
	if lab == "" {
		return typ
	}
	return ""
}

// typeRecord puts v after the label word in a sentence, a JSON object or
// a log line; typ, when set, labels v[vs:ve].
func typeRecord(r *rand.Rand, word, v, typ, negative string, vs, ve int) Record {
	var pre, post string
	switch r.IntN(3) {
	case 0:
		pre = pickStr(r, "Please record the", "The form lists the", "Customer supplied their", "Update:")
		if word != "" {
			pre += " " + word
		}
		pre += " "
		post = pickStr(r, " before Friday.", " as requested.", ", thanks.", " on file.")
	case 1:
		key := "value"
		if word != "" {
			key = word
		}
		pre = fmt.Sprintf(`{"id":%d,"status":"ok","%s":"`, r.IntN(100000), key)
		post = `","seen":true}`
	default:
		pre = fmt.Sprintf("level=info msg=\"profile updated\" user=u%d", r.IntN(10000))
		if word != "" {
			pre += " " + word
		}
		pre += " "
		post = " latency_ms=" + fmt.Sprint(r.IntN(900)+1)
	}
	rec := Record{Text: pre + v + post, Negative: negative, Labels: []Label{}}
	if typ != "" {
		rec.Labels = append(rec.Labels, Label{Type: typ, Start: len(pre) + vs, End: len(pre) + ve})
	}
	return rec
}

// scramble replaces each digit of v by a random digit and each letter by
// a random letter of the same case, keeping separators: a value of the
// same shape that is almost never valid.
func scramble(r *rand.Rand, v string) string {
	b := []byte(v)
	for i, c := range b {
		switch {
		case c >= '0' && c <= '9':
			b[i] = decimalDigits[r.IntN(10)]
		case c >= 'A' && c <= 'Z':
			b[i] = upper[r.IntN(26)]
		case c >= 'a' && c <= 'z':
			b[i] = lowerLetters[r.IntN(26)]
		}
	}
	return string(b)
}

func pickStr(r *rand.Rand, xs ...string) string { return xs[r.IntN(len(xs))] }

// fnv64 is the FNV-1a hash of s.
func fnv64(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * 1099511628211
	}
	return h
}
