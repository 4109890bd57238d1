package corpus

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"

	"github.com/datafog/datafog-api/engine/typecorpus"
)

// The secrets corpus: code, configuration and log text with credentials
// of every secret type asked for, really valid (GitHub tokens carry their
// CRC32, JWT headers decode, PEM blocks are whole), among ordinary lines
// (identifiers, UUIDs, commit and content hashes, lockfile integrity
// strings) and hard negatives: placeholders ("ghp_xxxx…", AWS's own
// AKIAIOSFODNN7EXAMPLE, "${API_KEY}") and lookalikes that fail the type's
// check (a GitHub token with a wrong checksum, a PEM public key, a JWT
// whose header has no "alg"). Every credential and every hard negative is
// labelled; ordinary lines are not, so any secret reported on them is a
// false positive.
//
// A type's values come from its type-corpus generator
// (engine/typecorpus) when one is registered, so a new detector's type
// joins the corpus with its generator; the contract's first secret types
// also have generators here (builtinSecretGens), used when the type corpus
// has none.

// ContractSecretTypes are the secret types of the external contract's
// first table: what Generate(Secrets, …) carries.
var ContractSecretTypes = []string{
	"api_key", "aws_access_key", "github_token", "slack_token", "stripe_key", "google_api_key", "private_key", "jwt",
}

// Hard-negative kinds (Label.Negative).
const (
	NegPlaceholder = "placeholder"
	NegLookalike   = "lookalike"
)

// secretGen makes values of one secret type.
type secretGen struct {
	typ     string
	valid   func(r *rand.Rand) string
	invalid func(r *rand.Rand) string // a lookalike that fails the type's check; may be nil
	// span, when set, returns the part of a valid value that is the
	// secret (the password of a connection URI): what a finding covers,
	// and what a placeholder replaces.
	span         func(v string) (start, end int)
	context      []string
	needsContext bool
	// assignOnly keeps the value in key-value forms (the generic
	// assignment type is defined by its key).
	assignOnly bool
	source     string
}

// SecretCoverage says, for each of types, where the secrets corpus takes
// its values from ("type corpus" or "bench/corpus"), and lists the types
// it has no generator for (they are left out of the corpus).
func SecretCoverage(types []string) (from map[string]string, missing []string) {
	from = map[string]string{}
	for _, t := range types {
		if g, ok := secretGenFor(t); ok {
			from[t] = g.source
		} else {
			missing = append(missing, t)
		}
	}
	return from, missing
}

// GenerateSecrets returns exactly size bytes of the secrets corpus with
// values of types (those that have a generator), and its labels in
// ascending Start order. The same arguments give the same bytes.
func GenerateSecrets(types []string, size int, seed int64) ([]byte, []Label) {
	if size < 0 {
		panic("corpus: negative size")
	}
	var gens []secretGen
	seen := map[string]bool{}
	for _, t := range types {
		if g, ok := secretGenFor(t); ok && !seen[t] {
			seen[t] = true
			gens = append(gens, g)
		}
	}
	sort.Slice(gens, func(i, j int) bool { return gens[i].typ < gens[j].typ })
	g := &gen{
		// #nosec G404 G115 -- a seeded, reproducible benchmark corpus, not a secret
		rng:  rand.New(rand.NewPCG(uint64(seed), 0x5ec7e75c0a1b2c3d)),
		buf:  make([]byte, 0, size),
		size: size,
	}
	g.secrets(gens)
	sort.SliceStable(g.labels, func(i, j int) bool { return g.labels[i].Start < g.labels[j].Start })
	return g.buf, g.labels
}

// secretGenFor returns the generator of typ: the type corpus's when one
// is registered, else this package's.
func secretGenFor(typ string) (secretGen, bool) {
	if tg, ok := typecorpus.Lookup(typ); ok {
		inv := tg.Invalid
		if inv == nil {
			inv = tg.Lookalike
		}
		return secretGen{typ: typ, valid: tg.Valid, invalid: inv, span: tg.Span, context: tg.Context, needsContext: tg.NeedsContext, source: "type corpus"}, true
	}
	g, ok := builtinSecretGens[typ]
	g.typ, g.source = typ, "bench/corpus"
	return g, ok
}

// Provider returns the provider family of a secret type, the part of a
// "<provider>_<kind>" name before the first '_' ("github" for
// github_token, "aws" for aws_access_key), with the contract's
// exceptions: api_key is "generic", private_key "private_key", jwt "jwt".
func Provider(typ string) string {
	switch typ {
	case "api_key":
		return "generic"
	case "private_key", "jwt":
		return typ
	}
	if i := strings.IndexByte(typ, '_'); i > 0 {
		return typ[:i]
	}
	return typ
}

// secrets writes the corpus: ordinary lines, and in turn each type's
// valid value (one segment in four) and hard negative (one in eight).
func (g *gen) secrets(gens []secretGen) {
	if len(gens) == 0 {
		g.ordinaryOnly()
		return
	}
	nv, nn := 0, 0
	for {
		s := &seg{}
		switch x := g.rng.IntN(8); {
		case x < 2:
			sg := gens[nv%len(gens)]
			nv++
			g.secretRecord(s, sg, sg.valid(g.rng), "")
		case x < 3:
			sg := gens[nn%len(gens)]
			v, kind := g.hardNegative(sg, nn/len(gens))
			nn++
			g.secretRecord(s, sg, v, kind)
		default:
			g.ordinary(s)
		}
		if !g.put(s) {
			break
		}
	}
	g.pad('\n')
}

// ordinaryOnly fills the corpus with ordinary lines.
func (g *gen) ordinaryOnly() {
	for {
		s := &seg{}
		g.ordinary(s)
		if !g.put(s) {
			break
		}
	}
	g.pad('\n')
}

// hardNegative returns a value of sg's shape that is not a credential: a
// placeholder in even rounds (so every type has one from its first
// round), a lookalike that fails the type's check in odd rounds when the
// type has one.
func (g *gen) hardNegative(sg secretGen, round int) (string, string) {
	if sg.invalid != nil && round%2 == 1 {
		return sg.invalid(g.rng), NegLookalike
	}
	v := sg.valid(g.rng)
	if sg.span != nil {
		// The secret inside the value is the placeholder.
		a, b := sg.span(v)
		return v[:a] + g.pick(spanPlaceholders) + v[b:], NegPlaceholder
	}
	return placeholderOf(g.rng, sg.typ, v), NegPlaceholder
}

// spanPlaceholders stand for the secret part of a value (a password in a
// connection URI) in documentation and templates.
var spanPlaceholders = []string{"${DB_PASSWORD}", "<password>", "{{ .Password }}", "xxxxxxxx", "$(PASSWORD)"}

// neutralKeys are key names that say nothing about a secret; secretKeys
// say there is one.
var (
	neutralKeys = []string{"value", "data", "setting", "item", "config_value", "ref", "field"}
	secretKeys  = []string{"token", "secret", "key", "auth", "credential"}
)

// secretRecord writes v, of sg's type, in a line of code, configuration
// or log text; negative is "" for a valid value, else the kind of hard
// negative. A valid value stands after one of its type's context words,
// a secret-like key name or a neutral one; a hard negative after a
// neutral key name (after a secret-like one, any random string is
// rightly taken for a credential of some format), unless its type is
// defined by its context.
func (g *gen) secretRecord(s *seg, sg secretGen, v, negative string) {
	key := ""
	if len(sg.context) > 0 && (sg.needsContext || negative == "" && g.rng.IntN(2) == 0) {
		key = sg.context[g.rng.IntN(len(sg.context))]
	}
	put := func() { s.secret(sg.typ, []byte(v), negative) }
	if sg.span != nil && negative == "" {
		put = func() {
			a, b := sg.span(v)
			s.text(v[:a])
			s.secret(sg.typ, []byte(v[a:b]), negative)
			s.text(v[b:])
		}
	}
	if strings.Contains(v, "\n") {
		// A multi-line value (a PEM block) stands on lines of its own.
		s.text("# " + orDefault(key, "deploy key") + "\n")
		put()
		s.text("\n")
		return
	}
	if key == "" {
		key = g.pick(neutralKeys)
		if negative == "" && g.rng.IntN(2) == 0 {
			key = g.pick(secretKeys)
		}
	}
	ident := identOf(key)
	form := g.rng.IntN(6)
	if ident != strings.ToLower(key) {
		form = g.rng.IntN(3) // a context word with spaces: only the forms that keep it whole
	}
	if sg.assignOnly && form == 2 {
		form = 1
	}
	switch form {
	case 0:
		s.text(`{"` + key + `": "`)
		put()
		s.text(`", "region": "eu-west-1", "retries": 3}` + "\n")
	case 1:
		s.text("  \"" + key + "\": \"")
		put()
		s.text("\"\n")
	case 2:
		s.text("Note: the " + key + " ")
		put()
		s.text(" was rotated on " + g.isoDay() + ".\n")
	case 3:
		s.text("export " + strings.ToUpper(ident) + "=")
		put()
		s.text("\n")
	case 4:
		s.text("    " + ident + " = '")
		put()
		s.text("'  # " + g.pick(words) + "\n")
	default:
		s.text(g.isoDay() + "T09:26:53Z WARN worker loaded " + ident + "=")
		put()
		s.text(" attempt=" + fmt.Sprint(1+g.rng.IntN(5)) + "\n")
	}
}

func orDefault(s, d string) string {
	if s == "" {
		return d
	}
	return s
}

// identOf turns a key name into a lower-case identifier.
func identOf(key string) string {
	b := []byte(strings.ToLower(key))
	for i, c := range b {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
			b[i] = '_'
		}
	}
	return string(b)
}

// isoDay returns a date in 2026 as YYYY-MM-DD.
func (g *gen) isoDay() string {
	return fmt.Sprintf("2026-%02d-%02d", 1+g.rng.IntN(12), 1+g.rng.IntN(28))
}

// secret appends a labelled value: valid when negative is "".
func (s *seg) secret(typ string, v []byte, negative string) {
	s.labels = append(s.labels, Label{Type: typ, Start: len(s.b), End: len(s.b) + len(v), Valid: negative == "", Negative: negative})
	s.b = append(s.b, v...)
}
