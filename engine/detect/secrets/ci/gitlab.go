package ci

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/internal/tokenshape"
	"github.com/datafog/datafog-api/engine/validate"
)

// GitLab tokens. GitLab's "Token overview" (docs.gitlab.com/security/tokens,
// "Token prefixes") lists a prefix per kind of token; the body after it is
// what GitLab generates for that kind (a URL-safe random string, 20
// characters for most kinds). Since GitLab 17.x, tokens may instead be
// routable (GitLab handbook, architecture design documents, "Routable
// tokens"): prefix, a base64url payload of 27 to 300 characters, '.', an
// optional two-character version and '.', the payload's length in two
// base36 digits, and the CRC-32 of everything before it in seven
// lower-case base36 digits (validate.CRC32Base36).
//
// A legacy token is confirmed by its prefix and exact body (confidence
// 0.97); a routable one by its checksum (0.99). A routable token whose
// checksum fails is not reported and is vetoed, as GitHub tokens are: it
// was never issued.

// gitlabBody is the legacy body rule of one kind of token.
type gitlabBody struct {
	// min and max bound the body's length (class B64URL).
	min, max int
	// hex asks for exactly 40 lower-case hexadecimal digits (pipeline
	// trigger tokens).
	hex bool
	// partition asks for a CI job token body: 1 to 5 letters or digits
	// (the partition), '_', and 20 URL-safe characters.
	partition bool
	// mailTail lets the body be followed by '-' and lower-case letters or
	// dashes, as in an incoming email address
	// ("incoming+group-project-7-glimt-…-issue@…").
	mailTail bool
}

// gitlabDetector declares the detector of one kind of GitLab token.
func gitlabDetector(typ, confirm, literal string, body gitlabBody, examples []detect.Example) *detect.Detector {
	return &detect.Detector{
		Name: typ,
		Types: []detect.Type{{
			Name: typ, Family: detect.Secret, Confidence: 0.97, Confirm: confirm,
		}},
		Source:      "GitLab documentation, GitLab token overview (token prefixes); GitLab handbook, Routable tokens",
		Placeholder: detect.SecretPlaceholder,
		Prefixes: &detect.OnPrefix{
			Literals: []string{literal},
			Find:     func(s *detect.Scan, b, p int) { findGitLab(s, b, p, body) },
		},
		Examples: examples,
	}
}

// findGitLab handles a prefix t[b:p].
func findGitLab(s *detect.Scan, b, p int, body gitlabBody) {
	t := s.T
	if !detect.FreeLeft(t, b) {
		return
	}
	e := detect.Span(t, p, 301, detect.B64URL)
	if e < len(t) && t[e] == '.' && routableGitLab(s, b, p, e) {
		return
	}
	if !tokenshape.End(t, e) {
		return
	}
	n := e - p
	switch {
	case body.hex:
		if n != 40 || !tokenshape.LowerHex(t[p:e]) {
			return
		}
	case body.partition:
		u := e - 21
		if n < 22 || n > 26 || t[u] != '_' || !detect.All(t[p:u], detect.Alnum) {
			return
		}
	default:
		if body.mailTail && n > body.max && t[p+body.max] == '-' && lowerDashes(t[p+body.max:e]) {
			e, n = p+body.max, body.max
		}
		if n < body.min || n > body.max {
			return
		}
	}
	s.Add(0, b, e, 0.97, true)
}

// routableGitLab checks a routable token whose payload is t[p:dot]: it
// reports the token (checksum good) or vetoes it (checksum bad) and
// returns true, or returns false when what follows the '.' is not a
// routable token's tail.
func routableGitLab(s *detect.Scan, b, p, dot int) bool {
	t := s.T
	if n := dot - p; n < 27 || n > 300 {
		return false
	}
	i := dot + 1
	if i+3 <= len(t) && base36(t[i:i+2]) && t[i+2] == '.' {
		i += 3 // the version
	}
	sum := i + 2
	e := sum + 7
	if e > len(t) || !base36(t[i:e]) || !tokenshape.End(t, e) {
		return false
	}
	if !validate.CRC32Base36(t[b:sum], t[sum:e]) {
		s.Veto(b, e, 0.99)
		return true
	}
	s.Add(0, b, e, 0.99, true)
	return true
}

// base36 reports whether b is made of '0'-'9' and 'a'-'z'.
func base36(b []byte) bool {
	for _, c := range b {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'z') {
			return false
		}
	}
	return true
}

// lowerDashes reports whether b is made of 'a'-'z' and '-'.
func lowerDashes(b []byte) bool {
	for _, c := range b {
		if !(c >= 'a' && c <= 'z' || c == '-') {
			return false
		}
	}
	return true
}
