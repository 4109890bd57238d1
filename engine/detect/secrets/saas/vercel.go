package saas

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/shape"
)

// Vercel prefixed token limits: Vercel has not published the length of
// what follows the prefix.
const vercelMin, vercelMax = 24, 64

// Vercel finds Vercel credentials by the prefixes Vercel announced
// (Vercel changelog, "Introducing new token formats and secret
// scanning", https://vercel.com/changelog/new-token-formats-and-secret-scanning:
// vcp personal access tokens, vci integration tokens, vca app access
// tokens, vcr app refresh tokens, vck API keys), "_" and 24 to 64
// alphanumerics. Tokens issued before have no prefix and are found by
// VercelLegacyToken.
var Vercel = &detect.Detector{
	Name: "vercel",
	Types: []detect.Type{
		{Name: "vercel_access_token", Family: detect.Secret, Confidence: 0.92, Confirm: "vcp_/vci_/vca_/vcr_ + 24-64 alphanumerics"},
		{Name: "vercel_api_key", Family: detect.Secret, Confidence: 0.92, Confirm: "vck_ + 24-64 alphanumerics"},
	},
	Source:      "Vercel changelog, Introducing new token formats and secret scanning (vcp/vci/vca/vcr/vck prefixes)",
	Placeholder: detect.SecretPlaceholder,
	Prefixes:    &detect.OnPrefix{Literals: []string{"vcp_", "vci_", "vca_", "vcr_", "vck_"}, Find: findVercel},
	// #nosec G101 -- the examples are fabricated credentials, not real ones.
	Examples: []detect.Example{
		{Text: "VERCEL_TOKEN=vcp_GM4TRcePaVmTNroC7UxF7LQ1DeuQUDcF", Span: "vcp_GM4TRcePaVmTNroC7UxF7LQ1DeuQUDcF", Valid: true},
		{Text: "key vck_KCg1zcWxcRXuV6rLcWPqjG1GELviarDmLJBpCJca", Span: "vck_KCg1zcWxcRXuV6rLcWPqjG1GELviarDmLJBpCJca", Type: "vercel_api_key", Valid: true},
		{Text: "vcp_GM4TRcePaVmTNroC7Ux"},
		{Text: "static UART_HandleTypeDef h_vcp_uart_handle_for_console_output;"},
	},
}

// findVercel handles a prefix t[b:p].
func findVercel(s *detect.Scan, b, p int) {
	t := s.T
	if !shape.Left(t, b, shape.Alnum) {
		return
	}
	e, ok := shape.Body(t, p, vercelMin, vercelMax, shape.Alnum)
	if !ok || !shape.Varied(t[p:e]) || !shape.Mixed(t[p:e]) {
		return
	}
	k := 0
	if t[b+2] == 'k' {
		k = 1
	}
	s.Add(k, b, e, 0.92, true)
}
