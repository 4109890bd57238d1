package saas

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/shape"
)

// NotionIntegrationToken finds Notion integration tokens (Notion
// developers, "Authorization",
// https://developers.notion.com/docs/authorization: internal integration
// tokens, "ntn_" since 2024 and "secret_" before), with 40 to 50
// alphanumerics after "ntn_" and 43 after "secret_".
var NotionIntegrationToken = &detect.Detector{
	Name: "notion_integration_token",
	Types: []detect.Type{{
		Name: "notion_integration_token", Family: detect.Secret, Confidence: 0.95,
		Confirm: "ntn_ + 40-50 alphanumerics, or secret_ + 43",
	}},
	Source:      "Notion developer documentation, Authorization (integration tokens ntn_, secret_)",
	Placeholder: detect.SecretPlaceholder,
	Prefixes:    &detect.OnPrefix{Literals: []string{"ntn_", "secret_"}, Find: findNotion},
	// #nosec G101 -- the examples are fabricated credentials, not real ones.
	Examples: []detect.Example{
		{Text: "NOTION_TOKEN=ntn_qCbYZIkNVvj6g7Ql8KG35Rk3tJj4dRAOA214doE5g1iJh0", Span: "ntn_qCbYZIkNVvj6g7Ql8KG35Rk3tJj4dRAOA214doE5g1iJh0", Valid: true},
		{Text: "notion: secret_givcv7Txhou5uZ1Nas6haixNN6DOxqKkY1xWFrLudSi", Span: "secret_givcv7Txhou5uZ1Nas6haixNN6DOxqKkY1xWFrLudSi", Valid: true},
		{Text: "secret_givcv7Txhou5uZ1Nas6haixNN6DOxqKkY1xWFrLudS"},
		{Text: "client_secret_givcv7Txhou5uZ1Nas6haixNN6DOxqKkY1xWFrLudSi"},
		{Text: "ntn_qCbYZIkNVvj6g7Ql8KG35Rk3"},
	},
}

// findNotion handles a prefix t[b:p].
func findNotion(s *detect.Scan, b, p int) {
	t := s.T
	if !shape.Left(t, b, shape.Alnum) {
		return
	}
	lo, hi := 40, 50
	if t[b] == 's' {
		lo, hi = 43, 43
	}
	if e, ok := shape.Body(t, p, lo, hi, shape.Alnum); ok && shape.Varied(t[p:e]) {
		s.Add(0, b, e, 0.95, true)
	}
}
