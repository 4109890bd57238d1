package engine

import (
	"fmt"
	"math"
	"strings"
)

// CustomRule is an organisation's own credential format, declared in a
// policy: a literal Prefix, then a body of MinLen to MaxLen bytes of
// Charset, optionally above a Shannon-entropy floor. The engine turns each
// rule into a detector whose prefix joins the built-in detectors' literal
// prefixes in the one dispatch table, so custom rules are found in the
// same single pass as everything else; nothing runs a regular expression.
//
// A match is the prefix and the whole run of Charset bytes after it. It
// is reported when the run is MinLen to MaxLen bytes long, is not glued to
// a word byte on either side (a prefix that starts with a letter, digit or
// '_' must not follow one; the body must not be followed by one), reaches
// MinEntropy bits per byte, and is no placeholder: the body, with any
// '-', '_' and '.' taken out, must pass detect.SecretPlaceholder
// ("acme_xxxxxxxx", "acme_EXAMPLE…" and "acme_aaaa-bbbb" do not).
type CustomRule struct {
	// Name identifies the rule in errors and listings.
	Name string
	// EntityType is reported for a match: lowercase snake_case, not a
	// built-in type.
	EntityType EntityType
	// Prefix is matched literally (case-sensitive): 3 to MaxCustomPrefix
	// printable ASCII bytes, no white space, at least one of them neither
	// a lower-case letter nor a digit (the dispatch table anchors a
	// literal at such a byte).
	Prefix string
	// Charset is the body's alphabet: a named set (see CharsetNames) or
	// the bytes and ranges themselves, as in "A-Za-z0-9_-" (a '-' first
	// or last is itself).
	Charset string
	// MinLen and MaxLen bound the body's length in bytes, 1 to
	// MaxCustomBody.
	MinLen, MaxLen int
	// MinEntropy is the least Shannon entropy of the body, in bits per
	// byte; 0 means no floor.
	MinEntropy float64
	// Confidence of a match, in (0, 1]; 0 means 0.9.
	Confidence float64
}

// Limits on custom rules.
const (
	// MaxCustomRules is the most custom rules one engine takes.
	MaxCustomRules = 1000
	// MaxCustomPrefix is the longest custom prefix, in bytes.
	MaxCustomPrefix = 64
	// MaxCustomBody is the longest custom body, in bytes.
	MaxCustomBody = 1024
)

// defaultCustomConfidence is a custom match's confidence when its rule
// sets none: a literal prefix with a structure check (the 0.85-0.95 band
// of detect's scale).
const defaultCustomConfidence = 0.9

// namedCharsets are the alphabets a rule may name.
var namedCharsets = map[string]string{
	"alnum":       "A-Za-z0-9",
	"base62":      "A-Za-z0-9",
	"alpha":       "A-Za-z",
	"lower":       "a-z",
	"upper":       "A-Z",
	"lower_alnum": "a-z0-9",
	"upper_alnum": "A-Z0-9",
	"digits":      "0-9",
	"hex":         "0-9a-fA-F",
	"hex_lower":   "0-9a-f",
	"hex_upper":   "0-9A-F",
	"base32":      "A-Z2-7",
	"base64":      "A-Za-z0-9+/",
	"base64url":   "A-Za-z0-9_-",
}

// CharsetNames lists the named charsets a CustomRule may use.
func CharsetNames() []string {
	return []string{"alnum", "base62", "alpha", "lower", "upper", "lower_alnum", "upper_alnum",
		"digits", "hex", "hex_lower", "hex_upper", "base32", "base64", "base64url"}
}

// parseCharset returns the byte set a Charset names, and the number of
// bytes in it.
func parseCharset(spec string) (set [256]bool, n int, err error) {
	if named, ok := namedCharsets[spec]; ok {
		spec = named
	}
	if spec == "" {
		return set, 0, fmt.Errorf("empty")
	}
	for i := 0; i < len(spec); i++ {
		lo := spec[i]
		hi := lo
		if i+2 < len(spec) && spec[i+1] == '-' {
			hi = spec[i+2]
			i += 2
		}
		if lo <= ' ' || lo >= 0x7f || hi <= ' ' || hi >= 0x7f {
			return set, 0, fmt.Errorf("only printable ASCII bytes other than the space, or one of the names %s", strings.Join(CharsetNames(), ", "))
		}
		if lo > hi {
			return set, 0, fmt.Errorf("range %c-%c runs backwards", lo, hi)
		}
		for c := int(lo); c <= int(hi); c++ {
			if !set[c] {
				set[c] = true
				n++
			}
		}
	}
	return set, n, nil
}

// CustomRuleProblems returns what is wrong with r, each problem naming
// the policy field at fault ("prefix", "charset", "min_length", ...); nil
// when r is valid. It does not check the rule's name or entity type
// against other rules; New does.
func CustomRuleProblems(r CustomRule) []string {
	var out []string
	add := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	if p := prefixProblem(r.Prefix); p != "" {
		add("prefix %q: %s", clipText(r.Prefix), p)
	}
	_, size, err := parseCharset(r.Charset)
	if err != nil {
		add("charset %q: %v", clipText(r.Charset), err)
	}
	if r.MinLen < 1 || r.MinLen > MaxCustomBody {
		add("min_length %d: must be from 1 to %d", r.MinLen, MaxCustomBody)
	}
	if r.MaxLen < 1 || r.MaxLen > MaxCustomBody {
		add("max_length %d: must be from 1 to %d", r.MaxLen, MaxCustomBody)
	} else if r.MaxLen < r.MinLen {
		add("max_length %d: below min_length %d", r.MaxLen, r.MinLen)
	}
	switch {
	case !(r.MinEntropy >= 0 && r.MinEntropy <= 8):
		add("min_entropy %g: outside [0, 8] bits per byte", r.MinEntropy)
	case err == nil && r.MinEntropy > 0 && r.MaxLen >= 1 && r.MaxLen <= MaxCustomBody:
		// A body of n bytes drawn from k symbols has at most log2(min(n, k))
		// bits per byte: a floor above that never matches anything.
		if most := math.Log2(float64(min(r.MaxLen, size))); r.MinEntropy > most {
			add("min_entropy %g: above the %.2f bits per byte that a body of at most %d bytes of this charset can reach", r.MinEntropy, most, r.MaxLen)
		}
	}
	if !(r.Confidence >= 0 && r.Confidence <= 1) {
		add("confidence %g: outside [0, 1]", r.Confidence)
	}
	return out
}

// prefixProblem describes what is wrong with a custom prefix, or "".
func prefixProblem(p string) string {
	if len(p) < 3 || len(p) > MaxCustomPrefix {
		return fmt.Sprintf("must be 3 to %d bytes", MaxCustomPrefix)
	}
	anchor := false
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c <= ' ' || c >= 0x7f {
			return "only printable ASCII bytes other than the space"
		}
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
			anchor = true
		}
	}
	if !anchor {
		return "needs a byte that is neither a lower-case letter nor a digit (punctuation or a capital), where the scan can anchor it"
	}
	return ""
}

// checkRules appends to problems what is wrong with each rule and with
// the set: names and types.
func checkRules(rules []CustomRule, problems []string) []string {
	if len(rules) > MaxCustomRules {
		problems = append(problems, fmt.Sprintf("custom_rules: %d rules, more than %d", len(rules), MaxCustomRules))
	}
	names := map[string]int{}
	for i, r := range rules {
		where := fmt.Sprintf("custom_rules[%d]", i)
		if r.Name == "" {
			problems = append(problems, where+": missing name")
		} else if first, dup := names[r.Name]; dup {
			problems = append(problems, fmt.Sprintf("%s: name %q also names custom_rules[%d]", where, clipText(r.Name), first))
		} else {
			names[r.Name] = i
		}
		switch {
		case !validTypeName(string(r.EntityType)):
			problems = append(problems, fmt.Sprintf("%s: entity_type %q is not lowercase snake_case", where, clipText(string(r.EntityType))))
		case IsBuiltin(r.EntityType):
			problems = append(problems, fmt.Sprintf("%s: entity_type %q is a built-in type; a custom rule reports a type of its own", where, r.EntityType))
		}
		for _, p := range CustomRuleProblems(r) {
			problems = append(problems, where+": "+p)
		}
	}
	return problems
}

// clipText shortens a configuration string quoted in a problem.
func clipText(s string) string {
	if len(s) <= 64 {
		return s
	}
	return s[:64] + "..."
}
