package corpus

import (
	"encoding/base64"
	"fmt"
	"hash/crc32"
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
	typ          string
	valid        func(r *rand.Rand) string
	invalid      func(r *rand.Rand) string // a lookalike that fails the type's check; may be nil
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
		return secretGen{typ: typ, valid: tg.Valid, invalid: inv, context: tg.Context, needsContext: tg.NeedsContext, source: "type corpus"}, true
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
			nn++
			v, kind := g.hardNegative(sg)
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
// placeholder, or a lookalike that fails the type's check.
func (g *gen) hardNegative(sg secretGen) (string, string) {
	if sg.invalid != nil && g.rng.IntN(2) == 0 {
		return sg.invalid(g.rng), NegLookalike
	}
	return placeholderOf(g.rng, sg.typ, sg.valid(g.rng)), NegPlaceholder
}

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

// placeholderOf returns a placeholder of v's shape, for documentation and
// templates: the prefix kept and the rest filled with x, or ending in
// EXAMPLE, or a template variable.
func placeholderOf(r *rand.Rand, typ, v string) string {
	switch {
	case strings.HasPrefix(v, "-----BEGIN "):
		head, _, _ := strings.Cut(v, "\n")
		tail := v[strings.LastIndexByte(v, '\n')+1:]
		return head + "\n<your private key here>\n" + tail
	case typ == "jwt":
		// The jwt.io example, in every tutorial.
		return "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
	case typ == "aws_access_key" && r.IntN(2) == 0:
		return "AKIAIOSFODNN7EXAMPLE" // AWS's documentation example
	}
	// The prefix: up to the last '_', '-' or '.' in the first 16 bytes,
	// else the leading capitals (AKIA).
	p := 0
	for i := 0; i < len(v) && i < 16; i++ {
		if c := v[i]; c == '_' || c == '-' || c == '.' || c == ':' || c == '/' {
			p = i + 1
		}
	}
	if p == 0 {
		for p < len(v) && p < 4 && v[p] >= 'A' && v[p] <= 'Z' {
			p++
		}
	}
	body := []byte(v[p:])
	switch r.IntN(3) {
	case 0:
		for i, c := range body {
			if isAlnumByte(c) {
				body[i] = 'x'
			}
		}
		return v[:p] + string(body)
	case 1:
		if len(body) > 7 {
			copy(body[len(body)-7:], "EXAMPLE")
			return v[:p] + string(body)
		}
	}
	return []string{"${", "{{ ", "<"}[r.IntN(3)] + strings.ToUpper(identOf(typ)) + []string{"}", " }}", ">"}[r.IntN(3)]
}

func isAlnumByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// ordinary appends a line of code, configuration or log text with no
// credential in it, but with the random-looking strings real files hold.
func (g *gen) ordinary(s *seg) {
	hex := func(n int) string { return string(g.chars(nil, hexLow, n)) }
	switch g.rng.IntN(10) {
	case 0:
		s.text(fmt.Sprintf("func (s *%sService) %s(ctx context.Context, id string) error {\n", g.title(), g.title()))
	case 1:
		s.text(fmt.Sprintf("\tif err := s.store.Put(ctx, %q, %d); err != nil {\n\t\treturn fmt.Errorf(\"put %%s: %%w\", id, err)\n\t}\n", g.pick(words), g.rng.IntN(1000)))
	case 2:
		s.text(fmt.Sprintf("commit %s\nAuthor: %s %s <%s@users.noreply.invalid>\n", hex(40), g.title(), g.title(), g.pick(firstNames)))
	case 3:
		s.text(fmt.Sprintf("    \"integrity\": \"sha512-%s\",\n", base64.StdEncoding.EncodeToString(g.chars(nil, alnum, 64))))
	case 4:
		s.text(fmt.Sprintf("github.com/%s/%s v1.%d.%d h1:%s\n", g.pick(firstNames), g.pick(words), g.rng.IntN(20), g.rng.IntN(10),
			base64.StdEncoding.EncodeToString(g.chars(nil, alnum, 32))))
	case 5:
		s.text(fmt.Sprintf("%sT%02d:%02d:%02d.%03dZ INFO request_id=%s-%s-4%s-a%s-%s method=GET path=/api/v2/%s status=%d duration_ms=%d\n",
			g.isoDay(), g.rng.IntN(24), g.rng.IntN(60), g.rng.IntN(60), g.rng.IntN(1000), hex(8), hex(4), hex(3), hex(3), hex(12),
			g.pick(words), []int{200, 201, 204, 404, 500}[g.rng.IntN(5)], g.rng.IntN(900)))
	case 6:
		s.text(fmt.Sprintf("replicas: %d\nimage: registry.internal/%s:%d.%d.%d\nlog_level: %s\ntimeout: %ds\n", 1+g.rng.IntN(9), g.pick(words),
			g.rng.IntN(5), g.rng.IntN(20), g.rng.IntN(10), g.pick([]string{"info", "debug", "warn"}), 5+g.rng.IntN(60)))
	case 7:
		s.text(fmt.Sprintf("sha256:%s  %s.tar.gz\n", hex(64), g.pick(words)))
	case 8:
		s.text(fmt.Sprintf("token_endpoint = \"https://auth.%s.invalid/oauth/token\"\nkey_file = \"/etc/ssl/private/%s.key\"\npassword_min_length = %d\n",
			g.pick(words), g.pick(words), 8+g.rng.IntN(8)))
	default:
		g.sentence(s)
		s.text("\n")
	}
}

// title returns a capitalised word.
func (g *gen) title() string {
	w := g.pick(words)
	return strings.ToUpper(w[:1]) + w[1:]
}

// builtinSecretGens generate the contract's first secret types from their
// published formats.
var builtinSecretGens = map[string]secretGen{
	"aws_access_key": {
		// AWS IAM User Guide, unique ID prefixes: AKIA (access key) and ASIA
		// (temporary) + 16 base32 characters.
		valid: func(r *rand.Rand) string { return pickR(r, "AKIA", "ASIA") + randChars(r, base32, 16) },
		// Characters outside base32 (0, 1, 8, 9).
		invalid: func(r *rand.Rand) string {
			b := []byte(randChars(r, base32, 16))
			b[r.IntN(16)] = "0189"[r.IntN(4)]
			return "AKIA" + string(b)
		},
		context: []string{"aws_access_key_id", "AWS access key"},
	},
	"github_token": {
		valid: func(r *rand.Rand) string {
			if r.IntN(5) == 0 {
				// A fine-grained token: github_pat_, 22 characters, '_', 59.
				return "github_pat_" + randChars(r, alnum, 22) + "_" + randChars(r, alnum, 59)
			}
			return GitHubToken(pickR(r, "ghp_", "gho_", "ghu_", "ghs_", "ghr_"), randChars(r, alnum, 30))
		},
		// A classic token with one body character changed: its CRC32 no
		// longer matches.
		invalid: func(r *rand.Rand) string {
			t := []byte(GitHubToken("ghp_", randChars(r, alnum, 30)))
			i := 4 + r.IntN(30)
			t[i] = alnum[(strings.IndexByte(alnum, t[i])+1+r.IntN(len(alnum)-1))%len(alnum)]
			return string(t)
		},
		context: []string{"github_token", "GH_TOKEN"},
	},
	"slack_token": {
		// Slack API documentation, token types: a bot token is xoxb-, the
		// team's and the bot user's numeric ids, and 24 characters.
		valid: func(r *rand.Rand) string {
			if r.IntN(2) == 0 {
				return "xoxb-" + randChars(r, decimal, 12) + "-" + randChars(r, decimal, 13) + "-" + randChars(r, alnum, 24)
			}
			return "xoxp-" + randChars(r, decimal, 12) + "-" + randChars(r, decimal, 12) + "-" + randChars(r, decimal, 13) + "-" + randChars(r, hexLow, 32)
		},
		// Letters where Slack puts the numeric ids.
		invalid: func(r *rand.Rand) string {
			return "xoxb-" + randChars(r, upperAZ, 12) + "-" + randChars(r, upperAZ, 13) + "-" + randChars(r, alnum, 24)
		},
		context: []string{"slack_bot_token"},
	},
	"stripe_key": {
		// Stripe documentation, API keys: secret and restricted keys.
		valid: func(r *rand.Rand) string {
			return pickR(r, "sk_live_", "rk_live_", "sk_test_") + randChars(r, alnum, 24+r.IntN(76))
		},
		// A publishable key, which is not secret.
		invalid: func(r *rand.Rand) string { return "pk_live_" + randChars(r, alnum, 24+r.IntN(76)) },
		context: []string{"stripe_secret_key"},
	},
	"google_api_key": {
		// Google Cloud documentation: AIza and 35 characters.
		valid:   func(r *rand.Rand) string { return "AIza" + randChars(r, alnum+"-_", 35) },
		invalid: func(r *rand.Rand) string { return "AIza" + randChars(r, alnum, 28) },
		context: []string{"google_api_key"},
	},
	"private_key": {
		// RFC 7468: BEGIN and END lines around base64 lines of 64.
		valid: func(r *rand.Rand) string {
			return pemBlock(r, pickR(r, "RSA PRIVATE KEY", "PRIVATE KEY", "EC PRIVATE KEY", "OPENSSH PRIVATE KEY"))
		},
		invalid: func(r *rand.Rand) string { return pemBlock(r, pickR(r, "PUBLIC KEY", "CERTIFICATE")) },
	},
	"jwt": {
		// RFC 7519: base64url header with "alg", payload, signature.
		valid: func(r *rand.Rand) string {
			header := pickR(r, `{"alg":"HS256","typ":"JWT"}`, `{"alg":"RS256","kid":"`+randChars(r, hexLow, 16)+`"}`)
			return jwtOf(r, header)
		},
		// A header without "alg": no JWS.
		invalid: func(r *rand.Rand) string { return jwtOf(r, `{"typ":"JWT","cty":"json"}`) },
		context: []string{"Authorization: Bearer", "id_token"},
	},
	"api_key": {
		// A secret-like key name with a random value (the generic
		// assignment detector's definition).
		valid: func(r *rand.Rand) string { return randChars(r, alnum+"-_", 20+r.IntN(21)) },
		invalid: func(r *rand.Rand) string {
			return pickR(r, "DefaultAccessTokenProvider", "/etc/ssl/private/server.key", "https://auth.example.com/oauth/token")
		},
		context:      []string{"api_key", "client_secret", "auth_token", "db_password"},
		needsContext: true,
		assignOnly:   true,
	},
}

// GitHubToken returns a classic GitHub token: the prefix, the 30-character
// body and the body's CRC32 in six base62 digits ("Behind GitHub's new
// authentication token formats", GitHub blog, 2021).
func GitHubToken(prefix, body string) string {
	const digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	c := crc32.ChecksumIEEE([]byte(body))
	var sum [6]byte
	for i := 5; i >= 0; i-- {
		sum[i] = digits[c%62]
		c /= 62
	}
	return prefix + body + string(sum[:])
}

// pemBlock returns a PEM block of label with a random body.
func pemBlock(r *rand.Rand, label string) string {
	raw := make([]byte, 48*(4+r.IntN(9)))
	for i := range raw {
		raw[i] = byte(r.Uint32() & 0xff)
	}
	body := base64.StdEncoding.EncodeToString(raw)
	var b strings.Builder
	b.WriteString("-----BEGIN " + label + "-----\n")
	for len(body) > 64 {
		b.WriteString(body[:64] + "\n")
		body = body[64:]
	}
	b.WriteString(body + "\n-----END " + label + "-----")
	return b.String()
}

// jwtOf returns a JWT with header, a small payload and a signature.
func jwtOf(r *rand.Rand, header string) string {
	enc := base64.RawURLEncoding
	payload := fmt.Sprintf(`{"sub":"%s","name":"%s","iat":%d}`, randChars(r, decimal, 10), pickR(r, firstNames...), 1700000000+r.IntN(1e8))
	sig := make([]byte, 32)
	for i := range sig {
		sig[i] = byte(r.Uint32() & 0xff)
	}
	return enc.EncodeToString([]byte(header)) + "." + enc.EncodeToString([]byte(payload)) + "." + enc.EncodeToString(sig)
}

func randChars(r *rand.Rand, alphabet string, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = alphabet[r.IntN(len(alphabet))]
	}
	return string(b)
}

func pickR(r *rand.Rand, xs ...string) string { return xs[r.IntN(len(xs))] }
