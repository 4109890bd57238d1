package secrets

import (
	"bytes"

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
// "…"`, `<apiKey>…</apiKey>`, `setenv("X_TOKEN", "…")`), when the value
// itself looks like a credential (plausibleSecret): 12 to 256 bytes, not a
// path, URL, UUID, dotted or code identifier, not a placeholder, and
// random enough for its alphabet. A provider detector wins over it on the
// same span: the type is Generic.
var APIKey = &detect.Detector{
	Name: "api_key",
	Types: []detect.Type{{
		Name: "api_key", Family: detect.Secret, Confidence: 0.8, Generic: true,
		Confirm: "key/token/secret/password-style assignment whose value is credential-like: not a path, URL, identifier or placeholder, and above an entropy floor for its alphabet",
	}},
	Source:      "generic: secret-like key names (OWASP Secrets Management Cheat Sheet) and a Shannon-entropy floor per alphabet",
	Placeholder: detect.SecretPlaceholder,
	Keys: &detect.OnKey{
		Words: []string{
			"key", "apikey", "token", "secret", "password", "passwd", "pwd", "passphrase",
			"credential", "credentials", "creds",
		},
		MinValue: minKeyValue,
		Find:     findAPIKey,
	},
	Examples: []detect.Example{
		{Text: `api_key = "Zx81kLq0PvR7tY3mW9sBn2Qe"`, Span: "Zx81kLq0PvR7tY3mW9sBn2Qe", Valid: true},
		{Text: `{"client_secret": "Zx81kLq0PvR7tY3mW9sBn2Qe"}`, Span: "Zx81kLq0PvR7tY3mW9sBn2Qe", Valid: true},
		{Text: "DB_PASSWORD=p4ss-W0rd-9x7Q!z", Span: "p4ss-W0rd-9x7Q!z", Valid: true},
		{Text: `apiToken := "Zx81kLq0PvR7tY3mW9sBn2Qe"`, Span: "Zx81kLq0PvR7tY3mW9sBn2Qe", Valid: true},
		{Text: `API_KEY ?= Zx81kLq0PvR7tY3mW9sBn2Qe`, Span: "Zx81kLq0PvR7tY3mW9sBn2Qe", Valid: true},
		{Text: `$secret .= 'Zx81kLq0PvR7tY3mW9sBn2Qe';`, Span: "Zx81kLq0PvR7tY3mW9sBn2Qe", Valid: true},
		{Text: `'api_token' => 'Zx81kLq0PvR7tY3mW9sBn2Qe',`, Span: "Zx81kLq0PvR7tY3mW9sBn2Qe", Valid: true},
		{Text: "token = `Zx81kLq0PvR7tY3mW9sBn2Qe`", Span: "Zx81kLq0PvR7tY3mW9sBn2Qe", Valid: true},
		{Text: `<apiKey>Zx81kLq0PvR7tY3mW9sBn2Qe</apiKey>`, Span: "Zx81kLq0PvR7tY3mW9sBn2Qe", Valid: true},
		{Text: `System.setProperty("X_TOKEN", "Zx81kLq0PvR7tY3mW9sBn2Qe");`, Span: "Zx81kLq0PvR7tY3mW9sBn2Qe", Valid: true},
		{Text: `os.getenv("api_token", "Zx81kLq0PvR7tY3mW9sBn2Qe")`, Span: "Zx81kLq0PvR7tY3mW9sBn2Qe", Valid: true},
		{Text: `creds: Zx81kLq0PvR7tY3mW9sBn2Qe`, Span: "Zx81kLq0PvR7tY3mW9sBn2Qe", Valid: true},
		{Text: `user_agent = "Zx81kLq0PvR7tY3mW9sBn2Qe"`},
		{Text: `api_key = "aaaaaaaaaaaaaaaa"`},
		{Text: `if token == "Zx81kLq0PvR7tY3mW9sBn2Qe" {`},
		{Text: `key_file = "/etc/secrets/prod/api.key"`},
		{Text: `ssh_key: ~/.ssh/id_ed25519_deploy`},
		{Text: `tokenProvider = com.example.auth.JwtTokenProvider`},
		{Text: `token_class = "DefaultAccessTokenProvider"`},
		{Text: `token_url = "https://auth.example.com/oauth/token"`},
		{Text: `api_key_id = "123e4567-e89b-12d3-a456-426614174000"`},
		{Text: `secret = "abcdefghijklmnopqrstuvwxyz"`},
		{Text: `API_KEY=YourAccessTokenHere`},
		{Text: `api_key = "xxxxxxxxxxxxxxxxxxxxxxxx"`},
		{Text: `password: "${DB_PASSWORD_FROM_VAULT}"`},
		{Text: `secret_key = "SECRET_KEY_PLACEHOLDER_VALUE"`},
		{Text: `access_token = 12345678901234567890`},
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
	if isOwnToken(t[v:ve]) || !plausibleSecret(t[v:ve]) {
		return
	}
	s.Add(0, v, ve, 0.8, false)
}

// plausibleSecret judges an assignment's value by itself. Names of
// things are not secrets: a path ("/etc/x", "./x", "~/x", "C:\\x", or a
// file name with an extension), a URL, a UUID (an identifier), a dotted
// name ("com.example.Provider"), or a code identifier (letters, '_' and
// '-' with few digits, in one case or in camel-case words). The rest must
// be random enough for its alphabet: at least 16 characters and 2.9 bits
// per byte when it is all digits or all hex, and above entropyFloor (a
// little higher for long values) otherwise.
func plausibleSecret(v []byte) bool {
	if isPathOrURL(v) || isUUID(v) || isIdentifier(v) {
		return false
	}
	h := validate.Entropy(v)
	switch {
	case detect.All(v, detect.Digit):
		return false // a number: an id, a count, a timestamp
	case detect.All(v, detect.Hex):
		return len(v) >= 16 && h >= 2.9
	}
	return h >= min(entropyFloor+float64(len(v)-12)*0.03, 3.6)
}

// isPathOrURL reports whether v names a file or a resource.
func isPathOrURL(v []byte) bool {
	switch {
	case v[0] == '/' || v[0] == '~' || v[0] == '$',
		v[0] == '.' && (v[1] == '/' || v[1] == '.'),
		detect.IsAlpha(v[0]) && v[1] == ':' && (v[2] == '\\' || v[2] == '/'),
		bytes.Contains(v, []byte("://")), detect.HasPrefixFold(v, 0, "www."):
		return true
	}
	// A file name: a '.' followed by two to five letters at the end.
	if k := bytes.LastIndexByte(v, '.'); k > 0 && len(v)-k-1 >= 2 && len(v)-k-1 <= 5 && detect.All(v[k+1:], detect.Alpha) {
		return true
	}
	return false
}

// isUUID reports whether v is 8-4-4-4-12 hex digits.
func isUUID(v []byte) bool {
	if len(v) != 36 {
		return false
	}
	for i, c := range v {
		if i == 8 || i == 13 || i == 18 || i == 23 {
			if c != '-' {
				return false
			}
		} else if !detect.IsHex(c) {
			return false
		}
	}
	return true
}

// isIdentifier reports whether v reads as a name in code: dot-separated
// segments of letters, '_' and '-', each ending in at most two digits, in
// one case, capitalised words or camel-case (fewer than a third of the
// letters upper-case, or all of them).
func isIdentifier(v []byte) bool {
	letters, upper := 0, 0
	for rest := v; len(rest) > 0; {
		seg := rest
		if k := bytes.IndexByte(rest, '.'); k >= 0 {
			seg, rest = rest[:k], rest[k+1:]
			if len(rest) == 0 {
				return false // a trailing dot
			}
		} else {
			rest = nil
		}
		if len(seg) == 0 {
			return false
		}
		k := len(seg)
		for k > 0 && len(seg)-k < 2 && detect.IsDigit(seg[k-1]) {
			k--
		}
		for _, c := range seg[:k] {
			switch {
			case detect.IsUpper(c):
				upper++
				letters++
			case detect.IsLower(c):
				letters++
			case c == '_' || c == '-':
			default:
				return false
			}
		}
	}
	return letters > 0 && (upper*3 < letters || upper == letters)
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
