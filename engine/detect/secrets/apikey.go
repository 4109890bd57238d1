package secrets

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// Assignment limits for api_key.
const (
	maxKeyValue = 256
	minKeyValue = 12
	// entropyFloor is the least Shannon entropy, in bits per byte, of an
	// api_key value.
	entropyFloor = 3.0
)

// APIKey is the generic fallback for credentials without a format of
// their own: the value of an assignment whose key name holds a
// secret-like word ("api_key = …", "client_secret: …", `"password":
// "…"`), when the value looks random enough (Shannon entropy of at least
// three bits per byte, 12 to 256 bytes). A provider detector wins over it
// on the same span (it is validated and more confident).
var APIKey = &detect.Detector{
	Name: "api_key",
	Types: []detect.Type{{
		Name: "api_key", Family: detect.Secret, Confidence: 0.8,
		Confirm: "key/token/secret/password-style assignment whose value passes a Shannon-entropy floor",
	}},
	Source: "generic: secret-like key names (OWASP Secrets Management Cheat Sheet) and a Shannon-entropy floor",
	Keys: &detect.OnKey{
		Words:    []string{"key", "apikey", "token", "secret", "password", "passwd", "pwd", "passphrase", "credential", "credentials"},
		MinValue: minKeyValue,
		Find:     findAPIKey,
	},
	Examples: []detect.Example{
		{Text: `api_key = "Zx81kLq0PvR7tY3mW9sBn2Qe"`, Span: "Zx81kLq0PvR7tY3mW9sBn2Qe", Valid: true},
		{Text: `{"client_secret": "Zx81kLq0PvR7tY3mW9sBn2Qe"}`, Span: "Zx81kLq0PvR7tY3mW9sBn2Qe", Valid: true},
		{Text: "DB_PASSWORD=p4ss-W0rd-9x7Q!z", Span: "p4ss-W0rd-9x7Q!z", Valid: true},
		{Text: `user_agent = "Zx81kLq0PvR7tY3mW9sBn2Qe"`},
		{Text: `api_key = "aaaaaaaaaaaaaaaa"`},
	},
}

// findAPIKey checks the value of an assignment to a secret-like key.
func findAPIKey(s *detect.Scan, a *detect.Assignment) {
	t := s.T
	v := a.Value
	if len(t)-v < minKeyValue || !detect.All(t[v:v+minKeyValue], detect.Value) {
		return
	}
	ve := v + minKeyValue
	for ve < len(t) && ve-v <= maxKeyValue && detect.Is(t[ve], detect.Value) {
		ve++
	}
	if ve-v > maxKeyValue {
		return
	}
	if a.Quote != 0 && (ve >= len(t) || t[ve] != a.Quote) {
		return
	}
	if isOwnToken(t[v:ve]) {
		return
	}
	if validate.Entropy(t[v:ve]) >= entropyFloor {
		s.Add(0, v, ve, 0.8, false)
	}
}

// isOwnToken reports whether v is a token written by the tokenize transform
// ("tok_" and 16 lowercase hex digits). It stands in for a value that was
// already replaced, so reporting it as a secret again would be a false
// positive on our own output.
func isOwnToken(v []byte) bool {
	if len(v) != 20 || string(v[:4]) != "tok_" {
		return false
	}
	for _, c := range v[4:] {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return true
}
