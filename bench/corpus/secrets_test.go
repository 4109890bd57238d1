package corpus_test

import (
	"encoding/base64"
	"encoding/json"
	"hash/crc32"
	"math/big"
	"strings"
	"testing"

	"github.com/datafog/datafog-api/bench/corpus"
	"github.com/datafog/datafog-api/engine"
)

// secretTypes are every built-in secret type of the engine's catalog.
func secretTypes() []string {
	var out []string
	for _, info := range engine.Catalog() {
		if info.Family == "secret" {
			out = append(out, info.EntityType)
		}
	}
	return out
}

// githubChecksumOK checks a classic GitHub token's last six characters
// against the CRC32 of its 30-character body, converting with math/big
// (an implementation apart from the generator's).
func githubChecksumOK(tok string) bool {
	if len(tok) != 40 {
		return false
	}
	body, sum := tok[4:34], tok[34:]
	n := new(big.Int).SetUint64(uint64(crc32.ChecksumIEEE([]byte(body))))
	s := n.Text(62) // math/big's base 62 digits are 0-9a-zA-Z: swap the letter cases to GitHub's 0-9A-Za-z
	var b strings.Builder
	for _, c := range s {
		switch {
		case c >= 'a' && c <= 'z':
			b.WriteRune(c - 'a' + 'A')
		case c >= 'A' && c <= 'Z':
			b.WriteRune(c - 'A' + 'a')
		default:
			b.WriteRune(c)
		}
	}
	return strings.Repeat("0", 6-b.Len())+b.String() == sum
}

// jwtHasAlg reports whether a JWT's header decodes to an object with alg.
func jwtHasAlg(tok string) bool {
	head, _, _ := strings.Cut(tok, ".")
	raw, err := base64.RawURLEncoding.DecodeString(head)
	if err != nil {
		return false
	}
	var h map[string]any
	return json.Unmarshal(raw, &h) == nil && h["alg"] != nil
}

// TestSecretsCorpusLabels checks the secrets corpus against independent
// checks: every type of the engine's catalog that has a generator appears
// as a valid value and as a hard negative; classic GitHub tokens carry a
// right CRC32 when valid and a wrong one when a lookalike; JWT headers
// name an algorithm exactly when valid; valid PEM blocks are private
// keys and lookalikes are not; labels are ordered and disjoint.
func TestSecretsCorpusLabels(t *testing.T) {
	types := secretTypes()
	from, missing := corpus.SecretCoverage(types)
	if len(from)+len(missing) != len(types) || from["github_token"] != "bench/corpus" && from["github_token"] != "type corpus" {
		t.Fatalf("coverage %v, missing %v", from, missing)
	}
	data, labels := corpus.GenerateSecrets(types, 512<<10, 3)
	valid, negative := map[string]int{}, map[string]int{}
	prev := 0
	for _, l := range labels {
		if l.Start < prev {
			t.Fatalf("label %+v overlaps the previous one", l)
		}
		prev = l.End
		v := string(data[l.Start:l.End])
		if l.Valid == (l.Negative != "") {
			t.Fatalf("label %+v: Valid and Negative disagree", l)
		}
		if l.Valid {
			valid[l.Type]++
		} else {
			negative[l.Type+"/"+l.Negative]++
		}
		switch {
		case l.Type == "github_token" && !strings.HasPrefix(v, "github_pat_") && l.Negative != corpus.NegPlaceholder:
			if githubChecksumOK(v) != l.Valid {
				t.Errorf("GitHub token %q labelled valid=%v, checksum says %v", v, l.Valid, !l.Valid)
			}
		case l.Type == "jwt" && l.Negative != corpus.NegPlaceholder:
			if jwtHasAlg(v) != l.Valid {
				t.Errorf("JWT %q labelled valid=%v", v, l.Valid)
			}
		case l.Type == "private_key" && l.Negative != corpus.NegPlaceholder:
			if strings.Contains(strings.SplitN(v, "\n", 2)[0], "PRIVATE KEY") != l.Valid {
				t.Errorf("PEM block %q labelled valid=%v", strings.SplitN(v, "\n", 2)[0], l.Valid)
			}
		}
	}
	for t2 := range from {
		if valid[t2] == 0 || negative[t2+"/"+corpus.NegPlaceholder] == 0 {
			t.Errorf("%s: %d valid values and %d placeholders in 512 KiB", t2, valid[t2], negative[t2+"/"+corpus.NegPlaceholder])
		}
	}
	if negative["github_token/"+corpus.NegLookalike] == 0 || negative["jwt/"+corpus.NegLookalike] == 0 {
		t.Errorf("no checksum or header lookalikes: %v", negative)
	}
}

// TestSecretsCorpusFoundByEngine scans the corpus of the contract's
// secret types with the default engine: every valid value is found with
// its exact type and span, and nothing is found on the unlabelled
// ordinary lines.
func TestSecretsCorpusFoundByEngine(t *testing.T) {
	data, labels := corpus.Generate(corpus.Secrets, 256<<10, 9)
	e, err := engine.New(engine.Config{})
	if err != nil {
		t.Fatal(err)
	}
	f, err := e.Filter(corpus.ContractSecretTypes)
	if err != nil {
		t.Fatal(err)
	}
	fs := e.Scan(nil, data, f.WithMinConfidence(engine.DefaultMinConfidence))
	exact := map[[2]int64]string{}
	for _, x := range fs {
		exact[[2]int64{x.Start, x.End}] = string(x.Type)
		covered := false
		for _, l := range labels {
			if x.Start < int64(l.End) && x.End > int64(l.Start) {
				covered = true
				break
			}
		}
		if !covered {
			t.Errorf("%s found on an ordinary line at %d: %q", x.Type, x.Start, data[x.Start:x.End])
		}
	}
	n := 0
	for _, l := range labels {
		if !l.Valid {
			continue
		}
		n++
		if got := exact[[2]int64{int64(l.Start), int64(l.End)}]; got != l.Type {
			t.Errorf("valid %s %q found as %q", l.Type, data[l.Start:l.End], got)
		}
	}
	if n < 400 {
		t.Fatalf("%d valid values in 256 KiB, want a secrets-heavy corpus", n)
	}
}
