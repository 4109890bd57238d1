package saas

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/shape"
)

// Atlassian API token limits: the body between "ATATT3" and the
// "=<checksum>" tail (about 180 characters today).
const atlassianMin, atlassianMax = 150, 250

// AtlassianAPIToken finds Atlassian Cloud API tokens (Atlassian support,
// "Manage API tokens for your Atlassian account",
// https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/;
// the tokens Atlassian issues since 2023 begin "ATATT3" and end in "="
// and eight upper-case hexadecimal digits): "ATATT3", 150 to 250
// base64url characters, "=" and 8 hexadecimal digits.
var AtlassianAPIToken = &detect.Detector{
	Name: "atlassian_api_token",
	Types: []detect.Type{{
		Name: "atlassian_api_token", Family: detect.Secret, Confidence: 0.97,
		Confirm: "ATATT3 + 150-250 base64url characters + = + 8 upper-case hex",
	}},
	Source:      "Atlassian support, Manage API tokens for your Atlassian account (ATATT3 token format)",
	Placeholder: detect.SecretPlaceholder,
	Prefixes:    &detect.OnPrefix{Literals: []string{"ATATT3"}, Find: findAtlassian},
	// #nosec G101 -- the examples are fabricated credentials, not real ones.
	Examples: []detect.Example{
		{Text: "JIRA_API_TOKEN=ATATT3B69U6devSqHhvgUD4zDqrSOZhQJtl0X4Ftg59DSDskemg9YPGEhX1sxzQUy8C9Sw-zMm2iXWjLqZD6ENEy8-2DwBQrxJ4P0mbFkWUHyG8QuxSlhW3c379sZBVgFH1dPcRHkWgeeYe8qUnZ0ag01BhZGLyrWNA8p9D0fWLqAZM6TF52qF8wnV=40FF554F",
			Span: "ATATT3B69U6devSqHhvgUD4zDqrSOZhQJtl0X4Ftg59DSDskemg9YPGEhX1sxzQUy8C9Sw-zMm2iXWjLqZD6ENEy8-2DwBQrxJ4P0mbFkWUHyG8QuxSlhW3c379sZBVgFH1dPcRHkWgeeYe8qUnZ0ag01BhZGLyrWNA8p9D0fWLqAZM6TF52qF8wnV=40FF554F", Valid: true},
		{Text: "ATATT3B69U6devSqHhvgUD4zDqrSOZhQJtl0X4Ftg59DSDskemg9YPGEhX1sxzQUy8C9Sw-zMm2iXWjLqZD6ENEy8-2DwBQrxJ4P0mbFkWUHyG8QuxSlhW3c379sZBVgFH1dPcRHkWgeeYe8qUnZ0ag01BhZGLyrWNA8p9D0fWLqAZM6TF52qF8wnV=40FF554"},
		{Text: "ATATT3B69U6devSqHhvgUD4zDqrSOZhQJtl0X4Ftg59DSDskemg9YPGEhX1sxzQUy8C9Sw=40FF554F"},
	},
}

// findAtlassian handles "ATATT3" at t[b:p].
func findAtlassian(s *detect.Scan, b, p int) {
	t := s.T
	if !shape.Left(t, b, shape.URL) {
		return
	}
	eq := detect.Span(t, p, atlassianMax+1, shape.URL)
	if n := eq - p; n < atlassianMin || n > atlassianMax || eq+9 > len(t) || t[eq] != '=' || !shape.UpperHex(t[eq+1:eq+9]) {
		return
	}
	if e := eq + 9; detect.FreeRight(t, e) && (e == len(t) || t[e] != '-') {
		s.Add(0, b, e, 0.97, true)
	}
}
