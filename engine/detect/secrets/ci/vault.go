package ci

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/internal/tokenshape"
	"github.com/datafog/datafog-api/engine/detect/secrets/shape"
)

// HashiCorp Vault tokens. Vault 1.10 gave its tokens a type prefix
// (Vault documentation, "Tokens", token prefixes): "hvs." service tokens,
// "hvb." batch tokens and "hvr." recovery tokens, each followed by a
// URL-safe body (24 characters or more; a service token carrying a
// namespace or HMAC is about 90, a batch token well over 100).
//
// The prefixes' only punctuation is '.', the commonest byte of prose
// after letters and blanks; anchoring on it would make the whole scan
// stop at every full stop. A Vault token is instead looked for where
// Vault tokens are written: as the value of an assignment whose key holds
// "token" (VAULT_TOKEN=…, X-Vault-Token: …, "client_token": "…",
// token = "…"), or after the VAULT_TOKEN or X-Vault-Token name and
// blanks. A bare token in prose ("vault login hvs.…") is not found; the
// generic api_key detector does not find it either.

// vaultKind is one kind of Vault token: its prefix and longest body.
type vaultKind struct {
	prefix string
	max    int
}

// vaultDetector declares the detector of one kind of Vault token.
func vaultDetector(typ string, kind vaultKind, examples []detect.Example) *detect.Detector {
	find := func(s *detect.Scan, v int) { findVault(s, v, kind) }
	return &detect.Detector{
		Name: typ,
		Types: []detect.Type{{
			Name: typ, Family: detect.Secret, Confidence: 0.97, NeedsContext: true,
			Confirm: kind.prefix + " + 24 or more URL-safe characters, as a token's value",
		}},
		Source:      "HashiCorp Vault documentation, Tokens (token prefixes hvs., hvb., hvr.)",
		Placeholder: detect.SecretPlaceholder,
		Prefixes: &detect.OnPrefix{
			Literals: []string{"VAULT_TOKEN", "X-Vault-Token"},
			Find: func(s *detect.Scan, _, p int) {
				if v, op, ok := tokenshape.ValueAfterName(s.T, p); ok && !op {
					find(s, v)
				}
			},
		},
		Keys: &detect.OnKey{
			Words:    []string{"token"},
			MinValue: 28,
			Find:     func(s *detect.Scan, a *detect.Assignment) { find(s, a.Value) },
		},
		Examples: examples,
	}
}

// findVault checks the value that starts at t[v].
func findVault(s *detect.Scan, v int, kind vaultKind) {
	t := s.T
	if !detect.HasPrefix(t, v, kind.prefix) {
		return
	}
	p := v + len(kind.prefix)
	if e, ok := tokenshape.Body(t, p, 24, kind.max, detect.B64URL); ok {
		s.Add(0, v, e, 0.97, true)
	} else {
		shape.VetoValue(s, v) // its own prefix names it
	}
}

// VaultServiceToken finds Vault service tokens ("hvs.").
var VaultServiceToken = vaultDetector("vault_service_token", vaultKind{"hvs.", 255}, []detect.Example{
	{Text: "VAULT_TOKEN=hvs.b2P1JJeE5bzXsm9gvjoucOmK", Span: "hvs.b2P1JJeE5bzXsm9gvjoucOmK", Valid: true},
	{Text: "X-Vault-Token: hvs.CAESI2TA35HkDmv62V-X0w8B8yW9XUQTw_m9za5P9IgWcH1z7-YCR-baxxxFPdAy2bw9vYnQQ9BIXkGZEkT_-o3K0-v", Span: "hvs.CAESI2TA35HkDmv62V-X0w8B8yW9XUQTw_m9za5P9IgWcH1z7-YCR-baxxxFPdAy2bw9vYnQQ9BIXkGZEkT_-o3K0-v", Valid: true},
	{Text: "export VAULT_TOKEN hvs.kV9Ikdf92qrjvWeRkipW8wXm", Span: "hvs.kV9Ikdf92qrjvWeRkipW8wXm", Valid: true},
	{Text: "VAULT_TOKEN=hvs.b2P1JJeE5bzXsm9gvjoucOm"},
	{Text: "VAULT_TOKEN=xhvs.b2P1JJeE5bzXsm9gvjoucOmK"},
	{Text: "VAULT_ADDR=hvs.b2P1JJeE5bzXsm9gvjoucOmK"},
})
