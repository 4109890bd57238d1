package saas

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/shape"
)

// FigmaPersonalAccessToken finds Figma personal access tokens (Figma
// developers, "Personal access tokens",
// https://developers.figma.com/docs/rest-api/personal-access-tokens/, sent
// as X-Figma-Token; the tokens Figma issues begin "figd_"), with 32 to
// 64 base64url characters after the prefix.
var FigmaPersonalAccessToken = &detect.Detector{
	Name: "figma_personal_access_token",
	Types: []detect.Type{{
		Name: "figma_personal_access_token", Family: detect.Secret, Confidence: 0.95,
		Confirm: "figd_ + 32-64 base64url characters",
	}},
	Source:      "Figma developer documentation, Personal access tokens (figd_ prefix)",
	Placeholder: detect.SecretPlaceholder,
	Prefixes:    &detect.OnPrefix{Literals: []string{"figd_"}, Find: findFigma},
	// #nosec G101 -- the examples are fabricated credentials, not real ones.
	Examples: []detect.Example{
		{Text: "X-Figma-Token: figd_D1hnTb-HZpuyQQ4SWwi6ueti8ePiEPfNDSbTJp-d", Span: "figd_D1hnTb-HZpuyQQ4SWwi6ueti8ePiEPfNDSbTJp-d", Valid: true},
		{Text: "FIGMA_TOKEN=figd_ucr-n4QT_8sleSMOqk7vbLACospZQqw_R5jltKv2", Span: "figd_ucr-n4QT_8sleSMOqk7vbLACospZQqw_R5jltKv2", Valid: true},
		{Text: "figd_D1hnTb-HZpuyQQ4SWwi6ue"},
		{Text: "figd_your-personal-access-token"},
	},
}

// findFigma handles "figd_" at t[b:p].
func findFigma(s *detect.Scan, b, p int) {
	t := s.T
	if !shape.Left(t, b, shape.URL) {
		return
	}
	if e, ok := shape.Body(t, p, 32, 64, shape.URL); ok && shape.Varied(t[p:e]) {
		s.Add(0, b, e, 0.95, true)
	}
}
