package saas

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/shape"
)

// ContentfulPersonalAccessToken finds Contentful personal access tokens
// for the Content Management API (Contentful docs, "Authentication",
// https://www.contentful.com/developers/docs/references/authentication/:
// personal access tokens begin "CFPAT-"), with 43 base64url characters
// after the prefix.
var ContentfulPersonalAccessToken = &detect.Detector{
	Name: "contentful_personal_access_token",
	Types: []detect.Type{{
		Name: "contentful_personal_access_token", Family: detect.Secret, Confidence: 0.97,
		Confirm: "CFPAT- + 43 base64url characters",
	}},
	Source:      "Contentful documentation, Authentication (CFPAT- personal access tokens)",
	Placeholder: detect.SecretPlaceholder,
	Prefixes:    &detect.OnPrefix{Literals: []string{"CFPAT-"}, Find: findContentful},
	// #nosec G101 -- the examples are fabricated credentials, not real ones.
	Examples: []detect.Example{
		{Text: "CONTENTFUL_MANAGEMENT_TOKEN=CFPAT-xdey79KYMA6okMHGc99JgimsXB6nPL7mL8ohqej-8Ko", Span: "CFPAT-xdey79KYMA6okMHGc99JgimsXB6nPL7mL8ohqej-8Ko", Valid: true},
		{Text: "token CFPAT-ghG0mPhCcEnt1JL5Rc0eKmzE2ohHPf7oF59LfU-_Og8 ok", Span: "CFPAT-ghG0mPhCcEnt1JL5Rc0eKmzE2ohHPf7oF59LfU-_Og8", Valid: true},
		{Text: "CFPAT-xdey79KYMA6okMHGc99JgimsXB6nPL7mL8ohqej-8K"},
		{Text: "CFPAT-xdey79KYMA6okMHGc99JgimsXB6nPL7mL8ohqej-8Koa"},
	},
}

// findContentful handles "CFPAT-" at t[b:p].
func findContentful(s *detect.Scan, b, p int) {
	t := s.T
	if shape.Left(t, b, shape.URL) && shape.Fixed(t, p, 43, shape.URL) && shape.Varied(t[p:p+43]) {
		s.Add(0, b, p+43, 0.97, true)
	}
}
