package ci

import "github.com/datafog/datafog-api/engine/detect"

// VaultRecoveryToken finds Vault recovery tokens ("hvr.").
var VaultRecoveryToken = vaultDetector("vault_recovery_token", vaultKind{"hvr.", 255}, []detect.Example{
	{Text: "recovery_token: hvr.GljiKxHJ0kmcwpeyy41qE6Uj", Span: "hvr.GljiKxHJ0kmcwpeyy41qE6Uj", Valid: true},
	{Text: "VAULT_TOKEN=hvr.zTznOoGwRqV8xVB0pxlJqin9", Span: "hvr.zTznOoGwRqV8xVB0pxlJqin9", Valid: true},
	{Text: "VAULT_TOKEN=hvr.zTznOoGwRqV8xVB0pxlJqin"},
	{Text: "VAULT_TOKEN=hvr_zTznOoGwRqV8xVB0pxlJqin9"},
	// A lookalike under a name or prefix that says what it is: vetoed, so
	// not the generic api_key either.
	{Text: `{"X-Vault-Token": "hvr.XofDG0FU1GHFUTRAozs5q4"}`, Type: "api_key"},
})
